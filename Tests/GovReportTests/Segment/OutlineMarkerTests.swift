import Testing
@testable import GovReport

@Suite struct OutlineMarkerTests {
    private func marker(_ text: String) -> OutlineMarker? {
        OutlineMarkerRecognizer.marker(in: Array(text.unicodeScalars), at: 0)
    }

    @Test(arguments: [
        ("一、工作情况", 1, 1, "一、"), ("三．存在问题", 1, 3, "三．"), ("十二.下一步打算", 1, 12, "十二."),
        ("一、2024年主要举措", 1, 1, "一、"), ("（一）强化组织领导", 2, 1, "（一）"), ("(十一)推动政务公开", 2, 11, "(十一)"),
        ("（二)混用括号", 2, 2, "（二)"), ("1.压实责任", 3, 1, "1."), ("12、健全机制", 3, 12, "12、"),
        ("3．强化监督", 3, 3, "3．"), ("１．全角数字", 3, 1, "１．"), ("1、2024年以来", 3, 1, "1、"),
        ("（1）完善规则", 4, 1, "（1）"), ("(10)落实制度", 4, 10, "(10)"), ("一是坚持学法", 5, 1, "一是"),
        ("二十是补充", 5, 20, "二十是"),
    ])
    func recognises(_ text: String, _ level: Int, _ ordinal: Int, _ written: String) {
        let found = marker(text)
        #expect(found?.level == level)
        #expect(found?.ordinal == ordinal)
        #expect(found?.text == written)
        #expect(found?.length == written.unicodeScalars.count)
    }

    @Test(arguments: [
        "1.5万余名群众", "2.0版平台", "3、4月份", "12.4国家宪法日", "12345热线", "2024.1.5", "一、二季度",
        "一、二、三等奖", "三.5倍", "二是否合法", "(2022-2025年)", "（一五）", "(123)", "第一，加强", "首先，统一思想",
        "其次要压实责任", "最后，强化考核", "100、", "0.5%", "（0）",
    ])
    func rejects(_ text: String) {
        #expect(marker(text) == nil)
    }
}
