import Foundation
import CLibXML2

/// A page parsed by libxml2's HTML parser into a flat array in document order (each node
/// knows where its subtree ends), built from the parser's events (HTMLTreeBuilder). No C
/// memory outlives `parse`, and every later pass is a plain loop: no recursion, whatever the
/// nesting depth of the page.
struct HTMLDocument: Sendable {
    struct Node: Sendable {
        var tag: HTMLTag
        var parent: Int32
        /// One past the last node of this node's subtree.
        var end: Int32
        /// Where a text node's text (entities decoded by libxml2) lies in `textBytes`; empty for
        /// elements.
        var textStart: Int32 = 0
        var textEnd: Int32 = 0
        /// Lower-cased `id` and `class` values, space-separated; "" when none.
        var idClass: String
        /// `hidden`, `display:none` or `visibility:hidden`.
        var hidden: Bool
    }

    /// nodes[0] is a synthetic root holding the whole document.
    var nodes: [Node]
    /// The UTF-8 of every text node, one after the other: one buffer per page rather than a
    /// String per text node, whose making and freeing was a tenth of the strip stage.
    var textBytes: [UInt8] = []
    /// `<meta>` name (or property / http-equiv), lower-cased → content; the first non-empty wins.
    var metas: [String: String]
    /// The text of the first `<title>`.
    var title: String

    /// The text of text node `index`.
    func text(of index: Int) -> String {
        withText(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` over the UTF-8 of text node `index` (libxml2 gives valid UTF-8).
    func withText<R>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = Int(nodes[index].textStart)..<Int(nodes[index].textEnd)
        return textBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// <body> if the page has one, else the root.
    var bodyIndex: Int {
        nodes.firstIndex { $0.tag == .body } ?? 0
    }

    static let parseOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue)

    /// Parses UTF-8 HTML. No network, no external entities (libxml2's HTML parser loads none
    /// and NONET forbids fetching). libxml2 reports what it reads to `HTMLTreeBuilder` and
    /// builds no tree, so its depth limit (which guards the tree) does not apply: a page of any
    /// nesting is read whole, and nothing here recurses over it.
    static func parse(_ html: String) throws -> HTMLDocument {
        var source = html
        return try source.withUTF8 { bytes -> HTMLDocument in
            guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else {
                throw StageFailure("strip.unparseable", "the page is empty or too large for the HTML parser")
            }
            guard let context = htmlNewParserCtxt(), let sax = context.pointee.sax else {
                throw StageFailure("strip.unparseable", "libxml2 could not allocate a parser")
            }
            defer { htmlFreeParserCtxt(context) }
            var builder = HTMLTreeBuilder()
            installEvents(sax)
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            let doc = withUnsafeMutablePointer(to: &builder) { pointer in
                context.pointee._private = UnsafeMutableRawPointer(pointer)
                defer { context.pointee._private = nil }
                return htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, "UTF-8", parseOptions)
            }
            if let doc { xmlFreeDoc(doc) }  // none is built; freed should libxml2 ever make one
            builder.finish()
            guard builder.started else {
                throw StageFailure("strip.unparseable", "libxml2 could not parse the page as HTML")
            }
            return builder.document
        }
    }

    /// Points the parser's events at the builder kept in the context's `_private`, and turns
    /// off libxml2's own tree building (startDocument makes the tree's document).
    private static func installEvents(_ sax: UnsafeMutablePointer<htmlSAXHandler>) {
        sax.pointee.setDocumentLocator = nil
        sax.pointee.startDocument = { context in HTMLDocument.event(context)?.builder.pointee.startDocument() }
        sax.pointee.endDocument = nil
        sax.pointee.internalSubset = { context, _, externalID, _ in
            HTMLDocument.event(context)?.builder.pointee.doctype(externalID: externalID)
        }
        sax.pointee.startElement = { context, name, attributes in
            guard let name else { return }
            HTMLDocument.event(context)?.builder.pointee.startElement(name, attributes)
        }
        sax.pointee.endElement = { context, _ in HTMLDocument.event(context)?.builder.pointee.endElement() }
        sax.pointee.characters = { context, text, length in
            guard let text, let (builder, parser) = HTMLDocument.event(context) else { return }
            builder.pointee.characters(UnsafeBufferPointer(start: text, count: Int(length)), context: parser)
        }
        sax.pointee.cdataBlock = { context, _, _ in HTMLDocument.event(context)?.builder.pointee.otherChild(named: nil) }
        sax.pointee.comment = { context, _ in HTMLDocument.event(context)?.builder.pointee.comment() }
        sax.pointee.processingInstruction = { context, target, _ in
            HTMLDocument.event(context)?.builder.pointee.otherChild(named: target)
        }
    }

    /// The builder and parser behind an event (libxml2 passes the parser as the user data).
    private static func event(_ context: UnsafeMutableRawPointer?)
        -> (builder: UnsafeMutablePointer<HTMLTreeBuilder>, parser: htmlParserCtxtPtr)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: htmlParserCtxt.self)
        guard let builder = parser.pointee._private else { return nil }
        return (builder.assumingMemoryBound(to: HTMLTreeBuilder.self), parser)
    }

    /// A <meta> content without the white space at its ends (Foundation's set). Most contents
    /// start and end with a visible ASCII or CJK character and are taken as they are:
    /// `trimmingCharacters` costs thousands of instructions a call.
    static func trimmedMeta(_ content: String) -> String {
        func surelyVisible(_ scalar: Unicode.Scalar?) -> Bool {
            guard let value = scalar?.value else { return false }
            return (0x21...0x7E).contains(value) || (0x4E00...0x9FFF).contains(value)
        }
        if surelyVisible(content.unicodeScalars.first), surelyVisible(content.unicodeScalars.last) { return content }
        return content.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether an inline style says `display:none` or `visibility:hidden`, read as bytes with
    /// ASCII case and CSS white space (space, tab, CR, LF, FF) ignored, as a browser reads it.
    static func hidesElement(style: UnsafePointer<xmlChar>) -> Bool {
        // Most styles ("text-align:center", "font-size:16px") have neither keyword and are
        // answered by one scan, without building the compacted copy.
        guard mentionsNoneOrHidden(style) else { return false }
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

    /// Whether "none" or "hidden" occurs once CSS white space is removed, in any ASCII case: the
    /// compacted style can hold neither declaration without it.
    private static func mentionsNoneOrHidden(_ style: UnsafePointer<xmlChar>) -> Bool {
        func isSpace(_ byte: xmlChar) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
        func word(_ start: UnsafePointer<xmlChar>, _ text: StaticString) -> Bool {
            var p = start
            for k in 0..<text.utf8CodeUnitCount {
                if k > 0 { while isSpace(p.pointee) { p += 1 } }
                if p.pointee | 0x20 != text.utf8Start[k] { return false }
                p += 1
            }
            return true
        }
        var p = style
        while p.pointee != 0 {
            switch p.pointee | 0x20 {
            case UInt8(ascii: "n"): if word(p, "none") { return true }
            case UInt8(ascii: "h"): if word(p, "hidden") { return true }
            default: break
            }
            p += 1
        }
        return false
    }
}
