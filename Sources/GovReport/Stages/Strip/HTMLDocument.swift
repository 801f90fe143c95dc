import Foundation
import CLibXML2

/// A page parsed by libxml2's HTML parser and mirrored into a flat array in document order
/// (each node knows where its subtree ends). The libxml2 tree lives only inside `parse`,
/// so no C memory outlives it, and every later pass is a plain loop: no recursion, whatever
/// the nesting depth of the page.
struct HTMLDocument: Sendable {
    struct Node: Sendable {
        var tag: HTMLTag
        var parent: Int32
        /// One past the last node of this node's subtree.
        var end: Int32
        /// The text of a text node (entities decoded by libxml2); "" for elements.
        var text: String
        /// Lower-cased `id` and `class` values, space-separated; "" when none.
        var idClass: String
        /// `hidden`, `display:none` or `visibility:hidden`.
        var hidden: Bool
    }

    /// nodes[0] is a synthetic root holding the whole document.
    var nodes: [Node]
    /// `<meta>` name (or property / http-equiv), lower-cased → content; the first non-empty wins.
    var metas: [String: String]
    /// The text of the first `<title>`.
    var title: String

    /// <body> if the page has one, else the root.
    var bodyIndex: Int {
        nodes.firstIndex { $0.tag == .body } ?? 0
    }

    static let parseOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)

    /// Parses UTF-8 HTML. No network, no external entities (libxml2's HTML parser loads none
    /// and NONET forbids fetching). libxml2 stops building the tree at depth 256 and drops
    /// the rest of the page; when that happens the page is parsed again without the limit
    /// (HUGE), which is safe because nothing here recurses over the tree.
    static func parse(_ html: String) throws -> HTMLDocument {
        var source = html
        return try source.withUTF8 { bytes -> HTMLDocument in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else {
                throw StageFailure("strip.unparseable", "the page is empty or too large for the HTML parser")
            }
            guard let context = htmlNewParserCtxt() else {
                throw StageFailure("strip.unparseable", "libxml2 could not allocate a parser")
            }
            defer { htmlFreeParserCtxt(context) }
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            var doc = htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, "UTF-8", parseOptions)
            if context.pointee.errNo == Int32(XML_ERR_INTERNAL_ERROR.rawValue) {
                // "Excessive depth in document": the tree was cut short.
                if let cut = doc { xmlFreeDoc(cut) }
                doc = htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, "UTF-8",
                                         parseOptions | Int32(XML_PARSE_HUGE.rawValue))
            }
            guard let doc else {
                throw StageFailure("strip.unparseable", "libxml2 could not parse the page as HTML")
            }
            defer { xmlFreeDoc(doc) }
            return mirror(doc)
        }
    }

    private static func mirror(_ doc: htmlDocPtr) -> HTMLDocument {
        var result = HTMLDocument(
            nodes: [Node(tag: .root, parent: -1, end: 0, text: "", idClass: "", hidden: false)],
            metas: [:], title: "")
        // Open libxml2 elements with the mirror index they got (-1: transparent, like <head>).
        var open: [(node: xmlNodePtr, index: Int32)] = []
        var parentIndex: Int32 = 0
        var current: xmlNodePtr? = doc.pointee.children

        while let node = current {
            var descendAs: Int32? = nil
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                if name == "title" {
                    if result.title.isEmpty { result.title = directText(of: node) }
                } else if name == "meta" {
                    result.collectMeta(node)
                } else if name == "head" {
                    descendAs = -1  // walk it for <title>/<meta>, mirror nothing
                } else if !HTMLTag.droppedNames.contains(name) {
                    let (idClass, hidden) = attributes(of: node)
                    result.nodes.append(Node(tag: HTMLTag.byName[name] ?? .inline, parent: parentIndex,
                                             end: 0, text: "", idClass: idClass, hidden: hidden))
                    descendAs = Int32(result.nodes.count - 1)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if parentIndex >= 0, let content = node.pointee.content, content.pointee != 0,
                   open.last?.index != -1 {
                    result.nodes.append(Node(tag: .text, parent: parentIndex, end: 0,
                                             text: String(cString: content), idClass: "", hidden: false))
                    result.nodes[result.nodes.count - 1].end = Int32(result.nodes.count)
                }
            default:
                break  // comments, processing instructions, the DTD
            }

            if let index = descendAs {
                if let child = node.pointee.children {
                    open.append((node, index))
                    if index >= 0 { parentIndex = index }
                    current = child
                    continue
                }
                if index >= 0 { result.nodes[Int(index)].end = Int32(result.nodes.count) }
            }
            // Next sibling, else climb until an ancestor has one.
            var walker = node
            current = nil
            while true {
                if let next = walker.pointee.next { current = next; break }
                guard let top = open.popLast() else { break }
                if top.index >= 0 { result.nodes[Int(top.index)].end = Int32(result.nodes.count) }
                parentIndex = open.last(where: { $0.index >= 0 })?.index ?? 0
                walker = top.node
            }
        }
        result.nodes[0].end = Int32(result.nodes.count)
        return result
    }

    private static func directText(of node: xmlNodePtr) -> String {
        var text = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content {
                text += String(cString: content)
            }
            child = c.pointee.next
        }
        return text
    }

    private static func attributeValue(_ attribute: xmlAttrPtr) -> String {
        guard let content = attribute.pointee.children?.pointee.content else { return "" }
        return String(cString: content)
    }

    private static func attributes(of node: xmlNodePtr) -> (idClass: String, hidden: Bool) {
        var idClass = ""
        var hidden = false
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            guard let rawName = a.pointee.name else { continue }
            switch String(cString: rawName) {
            case "id", "class":
                let value = attributeValue(a).lowercased()
                if !value.isEmpty { idClass += idClass.isEmpty ? value : " " + value }
            case "style":
                if let content = a.pointee.children?.pointee.content, hidesElement(style: content) { hidden = true }
            case "hidden":
                hidden = true
            default:
                break
            }
        }
        return (idClass, hidden)
    }

    /// Whether an inline style says `display:none` or `visibility:hidden`, read as bytes with
    /// ASCII case and CSS white space (space, tab, CR, LF, FF) ignored, as a browser reads it.
    static func hidesElement(style: UnsafePointer<xmlChar>) -> Bool {
        var compact: [UInt8] = []
        var pointer = style
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            pointer += 1
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): compact.append(byte | 0x20)
            default: compact.append(byte)
            }
        }
        return hiddenStyles.contains { InlineText.contains(bytes: compact, $0) }
    }

    private static let hiddenStyles = [Array("display:none".utf8), Array("visibility:hidden".utf8)]

    private mutating func collectMeta(_ node: xmlNodePtr) {
        var key = ""
        var content = ""
        var attribute = node.pointee.properties
        while let a = attribute {
            attribute = a.pointee.next
            guard let rawName = a.pointee.name else { continue }
            switch String(cString: rawName) {
            case "name", "property", "http-equiv":
                if key.isEmpty { key = Self.attributeValue(a).lowercased() }
            case "content":
                content = Self.attributeValue(a)
            default:
                break
            }
        }
        let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if !key.isEmpty, !value.isEmpty, metas[key] == nil { metas[key] = value }
    }
}
