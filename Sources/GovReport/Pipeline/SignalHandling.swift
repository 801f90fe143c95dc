import Dispatch
import Foundation

extension CancellationFlag {
    /// SIGINT and SIGTERM stop the run cleanly: documents in hand are finished and stored, no new
    /// one is started, the tables are left as they were, and the exit status is 1. A second
    /// signal ends the process at once (the store is transactional, so that is safe too).
    public func installSignalHandlers() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if isCancelled { exit(1) }
                cancel()
                StderrConsole.shared.writeLine("govreport: stopping after the documents in hand (signal \(number)); signal again to stop at once")
            }
            source.resume()
            return source
        }
    }
}
