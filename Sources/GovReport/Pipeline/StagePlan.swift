/// Which stages a run redoes, reuses or leaves alone, from `--from`, `--only` and `--force`.
struct StagePlan: Sendable {
    let from: String?
    let only: String?
    let force: Bool

    private func position(_ name: String?) -> Int? {
        name.flatMap(StageRegistry.index(of:))
    }

    /// A stage before `--from`/`--only` is not redone: its cached output is used as it is.
    func reusesCache(_ stage: String) -> Bool {
        guard let index = StageRegistry.index(of: stage) else { return false }
        if let from = position(from), index < from { return true }
        if let only = position(only), index < only { return true }
        return false
    }

    /// A stage after `--only` is not run at all (write excepted: the tables are always rebuilt).
    func skips(_ stage: String) -> Bool {
        guard stage != "write", let only = position(only), let index = StageRegistry.index(of: stage) else { return false }
        return index > only
    }

    /// A stage recomputed even when its cache key is unchanged. `--only` rebuilds the tables even
    /// when the stage gives the same output again (as `--from` does).
    func forces(_ stage: String) -> Bool {
        if force || stage == only || (only != nil && stage == "write") { return true }
        if let from = position(from), let index = StageRegistry.index(of: stage), index >= from { return true }
        return false
    }
}
