import Foundation

/// Receives progress over documents; the CLI draws a bar on a terminal, logs otherwise.
public protocol ProgressSink: Sendable {
    func start(total: Int, phase: String)
    func advance(completed: Int, total: Int)
    func finish()
}

public struct NoProgress: ProgressSink {
    public init() {}
    public func start(total: Int, phase: String) {}
    public func advance(completed: Int, total: Int) {}
    public func finish() {}
}
