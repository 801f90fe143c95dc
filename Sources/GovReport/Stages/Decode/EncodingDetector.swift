import Foundation

/// What `EncodingDetector` decided, with the decoded text (before line ends are normalised).
struct EncodingDetection: Equatable {
    var text: String
    /// The declared label (source first, else the page's own), upper-cased as written; "" if none.
    var encodingDeclared: String
    /// The iconv name the text was converted with.
    var encodingDetected: String
    /// `bom`, `declared`, `meta`, `uchardet` or `trial`.
    var evidence: String
    var invalidBytes: Int
}

/// Decides a document's encoding from the evidence in order of strength: a byte order mark;
/// the charset given with the source; the page's `<meta>` charset; uchardet; trial decoding
/// with the candidate charsets. Every answer short of a BOM is taken only when a trial decode
/// with it agrees with the bytes: few invalid sequences, and no other candidate reading
/// clearly better (GBK bytes read as Windows-1252 convert without an error, but as mojibake).
/// A trial agrees with the bytes when almost all of them convert and no candidate reads better
/// by more than a margin.
struct EncodingDetector: Sendable {
    let options: DecodeOptions
    /// The statistical detector; replaceable so tests can play one that guesses wrong.
    var guessCharset: @Sendable ([UInt8]) -> String?
    /// The iconv names of the candidate charsets that are not UTF-16 or UTF-32, made once.
    private let narrowCandidates: [String]

    init(options: DecodeOptions, guessCharset: @escaping @Sendable ([UInt8]) -> String? = Uchardet.guess) {
        self.options = options
        self.guessCharset = guessCharset
        narrowCandidates = options.candidates.compactMap(EncodingNames.canonical).filter { !EncodingNames.isWide($0) }
    }

    /// How much more plausible another candidate must read to overrule a declared charset.
    static let declaredMargin = 0.25
    /// uchardet also weighs byte statistics the trial score does not see, so its answer
    /// stands unless a candidate reads better by more than this.
    static let uchardetMargin = 0.05
    /// The least plausibility at which bytes with NULs are taken for UTF-16 or UTF-32 text.
    static let widePlausibility = 0.5

    func detect(_ bytes: [UInt8], declaredCharset: String?) throws -> EncodingDetection {
        guard !bytes.isEmpty else {
            throw StageFailure("decode.empty", "the document is empty (0 bytes)")
        }
        if let kind = BinarySniffer.signature(of: bytes) {
            throw StageFailure("decode.binary", "binary content: the bytes look like \(kind), not text or HTML")
        }
        let sourceLabel = declaredCharset.map(EncodingNames.declaredLabel).flatMap { $0.isEmpty ? nil : $0 }

        if let mark = ByteOrderMark.detect(bytes) {
            let body = Array(bytes[mark.length...])
            let metaLabel = EncodingNames.isWide(mark.encoding) ? nil : metaCharset(body)
            guard let trial = TrialDecode(body, encoding: mark.encoding) else {
                throw StageFailure("decode.undecodable", "iconv cannot read \(mark.encoding), announced by the byte order mark")
            }
            return try accept(trial, evidence: "bom", declared: sourceLabel ?? metaLabel)
        }

        let trials = TrialCache(bytes: bytes)
        var wideEncoding: String?
        if case .present(let count, let first, let wideCandidates) = BinarySniffer.nulLayout(of: bytes) {
            let readable = wideCandidates.compactMap { trials.trial($0) }
                .filter { $0.invalidShare <= options.maxInvalidShare && $0.score >= Self.widePlausibility }
            guard let wide = Self.best(of: readable) else {
                throw StageFailure("decode.binary", """
                    binary content: \(count) NUL byte\(count == 1 ? "" : "s") (the first at byte \(first)), which text has only \
                    in UTF-16 or UTF-32, and read so the bytes give no readable text
                    """)
            }
            wideEncoding = wide.encoding
        }

        let metaLabel = wideEncoding == nil ? metaCharset(bytes) : nil
        let declared = sourceLabel ?? metaLabel
        let candidateNames = wideEncoding.map { [$0] } ?? narrowCandidates
        // The best candidate is decoded only when an answer needs comparing with it: a trial
        // that reads within `margin` of the highest possible score (1) agrees whatever the
        // others read, so a well-labelled page is decoded once instead of once per candidate.
        var bestTrial: TrialDecode??
        func best() throws -> TrialDecode {
            if bestTrial == nil { bestTrial = Self.best(of: candidateNames.compactMap { trials.trial($0) }) }
            guard let found = bestTrial! else {
                throw StageFailure("decode.undecodable", "none of the candidate charsets is known to iconv")
            }
            return found
        }
        func agrees(_ trial: TrialDecode, margin: Double) throws -> Bool {
            guard trial.invalidShare <= options.declaredMaxInvalidShare else { return false }
            if trial.score >= 1 - margin { return true }
            let bestScore = try best().score
            return trial.score >= bestScore - margin
        }

        if options.trustDeclared, let label = sourceLabel,
           let trial = trials.trial(resolving: label, wide: wideEncoding, forMeta: false),
           try agrees(trial, margin: Self.declaredMargin) {
            return try accept(trial, evidence: "declared", declared: declared)
        }
        if options.trustMeta, let label = metaLabel,
           let trial = trials.trial(resolving: label, wide: nil, forMeta: true),
           try agrees(trial, margin: Self.declaredMargin) {
            return try accept(trial, evidence: "meta", declared: declared)
        }
        // uchardet 0.0.7 finds UTF-16 only by its BOM, so wide text skips it.
        if options.useUchardet, wideEncoding == nil, let guess = guessCharset(bytes),
           let trial = trials.trial(resolving: guess, wide: nil, forMeta: false),
           !EncodingNames.isWide(trial.encoding),
           try agrees(trial, margin: Self.uchardetMargin) {
            return try accept(trial, evidence: "uchardet", declared: declared)
        }
        return try accept(try best(), evidence: "trial", declared: declared)
    }

    /// The most plausible trial; the earlier one on a tie.
    private static func best(of trials: [TrialDecode]) -> TrialDecode? {
        trials.reduce(nil as TrialDecode?) { best, next in best.map { next.isBetter(than: $0) ? next : $0 } ?? next }
    }

    private func metaCharset(_ bytes: [UInt8]) -> String? {
        MetaCharsetSniffer.declaredCharset(in: bytes, limit: options.metaScanBytes)
            .map(EncodingNames.declaredLabel).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func accept(_ trial: TrialDecode, evidence: String, declared: String?) throws -> EncodingDetection {
        if trial.invalidShare > options.maxInvalidShare {
            throw StageFailure("decode.undecodable", """
                no encoding converts the bytes: with \(trial.encoding) (\(evidenceWords(evidence))), \
                \(trial.invalidBytes) bytes (\(percent(trial.invalidShare)) of the non-ASCII bytes) \
                are invalid, above maxInvalidShare \(percent(options.maxInvalidShare))
                """)
        }
        if trial.score < 0 {
            throw StageFailure("decode.undecodable", """
                no encoding gives readable text: with \(trial.encoding) (\(evidenceWords(evidence))), \
                \(trial.plausibility.garbage) of \(trial.plausibility.judged) non-ASCII characters are \
                control, private-use or replacement characters
                """)
        }
        return EncodingDetection(text: trial.text, encodingDeclared: (declared ?? "").uppercased(),
                                 encodingDetected: trial.encoding, evidence: evidence,
                                 invalidBytes: trial.invalidBytes)
    }

    private func evidenceWords(_ evidence: String) -> String {
        switch evidence {
        case "bom": return "from its byte order mark"
        case "trial": return "the best of the candidates"
        default: return "from \(evidence)"
        }
    }

    private func percent(_ share: Double) -> String {
        share * 100 < 1 ? String(format: "%.2f%%", share * 100) : String(format: "%.0f%%", share * 100)
    }
}

/// Trial decodes of one document, each charset decoded once.
private final class TrialCache {
    let bytes: [UInt8]
    private var done: [String: TrialDecode?] = [:]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The trial for an iconv name; for BIG5-HKSCS, CP950 instead when it converts more bytes
    /// (CP950 has Microsoft's additions, such as the euro sign, that HKSCS lacks).
    func trial(_ encoding: String) -> TrialDecode? {
        let trial = decoded(encoding)
        if encoding == "BIG5-HKSCS", let trial, trial.invalidBytes > 0,
           let fallback = decoded("CP950"), fallback.invalidBytes < trial.invalidBytes {
            return fallback
        }
        return trial
    }

    /// The trial for a declared or detected label. A wide label on wide text takes the
    /// byte order the NULs show (a bare "UTF-16" says nothing of it).
    func trial(resolving label: String, wide: String?, forMeta: Bool) -> TrialDecode? {
        guard var name = forMeta ? EncodingNames.canonicalForMeta(label) : EncodingNames.canonical(label) else {
            return nil
        }
        if let wide, EncodingNames.isWide(name), name.prefix(6) == wide.prefix(6) {
            name = wide
        }
        return trial(name)
    }

    private func decoded(_ encoding: String) -> TrialDecode? {
        if let known = done[encoding] { return known }
        let trial = TrialDecode(bytes, encoding: encoding)
        done[encoding] = trial
        return trial
    }
}
