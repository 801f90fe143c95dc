import Foundation

/// Work started on a global queue now and waited for later: the write stage decodes the next
/// batch of documents while it writes the one before, and compresses a table's blocks while it
/// encodes the rows after them.
final class BackgroundWork<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the worker before `done.leave()`, read only after `done.wait()`.
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.done.leave()
        }
    }

    func wait() {
        done.wait()
    }

    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
