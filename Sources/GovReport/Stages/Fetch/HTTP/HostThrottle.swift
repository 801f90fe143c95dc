/// Politeness per site: at most `concurrency` requests in flight to one host (and port), and
/// their starts at least `minimumDelay` apart.
///
/// A request holds a permit from `acquire` until `release`; waiters are served in arrival order.
/// Each redirect hop and retry takes a permit of its own host, so a redirect to another site
/// counts against that site.
actor HostThrottle {
    private struct HostState {
        var active = 0
        /// When the latest request to the host started; the next one must follow by `minimumDelay`.
        var lastStart: ContinuousClock.Instant?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    let concurrency: Int
    let minimumDelay: Duration
    private var hosts: [String: HostState] = [:]
    private let clock = ContinuousClock()

    init(concurrency: Int, minimumDelay: Duration) {
        self.concurrency = max(1, concurrency)
        self.minimumDelay = max(.zero, minimumDelay)
    }

    /// Waits for a permit for `host` and for its turn to start; call `release(host)` once done.
    func acquire(_ host: String) async {
        if hosts[host, default: HostState()].active < concurrency {
            hosts[host, default: HostState()].active += 1
        } else {
            // `release` hands its permit straight to the first waiter, so none can barge in.
            await withCheckedContinuation { hosts[host, default: HostState()].waiters.append($0) }
        }
        // The start is taken only when it really happens (checked on the actor after each
        // wake-up), so a holder woken late on a busy machine cannot start together with the next.
        while true {
            let now = clock.now
            let turn = hosts[host]?.lastStart.map { $0 + minimumDelay } ?? now
            if turn <= now {
                hosts[host]?.lastStart = now
                return
            }
            // A cancelled fetch does not wait for a turn it will not use.
            guard (try? await Task.sleep(until: turn, clock: clock)) != nil else { return }
        }
    }

    func release(_ host: String) {
        guard var state = hosts[host] else { return }
        if state.waiters.isEmpty {
            state.active -= 1
            hosts[host] = state
        } else {
            let next = state.waiters.removeFirst()
            hosts[host] = state
            next.resume()
        }
    }
}
