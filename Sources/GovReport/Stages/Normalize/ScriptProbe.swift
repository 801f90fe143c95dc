/// Finds a document's script with OpenCC's standard tables in both directions (t2s and s2t),
/// whatever configuration the conversion itself uses, so that `script` means the same in
/// every run.
struct ScriptProbe: Sendable {
    let toSimplified: OpenCCConverter
    /// Opened at the first document with a traditional character that the bound below does not
    /// settle: s2t's phrase table takes longer to load than anything else a run sets up, and
    /// most runs never need it.
    private let s2t: LazyValue<OpenCCConverter>
    /// The scalars s2t can change, read from its dictionaries (without opening the converter).
    private let s2tChanged: LazyValue<OpenCCChangedScalars>

    /// `reusing` is taken as the t2s converter when it was opened from the same file.
    init(reusing converter: OpenCCConverter) throws {
        guard let t2s = OpenCCConverter.locate("t2s.json"), let s2t = OpenCCConverter.locate("s2t.json") else {
            throw StageFailure("normalize.opencc", "OpenCC's t2s.json and s2t.json are needed to detect the script but were not found in \(OpenCCConverter.dataDirectories.joined(separator: ", "))")
        }
        toSimplified = converter.configPath == t2s ? converter : try OpenCCConverter(configPath: t2s)
        let s2tChanged = LazyValue { try OpenCCChangedScalars(configPath: s2t) }
        self.s2tChanged = s2tChanged
        self.s2t = LazyValue { try OpenCCConverter(configPath: s2t, changed: s2tChanged.value()) }
    }

    var toTraditional: OpenCCConverter {
        get throws { try s2t.value() }
    }

    func detect(_ paragraphs: [String]) throws -> ChineseScript {
        try detect(paragraphs, simplified: nil)
    }

    /// `simplified`, when given, is each paragraph already converted by a t2s converter (the
    /// normalize stage's own output), so the text is not converted twice in that direction.
    /// The s2t direction runs only when the t2s one found a traditional character: without one
    /// the text is `hans` whatever s2t would find (ScriptDetector.classify), which spares most
    /// documents a whole OpenCC pass.
    func detect(_ paragraphs: [String], simplified given: [String]?) throws -> ChineseScript {
        let simplified = try given ?? paragraphs.map { try AlignedConversion.convert($0, with: toSimplified.convert) }
        var evidence = ScriptEvidence()
        for (paragraph, converted) in zip(paragraphs, simplified) {
            evidence.traditionalOnly += ScriptDetector.changes(source: paragraph, converted: converted)
        }
        guard evidence.traditionalOnly > 0 else { return .hans }
        // When s2t keeps lengths, it can change only positions holding a scalar of its set, so
        // their number bounds the simplified-only count. `hant` holds for any count below a bound
        // that reads `hant` (ScriptDetector.classify), so a traditional page is settled by
        // counting, without the whole s2t pass that would otherwise be most of its normalize.
        let changed = try s2tChanged.value()
        if changed.keepsLengths {
            let bound = paragraphs.reduce(0) { $0 + changed.count(in: $1) }
            let bounded = ScriptEvidence(traditionalOnly: evidence.traditionalOnly, simplifiedOnly: bound)
            if ScriptDetector.classify(bounded) == .hant { return .hant }
        }
        let converter = try toTraditional
        for paragraph in paragraphs {
            let traditional = try AlignedConversion.convert(paragraph, with: converter.convert)
            evidence.simplifiedOnly += ScriptDetector.changes(source: paragraph, converted: traditional)
        }
        return ScriptDetector.classify(evidence)
    }
}
