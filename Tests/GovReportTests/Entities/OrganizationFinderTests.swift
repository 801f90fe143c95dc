import Testing
@testable import GovReport

@Suite("Organisations")
struct OrganizationFinderTests {
    @Test func partnersNamedAfterVerbsAndConjunctions() {
        let text = "自2022年11月起，与浙江明理律所签约，签订了专项和长期法律服务合同。指定专人负责与明理律师事务所对接。"
            + "与云溪区人民检察院合作，建立督查机制，设立检察官驻队办公室。协助江州远帆科技有限公司探索新的服务模式。"
            + "在区司法局支持下，街道商会与临江公证处签署了合作协议。"
        #expect(entityTestFind("organization", text).map(\.text) == [
            "浙江明理律所", "明理律师事务所", "云溪区人民检察院", "检察官驻队办公室", "江州远帆科技有限公司",
            "区司法局", "街道商会", "临江公证处",
        ])
    }

    @Test func exactOffsets() throws {
        let text = "与云溪区人民检察院合作，建立督查机制。"
        let organization = try #require(entityTestFind("organization", text).first)
        #expect(organization.charStart == 1)
        #expect(organization.charEnd == 9)
        #expect(organization.normalized == "云溪区人民检察院")
    }

    @Test func officesThatStandAlone() {
        let text = "组织禾丰镇派出所、市场监管所、综合执法中队等部门开展安全隐患大排查。建立综治中心、司法所、派出所信息共享机制。"
        #expect(entityTestFind("organization", text).map(\.text) == ["禾丰镇派出所", "综合执法中队", "综治中心", "司法所", "派出所"])
    }

    @Test func nestedBodiesKeepTheFullName() {
        let text = "建立了望湖社区公共法律服务工作室及农工党临江区基层委员会法律服务工作站，成立禾丰镇人民调解委员会。"
        #expect(entityTestFind("organization", text).map(\.text) == [
            "望湖社区公共法律服务工作室", "农工党临江区基层委员会法律服务工作站", "禾丰镇人民调解委员会",
        ])
    }

    @Test func courtsAndLongCommitteeNames() {
        let text = "邀请市中级人民法院法官授课，区检察院派员参加；中共江州市委全面依法治市委员会办公室印发通知，"
            + "区委依法治区办、区信访局、区公安分局联合开展行动。"
        #expect(entityTestFind("organization", text).map(\.text) == [
            "市中级人民法院", "区检察院", "中共江州市委全面依法治市委员会办公室", "区委依法治区办", "区信访局", "区公安分局",
        ])
    }

    @Test func officeAbbreviationsButNotTheVerb() {
        let text = "党政办负责召集诉前案件分析会；综治办牵头排查矛盾纠纷，承办单位按时办结，推进“一网通办”，举办培训班。"
        #expect(entityTestFind("organization", text).map(\.text) == ["党政办", "综治办"])
    }

    @Test func wordsThatAreNotBodies() {
        let text = "街道党工委顾全大局，形成齐抓共管的工作格局，举办执法队员培训班2期，服务站委派9家律师事务所、12名律师进驻窗口，"
            + "对接相关律师事务所，指导各人民调解委员会规范运行，居民委员会依法换届，执法队伍力量薄弱。"
        #expect(entityTestFind("organization", text).isEmpty)
    }

    @Test func namesInLawTitlesBelongToCitations() {
        let text = "全面落实《中共云溪区委全面依法治区委员会办公室关于加强法治保障的实施方案》。"
        #expect(entityTestFind("organization", text).isEmpty)
    }
}
