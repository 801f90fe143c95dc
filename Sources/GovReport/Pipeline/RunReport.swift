import Foundation

/// Counts of one stage in one run.
public struct StageCounts: Codable, Sendable, Equatable {
    public var stage: String
    /// Documents this stage computed in this run.
    public var processed = 0
    /// Documents whose cached output was still valid.
    public var cached = 0
    /// Documents that failed at this stage in this run (new failures or failures still valid).
    public var failed = 0
    /// Documents this stage did not look at (`--only`, `--from`, `--doc`, or an earlier failure).
    public var notRun = 0
    /// Seconds spent in this stage, summed over documents (CPU-like time across workers).
    public var seconds = 0.0

    public init(stage: String) { self.stage = stage }

    enum CodingKeys: String, CodingKey {
        case stage, processed, cached, failed, notRun = "not_run", seconds
    }
}

/// `run-report.json`: what a run did, for people and for cron.
public struct RunReport: Codable, Sendable {
    public struct Documents: Codable, Sendable {
        public var listed = 0
        public var new = 0
        public var removed = 0
        public var selected = 0
        public var ok = 0
        public var empty = 0
        public var failed = 0
        public var stale = 0
    }

    /// What the HTTP requests of `fetch` gave in this run (all zero without URL sources).
    public struct HTTPSummary: Codable, Sendable, Equatable {
        /// URLs requested (each once, redirects and retries included in its one request).
        public var requested = 0
        /// New or changed content, stored and taken through the stages.
        public var fetched = 0
        /// 304, or 200 with the same bytes as last time: nothing downstream redone.
        public var notModified = 0
        /// Could not be fetched: an `errors` row; the document keeps its earlier rows (status stale).
        public var failed = 0
        /// Wall time of the whole batch.
        public var seconds = 0.0

        enum CodingKeys: String, CodingKey {
            case requested, fetched, notModified = "not_modified", failed, seconds
        }
    }

    public var govreportVersion = GovReportVersion.string
    public var config = ""
    public var startedAt = ""
    public var finishedAt = ""
    public var seconds = 0.0
    public var jobs = 1
    public var from: String?
    public var only: String?
    public var docs: [String] = []
    public var force = false
    public var cancelled = false
    public var documents = Documents()
    public var http = HTTPSummary()
    public var stages: [StageCounts] = []
    /// Whether the tables were rewritten (false when nothing they are built from changed).
    public var tablesWritten = false
    public var tables: [String: Int] = [:]
    public var errorsByCode: [String: Int] = [:]
    /// Share of metrics with an indicator, per document and overall, and the most frequent
    /// subjects without one: what to add to the taxonomy next.
    public var indicatorCoverage: IndicatorCoverage?
    public var notes: [String] = []
    public var exitStatus = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case govreportVersion = "govreport_version", config, startedAt = "started_at", finishedAt = "finished_at"
        case seconds, jobs, from, only, docs, force, cancelled, documents, http, stages
        case tablesWritten = "tables_written", tables, errorsByCode = "errors_by_code"
        case indicatorCoverage = "indicator_coverage", notes
        case exitStatus = "exit_status"
    }

    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}

public enum GovReportVersion {
    public static let string = "0.1.0"
}
