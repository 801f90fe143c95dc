import Foundation

/// What the runner hands a stage: the raw document (for `decode`) or the stored output of the
/// stage before it.
enum StageInput {
    case raw(RawDocument)
    case payload(Data)
}

/// A configured per-document stage with its types erased, so the runner can chain any stages.
struct AnyDocumentStage: Sendable {
    let name: String
    private let body: @Sendable (StageInput, DocumentRef) throws -> Data

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
            }
            return try PayloadCodec.encode(stage.process(typed, document: document))
        }
    }

    func run(_ input: StageInput, document: DocumentRef) throws -> Data {
        try body(input, document)
    }
}
