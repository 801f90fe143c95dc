import Testing
@testable import GovReport

@Suite("Places below the township")
struct SubTownshipPlaceFinderTests {
    @Test func communitiesVillagesEstates() {
        let text = "以望湖社区法治文化广场为基础，在石门村、东坝新村和梧桐苑小区开展普法宣传，望湖社区居委会牵头调解。"
        let found = entityTestFind("place", text)
        #expect(found.map(\.text) == ["望湖社区", "石门村", "东坝新村", "梧桐苑小区", "望湖社区居委会"])
        #expect(found.first?.charStart == 1)
        #expect(found.first?.charEnd == 5)
    }

    @Test func levelWordsAndGenericPhrasesAreNot() {
        let text = "全街5个社区、2个经济合作社均设立了工作点；各村(社区)法律顾问全覆盖，村居法律顾问每月进村服务；"
            + "针对老旧小区改造，推进美丽乡村建设，确保小事不出村；创建民主法治示范社区，法律顾问进社区，街道社区干部参加培训。"
        #expect(entityTestFind("place", text).isEmpty)
    }
}
