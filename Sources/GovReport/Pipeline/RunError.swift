/// Why a run could not be done at all (as opposed to documents that failed).
public enum RunError: Error, CustomStringConvertible {
    /// Wrong arguments: exit 64.
    case usage(String)
    /// Bad config, lock held, store or output not writable: exit 1, previous outputs untouched.
    case cannotRun(String)

    public var description: String {
        switch self {
        case .usage(let message), .cannotRun(let message): return message
        }
    }

    public var exitStatus: Int32 {
        switch self {
        case .usage: return 64
        case .cannotRun: return 1
        }
    }
}
