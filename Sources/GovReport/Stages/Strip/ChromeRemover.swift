/// Decides, from tag, `id`/`class` and visibility, how much an element looks like page chrome
/// or like an article container. Names are matched on their parts (split at space, `-`, `_`)
/// with simple prefix/suffix checks: `leftNav`, `footer_links`, `relatedList` and `qrcode` are
/// caught without a regex per element.
struct ChromeRemover: Sendable {
    /// Weight of the text of a subtree whose name says chrome (kept small, not zero, so that a
    /// misnamed wrapper holding the whole article can still win when it is all there is).
    static let penaltyWeight = 0.1
    static let bonusWeight = 1.5
    static let preferredWeight = 3.0

    /// Name parts that mark navigation, sharing, footers and link lists.
    static let penaltyParts: [String] = [
        "nav", "menu", "footer", "foot", "header", "sidebar", "side", "link", "share", "breadcrumb",
        "crumb", "position", "location", "copyright", "qr", "related", "list", "bottom", "banner",
        "tool", "print", "search", "login", "logo", "fenxiang", "dqwz", "weizhi", "friend", "yqlj",
        "pager", "paging", "comment",
    ]
    /// Whole names (or parts) used by Chinese government CMSs for the article body.
    static let bonusParts: Set<String> = [
        "zoom", "article", "content", "detail", "con", "text", "txt", "view", "zw", "zhengwen",
        "editor", "unionstyle", "body", "main",
    ]
    /// Distinctive container names, matched anywhere in a class or id.
    static let bonusNames: [String] = [
        "zoom", "trs_editor", "custom_unionstyle", "ucap-content", "main-txt", "bt_content",
        "news_content", "pages_content", "article", "content", "detail", "zhengwen",
    ]

    /// Extra names (lower-cased) that the configuration wants preferred as the body.
    let preferred: Set<String>

    init(bodySelectors: [String]) {
        preferred = Set(bodySelectors.map { $0.lowercased() }.filter { !$0.isEmpty })
    }

    enum Kind: Sendable, Equatable {
        case neutral, bonus, preferred
        /// Chrome by its class/id or because it is hidden.
        case penalized
        /// Chrome by its tag (nav, header, footer, aside).
        case chromeTag
    }

    func kind(of node: HTMLDocument.Node) -> Kind {
        kind(tag: node.tag, hidden: node.hidden, idClass: node.idClass)
    }

    func kind(tag: HTMLTag, hidden: Bool, idClass: String) -> Kind {
        if tag.isChromeTag { return .chromeTag }
        if hidden { return .penalized }
        if idClass.isEmpty { return .neutral }
        if let kind = asciiKind(idClass) { return kind }
        var bonus = false
        for name in idClass.split(separator: " ") {
            if !preferred.isEmpty, preferred.contains(String(name)) { return .preferred }
            // Compared as UTF-8 bytes: the names are ASCII in practice, and Substring's
            // `hasPrefix`/`hasSuffix` cost about a thousand instructions a call here.
            let bytes = Array(name.utf8)
            let parts = bytes.split(whereSeparator: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
            for part in parts where Self.penaltyBytes.contains(where: { part.starts(with: $0) || part.reversed().starts(with: $0.reversed()) }) {
                return .penalized
            }
            if !bonus {
                bonus = parts.contains { part in Self.bonusPartBytes.contains { $0.elementsEqual(part) } }
                    || Self.bonusNameBytes.contains { InlineText.contains(bytes: bytes, $0) }
            }
        }
        return bonus ? .bonus : .neutral
    }

    /// `kind` for an ASCII id-and-class list (all of them in practice), read as bytes in place:
    /// the Substrings and byte arrays of the general loop made this 26 M instructions in 21k
    /// calls. Nil for a list with other bytes, which the loop over Characters judges (a space
    /// followed by a combining mark is no separator there).
    private func asciiKind(_ idClass: String) -> Kind? {
        UTF8Scalars.withBytes(idClass) { bytes -> Kind? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var bonus = false
            var nameStart = 0
            for nameEnd in 0...bytes.count where nameEnd == bytes.count || bytes[nameEnd] == UInt8(ascii: " ") {
                defer { nameStart = nameEnd + 1 }
                guard nameEnd > nameStart else { continue }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
                if !preferred.isEmpty, preferred.contains(String(decoding: name, as: UTF8.self)) { return .preferred }
                var partBonus = false
                var partStart = 0
                for partEnd in 0...name.count
                where partEnd == name.count || name[partEnd] == UInt8(ascii: "-") || name[partEnd] == UInt8(ascii: "_") {
                    defer { partStart = partEnd + 1 }
                    guard partEnd > partStart else { continue }
                    let part = UnsafeBufferPointer(rebasing: name[partStart..<partEnd])
                    for penalty in Self.penaltyBytes
                    where part.starts(with: penalty) || part.reversed().starts(with: penalty.reversed()) {
                        return .penalized
                    }
                    if !partBonus { partBonus = Self.bonusPartBytes.contains { $0.elementsEqual(part) } }
                }
                if !bonus {
                    bonus = partBonus || Self.bonusNameBytes.contains { InlineText.contains(bytes: name, $0) }
                }
            }
            return bonus ? .bonus : .neutral
        }
    }

    private static let penaltyBytes = penaltyParts.map { Array($0.utf8) }
    private static let bonusPartBytes = bonusParts.map { Array($0.utf8) }
    private static let bonusNameBytes = bonusNames.map { Array($0.utf8) }

    /// How much the subtree's text counts toward its parent's.
    static func weight(_ kind: Kind) -> Double {
        switch kind {
        case .chromeTag: return 0
        case .penalized: return penaltyWeight
        default: return 1
        }
    }

    /// Extra pull when choosing among siblings.
    static func bonus(_ kind: Kind) -> Double {
        switch kind {
        case .bonus: return bonusWeight
        case .preferred: return preferredWeight
        default: return 1
        }
    }
}
