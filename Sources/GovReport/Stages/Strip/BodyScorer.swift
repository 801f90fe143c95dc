/// Finds the element that holds the article. Every subtree gets a weight of "good text":
/// characters outside links plus a bonus for Chinese clause punctuation (prose has it, menus
/// and link lists do not), with chrome-named subtrees counted at a fraction and chrome tags not
/// at all. From <body> the scorer walks down into the child that holds nearly all of its
/// parent's good text (less when its name is a known article container) and stops at the
/// element whose good text is spread over several children: the article container.
/// It never walks into an element without block children, so a short closing paragraph
/// (the signature) is not lost beside a long one.
struct BodyScorer: Sendable {
    struct Stats: Sendable {
        /// Non-space characters, all of them.
        var chars: Int32 = 0
        /// Non-space characters inside <a>.
        var linkChars: Int32 = 0
        /// Non-space characters outside <a>, unweighted.
        var plain: Int32 = 0
        /// Weighted good text (see above).
        var good: Double = 0
        /// Whether a block element lies below (false: a paragraph-like leaf).
        var hasBlock = false

        var linkDensity: Double { chars == 0 ? 0 : Double(linkChars) / Double(chars) }
    }

    /// Share of its parent's good text a child must hold to become the new candidate.
    static let descendShare = 0.8
    static let punctuationWeight = 2.0

    let stats: [Stats]
    let kinds: [ChromeRemover.Kind]

    init(document: HTMLDocument, chrome: ChromeRemover) {
        let nodes = document.nodes
        var stats = [Stats](repeating: Stats(), count: nodes.count)
        var kinds = [ChromeRemover.Kind](repeating: .neutral, count: nodes.count)
        // Text nodes, in document order; `linkEnd` marks the end of the current <a>.
        var linkEnd: Int32 = -1
        // Pages repeat a few class names on many elements (li.item, span.date): each distinct
        // one is judged once.
        var kindByName: [String: ChromeRemover.Kind] = [:]
        // By index, fields read in place: passing the node copied it (two strings retained).
        func kind(of i: Int) -> ChromeRemover.Kind {
            let (tag, hidden) = (nodes[i].tag, nodes[i].hidden)
            guard !nodes[i].idClass.isEmpty, !hidden, !tag.isChromeTag else {
                return chrome.kind(tag: tag, hidden: hidden, idClass: nodes[i].idClass)
            }
            if let known = kindByName[nodes[i].idClass] { return known }
            let judged = chrome.kind(tag: tag, hidden: hidden, idClass: nodes[i].idClass)
            kindByName[nodes[i].idClass] = judged
            return judged
        }
        // Fields read in place (nodes[i].tag): a `let node = nodes[i]` copy retained and
        // released its two strings on every iteration.
        for i in nodes.indices {
            switch nodes[i].tag {
            case .text:
                let (chars, punct) = document.withText(of: i, Self.countText)
                let inLink = Int32(i) < linkEnd
                stats[i].chars = chars
                stats[i].linkChars = inLink ? chars : 0
                stats[i].plain = inLink ? 0 : chars
                stats[i].good = inLink ? 0 : Double(chars) + Self.punctuationWeight * Double(punct)
            case .a:
                linkEnd = max(linkEnd, nodes[i].end)
                kinds[i] = kind(of: i)
            case .root:
                break
            default:
                kinds[i] = kind(of: i)
            }
        }
        // Children come after their parent, so a reverse sweep totals every subtree.
        for i in stride(from: nodes.count - 1, to: 0, by: -1) {
            let parent = Int(nodes[i].parent)
            let child = stats[i]
            stats[parent].chars += child.chars
            stats[parent].linkChars += child.linkChars
            stats[parent].plain += child.plain
            stats[parent].good += child.good * ChromeRemover.weight(kinds[i])
            if child.hasBlock || nodes[i].tag.isBlock { stats[parent].hasBlock = true }
        }
        self.stats = stats
        self.kinds = kinds
    }

    /// Non-space scalars of a text node, and how many of them are clause punctuation. By
    /// UTF-8 bytes: the scalar view's iterator was most of the cost of scoring a page.
    static func countText(_ text: String) -> (chars: Int32, punct: Int32) {
        UTF8Scalars.withBytes(text, countText)
    }

    static func countText(_ bytes: UnsafeBufferPointer<UInt8>) -> (chars: Int32, punct: Int32) {
        var chars: Int32 = 0
        var punct: Int32 = 0
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            // Printable ASCII and ideographs: neither space nor clause punctuation.
            if InlineText.isPlainLead(lead) {
                chars += 1
                i += lead < 0x80 ? 1 : 3
                continue
            }
            let scalar = UTF8Scalars.decode(bytes, &i)
            if InlineText.isSpace(scalar) { continue }
            chars += 1
            if InlineText.isClausePunctuation(scalar) { punct += 1 }
        }
        return (chars, punct)
    }

    /// The index of the article container, starting the descent at `start` (<body>).
    func container(in document: HTMLDocument, from start: Int) -> Int {
        let nodes = document.nodes
        var current = start
        while stats[current].good > 0 {
            var best = -1
            var bestScore = 0.0
            var child = current + 1
            let end = Int(nodes[current].end)
            while child < end {
                if nodes[child].tag != .text, stats[child].hasBlock {
                    let score = stats[child].good * ChromeRemover.weight(kinds[child])
                        * ChromeRemover.bonus(kinds[child])
                    if score > bestScore { bestScore = score; best = child }
                }
                child = Int(nodes[child].end)
            }
            guard best >= 0, bestScore >= Self.descendShare * stats[current].good else { break }
            current = best
        }
        return current
    }
}
