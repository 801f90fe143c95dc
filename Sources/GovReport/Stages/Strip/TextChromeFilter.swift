import Foundation

/// Recognises page-chrome lines (breadcrumbs, 发布时间/来源 lines, font-size and print
/// controls, QR prompts, share bars, view counters, editor credits, footers, markdown
/// leftovers) in plain text and in the body lines of a page. Only short lines can be chrome,
/// and never a line that opens with an outline marker or reads as a sentence (a comma inside,
/// 。 at the end), so a report sentence that happens to mention 扫一扫 or 时间 is safe. The
/// built-in patterns go into one regex and the configured ones into another, each matched once
/// per line.
struct TextChromeFilter: Sendable {
    /// Searched (not anchored unless the pattern says so) in each short line. Beside each, the
    /// characters of which every line it matches holds at least one (see `ChromePattern`).
    static let defaultPatterns: [ChromePattern] = [
        // breadcrumbs
        ChromePattern(#"^(首页|首頁|网站首页|網站首頁|主页|主頁)\s*(>|＞|»|›|→|/|〉)"#, anyOf: "页頁"),
        ChromePattern(#"(您现在所在的位置|您现在的位置|您当前的位置|您当前位置|您的位置|当前的位置|当前位置|所在位置|您現在的位置|您當前的位置|當前位置|當前的位置)\s*[:：]"#, anyOf: ":："),
        ChromePattern(#"^位置\s*[:：]"#, anyOf: ":："),
        // date / source / author lines
        ChromePattern(#"^[【\[〔]?\s*(发布时间|发布日期|發布時間|發佈時間|發布日期|发文日期|成文日期|更新时间|更新日期|日期|时间|時間)\s*[:：]"#, anyOf: ":："),
        ChromePattern(#"^[【\[〔]?\s*(信息来源|文章来源|稿件来源|信息來源|文章來源|来源|來源|发布机构|發布機構|发文机关|發文機關|发布单位|發布單位|作者)\s*[:：]"#, anyOf: ":："),
        // font size, print, close
        ChromePattern(#"字体大小|字體大小|(字号|字號|字体|字體)\s*[:：]|[【\[［]\s*大\s*中\s*小\s*[】\]］]"#, anyOf: "字小"),
        ChromePattern(#"^大\s*中\s*小$"#, anyOf: "小"),
        ChromePattern(#"打印本页|打印本頁|打印此页|打印此頁|关闭窗口|關閉窗口|关闭本页|關閉本頁"#, anyOf: "印闭閉"),
        ChromePattern(#"[【\[［]\s*(打印|关闭|關閉|收藏|返回顶部|返回頂部)\s*[】\]］]"#, anyOf: "印闭閉藏返"),
        ChromePattern(#"^(打印|关闭|關閉|收藏|返回顶部|返回頂部|返回|顶部)$"#, anyOf: "印闭閉藏返顶"),
        // QR codes, sharing, counters
        ChromePattern(#"扫一扫|掃一掃|手机扫码|手機掃碼|扫描二维码|掃描二維碼|在手机打开|在手機打開"#, anyOf: "扫掃手"),
        ChromePattern(#"分享到|分享至"#, anyOf: "享"),
        ChromePattern(#"^分享\s*[:：]"#, anyOf: "享"),
        ChromePattern(#"(浏览次数|瀏覽次數|阅读次数|閱讀次數|访问次数|訪問次數|点击数|點擊數|点击量|點擊量|浏览量|瀏覽量|阅读量|閱讀量|访问量|訪問量)\s*([:：]|\d|$)"#, anyOf: "数數量"),
        // editor credits, paging
        ChromePattern(#"^[【\[〔(（]?\s*(责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|责编|責編|审校|審校|初审|复审|终审)\s*[:：]"#, anyOf: ":："),
        ChromePattern(#"^(上一篇|下一篇|上一条|下一条|上一條|下一條|上一页|下一页|上一頁|下一頁)"#, anyOf: "篇条條页頁"),
        // footer ("copyright" in any case starts with c or C: no other character folds to c)
        ChromePattern(#"主办单位|主辦單位|承办单位|承辦單位|版权所有|版權所有|网站标识码|網站標識碼|ICP\s*[备備]|公网安备|公網安備|备案号|備案號|(?i:copyright)|©"#, anyOf: "办辦权權标標备備cC©"),
        ChromePattern(#"^[【\[]?(相关链接|相關鏈接|相关文章|相關文章|相关阅读|相關閱讀|相关新闻|相關新聞|相关附件|相關附件|我要纠错|我要糾錯|纠错|糾錯)[】\]]?\s*[:：]?$"#, anyOf: "相纠糾"),
        // markdown leftovers: lone pipes, table rules, image-only lines (a line of white space
        // alone holds none of the marks: lines that start with a space always go to the regex)
        ChromePattern(#"^[\s|｜:\-]+$"#, anyOf: "|｜:-"),
        ChromePattern(#"^(!\[[^\]]*\]\([^)]*\)\s*[|｜]?\s*)+$"#, anyOf: "!"),
    ]

    /// The built-in patterns that start with `^`, as one regex under one `^`: ICU then tries
    /// the line's start only. Run only on lines that hold one of their characters.
    let anchored: NSRegularExpression
    /// The other built-in patterns: literals and classes whose first characters ICU looks for
    /// before it tries a position. In one regex with the anchored ones, ICU tried every branch
    /// at every position of a line: the regex was a twentieth of the strip stage.
    let unanchored: NSRegularExpression
    /// The configuration's patterns (`strip.chromePatterns`), run on every short line: nothing
    /// is known of what they need.
    let extra: NSRegularExpression?
    /// Every character of the anchored and of the unanchored patterns' `anyOf`.
    private let neededAnchored: ScalarSet
    private let neededUnanchored: ScalarSet
    let maxLineChars: Int

    /// Throws a `StageFailure("strip.bad_pattern", …)` naming a pattern that does not compile.
    init(extraPatterns: [String] = [], maxLineChars: Int = 100) throws {
        for pattern in extraPatterns where (try? NSRegularExpression(pattern: pattern)) == nil {
            throw StageFailure("strip.bad_pattern", "chromePatterns: \(pattern) is not a valid regular expression")
        }
        // A `^` pattern has no `|` outside its groups (the tests check), so it keeps its meaning
        // under the shared `^`.
        let anchoredPatterns = Self.defaultPatterns.filter(\.isAnchored)
        let unanchoredPatterns = Self.defaultPatterns.filter { !$0.isAnchored }
        anchored = try NSRegularExpression(pattern: "^(?:" + anchoredPatterns.map { "(?:\($0.regex.dropFirst()))" }.joined(separator: "|") + ")")
        unanchored = try Self.union(unanchoredPatterns.map(\.regex))
        extra = extraPatterns.isEmpty ? nil : try Self.union(extraPatterns)
        neededAnchored = ScalarSet(anchoredPatterns.flatMap(\.anyOf.unicodeScalars))
        neededUnanchored = ScalarSet(unanchoredPatterns.flatMap(\.anyOf.unicodeScalars))
        self.maxLineChars = maxLineChars
    }

    private static func union(_ patterns: [String]) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: patterns.map { "(?:\($0))" }.joined(separator: "|"))
    }

    /// Whether a line (already trimmed and collapsed) is chrome.
    func isChrome(_ line: String) -> Bool {
        guard !line.isEmpty else { return true }
        guard line.hasAtMostScalars(maxLineChars), !PageMetadata.startsWithOutlineMarker(line),
              !Self.isProse(line) else { return false }
        let range = NSRange(line.startIndex..., in: line)
        let (mayAnchored, mayUnanchored) = mayMatch(line)
        if mayAnchored, anchored.firstMatch(in: line, options: [], range: range) != nil { return true }
        if mayUnanchored, unanchored.firstMatch(in: line, options: [], range: range) != nil { return true }
        guard let extra else { return false }
        return extra.firstMatch(in: line, options: [], range: range) != nil
    }

    /// Whether the line holds a character that some anchored and some unanchored built-in
    /// pattern needs (both when it starts with a space), in one pass. ICU's matcher costs about
    /// ten microseconds a line in a run (its code and tables are cold after each page's parse),
    /// and most short lines hold none of these characters.
    func mayMatch(_ line: String) -> (anchored: Bool, unanchored: Bool) {
        var scalars = line.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return (false, false) }
        if InlineText.isSpace(first) { return (true, true) }
        var anchored = neededAnchored.contains(first), unanchored = neededUnanchored.contains(first)
        while !(anchored && unanchored), let scalar = scalars.next() {
            if !anchored, neededAnchored.contains(scalar) { anchored = true }
            if !unanchored, neededUnanchored.contains(scalar) { unanchored = true }
        }
        return (anchored, unanchored)
    }

    /// A sentence: ends with 。！？ and has a comma inside. Chrome lines are never written so.
    static func isProse(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last, "。！？!?".unicodeScalars.contains(last) else { return false }
        return PageMetadata.hasComma(line)
    }

    private static let markdownImage = try! NSRegularExpression(pattern: #"!\[[^\]]*\]\([^)]*\)"#)
    private static let markdownLink = try! NSRegularExpression(pattern: #"\[([^\]]*)\]\([^)\s]*\)"#)
    private static let edgePipes = try! NSRegularExpression(pattern: #"^(\s*[|｜])+\s*|\s*([|｜]\s*)+$"#)

    /// Removes what a page-to-markdown conversion left in a line of text: images `![](…)`,
    /// link targets (`[首页](/)` keeps 首页), and table pipes at either end ("… |").
    static func cleanMarkdown(_ line: String) -> String {
        var text = line
        if hasMarkdownTarget(text) {
            text = replace(markdownImage, in: text, with: "")
            text = replace(markdownLink, in: text, with: "$1")
        }
        if InlineText.containsMark(text, "|") {
            text = replace(edgePipes, in: text, with: "")
        }
        return text
    }

    /// Whether "](" occurs: the mark of a markdown link or image. Found by its "(", rare in
    /// Chinese text (which writes "（"): every body line is searched.
    static func hasMarkdownTarget(_ text: String) -> Bool {
        UTF8Scalars.withBytes(text) { bytes in
            UTF8Scalars.anyIndex(of: UInt8(ascii: "("), in: bytes, from: 1) { bytes[$0 - 1] == UInt8(ascii: "]") }
        }
    }

    private static func replace(_ regex: NSRegularExpression, in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}

/// A built-in chrome pattern and the characters of which every line it matches holds at least
/// one: its literals that no alternative can do without (页 for every 首页 > breadcrumb, the
/// colon after each label). A line holding none of any pattern's characters is not chrome, and
/// is passed over without the regex. When a pattern changes, its `anyOf` must still hold; the
/// tests check each alternative of each pattern and every line of the samples.
struct ChromePattern: Sendable {
    let regex: String
    let anyOf: String

    init(_ regex: String, anyOf: String) {
        self.regex = regex
        self.anyOf = anyOf
    }

    /// Starts with `^`: matched at a line's start only.
    var isAnchored: Bool { regex.hasPrefix("^") }
}
