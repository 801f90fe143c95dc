import Foundation

/// A value guarded by a lock, shared between worker threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    var current: Value { withLock { $0 } }
}

/// A value made at its first use, once, whichever thread asks first; a failure to make it is
/// kept and thrown to every later asker.
final class LazyValue<Value: Sendable>: Sendable {
    private let made = Locked<Result<Value, any Error>?>(nil)
    private let make: @Sendable () throws -> Value

    init(_ make: @escaping @Sendable () throws -> Value) { self.make = make }

    func value() throws -> Value {
        try made.withLock { made in
            if made == nil { made = Result { try make() } }
            return try made!.get()
        }
    }
}

/// Set by SIGINT/SIGTERM: workers finish the document in hand and take no new one.
public final class CancellationFlag: Sendable {
    private let flag = Locked(false)
    public init() {}
    public func cancel() { flag.withLock { $0 = true } }
    public var isCancelled: Bool { flag.current }
}
