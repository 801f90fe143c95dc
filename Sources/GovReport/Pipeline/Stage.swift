import Foundation

/// What a stage knows of the document it works on, beside its input record.
public struct DocumentRef: Sendable, Equatable {
    public var docId: String
    public var source: String

    public init(docId: String, source: String) {
        self.docId = docId
        self.source = source
    }
}

/// A per-document stage: a pure function from its input record to its output record.
/// The runner, not the stage, does caching, concurrency, error rows and progress.
/// A stage throws `StageFailure` for a document it cannot handle; anything else thrown is
/// reported as `<stage>.internal`.
public protocol DocumentStage: Sendable {
    associatedtype Options: StageOptions
    associatedtype Input: Codable & Sendable
    associatedtype Output: Codable & Sendable

    /// The name used in `pipeline.json`, `--from`, `--only` and the `errors` table.
    static var name: String { get }
    /// One line for `govreport stages`.
    static var summary: String { get }
    /// Bump when the stage's logic changes so that cached outputs are recomputed.
    static var version: Int { get }

    /// Built once per run (expensive set-up such as loading dictionaries goes here).
    init(options: Options) throws

    func process(_ input: Input, document: DocumentRef) throws -> Output
}
