import Crypto
import Foundation
import Logging

/// Takes documents through fetch and the per-document stages, consulting and filling the cache.
/// Each document is independent: a failure becomes a `failures` row and the others go on.
struct DocumentProcessor: Sendable {
    let store: WorkStore
    let stages: [(ConfiguredStage, AnyDocumentStage?)]
    let plan: StagePlan
    let logger: Logger
    /// What the HTTP batch gave for each URL document fetched in this run.
    var httpResults: [String: URLPrefetch.Stored] = [:]
    /// Per stage, SHA-256 having read the stage's fingerprint and a newline: a cache key is this
    /// and the input hash. Made once, as the fingerprint (options with every pattern and rule)
    /// runs to kilobytes and was hashed again for every stage of every document.
    private let keyPrefixes: [KeyPrefix]

    /// swift-crypto's SHA256 is a copy-on-write value that is not marked Sendable: each use
    /// copies it and updates the copy, which gets its own context, so sharing it is safe.
    private struct KeyPrefix: @unchecked Sendable {
        let hasher: SHA256
    }

    init(store: WorkStore, stages: [(ConfiguredStage, AnyDocumentStage?)], plan: StagePlan, logger: Logger,
         httpResults: [String: URLPrefetch.Stored] = [:]) {
        self.store = store
        self.stages = stages
        self.plan = plan
        self.logger = logger
        self.httpResults = httpResults
        keyPrefixes = stages.map { stage, _ in
            var hasher = SHA256()
            hasher.update(data: Data((stage.fingerprint + "\n").utf8))
            return KeyPrefix(hasher: hasher)
        }
    }

    /// `sha256Hex(fingerprint + "\n" + inputHash)` of the stage at `position`.
    private func cacheKey(_ position: Int, input inputHash: String) -> String {
        var hasher = keyPrefixes[position].hasher
        hasher.update(data: Data(inputHash.utf8))
        return hexDigest(hasher.finalize())
    }

    /// Processes the documents on `jobs` threads and returns the counts per stage, in stage order.
    func process(_ items: [SourceItem], jobs: Int, progress: any ProgressSink,
                 cancellation: CancellationFlag) -> [StageCounts] {
        let next = Locked(0)
        let completed = Locked(0)
        let totals = Locked(stages.map { StageCounts(stage: $0.0.name) })
        // Workers take a chunk of documents at a time: its states are read in one transaction, its
        // stages run stage by stage over the chunk and its outputs are stored in one transaction.
        // Chunks of 64 taken stage by stage, against 8 taken document by document, cut a forced
        // --jobs 1 run of 2,000 pages from 8.09 to 7.29 s (best of six runs each). Small runs take
        // smaller chunks so that they still spread over every worker.
        let chunk = max(1, min(64, items.count / max(1, jobs * 4)))
        progress.start(total: items.count, phase: "documents")
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, items.count)) {
            group.enter()
            let thread = Thread {
                var local = stages.map { StageCounts(stage: $0.0.name) }
                while !cancellation.isCancelled {
                    let range: Range<Int>? = next.withLock { value in
                        guard value < items.count else { return nil }
                        defer { value = min(items.count, value + chunk) }
                        return value..<min(items.count, value + chunk)
                    }
                    guard let range else { break }
                    let states = Result { try store.documentStates(items[range].map(\.docId)) }
                    processChunk(items[range], states: states, counts: &local)
                    let done = completed.withLock { value in
                        value += range.count
                        return value
                    }
                    progress.advance(completed: done, total: items.count)
                }
                totals.withLock { totals in
                    for i in totals.indices {
                        totals[i].processed += local[i].processed
                        totals[i].cached += local[i].cached
                        totals[i].failed += local[i].failed
                        totals[i].notRun += local[i].notRun
                        totals[i].seconds += local[i].seconds
                    }
                }
                group.leave()
            }
            // Deep HTML nests recurse in libxml2 and in tree walks: give workers a generous stack.
            thread.stackSize = 64 << 20
            thread.start()
        }
        group.wait()
        progress.finish()
        var result = totals.current
        let processedCount = completed.current
        if processedCount < items.count {
            for i in result.indices { result[i].notRun += items.count - processedCount }
        }
        return result
    }

    /// A chunk of documents through every stage, stage by stage: each stage runs over the whole
    /// chunk before the next one starts, so that its code and tables (libxml2, OpenCC's
    /// dictionaries, the extraction rules) are still in the CPU's caches for the next document
    /// rather than evicted by the six other stages. Stage outputs stay in the store; only
    /// hashes travel.
    private func processChunk(_ items: ArraySlice<SourceItem>, states read: Result<[String: WorkStore.DocumentState], any Error>,
                              counts: inout [StageCounts]) {
        let states: [String: WorkStore.DocumentState]
        do {
            states = try read.get()
        } catch {
            for item in items { logger.error("\(item.source): work store error: \(error)") }
            counts[0].failed += items.count
            return
        }
        var passes = items.map { Pass(item: $0, state: states[$0.docId] ?? WorkStore.DocumentState()) }
        for position in stages.indices {
            for index in passes.indices where !passes[index].ended {
                let started = Date()
                runStage(position, pass: &passes[index], counts: &counts)
                counts[position].seconds += Date().timeIntervalSince(started)
            }
        }
        store(passes.map { ($0.item, $0.pending) }, counts: &counts)
    }

    /// Where one document's pass stands between stages.
    private struct Pass {
        let item: SourceItem
        let state: WorkStore.DocumentState
        var pending = PendingWrites()
        /// The hash of the last stage's output (the next stage's input); nil before fetch.
        var inputHash: String?
        /// The last stage's output when it ran in this pass; nil when it came from the cache.
        var carried: StageInput?
        /// Set when a stage failed or the plan stops here: the later stages do not run.
        var ended = false

        var document: DocumentRef { DocumentRef(docId: item.docId, source: item.source) }
    }

    /// What one document's pass has made and not yet stored: its new content and stage outputs
    /// are written with the rest of its chunk in one transaction when the chunk's pass ends (or
    /// on their own before a failure is recorded) rather than one each, which spared a seventh of
    /// a full run. A run killed in the middle of a chunk loses only that chunk's pass; the next
    /// run does it again.
    private struct PendingWrites {
        var content: WorkStore.ContentWrite?
        var outputs: [(position: Int, output: WorkStore.StageOutput)] = []

        var isEmpty: Bool { content == nil && outputs.isEmpty }
    }

    /// Writes what the passes made. The time is shared among the stages by the bytes each stored,
    /// so that the stage seconds of the run report still include storing.
    private func store(_ passes: [(item: SourceItem, pending: PendingWrites)], counts: inout [StageCounts]) {
        let writing = passes.filter { !$0.pending.isEmpty }
        guard !writing.isEmpty else { return }
        let started = Date()
        do {
            try store.storeDocuments(writing.map {
                WorkStore.DocumentWrite(docId: $0.item.docId, content: $0.pending.content, outputs: $0.pending.outputs.map(\.output))
            })
        } catch {
            for (item, pending) in writing {
                logger.error("\(item.source): work store error: \(error)")
                if let last = pending.outputs.last?.position ?? (pending.content != nil ? 0 : nil) { counts[last].failed += 1 }
            }
            return
        }
        let seconds = Date().timeIntervalSince(started)
        var shares = Array(repeating: 0, count: stages.count)
        for (_, pending) in writing {
            shares[0] += pending.content?.raw?.bytes.count ?? 0
            for (position, output) in pending.outputs { shares[position] += output.payload.count }
        }
        let total = max(1, shares.reduce(0, +))
        for (position, bytes) in shares.enumerated() { counts[position].seconds += seconds * Double(bytes) / Double(total) }
    }

    /// The stage at `position` for one document; sets `pass.ended` when no later stage is to run.
    private func runStage(_ position: Int, pass: inout Pass, counts: inout [StageCounts]) {
        let (stage, runnable) = stages[position]
        let item = pass.item
        func end(failedHere: Bool) {
            if failedHere { counts[position].failed += 1 }
            for later in (position + 1)..<stages.count { counts[later].notRun += 1 }
            pass.ended = true
        }
        if plan.skips(stage.name) {
            counts[position].notRun += 1
            end(failedHere: false)
            return
        }
        do {
            if case .fetch(let options) = stage.kind {
                guard let (hash, raw, outcome) = try fetch(item, options: options, state: pass.state, pending: &pass.pending) else {
                    end(failedHere: true)
                    return
                }
                pass.inputHash = hash
                pass.carried = raw.map(StageInput.raw)
                outcome == .ran ? (counts[position].processed += 1) : (counts[position].cached += 1)
                return
            }
            guard let runnable, let previousHash = pass.inputHash else {
                pass.ended = true
                return
            }
            let key = cacheKey(position, input: previousHash)
            let cached = pass.state.outputs[stage.name]
            if let cached, plan.reusesCache(stage.name) || (!plan.forces(stage.name) && cached.cacheKey == key) {
                counts[position].cached += 1
                pass.inputHash = cached.outputHash
                pass.carried = nil
                return
            }
            if !plan.forces(stage.name), pass.state.failureKeys[stage.name] == key {
                end(failedHere: true)
                return
            }
            let input = try pass.carried ?? loadInput(for: position, docId: item.docId)
            do {
                let result = try runnable.run(input, document: pass.document)
                let outputHash = sha256Hex(result.payload)
                pass.pending.outputs.append((position, WorkStore.StageOutput(stage: stage.name, cacheKey: key, outputHash: outputHash,
                                                                             payload: result.payload)))
                counts[position].processed += 1
                pass.inputHash = outputHash
                pass.carried = .value(result.value)
            } catch {
                let failure = (error as? StageFailure)
                    ?? StageFailure("\(stage.name).internal", "unexpected error in \(stage.name): \(error)")
                let invalidated = stages[position...].map(\.0.name)
                store([(item, pass.pending)], counts: &counts)
                pass.pending = PendingWrites()
                try store.storeFailure(item.docId, source: item.source, stage: stage.name, cacheKey: key,
                                       failure: failure, invalidated: invalidated)
                logger.warning("\(item.source): \(failure.code): \(failure.message)")
                end(failedHere: true)
            }
        } catch {
            // The store itself failed (disk full, I/O): record it against the document if possible.
            logger.error("\(item.source): work store error at \(stage.name): \(error)")
            counts[position].failed += 1
            pass.ended = true
        }
    }

    private enum FetchOutcome { case ran, cached }

    /// Reads the document unless the plan reuses the stored bytes. Returns the input hash for
    /// decode and the raw document when it was just read; nil when the fetch failed.
    private func fetch(_ item: SourceItem, options: FetchOptions, state: WorkStore.DocumentState,
                       pending: inout PendingWrites) throws -> (String, RawDocument?, FetchOutcome)? {
        let stored = state.rawFingerprint
        if plan.reusesCache("fetch"), let stored { return (stored, nil, .cached) }
        if let stored, isUnchangedFile(item, options: options, state: state) {
            // A write transaction only when there is a failure to clear: one for every document
            // of a rerun cost more than reading the files.
            if state.failureKeys["fetch"] != nil { try store.clearFailure(item.docId, stage: "fetch") }
            return (stored, nil, .cached)
        }
        let bytes: [UInt8]
        var stamp: FileStamp?
        do {
            switch item.locator {
            case .file(let url):
                (bytes, stamp) = try FileReader.read(url, maxBytes: options.maxBytes)
                if let read = stamp, !read.isSettled(at: Date()) { stamp = nil }
            case .url(let url):
                // Fetched and stored by URLPrefetch before the documents started.
                switch httpResults[item.docId] {
                case .stored(let fingerprint, let changed):
                    return (fingerprint, nil, changed ? .ran : .cached)
                case .failed(let failure):
                    throw failure
                case nil:
                    throw StageFailure("fetch.internal", "\(url) was not fetched in this run")
                }
            }
        } catch {
            let failure = error as? StageFailure ?? StageFailure("fetch.internal", "\(error)")
            // A document that fails to fetch keeps its earlier outputs (its rows stay, marked stale).
            try store.storeFailure(item.docId, source: item.source, stage: "fetch", cacheKey: "", failure: failure, invalidated: [])
            logger.warning("\(item.source): \(failure.code): \(failure.message)")
            return nil
        }
        let sha = sha256Hex(bytes)
        let fingerprint = WorkStore.rawFingerprint(sha256: sha, charset: item.declaredCharset, contentType: item.contentType)
        if fingerprint == stored, !plan.forces("fetch") {
            if state.failureKeys["fetch"] != nil { try store.clearFailure(item.docId, stage: "fetch") }
            // The same bytes under a new stamp (touched, copied, or first read by this version):
            // the stamp is kept so that the next run need not read them.
            if stamp != state.content?.fileStamp { pending.content = WorkStore.ContentWrite(raw: nil, fileStamp: stamp) }
            return (fingerprint, nil, .cached)
        }
        let raw = RawDocument(docId: item.docId, source: item.source, bytes: bytes, sha256: sha,
                              declaredCharset: item.declaredCharset, contentType: item.contentType)
        pending.content = WorkStore.ContentWrite(raw: raw, fileStamp: stamp)
        return (fingerprint, raw, .ran)
    }

    /// Whether a listed file is the one whose content is stored, known from its stamp alone: the
    /// same size, times, inode and device as when it was read, and the same declared charset and
    /// content type. `--force` and `--from fetch` read every file.
    private func isUnchangedFile(_ item: SourceItem, options: FetchOptions, state: WorkStore.DocumentState) -> Bool {
        guard case .file(let url) = item.locator, !plan.forces("fetch"), let content = state.content,
              let known = content.fileStamp, let now = FileStamp.of(url.path), now == known,
              now.size <= Int64(options.maxBytes) else { return false }
        return WorkStore.rawFingerprint(sha256: content.sha256, charset: item.declaredCharset, contentType: item.contentType)
            == content.fingerprint
    }

    /// The input of the stage at `position`: the raw document for the first stage after fetch,
    /// else the stored output of the stage before.
    private func loadInput(for position: Int, docId: String) throws -> StageInput {
        let previous = stages[position - 1].0
        if case .fetch = previous.kind {
            guard let raw = try store.rawDocument(docId) else {
                throw StageFailure("fetch.missing", "no stored content for \(docId)")
            }
            return .raw(raw)
        }
        guard let payload = try store.payload(docId, stage: previous.name) else {
            throw StageFailure("\(previous.name).missing", "no cached output of \(previous.name) for \(docId)")
        }
        return .payload(payload)
    }
}
