import Foundation
import Testing
@testable import GovReport

/// `Taxonomy.parse` on taxonomy files as an analyst might edit them: every problem with the JSON
/// path `govreport validate` prints.
@Suite struct TaxonomyValidationTests {
    private func problems(_ json: String) -> [ConfigProblem] {
        Taxonomy.parse(Data(json.utf8)).1
    }

    @Test func theDefaultTaxonomyHasNoProblems() throws {
        let (rules, problems) = Taxonomy.parse(try Data(contentsOf: DefaultIndicatorTaxonomy.file))
        #expect(problems == [])
        #expect(rules.count >= 45)
        #expect(Set(rules.map(\.code)).count == rules.count)
        #expect(Set(rules.map(\.unitClass)) == Set(UnitClass.allCases))
    }

    @Test func aValidEntryBecomesARule() throws {
        let (rules, problems) = Taxonomy.parse(Data("""
            {"description": "试点街道的补充指标",
             "indicators": [
              {"code": "mediation.disputes_mediated", "name_zh": "调处矛盾纠纷", "name_en": "Disputes mediated",
               "unit_class": "count", "units": ["起", "件"],
               "all": ["纠纷 | 矛盾"], "any": ["调处|调解|化解"], "none": ["成功率"], "priority": 2,
               "note": "调处、调解、化解视为同一口径"},
              {"code": "mediation.mediators", "name_zh": "人民调解员", "name_en": "Mediators",
               "unit_class": "people", "all": ["调解员"]}
             ]}
            """.utf8))
        #expect(problems == [])
        #expect(rules == [
            IndicatorRule(code: "mediation.disputes_mediated", nameZh: "调处矛盾纠纷", nameEn: "Disputes mediated",
                          unitClass: .count, units: ["起", "件"], all: [["纠纷", "矛盾"]], any: [["调处", "调解", "化解"]],
                          none: [["成功率"]], priority: 2),
            IndicatorRule(code: "mediation.mediators", nameZh: "人民调解员", nameEn: "Mediators", unitClass: .people,
                          all: [["调解员"]]),
        ])
        #expect(rules.last?.units == ["人", "名", "位", "人次", ""])
    }

    @Test func unknownKeysAreReportedWhereTheyStand() {
        let found = problems("""
            {"indicators": [
              {"code": "publicity.materials", "name_zh": "发放宣传资料", "name_en": "Materials",
               "unit_class": "count", "all": ["资料"], "keywords": ["宣传册"], "Note": "大小写有别"}
             ],
             "version": 2}
            """)
        #expect(found.map(\.path) == ["$.version", "$.indicators[0].Note", "$.indicators[0].keywords"])
        #expect(found.allSatisfy { $0.message.hasPrefix("unknown key") })
    }

    @Test func aDuplicateCodePointsAtTheFirst() {
        let found = problems("""
            {"indicators": [
              {"code": "litigation.cases", "name_zh": "行政诉讼案件", "name_en": "Lawsuits", "unit_class": "count",
               "all": ["行政诉讼"]},
              {"code": "litigation.lost", "name_zh": "败诉", "name_en": "Lost", "unit_class": "count", "all": ["败诉"]},
              {"code": "litigation.cases", "name_zh": "行政应诉案件", "name_en": "Lawsuits", "unit_class": "count",
               "all": ["应诉"]}
            ]}
            """)
        #expect(found == [ConfigProblem("$.indicators[2].code",
                                        "duplicate code \"litigation.cases\" (first at $.indicators[0])")])
    }

    @Test func rulesThatCanNeverMatch() {
        let found = problems("""
            {"indicators": [
              {"code": "mediation.success_rate", "name_zh": "调解成功率", "name_en": "Success rate",
               "unit_class": "percent", "all": ["调解", "成功率|调解成功率"], "none": ["成功率"]},
              {"code": "reconsideration.corrected", "name_zh": "复议纠错", "name_en": "Corrected",
               "unit_class": "count", "any": ["复议纠错|纠错率"], "none": ["纠错"]},
              {"code": "publicity.lectures", "name_zh": "法律讲座", "name_en": "Lectures", "unit_class": "count",
               "none": ["培训"]},
              {"code": "publicity.audience", "name_zh": "受教育人次", "name_en": "Audience", "unit_class": "people",
               "all": ["受教育", " | "]}
            ]}
            """)
        #expect(found.map(\.path) == ["$.indicators[0].all[1]", "$.indicators[1].any", "$.indicators[2]",
                                     "$.indicators[3].all[1]"])
        #expect(found[0].message.hasPrefix("can never match"))
        #expect(found[1].message.hasPrefix("can never match"))
        #expect(found[2].message.hasPrefix("no keywords"))
        #expect(found[3].message == "empty keyword")
    }

    @Test func badUnitClassesAndUnits() {
        let found = problems("""
            {"indicators": [
              {"code": "enforcement.fines_amount", "name_zh": "罚没金额", "name_en": "Fines", "unit_class": "currency",
               "all": ["罚没"]},
              {"code": "publicity.activities", "name_zh": "普法活动", "name_en": "Events", "unit_class": "count",
               "units": ["场次", "人", "小时"], "all": ["宣传"]},
              {"code": "study.training_hours", "name_zh": "培训学时", "name_en": "Hours", "unit_class": "duration",
               "units": [], "all": ["培训"]},
              {"code": "mediation.mediators", "name_zh": "调解员", "name_en": "Mediators", "unit_class": "people",
               "units": "名", "all": ["调解员"]}
            ]}
            """)
        #expect(found.map(\.path) == ["$.indicators[0].unit_class", "$.indicators[1].units[1]",
                                     "$.indicators[1].units[2]", "$.indicators[2].units", "$.indicators[3].units"])
        #expect(found[0].message == "\"currency\" is not one of count, money, percent, duration, people")
        #expect(found[1].message.hasPrefix("\"人\" is not a unit of class count"))
    }

    @Test func missingAndMistypedFields() {
        let found = problems("""
            {"indicators": [
              {"code": "Mediation-Cases", "name_en": "Cases", "unit_class": "count", "all": "纠纷",
               "priority": 1.5, "note": 3},
              "study.exam_participants"
            ]}
            """)
        #expect(found.map(\.path) == ["$.indicators[0].code", "$.indicators[0].name_zh", "$.indicators[0].all",
                                     "$.indicators[0]", "$.indicators[0].priority", "$.indicators[0].note",
                                     "$.indicators[1]"])
        #expect(problems("[]").map(\.path) == ["$"])
        #expect(problems("{\"description\": \"空\"}").map(\.path) == ["$.indicators"])
    }
}
