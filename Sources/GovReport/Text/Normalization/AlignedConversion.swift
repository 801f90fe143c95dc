/// Runs a script converter (OpenCC) so that the result has exactly as many Unicode scalars as
/// the input and the i-th scalar of the result is the conversion of the i-th of the input, which
/// lets an offset found in the converted text point into the source.
///
/// Character and phrase tables map 1:1 almost always (every entry of OpenCC's t2s and s2t
/// tables does), so the whole text is converted at once, keeping phrase context (乾淨 → 干净,
/// 乾隆 stays). Where a phrase changes length (tw2sp: 演算法 → 算法), the text falls back to
/// converting each run between punctuation and spaces separately, and a run that still changes
/// length to converting each character alone, keeping a character whose own conversion is not
/// one character.
public enum AlignedConversion {
    public static func convert(_ text: String, with convert: (String) throws -> String) rethrows -> String {
        guard !text.isEmpty else { return text }
        let whole = try convert(text)
        if whole.unicodeScalars.count == text.unicodeScalars.count { return whole }

        let pieces = split(text)
        let runs = pieces.filter { !$0.isSeparator }.map(\.text)
        // One converter call for all runs: OpenCC keeps line breaks, and the text has none
        // inside a run, so the result splits back into the runs.
        let convertedRuns = try convert(runs.joined(separator: "\n")).split(separator: "\n", omittingEmptySubsequences: false)
        let runsAligned = convertedRuns.count == runs.count
        var mismatched: [String] = []
        for (index, run) in runs.enumerated()
        where !runsAligned || convertedRuns[index].unicodeScalars.count != run.unicodeScalars.count {
            mismatched.append(run)
        }
        let characterMap = try convertCharacters(of: mismatched, with: convert)

        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        var runIndex = 0
        for piece in pieces {
            if piece.isSeparator {
                result.append(contentsOf: piece.text.unicodeScalars)
                continue
            }
            let converted = runsAligned ? String(convertedRuns[runIndex]) : ""
            runIndex += 1
            if converted.unicodeScalars.count == piece.text.unicodeScalars.count {
                result.append(contentsOf: converted.unicodeScalars)
            } else {
                for scalar in piece.text.unicodeScalars { result.append(characterMap[scalar] ?? scalar) }
            }
        }
        return String(scalars: result)
    }

    /// Each distinct character of the runs converted on its own, where that gives one character.
    private static func convertCharacters(of runs: [String],
                                          with convert: (String) throws -> String) rethrows -> [Unicode.Scalar: Unicode.Scalar] {
        var distinct: [Unicode.Scalar] = []
        var seen = Set<Unicode.Scalar>()
        for run in runs {
            for scalar in run.unicodeScalars where seen.insert(scalar).inserted { distinct.append(scalar) }
        }
        guard !distinct.isEmpty else { return [:] }
        let joined = distinct.map { String($0) }.joined(separator: "\n")
        let converted = try convert(joined).split(separator: "\n", omittingEmptySubsequences: false)
        guard converted.count == distinct.count else { return [:] }
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (source, target) in zip(distinct, converted) {
            let scalars = target.unicodeScalars
            if scalars.count == 1, let only = scalars.first { map[source] = only }
        }
        return map
    }

    private struct Piece {
        var text: String
        var isSeparator: Bool
    }

    /// Runs of word characters, and single separators (whitespace, punctuation) between them.
    /// No standard conversion table touches punctuation, so separators are passed through.
    private static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var run: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isSeparator(scalar) {
                if !run.isEmpty { pieces.append(Piece(text: String(scalars: run), isSeparator: false)) }
                run.removeAll(keepingCapacity: true)
                pieces.append(Piece(text: String(scalar), isSeparator: true))
            } else {
                run.append(scalar)
            }
        }
        if !run.isEmpty { pieces.append(Piece(text: String(scalars: run), isSeparator: false)) }
        return pieces
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isWhiteSpace { return true }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
