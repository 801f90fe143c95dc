/// What `govreport run` was asked to do beyond the config.
public struct RunRequest: Sendable {
    /// Rerun this stage and all after it from the cached output of the stage before.
    public var from: String?
    /// Rerun only this stage, then rebuild the tables.
    public var only: String?
    /// Restrict the work to these documents (the tables still hold every document).
    public var docs: [String]
    public var jobs: Int
    /// Ignore every cache.
    public var force: Bool

    public init(from: String? = nil, only: String? = nil, docs: [String] = [], jobs: Int, force: Bool = false) {
        self.from = from
        self.only = only
        self.docs = docs
        self.jobs = jobs
        self.force = force
    }
}
