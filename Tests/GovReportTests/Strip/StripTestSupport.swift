@testable import GovReport

/// Runs the strip stage on one document.
func stripDocument(_ text: String, isHTML: Bool = true, options: StripOptions = StripOptions()) throws -> StrippedDocument {
    let stage = try StripStage(options: options)
    let input = DecodedDocument(text: text, encodingDeclared: "", encodingDetected: "UTF-8",
                                evidence: "meta", invalidBytes: 0, isHTML: isHTML)
    return try stage.process(input, document: DocumentRef(docId: "test", source: "test.html"))
}

/// Page chrome that must never reach the body.
let chromeMarkers = [
    "首页", "首頁", "当前位置", "您现在的位置", "發布時間", "发布时间", "发布日期", "来源：", "來源：", "字体", "字體",
    "扫一扫", "掃一掃", "打印", "关闭窗口", "關閉窗口", "分享到", "浏览次数", "阅读量", "责任编辑", "主办单位", "主辦單位",
    "备案号", "ICP备", "版权所有", "相关链接", "相关文章", "上一篇", "下一篇", "var ", "function", "{", "搜索",
]

/// The chrome markers found in any paragraph (empty when the body is clean).
func chromeLeft(in paragraphs: [String], extra: [String] = []) -> [String] {
    (chromeMarkers + extra).filter { marker in paragraphs.contains { $0.contains(marker) } }
}
