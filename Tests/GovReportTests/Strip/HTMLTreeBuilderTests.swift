import CLibXML2
import Foundation
import Testing
@testable import GovReport

/// The strip stage reads pages from libxml2's SAX events (HTMLTreeBuilder). These tests hold it
/// to what libxml2's own tree gives for the same page: the oracle below parses with libxml2's
/// tree builder and walks the tree with the rules the builder follows (the strip stage's reading
/// before the builder). Blank text is where the two could part: libxml2 drops some of it by
/// looking at the tree it builds, and the builder has to make the same choice without one.
@Suite struct HTMLTreeBuilderTests {
    /// Pages aimed at the places where events and tree could differ.
    static let pages: [(name: String, html: String)] = [
        ("blank text after blocks, inline elements, images and line breaks", """
        <html><head><title> 城关镇 2023年法治政府建设情况报告 </title></head><body>
        <div class="main">
          <div id="a"><p>开展</p> <p>法治讲堂</p>
            <span>依法</span> <span>行政</span> <img src="x.png"> <b>加强</b>
            <br> <i>监督</i>
          </div>
          <table><tr> <td> 一 </td> <td>二</td> </tr></table>
          <ul> <li>甲</li> <li>乙</li> </ul>
        </div></body></html>
        """),
        ("a strict HTML 4.01 DTD drops blank text right in body", """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
        <html><head><title>报告</title></head><body> <div>一</div> <span>二</span> <div>三</div> </body></html>
        """),
        ("a transitional DTD keeps it", """
        <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
        <html><body> <div>一</div> <span>二</span> <div>三</div> </body></html>
        """),
        ("comments between text, before blanks, and character references", """
        <html><body><p>依法<!-- 注 -->行政 &#32;<b>推进</b>&#32;<div>x</div>&#32;<div>y</div>&#x20;<br>&#32;<span>甲</span><hr>&#x20;<i>乙</i><ul><li>丙</li></ul>&#32;<b>丁</b>
        <!-- c --> <p>a&amp;b&nbsp;c &lt;d&gt;</p><?php echo 1 ?> <div>z</div></p></body></html>
        """),
        ("head content, several titles, metas, scripts and styles", """
        <html><head><meta charset="gbk"><meta name="ArticleTitle" content="  关于2023年度法治政府建设情况的报告 ">
        <META NAME="PubDate" CONTENT="2024-01-15 09:30"><meta property="og:site_name" content="某区人民政府">
        <title></title><title>第二个 <b>标题</b> 尾</title><script>var a = "<div>";</script>
        <style>.x { display:none }</style><link rel="stylesheet" href="a.css"></head>
        <body><noscript><p>请启用脚本</p></noscript><svg><title>图标</title></svg>
        <div hidden>隐藏</div><div style="DISPLAY : None">也隐藏</div><div class="Content ZOOM" id="Art">正文</div>
        <iframe src="x">后备</iframe><form><input value="搜索"><button>提交</button></form></body></html>
        """),
        ("implied elements and text before any tag", """
        前言文字 <p>第一段<p>第二段<div>块</div>尾巴
        """),
        ("unclosed and misnested tags", """
        <body><div><p>一<b>二<i>三</b>四</i>五<table><td>格<tr><td>行</table><li>项<li>项二</div></span></body>
        """),
        ("a deep page", "<html><body>" + String(repeating: "<div>", count: 400) + "深处的文字"
            + String(repeating: "</div>", count: 400) + "<p>之后</p></body></html>"),
        ("long text split into several events", "<p>" + String(repeating: "依法行政 ", count: 600) + "</p>"
            + "<div>" + String(repeating: " ", count: 1500) + "</div><div>" + String(repeating: "\n", count: 1200) + "<b>x</b></div>"),
        ("CDATA and processing instructions in odd places", """
        <html><body><div><![CDATA[ 不是 CDATA ]]> 一</div><?xml version="1.0"?> <span>二</span>
        <b>三</b><?b x?> <i>四</i></body></html>
        """),
        ("only blanks", " \n\t "),
        ("cut off inside an empty element's start tag", "<html><body><div><p>正文</p><link href="),
        ("cut off inside a start tag in the head", "<html><head><title>题</title><link href="),
        ("cut off inside a meta tag in the body", "<html><head><title>题</title></head><body><div>正文<meta content="),
    ]

    @Test(arguments: pages.indices)
    func eventsGiveTheTreeLibxml2Builds(_ index: Int) throws {
        let page = Self.pages[index]
        try expectSame(page.html, page.name)
    }

    /// Every sample page, decoded as the pipeline decodes it.
    @Test(arguments: SampleExpectation.all.filter { $0.file.hasSuffix(".html") })
    func samplePagesGiveTheSameTree(_ sample: SampleExpectation) throws {
        let decoded = try DecodeStage(options: DecodeOptions()).process(try sample.raw(), document: sample.document)
        try expectSame(decoded.text, sample.file)
    }

    /// libxml2 never ends an element whose start tag the page cuts off: it still ends where the
    /// page ends, so that every later pass can step over it.
    @Test func anElementCutOffAtTheEndStillEnds() throws {
        let document = try HTMLDocument.parse("<html><body><div><p>正文</p><img src=")
        for (index, node) in document.nodes.enumerated() {
            #expect(Int(node.end) > index && Int(node.end) <= document.nodes.count, "node \(index) ends at \(node.end)")
        }
        #expect(document.nodes.last?.tag == .inline)
    }

    @Test func blankTextIsDroppedWhereLibxml2DropsIt() throws {
        let document = try HTMLDocument.parse("<body><div><ul><li>甲</li></ul> <span>乙</span> <br> <b>丙</b></div></body>")
        let texts = document.nodes.indices.filter { document.nodes[$0].tag == .text }.map(document.text(of:))
        // After </ul> and <br> libxml2 drops the blank; after </span> it keeps it.
        #expect(texts == ["甲", "乙", " ", "丙"])
    }

    @Test func adjacentTextIsOneNodeUnlessACommentParts() throws {
        let document = try HTMLDocument.parse("<body><p>依法&amp;行政<!-- x -->推进</p></body>")
        #expect(document.nodes.indices.filter { document.nodes[$0].tag == .text }.map(document.text(of:)) == ["依法&行政", "推进"])
    }

    @Test func theFirstNonEmptyTitleWinsAndOnlyItsOwnText() throws {
        let document = try HTMLDocument.parse("<head><title></title><title>甲 <b>乙</b> 丙</title></head><body>x</body>")
        #expect(document.title == "甲  丙")
    }

    private func expectSame(_ html: String, _ name: String) throws {
        let document = try HTMLDocument.parse(html)
        let built = TreeOracle.Page(title: document.title, metas: document.metas, nodes: document.nodes.indices.map { i in
            let node = document.nodes[i]
            return TreeOracle.Item(tag: node.tag, parent: node.parent, end: node.end,
                                   text: node.tag == .text ? document.text(of: i) : "", idClass: node.idClass, hidden: node.hidden)
        })
        let expected = try TreeOracle.document(html)
        #expect(built.title == expected.title, "\(name): title")
        #expect(built.metas == expected.metas, "\(name): metas")
        #expect(built.nodes.count == expected.nodes.count, "\(name): \(built.nodes.count) nodes, the tree has \(expected.nodes.count)")
        for (i, (a, b)) in zip(built.nodes, expected.nodes).enumerated() {
            #expect(a == b, "\(name): node \(i): \(a) against the tree's \(b)")
            if a != b { break }
        }
    }
}

/// libxml2's tree, walked with the strip stage's rules: what HTMLTreeBuilder must give.
private enum TreeOracle {
    struct Item: Equatable {
        var tag: HTMLTag
        var parent: Int32
        var end: Int32
        var text: String
        var idClass: String
        var hidden: Bool
    }

    struct Page {
        var title: String
        var metas: [String: String]
        var nodes: [Item]
    }

    static func document(_ html: String) throws -> Page {
        var source = html
        return try source.withUTF8 { bytes in
            let options = HTMLDocument.parseOptions | Int32(XML_PARSE_HUGE.rawValue)
            let chars = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let doc = htmlReadMemory(chars, Int32(bytes.count), nil, "UTF-8", options) else {
                throw StageFailure("test", "no tree")
            }
            defer { xmlFreeDoc(doc) }
            var result = Page(title: "", metas: [:],
                              nodes: [Item(tag: .root, parent: -1, end: 0, text: "", idClass: "", hidden: false)])
            walk(doc.pointee.children, parent: 0, inHead: false, into: &result)
            result.nodes[0].end = Int32(result.nodes.count)
            return result
        }
    }

    private static func walk(_ first: xmlNodePtr?, parent: Int32, inHead: Bool, into result: inout Page) {
        var current = first
        while let node = current {
            current = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name)
                if name == "title" {
                    if result.title.isEmpty { result.title = directText(node) }
                } else if name == "meta" {
                    meta(node, into: &result)
                } else if name == "head" {
                    walk(node.pointee.children, parent: parent, inHead: true, into: &result)
                } else if !HTMLTag.droppedNames.contains(name) {
                    var idClass = ""
                    var hidden = false
                    var attribute = node.pointee.properties
                    while let a = attribute {
                        attribute = a.pointee.next
                        let value = a.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
                        switch String(cString: a.pointee.name) {
                        case "id", "class":
                            if !value.isEmpty { idClass += (idClass.isEmpty ? "" : " ") + value.lowercased() }
                        case "style":
                            let compact = value.lowercased().filter { !" \t\n\r\u{0C}".contains($0) }
                            if compact.contains("display:none") || compact.contains("visibility:hidden") { hidden = true }
                        case "hidden":
                            hidden = true
                        default:
                            break
                        }
                    }
                    result.nodes.append(Item(tag: HTMLTag.byName[name] ?? .inline, parent: parent, end: 0,
                                             text: "", idClass: idClass, hidden: hidden))
                    let index = result.nodes.count - 1
                    walk(node.pointee.children, parent: Int32(index), inHead: false, into: &result)
                    result.nodes[index].end = Int32(result.nodes.count)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if !inHead, let content = node.pointee.content, content.pointee != 0 {
                    result.nodes.append(Item(tag: .text, parent: parent, end: 0, text: String(cString: content),
                                             idClass: "", hidden: false))
                    result.nodes[result.nodes.count - 1].end = Int32(result.nodes.count)
                }
            default:
                break
            }
        }
    }

    private static func directText(_ node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content { text += String(cString: content) }
            child = c.pointee.next
        }
        return text
    }

    private static func meta(_ node: xmlNodePtr, into result: inout Page) {
        var key = ""
        var content = ""
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            let value = a.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
            switch String(cString: a.pointee.name) {
            case "name", "property", "http-equiv": if key.isEmpty { key = value.lowercased() }
            case "content": content = value
            default: break
            }
        }
        let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if !key.isEmpty, !value.isEmpty, result.metas[key] == nil { result.metas[key] = value }
    }
}

/// Text nodes are bytes in one buffer; <pre> text still breaks into lines where its Characters
/// hold a "\n" (a "\r\n" is one Character, and no "\n").
@Suite struct PreformattedLineTests {
    @Test func preTextBreaksAtEachLineFeedCharacter() throws {
        let page = "<html><body><div><pre>一\r\n二\n三\r四\n\n五</pre><p>正文</p></div></body></html>"
        let document = try HTMLDocument.parse(page)
        let scorer = BodyScorer(document: document, chrome: ChromeRemover(bodySelectors: []))
        let lines = PageLineBuilder(document: document, scorer: scorer, container: 0, keepTables: true).build().map(\.text)
        let pre = try #require(document.nodes.indices.first { document.nodes[$0].tag == .text })
        let expected = document.text(of: pre).split(separator: "\n", omittingEmptySubsequences: false)
            .map { InlineText.collapse(String($0), markupBreaks: true) }.filter { !$0.isEmpty }
        #expect(lines == expected + ["正文"])
        #expect(lines.count >= 4)
    }
}
