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

    /// Elements dropped with everything inside them: code, styling, embedded objects and form
    /// controls never hold article text (an <iframe>'s children are only fallback text).
    static let droppedNames: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "select",
        "option", "optgroup", "button", "textarea", "input", "object", "embed", "svg", "math",
        "canvas", "map", "audio", "video", "head", "link",
    ]
}
