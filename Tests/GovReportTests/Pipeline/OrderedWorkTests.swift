import Foundation
import Testing
@testable import GovReport

/// Work made on several threads is taken in index order, never runs more than the window ahead,
/// and its first error (in index order) is the one thrown.
@Suite struct OrderedWorkTests {
    private struct Failure: Error, Equatable { let index: Int }

    /// Uneven work: every seventh piece is slow, so later pieces are done first.
    private static func uneven(_ index: Int) -> Int {
        if index % 7 == 0 { usleep(2_000) }
        return index * index
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsAreTakenInIndexOrder(jobs: Int) throws {
        var taken: [Int] = []
        try OrderedWork.run(count: 200, jobs: jobs, window: 5, make: Self.uneven) { taken.append($0) }
        #expect(taken == (0..<200).map { $0 * $0 })
    }

    @Test func noPieceIsMadeMoreThanTheWindowAheadOfTheTaker() throws {
        let taken = Locked(0)
        let furthestAhead = Locked(0)
        try OrderedWork.run(count: 300, jobs: 3, window: 4, make: { index in
            let ahead = index - taken.current
            furthestAhead.withLock { $0 = max($0, ahead) }
            return Self.uneven(index)
        }, take: { _ in
            usleep(200)
            taken.withLock { $0 += 1 }
        })
        // Index i may start once i - 4 is handed to the taker, which may still be taking it.
        #expect(furthestAhead.current <= 4)
        #expect(furthestAhead.current >= 1, "the workers never ran ahead: nothing was made in parallel")
    }

    @Test(arguments: [1, 2, 4])
    func theFirstFailureInIndexOrderIsThrownAfterTheResultsBeforeIt(jobs: Int) throws {
        var taken: [Int] = []
        #expect(throws: Failure(index: 40)) {
            try OrderedWork.run(count: 100, jobs: jobs, window: 8, make: { index in
                // 41 fails fast, 40 slowly: 40 still comes first.
                if index == 40 { usleep(5_000); throw Failure(index: 40) }
                if index == 41 { throw Failure(index: 41) }
                return index
            }, take: { taken.append($0) })
        }
        #expect(taken == Array(0..<40))
    }

    @Test func aFailureOfTheTakerStopsTheWorkers() throws {
        let made = Locked(0)
        #expect(throws: Failure(index: 10)) {
            try OrderedWork.run(count: 10_000, jobs: 2, window: 4, make: { index in
                made.withLock { $0 += 1 }
                return index
            }, take: { index in
                if index == 10 { throw Failure(index: 10) }
            })
        }
        // The workers were done when run returned, and stopped within the window.
        let count = made.current
        #expect(count <= 11 + 4)
        usleep(10_000)
        #expect(made.current == count)
    }

    @Test func nothingToDoTakesNothing() throws {
        var taken = 0
        try OrderedWork.run(count: 0, jobs: 4, window: 4, make: { $0 }, take: { _ in taken += 1 })
        #expect(taken == 0)
    }
}
