/// One line of a page as a reader sees it: a paragraph, a heading, a <br>-separated line,
/// a list item, a layout cell or a data-table row.
struct PageLine: Sendable, Equatable {
    var text: String
    /// The innermost block element around the line (0: none).
    var block: Int32
    /// Inside the article container and outside the chrome within it.
    var isBody: Bool
    /// Inside <nav>, <header>, <footer> or <aside>.
    var inChromeTag: Bool
    var isTableRow: Bool
}

/// Turns the mirrored page into lines in reading order, in one pass over the nodes, marking
/// which lines belong to the article body. Chrome inside the container (chrome tags, forms,
/// chrome-named or hidden elements, blocks that are mostly link text) is marked out, unless
/// it holds a quarter of the body's plain text: then its name lied. A table in the body with
/// at least two rows and two columns, no nested table and no cell over 300 characters is a
/// data table: one line per row, cells joined by " | " (a tab would be eaten by the whitespace
/// normalisation downstream; " | " survives it and reads well in a CSV cell). Other tables are
/// layout: every cell is a block.
struct PageLineBuilder {
    static let rowSeparator = " | "
    static let maxDataCellChars: Int32 = 300

    let document: HTMLDocument
    let scorer: BodyScorer
    let container: Int
    let keepTables: Bool

    private struct Frame {
        var index: Int32
        var end: Int32
        var flushes: Bool
        var wasBody: Bool
        var isChromeTag: Bool
        var isPre: Bool
        var isDataTable: Bool
        var isRow: Bool
        var isCell: Bool
        var isBlock: Bool
    }

    func build() -> [PageLine] {
        let nodes = document.nodes
        let containerEnd = Int(nodes[container].end)
        let containerPlain = Double(scorer.stats[container].plain)

        var lines: [PageLine] = []
        // The text of the line (and of the data-table cell) being read, as UTF-8: text nodes
        // are bytes in the document's buffer, and strings are made only of whole lines.
        var buffer: [UInt8] = []
        var inBody = false
        var chromeDepth = 0
        var preDepth = 0
        var inDataTable = false
        var row: [String]? = nil
        var cell: [UInt8]? = nil
        var blocks: [Int32] = []
        var open: [Frame] = []

        func flush() {
            if cell != nil { cell!.append(0x0A); return }
            guard !buffer.isEmpty else { return }
            let text = buffer.withUnsafeBufferPointer { InlineText.collapse(bytes: $0, markupBreaks: true) }
            buffer.removeAll(keepingCapacity: true)
            if !text.isEmpty {
                lines.append(PageLine(text: text, block: blocks.last ?? 0, isBody: inBody,
                                      inChromeTag: chromeDepth > 0, isTableRow: false))
            }
        }

        func close(_ frame: Frame) {
            if frame.isCell, let text = cell {
                cell = nil
                let collapsed = text.withUnsafeBufferPointer { InlineText.collapse(bytes: $0, markupBreaks: true) }
                if row != nil { row!.append(collapsed) } else { buffer.append(contentsOf: collapsed.utf8); flush() }
            }
            if frame.isRow, let cells = row {
                row = nil
                var kept = cells
                while let last = kept.last, last.isEmpty { kept.removeLast() }
                if !kept.isEmpty {
                    lines.append(PageLine(text: kept.joined(separator: Self.rowSeparator),
                                          block: frame.index, isBody: inBody,
                                          inChromeTag: chromeDepth > 0, isTableRow: true))
                }
            }
            if frame.flushes { flush() }
            if frame.isBlock { blocks.removeLast() }
            if frame.isChromeTag { chromeDepth -= 1 }
            if frame.isPre { preDepth -= 1 }
            if frame.isDataTable { inDataTable = false }
            inBody = frame.wasBody
        }

        var i = 0
        while i < nodes.count {
            while let top = open.last, Int(top.end) <= i { close(open.removeLast()) }
            // Fields read in place: copying the node retained and released its string.
            let tag = nodes[i].tag
            switch tag {
            case .root:
                inBody = container == 0  // a page without <body>: the whole document
            case .text:
                // In <pre>, each line feed ends a line. A line feed after a carriage return is
                // no line of its own: "\r\n" is one Character, and not "\n".
                let bytes = document.textBytes
                var start = Int(nodes[i].textStart)
                let end = Int(nodes[i].textEnd)
                if preDepth > 0 {
                    for k in start..<end where bytes[k] == 0x0A && (k == Int(nodes[i].textStart) || bytes[k - 1] != 0x0D) {
                        if cell != nil { cell!.append(contentsOf: bytes[start..<k]) } else { buffer.append(contentsOf: bytes[start..<k]) }
                        flush()
                        start = k + 1
                    }
                }
                if cell != nil { cell!.append(contentsOf: bytes[start..<end]) } else { buffer.append(contentsOf: bytes[start..<end]) }
            case .br:
                flush()
            default:
                var frame = Frame(index: Int32(i), end: nodes[i].end, flushes: tag.isBlock,
                                  wasBody: inBody, isChromeTag: tag.isChromeTag,
                                  isPre: tag == .pre, isDataTable: false, isRow: false,
                                  isCell: false, isBlock: tag.isBlock)
                let excluded = i != container && inBody && i < containerEnd
                    && isExcluded(i, containerPlain: containerPlain, inDataTable: inDataTable)
                if i == container || excluded { frame.flushes = true }
                if frame.flushes { flush() }
                if i == container { inBody = true } else if excluded { inBody = false }
                if tag == .table, inBody, !inDataTable, isDataTable(i) {
                    frame.isDataTable = true
                    inDataTable = true
                }
                if inDataTable {
                    if tag == .tr { frame.isRow = true; row = [] }
                    if tag.isCell { frame.isCell = true; cell = [] }
                }
                if frame.isBlock { blocks.append(Int32(i)) }
                if frame.isChromeTag { chromeDepth += 1 }
                if frame.isPre { preDepth += 1 }
                open.append(frame)
            }
            i += 1
        }
        while let top = open.popLast() { close(top) }
        flush()
        return lines
    }

    /// Whether element `i`, inside the body, is chrome to leave out.
    private func isExcluded(_ i: Int, containerPlain: Double, inDataTable: Bool) -> Bool {
        let tag = document.nodes[i].tag
        let stats = scorer.stats[i]
        if inDataTable { return false }
        if tag == .table, !keepTables, isDataTable(i) { return true }
        let kind = scorer.kinds[i]
        let chromey = kind == .chromeTag || kind == .penalized || tag == .form
        if chromey {
            let substantial = Double(stats.plain) >= 0.25 * containerPlain && stats.linkDensity <= 0.5
            if !substantial { return true }
        }
        return tag.isBlock && stats.linkDensity > 0.5
    }

    /// At least two rows, two cells in some row, no nested table and no long cell.
    private func isDataTable(_ table: Int) -> Bool {
        let nodes = document.nodes
        let end = Int(nodes[table].end)
        var rows = 0
        var widest = 0
        var j = table + 1
        while j < end {
            switch nodes[j].tag {
            case .table:
                return false
            case .tr:
                rows += 1
                var cells = 0
                var c = j + 1
                while c < Int(nodes[j].end) {
                    if nodes[c].tag.isCell {
                        cells += 1
                        if scorer.stats[c].chars > Self.maxDataCellChars { return false }
                    }
                    c = Int(nodes[c].end)
                }
                widest = max(widest, cells)
            default:
                break
            }
            j += 1
        }
        return rows >= 2 && widest >= 2
    }
}
