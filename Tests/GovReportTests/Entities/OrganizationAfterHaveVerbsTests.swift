import Testing
@testable import GovReport

/// 现有/建有/共有 say what a place has; they are not part of the organisation's name.
@Suite struct OrganizationAfterHaveVerbsTests {
    @Test func haveVerbsEndTheNameOnItsLeft() {
        let text = "辖区现有禾丰镇人民调解委员会等调解组织，全镇建有石桥村调委会、望湖社区调委会。"
        #expect(entityTestFind("organization", text).map(\.text) == ["禾丰镇人民调解委员会", "石桥村调委会", "望湖社区调委会"])
    }

    @Test func aGenericCommitteeAfterAHaveVerbIsNoName() {
        let found = entityTestFind("organization", "全镇共有人民调解委员会14个、调解员52名。").map(\.text)
        #expect(!found.contains { $0.hasPrefix("全镇") || $0.hasPrefix("共有") })
    }
}
