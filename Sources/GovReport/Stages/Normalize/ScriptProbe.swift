/// Finds a document's script with OpenCC's standard tables in both directions (t2s and s2t),
/// whatever configuration the conversion itself uses, so that `script` means the same in
/// every run.
struct ScriptProbe: Sendable {
    let toSimplified: OpenCCConverter
    let toTraditional: OpenCCConverter

    /// `reusing` is taken as the t2s converter when it was opened from the same file.
    init(reusing converter: OpenCCConverter) throws {
        guard let t2s = OpenCCConverter.locate("t2s.json"), let s2t = OpenCCConverter.locate("s2t.json") else {
            throw StageFailure("normalize.opencc", "OpenCC's t2s.json and s2t.json are needed to detect the script but were not found in \(OpenCCConverter.dataDirectories.joined(separator: ", "))")
        }
        toSimplified = converter.configPath == t2s ? converter : try OpenCCConverter(configPath: t2s)
        toTraditional = try OpenCCConverter(configPath: s2t)
    }

    func detect(_ paragraphs: [String]) throws -> ChineseScript {
        var evidence = ScriptEvidence()
        for paragraph in paragraphs {
            let simplified = try AlignedConversion.convert(paragraph, with: toSimplified.convert)
            let traditional = try AlignedConversion.convert(paragraph, with: toTraditional.convert)
            evidence = evidence + ScriptDetector.evidence(source: paragraph, simplified: simplified, traditional: traditional)
        }
        return ScriptDetector.classify(evidence)
    }
}
