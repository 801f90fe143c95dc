/// strip (HTML): any UTF-8 text parsed as a page must give an article or a `strip.*` failure,
/// with no empty paragraph. Invalid UTF-8 in the input is replaced, as decode would.
enum StripFuzz {
    static let stage: StripStage = {
        do { return try StripStage(options: StripOptions()) } catch { fatalError("strip cannot start: \(error)") }
    }()

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let input = DecodedDocument(text: text, encodingDeclared: "", encodingDetected: "UTF-8", evidence: "fuzz",
                                    invalidBytes: 0, isHTML: true)
        do {
            let stripped = try stage.process(input, document: DocumentRef(docId: "fuzz", source: "fuzz"))
            precondition(stripped.paragraphs.allSatisfy { !$0.isEmpty }, "an empty paragraph")
        } catch let failure as StageFailure {
            precondition(failure.code.hasPrefix("strip."), "unexpected failure code \(failure.code)")
        } catch {
            preconditionFailure("strip threw something else than a StageFailure: \(error)")
        }
    }
}
