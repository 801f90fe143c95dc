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
        // Workers take a few documents at a time and read their states in one transaction;
        // few enough that small runs still spread over every worker.
        let chunk = max(1, min(8, items.count / max(1, jobs * 4)))
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
                    for index in range {
                        if cancellation.isCancelled { break }
                        processOne(items[index], state: states.map { $0[items[index].docId] ?? WorkStore.DocumentState() },
                                   counts: &local)
                        let done = completed.withLock { value in
                            value += 1
                            return value
                        }
                        progress.advance(completed: done, total: items.count)
                    }
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

    /// One document through every stage. Stage outputs stay in the store; only hashes travel.
    private func processOne(_ item: SourceItem, state read: Result<WorkStore.DocumentState, any Error>, counts: inout [StageCounts]) {
        let state: WorkStore.DocumentState
        do {
            state = try read.get()
        } catch {
            logger.error("\(item.source): work store error: \(error)")
            counts[0].failed += 1
            return
        }
        var pending = PendingWrites()
        runStages(item, state: state, pending: &pending, counts: &counts)
        store(&pending, of: item, counts: &counts)
    }

    /// What one document's pass has made and not yet stored: its new content and stage outputs
    /// are written in one transaction when the pass ends (or before a failure is recorded)
    /// rather than one each, which spared a seventh of a full run. A run killed in the middle
    /// of a document loses only that document's pass; the next run does it again.
    private struct PendingWrites {
        var content: WorkStore.ContentWrite?
        var outputs: [(position: Int, output: WorkStore.StageOutput)] = []

        var isEmpty: Bool { content == nil && outputs.isEmpty }
    }

    /// Writes what the pass made. The time is shared among the stages by the bytes each stored,
    /// so that the stage seconds of the run report still include storing.
    private func store(_ pending: inout PendingWrites, of item: SourceItem, counts: inout [StageCounts]) {
        guard !pending.isEmpty else { return }
        let started = Date()
        do {
            try store.storeDocument(item.docId, content: pending.content, outputs: pending.outputs.map(\.output))
        } catch {
            logger.error("\(item.source): work store error: \(error)")
            if let last = pending.outputs.last?.position ?? (pending.content != nil ? 0 : nil) { counts[last].failed += 1 }
            pending = PendingWrites()
            return
        }
        let seconds = Date().timeIntervalSince(started)
        let shares = [(0, pending.content?.raw?.bytes.count ?? 0)] + pending.outputs.map { ($0.position, $0.output.payload.count) }
        let total = max(1, shares.reduce(0) { $0 + $1.1 })
        for (position, bytes) in shares { counts[position].seconds += seconds * Double(bytes) / Double(total) }
        pending = PendingWrites()
    }

    private func runStages(_ item: SourceItem, state: WorkStore.DocumentState, pending: inout PendingWrites,
                           counts: inout [StageCounts]) {
        let document = DocumentRef(docId: item.docId, source: item.source)
        var inputHash: String?
        var carried: StageInput?
        for (position, (stage, runnable)) in stages.enumerated() {
            let started = Date()
            defer { counts[position].seconds += Date().timeIntervalSince(started) }
            if plan.skips(stage.name) {
                for later in position..<stages.count { counts[later].notRun += 1 }
                return
            }
            do {
                if case .fetch(let options) = stage.kind {
                    guard let (hash, raw, outcome) = try fetch(item, options: options, state: state, pending: &pending) else {
                        counts[position].failed += 1
                        for later in (position + 1)..<stages.count { counts[later].notRun += 1 }
                        return
                    }
                    inputHash = hash
                    carried = raw.map(StageInput.raw)
                    outcome == .ran ? (counts[position].processed += 1) : (counts[position].cached += 1)
                    continue
                }
                guard let runnable, let previousHash = inputHash else { return }
                let key = cacheKey(position, input: previousHash)
                let cached = state.outputs[stage.name]
                if let cached, plan.reusesCache(stage.name) || (!plan.forces(stage.name) && cached.cacheKey == key) {
                    counts[position].cached += 1
                    inputHash = cached.outputHash
                    carried = nil
                    continue
                }
                if !plan.forces(stage.name), state.failureKeys[stage.name] == key {
                    counts[position].failed += 1
                    for later in (position + 1)..<stages.count { counts[later].notRun += 1 }
                    return
                }
                let input = try carried ?? loadInput(for: position, docId: item.docId)
                do {
                    let result = try runnable.run(input, document: document)
                    let outputHash = sha256Hex(result.payload)
                    pending.outputs.append((position, WorkStore.StageOutput(stage: stage.name, cacheKey: key, outputHash: outputHash,
                                                                            payload: result.payload)))
                    counts[position].processed += 1
                    inputHash = outputHash
                    carried = .value(result.value)
                } catch {
                    let failure = (error as? StageFailure)
                        ?? StageFailure("\(stage.name).internal", "unexpected error in \(stage.name): \(error)")
                    let invalidated = stages[position...].map(\.0.name)
                    store(&pending, of: item, counts: &counts)
                    try store.storeFailure(item.docId, source: item.source, stage: stage.name, cacheKey: key,
                                           failure: failure, invalidated: invalidated)
                    logger.warning("\(item.source): \(failure.code): \(failure.message)")
                    counts[position].failed += 1
                    for later in (position + 1)..<stages.count { counts[later].notRun += 1 }
                    return
                }
            } catch {
                // The store itself failed (disk full, I/O): record it against the document if possible.
                logger.error("\(item.source): work store error at \(stage.name): \(error)")
                counts[position].failed += 1
                return
            }
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
