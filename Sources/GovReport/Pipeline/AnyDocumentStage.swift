import Foundation

/// What the runner hands a stage: the raw document (for `decode`) or the stored output of the
/// stage before it.
enum StageInput {
    case raw(RawDocument)
    case payload(Data)
    /// The output record of the stage before, just computed in this run: handed over as it is,
    /// so it is not decoded again from the payload that was stored for it.
    case value(any Sendable)
}

/// What a stage run gives: the payload to store and the record it encodes.
struct StageResult {
    var payload: Data
    var value: any Sendable
}

/// A configured per-document stage with its types erased, so the runner can chain any stages.
struct AnyDocumentStage: Sendable {
    let name: String
    private let body: @Sendable (StageInput, DocumentRef) throws -> StageResult

    init<S: DocumentStage>(_ stage: S) {
        name = S.name
        body = { input, document in
            let typed: S.Input
            switch input {
            case .raw(let raw):
                guard let value = raw as? S.Input else {
                    throw StageFailure("\(S.name).internal", "stage \(S.name) cannot read a raw document")
                }
                typed = value
            case .payload(let data):
                typed = try PayloadCodec.decode(S.Input.self, from: data)
            case .value(let value):
                guard let value = value as? S.Input else {
                    throw StageFailure("\(S.name).internal", "stage \(S.name) was handed a \(type(of: value))")
                }
                typed = value
            }
            let output = try stage.process(typed, document: document)
            return StageResult(payload: try PayloadCodec.encode(output), value: output)
        }
    }

    func run(_ input: StageInput, document: DocumentRef) throws -> StageResult {
        try body(input, document)
    }
}
