/// Where a marker stands: at the start of a paragraph (its own line or a run-in heading), or
/// inside one (a one-line text, or an `一是` after a sentence end).
public enum MarkerPlacement: Sendable, Equatable {
    case paragraphStart
    case inline
}

/// Builds the outline of one report, marker by marker in reading order, and numbers its
/// sections by nesting depth (`2`, `2.1`, `2.1.3`).
///
/// Levels are relative: a marker style nests under the styles open above it, whatever their
/// rank, so a report going straight from `一、` to `1.` gets `1.` at depth 2.
///
/// Numbering decides whether a candidate is a heading at all. A marker continues the list of
/// its style when that style is open (`二、` after `一、`), or starts a new list below the
/// current section (`（一）` or `1.` under a fresh parent). Markers inside a paragraph must fit
/// exactly (next number, or 1 for a new list); at a paragraph start the numbering may skip
/// (`3.` after `1.`, up to `maxOrdinalGap`), a new list may start at 2 (its first item lost),
/// and a list may restart at 1. Anything else (`5、` out of nowhere) is body text.
public struct OutlineParser: Sendable {
    /// The section a marker opened.
    public struct Opened: Sendable, Equatable {
        public var sectionId: String
        public var depth: Int
    }

    private struct Open: Sendable {
        var level: Int
        var ordinal: Int
        var id: String
        /// The id component of this section's latest child.
        var lastChild: Int
    }

    public let maxOrdinalGap: Int
    /// Whether `一是` may open a top-level section; off when the report has a real outline, so
    /// that an enumeration in the preamble does not shift the numbering of `一、`.
    public let allowRootEnumerations: Bool

    private var stack: [Open] = []
    private var rootLastChild = 0

    public init(maxOrdinalGap: Int = 3, allowRootEnumerations: Bool = true) {
        self.maxOrdinalGap = max(1, maxOrdinalGap)
        self.allowRootEnumerations = allowRootEnumerations
    }

    /// The innermost open section; "" before the first heading.
    public var currentSectionId: String { stack.last?.id ?? "" }

    /// Whether `marker` is a plausible heading here.
    public func accepts(_ marker: OutlineMarker, placement: MarkerPlacement) -> Bool {
        if let open = stack.last(where: { $0.level == marker.level }) {
            let step = marker.ordinal - open.ordinal
            switch placement {
            case .inline: return step == 1
            case .paragraphStart: return (1...maxOrdinalGap).contains(step) || marker.ordinal == 1
            }
        }
        let parent = stack.last { $0.level < marker.level }
        if marker.level == 5, parent == nil, !allowRootEnumerations { return false }
        switch placement {
        case .inline: return marker.ordinal == 1
        case .paragraphStart: return marker.ordinal <= min(2, maxOrdinalGap)
        }
    }

    /// Opens the section of an accepted marker, closing the sections at its level and below.
    ///
    /// The id component is the written ordinal when it counts up from the previous sibling, else
    /// the next free number, so ids stay unique when a report repeats or restarts a number.
    @discardableResult
    public mutating func open(_ marker: OutlineMarker) -> Opened {
        while let top = stack.last, top.level >= marker.level { stack.removeLast() }
        let previous = stack.last?.lastChild ?? rootLastChild
        let component = max(marker.ordinal, previous + 1)
        let id: String
        if let parent = stack.last {
            id = "\(parent.id).\(component)"
            stack[stack.count - 1].lastChild = component
        } else {
            id = "\(component)"
            rootLastChild = component
        }
        stack.append(Open(level: marker.level, ordinal: marker.ordinal, id: id, lastChild: 0))
        return Opened(sectionId: id, depth: stack.count)
    }
}
