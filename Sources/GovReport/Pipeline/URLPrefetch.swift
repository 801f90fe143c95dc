import Foundation
import Logging

/// The HTTP half of `fetch`: every URL the run must fetch is requested in one batch before the
/// documents flow through the stages, so that async-http-client's connection pool and the
/// per-host limits see the whole night's work at once. Each body is stored in the work store as
/// it arrives (one transaction, as for a file) and dropped from memory; `DocumentProcessor`
/// then takes each URL's result as it takes a file's bytes.
struct URLPrefetch {
    let store: WorkStore
    let options: FetchOptions
    let plan: StagePlan
    let logger: Logger

    /// One URL's result in this run.
    enum Stored: Sendable {
        /// The bytes in the store now, under `fingerprint`; `changed` when they differ from the
        /// last good fetch (false after a 304 or the same bytes: nothing downstream is redone).
        case stored(fingerprint: String, changed: Bool)
        /// Nothing usable came: an `errors` row, and the earlier rows stay (status stale).
        case failed(StageFailure)
    }

    struct Result: Sendable {
        var results: [String: Stored] = [:]
        var summary = RunReport.HTTPSummary()
    }

    /// Fetches the URLs among `items` that the plan fetches now.
    func run(_ items: [SourceItem], progress: any ProgressSink, cancellation: CancellationFlag) throws -> Result {
        guard !plan.skips("fetch") else { return Result() }
        let (requests, charsets) = try plannedRequests(items)
        guard !requests.isEmpty else { return Result() }
        let started = Date()
        logger.info("fetching \(requests.count) URLs over http(s)")
        progress.start(total: requests.count, phase: "fetch")
        let collected = Locked(Result())
        HTTPFetcher(options: options, logger: logger).fetchEachBlocking(requests, stop: { cancellation.isCancelled }) { index, outcome in
            let request = requests[index]
            let stored = keep(outcome, for: request, configCharset: charsets[request.docId] ?? nil)
            let done = collected.withLock { result -> Int in
                result.results[request.docId] = stored
                switch (outcome, stored) {
                case (_, .failed): result.summary.failed += 1
                case (.fetched, .stored(_, true)): result.summary.fetched += 1
                default: result.summary.notModified += 1
                }
                return result.results.count
            }
            progress.advance(completed: done, total: requests.count)
        }
        progress.finish()
        var result = collected.current
        result.summary.requested = requests.count
        result.summary.seconds = Date().timeIntervalSince(started)
        logger.info("fetched \(result.summary.fetched), not modified \(result.summary.notModified), failed \(result.summary.failed) in \(String(format: "%.2f", result.summary.seconds)) s")
        return result
    }

    /// Every URL, except that under `--from`/`--only` a later stage a URL whose bytes are stored
    /// is not fetched again; with the validators of its last good fetch, and its config charset.
    private func plannedRequests(_ items: [SourceItem]) throws -> ([HTTPFetchRequest], [String: String?]) {
        var requests: [HTTPFetchRequest] = []
        var charsets: [String: String?] = [:]
        for item in items {
            guard case .url(let url) = item.locator else { continue }
            let state = try store.fetchState(item.docId)
            if plan.reusesCache("fetch"), state != nil { continue }
            // --force refetches whole: no validators, so no 304 and no same-hash shortcut.
            let known = plan.forces("fetch") ? nil : state
            requests.append(HTTPFetchRequest(docId: item.docId, url: url, etag: known?.etag,
                                             lastModified: known?.lastModified, previousSHA256: known?.sha256))
            charsets[item.docId] = item.declaredCharset
        }
        return (requests, charsets)
    }

    /// Puts one outcome in the store. A store error is that URL's failure, not the run's.
    private func keep(_ outcome: HTTPFetchOutcome, for request: HTTPFetchRequest, configCharset: String?) -> Stored {
        do {
            let previous = try store.rawFingerprint(request.docId)
            switch outcome {
            case .fetched(let bytes, let sha256, let contentType, let charset, let etag, let lastModified, _, _):
                // A charset set in the config wins over the server's Content-Type.
                let declared = configCharset ?? charset
                let fingerprint = WorkStore.rawFingerprint(sha256: sha256, charset: declared, contentType: contentType)
                if fingerprint == previous, !plan.forces("fetch") {
                    try store.storeValidators(request.docId, etag: etag, lastModified: lastModified)
                    return .stored(fingerprint: fingerprint, changed: false)
                }
                let source = try store.source(of: request.docId) ?? request.url
                let raw = RawDocument(docId: request.docId, source: source, bytes: bytes, sha256: sha256,
                                      declaredCharset: declared, contentType: contentType)
                try store.storeRaw(raw, etag: etag, lastModified: lastModified)
                return .stored(fingerprint: fingerprint, changed: true)
            case .notModified(let etag, let lastModified):
                guard let previous else {
                    return .failed(StageFailure("fetch.missing", "\(request.url) answered 304 Not Modified but nothing is stored for it; rerun with --force"))
                }
                try store.storeValidators(request.docId, etag: etag, lastModified: lastModified)
                return .stored(fingerprint: previous, changed: false)
            case .failed(let failure):
                return .failed(failure)
            }
        } catch {
            return .failed(StageFailure("fetch.store", "cannot store \(request.url) in the work store: \(error)"))
        }
    }
}
