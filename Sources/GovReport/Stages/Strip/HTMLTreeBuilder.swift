import CLibXML2

/// Builds an `HTMLDocument` straight from libxml2's SAX events, so that libxml2 never builds
/// (and frees) a tree of its own: that tree, and the walk that copied it, were a third of the
/// strip stage. The events are those libxml2's own tree builder gets, and the result is the
/// same as mirroring that tree:
/// - elements in `HTMLTag.droppedNames` (and <title>, <meta>) are not mirrored, nor anything
///   inside them; <head> is walked for <title> and <meta> but not mirrored;
/// - adjacent text is one node, as libxml2 joins it;
/// - white space that the tree builder would have dropped is dropped here too (see
///   `isDroppedBlank`), as libxml2 decides that with the help of the tree it no longer has.
struct HTMLTreeBuilder {
    /// What the last child of an open element was, as libxml2's `areBlanks` looks at it.
    enum LastChild {
        case none
        case text
        /// An element (or processing instruction, CDATA) and whether its name may hold text.
        case element(allowsText: Bool)
    }

    struct Frame {
        /// Mirror index; -1: walked but not mirrored (<head>); -2: skipped with its subtree.
        var index: Int32
        var allowsText: Bool
        /// The last child apart from comments (areBlanks skips comments).
        var lastChild: LastChild = .none
        /// Whether the very last child is text, so that more text joins it.
        var lastIsText = false
        /// Text directly inside is the page title.
        var collectsTitle = false
    }

    var document = HTMLDocument(
        nodes: [HTMLDocument.Node(tag: .root, parent: -1, end: 0, idClass: "", hidden: false)],
        metas: [:], title: "")
    private(set) var started = false
    private var frames: [Frame] = []
    /// Frames of skipped elements now open: while above zero, nothing is mirrored.
    private var skipped = 0
    /// The nearest mirrored element of each frame (0, the root, when none).
    private var parents: [Int32] = []
    private var titleText = ""
    /// The page declares a strict HTML 4 DTD: libxml2 then drops blank text right in <body>.
    private var strictDTD = false

    private var parentIndex: Int32 { parents.last ?? 0 }

    /// Element names seen in this parse, by address: libxml2 hands out each name from its
    /// dictionary (or a constant for the elements it implies), so one address is one name for
    /// the whole parse, and a page repeats a few names thousands of times.
    private var knownNames = [(name: UnsafePointer<xmlChar>?, kind: HTMLTag.ElementName)](
        repeating: (nil, HTMLTag.ElementName(role: .dropped, allowsText: false)), count: 64)

    private mutating func kind(of name: UnsafePointer<xmlChar>) -> HTMLTag.ElementName {
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: name) >> 3) & (knownNames.count - 1)
        if knownNames[slot].name == name { return knownNames[slot].kind }
        let kind = HTMLTag.ElementName.of(name)
        knownNames[slot] = (name, kind)
        return kind
    }

    // MARK: events

    mutating func startDocument() { started = true }

    mutating func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let kind = kind(of: name)
        if !frames.isEmpty {
            frames[frames.count - 1].lastChild = .element(allowsText: kind.allowsText)
            frames[frames.count - 1].lastIsText = false
        }
        var frame = Frame(index: -2, allowsText: kind.allowsText)
        if skipped == 0 {
            switch kind.role {
            case .title:
                frame.collectsTitle = document.title.isEmpty
                titleText = ""
            case .meta:
                collectMeta(attributes)
            case .head:
                frame.index = -1
            case .dropped:
                break
            case .mirrored(let tag):
                let (idClass, hidden) = Self.idClassAndHidden(attributes)
                document.nodes.append(HTMLDocument.Node(tag: tag, parent: parentIndex, end: 0,
                                                        idClass: idClass, hidden: hidden))
                frame.index = Int32(document.nodes.count - 1)
            }
        }
        if frame.index == -2 { skipped += 1 }
        frames.append(frame)
        parents.append(frame.index >= 0 ? frame.index : parentIndex)
    }

    mutating func endElement() {
        guard let frame = frames.popLast() else { return }
        parents.removeLast()
        if frame.index == -2 { skipped -= 1 }
        if frame.index >= 0 { document.nodes[Int(frame.index)].end = Int32(document.nodes.count) }
        if frame.collectsTitle, document.title.isEmpty { document.title = titleText }
    }

    /// Closes what is still open when the parser stops. libxml2 closes every element at the end
    /// of the page, except one whose start tag the page cut off (`<link href=` at the very end):
    /// it was reported as started and is never ended. A tree holds it all the same. The root then
    /// ends after the last node.
    mutating func finish() {
        while !frames.isEmpty { endElement() }
        document.nodes[0].end = Int32(document.nodes.count)
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<xmlChar>, context: htmlParserCtxtPtr) {
        guard !frames.isEmpty, bytes.count > 0, !isDroppedBlank(bytes, context: context) else { return }
        let top = frames.count - 1
        let joins = frames[top].lastIsText
        frames[top].lastChild = .text
        frames[top].lastIsText = true
        if frames[top].collectsTitle {
            titleText += String(decoding: bytes, as: UTF8.self)
            return
        }
        guard skipped == 0, frames[top].index != -1 else { return }
        // The last text node's bytes end the buffer, so more text for it goes right after them.
        let start = Int32(document.textBytes.count)
        document.textBytes.append(contentsOf: bytes)
        let end = Int32(document.textBytes.count)
        if joins, let last = document.nodes.indices.last, document.nodes[last].tag == .text {
            document.nodes[last].textEnd = end
        } else {
            document.nodes.append(HTMLDocument.Node(tag: .text, parent: parentIndex, end: Int32(document.nodes.count + 1),
                                                    textStart: start, textEnd: end, idClass: "", hidden: false))
        }
    }

    /// A comment: it ends a run of text but is not a "last child" to libxml2's blank test.
    mutating func comment() {
        if !frames.isEmpty { frames[frames.count - 1].lastIsText = false }
    }

    /// A processing instruction or a CDATA block (only inside <script>/<style>, never mirrored):
    /// a child that is not text.
    mutating func otherChild(named name: UnsafePointer<xmlChar>?) {
        guard !frames.isEmpty else { return }
        let allows = name.map { HTMLTag.ElementName.of($0).allowsText } ?? false
        frames[frames.count - 1].lastChild = .element(allowsText: allows)
        frames[frames.count - 1].lastIsText = false
    }

    mutating func doctype(externalID: UnsafePointer<xmlChar>?) {
        guard let externalID else { strictDTD = false; return }
        strictDTD = xmlStrcasecmp(externalID, "-//W3C//DTD HTML 4.01//EN") == 0
            || xmlStrcasecmp(externalID, "-//W3C//DTD HTML 4//EN") == 0
    }

    // MARK: blank text

    /// Whether libxml2's tree builder would have dropped this text as ignorable white space.
    /// libxml2 (2.9, `areBlanks` in HTMLparser.c) decides from the parser state and from the
    /// tree: without a tree it keeps every blank run that reaches the tree test, so that test
    /// is done here with the frames. Only blank text read as character data goes through it:
    /// such text ends just before the parser's position, on a blank byte, while a character
    /// reference (&#32;) ends on ';' or a digit and is always kept.
    private func isDroppedBlank(_ bytes: UnsafeBufferPointer<xmlChar>, context: htmlParserCtxtPtr) -> Bool {
        guard bytes.allSatisfy(Self.isBlankByte), let input = context.pointee.input,
              let cursor = input.pointee.cur, cursor.pointee == UInt8(ascii: "<"),
              let base = input.pointee.base, cursor > base, Self.isBlankByte(cursor[-1]) else { return false }
        // libxml2 has already answered for an empty stack and for <html> and <head>.
        let top = frames[frames.count - 1]
        if strictDTD, let name = context.pointee.name, xmlStrEqual(name, "body") != 0 { return true }
        switch top.lastChild {
        case .none: return !top.allowsText
        case .text: return false
        case .element(let allowsText): return !allowsText
        }
    }

    private static func isBlankByte(_ byte: xmlChar) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: attributes

    /// Lower-cased `id` and `class` values, space-separated, and whether `hidden` or an inline
    /// style hides the element.
    static func idClassAndHidden(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> (String, Bool) {
        guard var pair = attributes else { return ("", false) }
        var idClass = ""
        var hidden = false
        while let name = pair[0] {
            let value = pair[1]
            pair += 2
            switch AttributeName.of(name) {
            case .id, .class:
                let text = lowercased(value)
                if !text.isEmpty { idClass += idClass.isEmpty ? text : " " + text }
            case .style:
                if let value, HTMLDocument.hidesElement(style: value) { hidden = true }
            case .hidden:
                hidden = true
            default:
                break
            }
        }
        return (idClass, hidden)
    }

    private mutating func collectMeta(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard var pair = attributes else { return }
        var key = ""
        var content = ""
        while let name = pair[0] {
            let value = pair[1]
            pair += 2
            switch AttributeName.of(name) {
            case .name, .property, .httpEquiv:
                if key.isEmpty { key = Self.lowercased(value) }
            case .content:
                content = value.map { String(cString: $0) } ?? ""
            default:
                break
            }
        }
        let value = HTMLDocument.trimmedMeta(content)
        if !key.isEmpty, !value.isEmpty, document.metas[key] == nil { document.metas[key] = value }
    }

    /// An attribute value, lower-cased: ASCII by bytes, anything else by `String.lowercased`.
    static func lowercased(_ value: UnsafePointer<xmlChar>?) -> String {
        guard let value else { return "" }
        let length = Int(xmlStrlen(value))
        let bytes = UnsafeBufferPointer(start: value, count: length)
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: length) { out in
            for (i, byte) in bytes.enumerated() {
                out[i] = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
            }
            return length
        }
    }

    /// The attributes read here. libxml2 gives HTML attribute names lower-cased.
    enum AttributeName {
        case id, `class`, style, hidden, name, property, httpEquiv, content, other

        /// By the first byte, then one comparison: this runs for every attribute of a page.
        static func of(_ name: UnsafePointer<xmlChar>) -> AttributeName {
            func named(_ text: StaticString, _ kind: AttributeName) -> AttributeName {
                xmlStrEqual(name, text.utf8Start) != 0 ? kind : .other
            }
            switch name[0] {
            case UInt8(ascii: "i"): return named("id", .id)
            case UInt8(ascii: "c"): return name[1] == UInt8(ascii: "l") ? named("class", .class) : named("content", .content)
            case UInt8(ascii: "s"): return named("style", .style)
            case UInt8(ascii: "h"): return name[1] == UInt8(ascii: "i") ? named("hidden", .hidden) : named("http-equiv", .httpEquiv)
            case UInt8(ascii: "n"): return named("name", .name)
            case UInt8(ascii: "p"): return named("property", .property)
            default: return .other
            }
        }
    }
}
