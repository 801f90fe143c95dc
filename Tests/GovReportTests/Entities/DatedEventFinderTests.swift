import Testing
@testable import GovReport

@Suite("Dated events")
struct DatedEventFinderTests {
    @Test func datesWithTheirActions() {
        let text = "2月20日召开党政主要负责人述法工作会，压实第一责任人职责。7月1日起，将原城管执法队和安监中队职能进行合并。"
            + "截至11月20日止，我街共作出行政处罚595宗。2023年10月8日，街道举办行政执法培训班。"
        let found = entityTestFind("event", text, year: 2023)
        #expect(found.map(\.text) == [
            "2月20日召开党政主要负责人述法工作会", "7月1日起，将原城管执法队和安监中队职能进行合并",
            "截至11月20日止，我街共作出行政处罚595宗", "2023年10月8日，街道举办行政执法培训班",
        ])
        #expect(found.map(\.normalized) == ["2023-02-20", "2023-07-01", "2023-11-20", "2023-10-08"])
        #expect(entityTestFind("organization", text).map(\.text) == ["城管执法队", "安监中队"])
    }

    @Test func rangesAndPrepositions() {
        let text = "3月5日至3月8日，街道集中开展普法宣传；于2023年5月12日举行揭牌仪式。"
        let found = entityTestFind("event", text)
        #expect(found.map(\.text) == ["3月5日至3月8日，街道集中开展普法宣传", "2023年5月12日举行揭牌仪式"])
        #expect(found.map(\.normalized) == ["2023-03-05", "2023-05-12"])
        let bracketed = "《江州市物业管理条例》(2023年3月1日起施行)明确了业主委员会的职责。"
        #expect(entityTestFind("event", bracketed).map(\.text) == ["2023年3月1日起施行"])
    }

    @Test func explicitYearWinsAndUnknownYearStaysOpen() {
        #expect(entityTestFind("event", "截至2022年12月31日，共办理法律援助案件46件。", year: 2023).map(\.normalized) == ["2022-12-31"])
        #expect(entityTestFind("event", "3月15日举办消费者权益保护宣传活动。", year: nil).map(\.normalized) == ["--03-15"])
    }

    @Test func datesWithoutAnActionAreNot() {
        #expect(entityTestFind("event", "2024年1月29日").isEmpty)
        #expect(entityTestFind("event", "11月9日是全国消防日，每月15日为固定接待日。").isEmpty)
        #expect(entityTestFind("event", "截至2021年9月，共发放宣传资料1万余份，1-12月共审查行政合同228件。").isEmpty)
        #expect(entityTestFind("event", "印发《关于做好2023年3月1日至3月31日集中宣传的通知》。").isEmpty)
    }
}
