/// A document-level failure: becomes one row of the `errors` table and never stops the run.
/// `code` is stable and machine-readable (`decode.binary`, `strip.no_body`, ...); `message`
/// says what happened in words a user can act on.
public struct StageFailure: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
