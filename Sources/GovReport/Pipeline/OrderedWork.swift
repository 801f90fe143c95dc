import Foundation

/// Pieces of work made on several threads and taken in order on the calling thread: the write
/// stage makes the documents' rows on `jobs` threads while the rows made before go to the files
/// in document order.
///
/// A worker takes the next piece as soon as it is free, so no piece waits for a slower one made
/// beside it (batches that each ended when their slowest document was done kept two cores only
/// 1.6 busy). Workers run at most `window` pieces ahead of the taker, so memory stays flat.
enum OrderedWork {
    /// `make` of every index below `count` on `jobs` threads; `take` of each result, in index
    /// order, on the calling thread. The first error (of `make` in index order, or of `take`)
    /// stops the workers and is rethrown once they are done. With one job there is no thread:
    /// each piece is made and taken in turn.
    static func run<Value>(count: Int, jobs: Int, window: Int, make: @escaping @Sendable (Int) throws -> Value,
                           take: (Value) throws -> Void) throws {
        let threads = max(1, min(jobs, count))
        guard threads > 1 else {
            for index in 0..<count { try take(make(index)) }
            return
        }
        let state = State<Value>(count: count, window: max(window, threads))
        let done = DispatchGroup()
        for _ in 0..<threads {
            done.enter()
            // Threads of their own, not a global queue's: a worker waiting for the taker must not
            // hold a thread that the taker's own background work (compression) needs.
            Thread {
                state.work(make)
                done.leave()
            }.start()
        }
        defer {
            state.stop()
            done.wait()
        }
        for index in 0..<count { try take(state.result(index).get()) }
    }

    /// The ring of results between the workers and the taker, guarded by one condition.
    private final class State<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var results: [Result<Value, any Error>?]
        private var nextToMake = 0
        /// Results below this index have been taken, and their slots are free.
        private var nextToTake = 0
        private var stopped = false

        init(count: Int, window: Int) {
            self.count = count
            self.window = window
            results = Array(repeating: nil, count: window)
        }

        /// A worker's loop: the next index while there is one and the taker is near enough.
        func work(_ make: (Int) throws -> Value) {
            condition.lock()
            defer { condition.unlock() }
            while true {
                while !stopped, nextToMake < count, nextToMake >= nextToTake + window { condition.wait() }
                guard !stopped, nextToMake < count else { return }
                let index = nextToMake
                nextToMake += 1
                condition.unlock()
                let result = Result { try make(index) }
                condition.lock()
                results[index % window] = result
                condition.broadcast()
            }
        }

        /// The result at `index`, once made; its slot is free again.
        func result(_ index: Int) -> Result<Value, any Error> {
            condition.lock()
            defer { condition.unlock() }
            while results[index % window] == nil { condition.wait() }
            let result = results[index % window]!
            results[index % window] = nil
            nextToTake = index + 1
            condition.broadcast()
            return result
        }

        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
