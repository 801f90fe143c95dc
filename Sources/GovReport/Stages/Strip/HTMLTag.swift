/// The element kinds the strip stage tells apart. Anything not listed is `.inline`
/// (span, font, strong, …): its text flows into the surrounding paragraph.
enum HTMLTag: UInt8, Sendable {
    case root, text, inline
    case html, body, a, br
    case div, p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption
    case section, article, main, center, blockquote, pre, address, figure, figcaption, hr
    case fieldset, details, summary
    case nav, header, footer, aside, form

    /// Starts and ends a line of text.
    var isBlock: Bool {
        switch self {
        case .root, .text, .inline, .a, .br: return false
        default: return true
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    var isCell: Bool { self == .td || self == .th }

    /// Page furniture by its very tag: kept for metadata (a breadcrumb often sits in <nav>),
    /// never part of the body. <form> is handled apart: some CMSs wrap the whole page in one.
    var isChromeTag: Bool {
        switch self {
        case .nav, .header, .footer, .aside: return true
        default: return false
        }
    }

    /// Lower-case element name → kind; a dictionary lookup per element is cheap next to parsing.
    static let byName: [String: HTMLTag] = [
        "html": .html, "body": .body, "a": .a, "br": .br,
        "div": .div, "p": .p, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5, "h6": .h6,
        "ul": .ul, "ol": .ol, "li": .li, "dl": .dl, "dt": .dt, "dd": .dd,
        "table": .table, "thead": .thead, "tbody": .tbody, "tfoot": .tfoot, "tr": .tr,
        "td": .td, "th": .th, "caption": .caption,
        "section": .section, "article": .article, "main": .main, "center": .center,
        "blockquote": .blockquote, "pre": .pre, "address": .address, "figure": .figure,
        "figcaption": .figcaption, "hr": .hr, "fieldset": .fieldset, "details": .details,
        "summary": .summary, "nav": .nav, "header": .header, "footer": .footer,
        "aside": .aside, "form": .form,
    ]

    /// How the tree builder treats an element, by its name.
    struct ElementName {
        enum Role {
            case mirrored(HTMLTag)
            /// Not mirrored, nor anything inside (`droppedNames`).
            case dropped
            /// Walked for <title> and <meta>, not mirrored.
            case head
            case title
            case meta
        }

        var role: Role
        /// Whether libxml2 keeps blank text right after such an element, or as its first child
        /// (its `allowPCData` list).
        var allowsText: Bool

        /// The element named by libxml2's (lower-cased) name. A dictionary keyed by the name's
        /// bytes packed in two integers: making a String of every element's name and hashing
        /// it cost a tenth of the parse.
        static func of(_ name: UnsafePointer<UInt8>) -> ElementName {
            guard let key = Key(name) else { return ElementName(role: .mirrored(.inline), allowsText: false) }
            return table[key] ?? ElementName(role: .mirrored(.inline), allowsText: false)
        }

        /// Up to 16 bytes of a name, packed; nil when longer (no listed name is).
        struct Key: Hashable {
            var low: UInt64 = 0
            var high: UInt64 = 0

            init?(_ name: UnsafePointer<UInt8>) {
                var i = 0
                while name[i] != 0 {
                    guard i < 16 else { return nil }
                    if i < 8 { low |= UInt64(name[i]) << (8 * UInt64(i)) } else { high |= UInt64(name[i]) << (8 * UInt64(i - 8)) }
                    i += 1
                }
            }

            init(_ name: String) {
                self = name.withCString { Key(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self))! }
            }
        }

        /// libxml2 2.9's `allowPCData` (HTMLparser.c).
        static let textAllowing: Set<String> = [
            "a", "abbr", "acronym", "address", "applet", "b", "bdo", "big", "blockquote", "body", "button",
            "caption", "center", "cite", "code", "dd", "del", "dfn", "div", "dt", "em", "font", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "i", "iframe", "ins", "kbd", "label", "legend", "li", "noframes",
            "noscript", "object", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "td", "th",
            "tt", "u", "var",
        ]

        private static let table: [Key: ElementName] = {
            var roles: [String: Role] = [:]
            for name in textAllowing { roles[name] = .mirrored(.inline) }
            for (name, tag) in byName { roles[name] = .mirrored(tag) }
            for name in droppedNames { roles[name] = .dropped }
            roles["head"] = .head
            roles["title"] = .title
            roles["meta"] = .meta
            return Dictionary(uniqueKeysWithValues: roles.map { name, role in
                (Key(name), ElementName(role: role, allowsText: textAllowing.contains(name)))
            })
        }()
    }

    /// Elements dropped with everything inside them: code, styling, embedded objects and form
    /// controls never hold article text (an <iframe>'s children are only fallback text).
    static let droppedNames: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "select",
        "option", "optgroup", "button", "textarea", "input", "object", "embed", "svg", "math",
        "canvas", "map", "audio", "video", "head", "link",
    ]
}
