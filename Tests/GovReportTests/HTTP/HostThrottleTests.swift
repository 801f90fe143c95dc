import Foundation
import Testing
@testable import GovReport

@Suite("per-host throttle")
struct HostThrottleTests {
    /// Runs `count` holders of `hold` each on `host`, recording the most at once and the starts.
    private func run(_ throttle: HostThrottle, host: @escaping @Sendable (Int) -> String, count: Int,
                     hold: Duration) async -> (maxActive: [String: Int], starts: [String: [ContinuousClock.Instant]]) {
        let record = Locked((active: [String: Int](), maxActive: [String: Int](), starts: [String: [ContinuousClock.Instant]]()))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    let key = host(index)
                    await throttle.acquire(key)
                    record.withLock {
                        $0.active[key, default: 0] += 1
                        $0.maxActive[key] = max($0.maxActive[key, default: 0], $0.active[key]!)
                        $0.starts[key, default: []].append(ContinuousClock.now)
                    }
                    try? await Task.sleep(for: hold)
                    record.withLock { $0.active[key]! -= 1 }
                    await throttle.release(key)
                }
            }
        }
        let result = record.current
        return (result.maxActive, result.starts)
    }

    @Test func limitsConcurrencyPerHostOnly() async {
        let throttle = HostThrottle(concurrency: 2, minimumDelay: .zero)
        let (maxActive, _) = await run(throttle, host: { $0 % 2 == 0 ? "https://www.tongxi.gov.cn:443" : "http://sfj.tongxi.gov.cn:80" },
                                      count: 12, hold: .milliseconds(60))
        #expect(maxActive == ["https://www.tongxi.gov.cn:443": 2, "http://sfj.tongxi.gov.cn:80": 2])
    }

    @Test func spacesStartsOnOneHostButNotAcrossHosts() async {
        let throttle = HostThrottle(concurrency: 3, minimumDelay: .milliseconds(120))
        let (_, starts) = await run(throttle, host: { $0 < 3 ? "a" : "b" }, count: 6, hold: .milliseconds(5))
        for key in ["a", "b"] {
            let sorted = starts[key]!.sorted()
            #expect(sorted.count == 3)
            // Starts are reserved 120 ms apart; a busy scheduler may wake one holder a little late.
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                #expect(later - earlier >= .milliseconds(90), "\(key): \(later - earlier)")
            }
        }
        let firstA = starts["a"]!.min()!, firstB = starts["b"]!.min()!
        #expect(abs((firstA - firstB) / .milliseconds(1)) < 100, "two hosts start together")
    }
}
