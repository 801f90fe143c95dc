import Foundation
import Logging

/// Runs a configured pipeline: lists the sources, takes every document through the per-document
/// stages on `jobs` worker threads with a cache per document and stage, then writes the tables.
public final class Runner: Sendable {
    let config: PipelineConfig
    let request: RunRequest
    let logger: Logger
    let progress: any ProgressSink
    let cancellation: CancellationFlag

    public init(config: PipelineConfig, request: RunRequest, logger: Logger,
                progress: any ProgressSink = NoProgress(), cancellation: CancellationFlag = CancellationFlag()) {
        self.config = config
        self.request = request
        self.logger = logger
        self.progress = progress
        self.cancellation = cancellation
    }

    public func run() throws(RunError) -> RunReport {
        let started = Date()
        var report = RunReport()
        report.config = config.configFile.path
        report.startedAt = ISO8601DateFormatter().string(from: started)
        report.jobs = max(1, request.jobs)
        report.from = request.from
        report.only = request.only
        report.docs = request.docs
        report.force = request.force
        try checkRequest()

        let lock: RunLock
        do {
            lock = try RunLock(directory: config.workDirectory)
        } catch let held as RunLock.Held {
            throw .cannotRun(held.description)
        } catch {
            throw .cannotRun("cannot create the work directory \(config.workDirectory.path): \(error.localizedDescription)")
        }
        defer { withExtendedLifetime(lock) {} }

        let store: WorkStore
        do {
            store = try WorkStore(directory: config.workDirectory, checkpointsBeside: report.jobs > 1)
        } catch {
            throw .cannotRun("cannot open the work store in \(config.workDirectory.path): \(error)")
        }
        let stages = try instantiateStages()
        let plan = StagePlan(from: request.from, only: request.only, force: request.force)

        // Listing
        let listingStart = Date()
        var listing = SourceListing()
        for source in config.sources {
            let found = source.list()
            listing.items += found.items
            listing.failures += found.failures
        }
        listing.items = deduplicated(listing.items)
        limitDocuments(&listing)
        let listingSeconds = Date().timeIntervalSince(listingStart)
        do {
            let (new, removed) = try store.recordListing(listing.items, extraIds: listing.failures.map { ($0.docId, $0.source) })
            report.documents.listed = listing.items.count + listing.failures.count
            report.documents.new = new
            report.documents.removed = removed
            for failed in listing.failures {
                try store.storeFailure(failed.docId, source: failed.source, stage: "fetch", cacheKey: "",
                                       failure: failed.failure, invalidated: [])
            }
        } catch {
            throw .cannotRun("cannot update the work store: \(error)")
        }
        logger.info("listed \(listing.items.count) documents (\(report.documents.new) new, \(report.documents.removed) removed) in \(String(format: "%.2f", listingSeconds)) s")

        var selected = listing.items
        if !request.docs.isEmpty {
            let wanted = Set(request.docs)
            selected = listing.items.filter { wanted.contains($0.docId) || wanted.contains($0.source) }
            if selected.isEmpty {
                throw .usage("--doc: none of \(request.docs.joined(separator: ", ")) is a listed document id or source")
            }
        }
        report.documents.selected = selected.count

        // HTTP: the URLs are fetched in one batch; their outcomes go through the stages like files.
        var fetched = URLPrefetch.Result()
        if let fetch = config.stage(named: "fetch"), case .fetch(let options) = fetch.kind {
            do {
                fetched = try URLPrefetch(store: store, options: options, plan: plan, logger: logger)
                    .run(selected, progress: progress, cancellation: cancellation)
            } catch {
                throw .cannotRun("cannot read the fetch state from the work store: \(error)")
            }
        }
        report.http = fetched.summary

        // Per-document stages
        let processor = DocumentProcessor(store: store, stages: stages, plan: plan, logger: logger,
                                          httpResults: fetched.results)
        let counts = processor.process(selected, jobs: report.jobs, progress: progress, cancellation: cancellation)
        report.stages = counts
        report.stages[0].seconds += listingSeconds + fetched.summary.seconds
        report.cancelled = cancellation.isCancelled

        // Tables
        if let write = config.stage(named: "write"), case .write(let options) = write.kind, !report.cancelled {
            let writeStart = Date()
            var writeCounts = StageCounts(stage: "write")
            do {
                let writer = TablesWriter(store: store, options: options, outputDirectory: config.outputDirectory,
                                          fingerprint: write.fingerprint, logger: logger, jobs: report.jobs)
                let outcome = try writer.write(force: plan.forces("write"), remake: plan.force, report: &report)
                report.tablesWritten = outcome
                if outcome { writeCounts.processed = 1 } else { writeCounts.cached = 1 }
            } catch {
                throw .cannotRun("cannot write the outputs to \(config.outputDirectory.path): \(error); the previous outputs are untouched")
            }
            writeCounts.seconds = Date().timeIntervalSince(writeStart)
            report.stages.append(writeCounts)
        }

        let finished = Date()
        report.finishedAt = ISO8601DateFormatter().string(from: finished)
        report.seconds = finished.timeIntervalSince(started)
        // A stale document failed tonight too (it has an errors row), though its old rows stay.
        report.exitStatus = report.cancelled ? 1 : (report.documents.failed + report.documents.stale > 0 ? 2 : 0)
        if config.stage(named: "write") != nil {
            do {
                // A first run stopped before its tables still reports, so the folder may be new.
                try FileManager.default.createDirectory(at: config.outputDirectory, withIntermediateDirectories: true)
                AtomicFile.removeStaleTemporaries(of: config.outputDirectory.appendingPathComponent("run-report.json"))
                try AtomicFile.write(report.jsonData(), to: config.outputDirectory.appendingPathComponent("run-report.json"))
            } catch {
                logger.error("cannot write run-report.json: \(error)")
            }
        }
        return report
    }

    private func checkRequest() throws(RunError) {
        let configured = config.stageNames
        for (flag, name) in [("--from", request.from), ("--only", request.only)] {
            guard let name else { continue }
            guard configured.contains(name) else {
                throw .usage("\(flag) \(name): not a stage of this pipeline (stages: \(configured.joined(separator: ", ")))")
            }
        }
        if request.from != nil, request.only != nil {
            throw .usage("--from and --only cannot be used together")
        }
    }

    private func instantiateStages() throws(RunError) -> [(ConfiguredStage, AnyDocumentStage?)] {
        var result: [(ConfiguredStage, AnyDocumentStage?)] = []
        for stage in config.stages {
            switch stage.kind {
            case .document(let make):
                do {
                    result.append((stage, try make()))
                } catch {
                    throw .cannotRun("stage \(stage.name) cannot start: \(error)")
                }
            case .fetch:
                result.append((stage, nil))
            case .write:
                continue
            }
        }
        return result
    }

    /// Documents past `fetch.maxDocuments` become error rows instead of being read.
    private func limitDocuments(_ listing: inout SourceListing) {
        guard let fetch = config.stage(named: "fetch"), case .fetch(let options) = fetch.kind,
              listing.items.count > options.maxDocuments else { return }
        let total = listing.items.count
        for (offset, item) in listing.items[options.maxDocuments...].enumerated() {
            listing.failures.append((item.docId, item.source, StageFailure("fetch.too_many_documents", """
                document \(options.maxDocuments + offset + 1) of the \(total) listed, over the limit of \
                \(options.maxDocuments) (fetch.maxDocuments): not read; raise fetch.maxDocuments or narrow the sources
                """)))
        }
        listing.items.removeSubrange(options.maxDocuments...)
        logger.warning("the sources list \(total) documents; only the first \(options.maxDocuments) are taken (fetch.maxDocuments)")
    }

    private func deduplicated(_ items: [SourceItem]) -> [SourceItem] {
        var seen = Set<String>()
        return items.filter { seen.insert($0.docId).inserted }
    }
}
