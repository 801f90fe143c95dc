import Foundation

extension TableWriter {
    /// Writes tables whose rows arrive a few at a time, for any table in any interleaving (the
    /// write stage hands over each document's rows of every table in turn), so that no table is
    /// ever held whole: memory stays flat however many documents there are. Same files, bytes,
    /// checks and atomic commit as `write(_:to:extraFiles:)`.
    ///
    /// Primary keys are checked group by group: the rows of one value of the key's first column
    /// (doc_id in every table) must come together, which the write stage's document order gives.
    /// That keeps the check exact with only one group's keys in memory.
    ///
    /// With `xlsx` among the formats the rows are gathered and written by `write(_:to:extraFiles:)`:
    /// the workbook is written sheet after sheet, so it needs every table whole.
    ///
    /// Tables in `keeping` are left as the files already in the output directory are: nothing
    /// is staged for them and rows given for them are dropped (`datapackage.json` still lists
    /// them). The caller knows those files hold what their rows would be.
    ///
    /// - Parameters:
    ///   - keeping: indexes in `schemas` of the tables whose files stay as they are.
    ///   - produce: hands every row to the sink.
    ///   - extraFiles: files made once the tables are staged, from what was written and the row
    ///     count of each table (in `schemas` order); they go into the same commit.
    @discardableResult
    public func writeStreaming(_ schemas: [TableSchema], to outputDirectory: URL, keeping: Set<Int> = [],
                               produce: (RowSink) throws -> Void,
                               extraFiles: (Written, [Int]) throws -> [(name: String, contents: [UInt8])] = { _, _ in [] })
        throws -> (written: Written, rowCounts: [Int]) {
        if options.formats.contains(.xlsx) {
            guard keeping.isEmpty else {
                throw TableWriterError(table: "*", message: "the workbook holds every table: none can be kept as it is")
            }
            let sink = RowSink(schemas: schemas, options: options, files: nil)
            try produce(sink)
            let tables = zip(schemas, sink.collected).map { Table(schema: $0, rows: $1) }
            let counts = tables.map(\.rows.count)
            let written = try write(tables, to: outputDirectory) { try extraFiles($0, counts) }
            return (written, counts)
        }
        guard let primaryFormat = options.formats.first else {
            throw TableWriterError(table: "*", message: "no output format chosen")
        }
        guard (0...9).contains(options.gzipLevel) else {
            throw TableWriterError(table: "*", message: "gzip level \(options.gzipLevel) is not between 0 and 9")
        }
        try checkNames(schemas.map { Table(schema: $0, rows: []) }, extraFiles: [])
        let datapackage = try DataPackage.json(schemas.map {
            DataPackage.Table(schema: $0, path: TableWriter.fileName(table: $0.name, format: primaryFormat),
                              gzipped: primaryFormat == .csvGz)
        })

        var set = try AtomicOutputSet(outputDirectory: outputDirectory)
        let fileNames = schemas.indices.filter { !keeping.contains($0) }.flatMap { index in
            options.formats.map { TableWriter.fileName(table: schemas[index].name, format: $0) }
        }
        var counts: [Int] = []
        try set.addFiles(named: fileNames) { files in
            let sink = RowSink(schemas: schemas, options: options, files: files, keeping: keeping)
            // No background write may outlive the files, whatever `produce` throws.
            defer { sink.waitForBackgroundWrites() }
            try sink.start()
            try produce(sink)
            try sink.finish()
            counts = sink.counts
        }
        try set.addFile(named: DataPackage.fileName, contents: datapackage)
        let written = try TableWriter.commit(set, workbook: nil) { try extraFiles($0, counts) }
        return (written, counts)
    }

    /// Takes rows for the tables of a streaming write: checks each row against its schema and
    /// writes its CSV line to every format's file (or keeps it, for the workbook).
    public final class RowSink {
        let schemas: [TableSchema]
        let options: Options
        let files: StagedFiles?
        let encoder: CSVEncoder
        let csvFormats: [Format]
        /// One stream a written table and CSV format, in the order of the files.
        private var streams: [CSVStream] = []
        /// Where each table's streams start in `streams`; nil for a table kept as it is.
        private var firstStream: [Int?]
        private var keyChecks: [GroupedKeyCheck]
        fileprivate(set) var collected: [[TableRow]]
        public private(set) var counts: [Int]

        init(schemas: [TableSchema], options: Options, files: StagedFiles?, keeping: Set<Int> = []) {
            self.schemas = schemas
            self.options = options
            self.files = files
            encoder = CSVEncoder(options: options.csv)
            csvFormats = options.formats.filter { $0 != .xlsx }
            keyChecks = schemas.map { GroupedKeyCheck(keyIndexes: $0.primaryKey.compactMap($0.index(of:))) }
            collected = schemas.map { _ in [] }
            counts = schemas.map { _ in 0 }
            let formats = options.formats.filter { $0 != .xlsx }.count
            var next = 0
            firstStream = schemas.indices.map { index in
                if keeping.contains(index) { return nil }
                defer { next += formats }
                return next
            }
        }

        func start() throws {
            // At most this many blocks wait for or are in compression at once, over all files.
            let inFlight = options.compressInBackground ? DispatchSemaphore(value: 2 * schemas.count * csvFormats.count) : nil
            for (schema, first) in zip(schemas, firstStream) where first != nil {
                for format in csvFormats {
                    let stream = try CSVStream(gzipLevel: format == .csvGz ? options.gzipLevel : nil, preamble: encoder.preamble,
                                               inFlight: inFlight)
                    stream.buffer.append(contentsOf: encoder.headerLine(schema.fieldNames).utf8)
                    streams.append(stream)
                }
            }
        }

        /// Rows of the table at `index` in the schemas, in order.
        public func append(_ rows: [TableRow], toTable index: Int) throws {
            if files != nil, firstStream[index] == nil { return }
            let schema = schemas[index]
            for row in rows {
                counts[index] += 1
                let number = counts[index]
                func fail(_ message: String) -> TableWriterError {
                    TableWriterError(table: schema.name, message: "row \(number): \(message)")
                }
                if let problem = TableWriter.problem(with: row, in: schema) { throw fail(problem) }
                if let problem = keyChecks[index].add(row) { throw fail(problem) }
                guard let files else {
                    collected[index].append(row)
                    continue
                }
                if csvFormats.isEmpty { continue }
                // Encoded once into the first stream's buffer and copied to the other formats'
                // before any buffer is flushed (a flush empties it).
                let base = firstStream[index]!
                let first = streams[base]
                let start = first.buffer.count
                encoder.appendLine(row, to: &first.buffer)
                for format in csvFormats.indices.dropFirst() {
                    streams[base + format].buffer.append(contentsOf: first.buffer[start...])
                }
                try flushFull(from: base, files: files)
            }
        }

        /// A group of rows of the table at `index`, already checked and encoded. Its rows must
        /// be the whole group: rows of the same group may not come before or after it.
        public func append(_ group: EncodedGroup, toTable index: Int) throws {
            guard group.rows > 0 else { return }
            guard let files else {
                throw TableWriterError(table: schemas[index].name, message: "encoded rows cannot go into a workbook")
            }
            guard let base = firstStream[index] else { return }
            if let value = group.group, let problem = keyChecks[index].addWhole(group: value) {
                throw TableWriterError(table: schemas[index].name, message: "row \(counts[index] + 1): \(problem)")
            }
            counts[index] += group.rows
            for format in csvFormats.indices {
                streams[base + format].buffer.append(contentsOf: group.csv.utf8)
            }
            try flushFull(from: base, files: files)
        }

        /// Flushes the full buffers of one table's streams, which start at `base`.
        private func flushFull(from base: Int, files: StagedFiles) throws {
            for format in csvFormats.indices {
                let position = base + format
                let stream = streams[position]
                if stream.buffer.count >= TableWriter.bufferSize { try stream.flush(to: files, index: position) }
            }
        }

        func waitForBackgroundWrites() {
            for stream in streams { stream.waitForBackgroundWrites() }
        }

        func finish() throws {
            guard let files else { return }
            for (position, stream) in streams.enumerated() {
                try stream.flush(to: files, index: position)
                try stream.finish(to: files, index: position)
            }
        }
    }
}

/// One CSV file being streamed: its line buffer and, for csv.gz, its compressor.
///
/// In the background mode the file's bytes are written by the stream's own serial queue, in
/// order, while the rows go on being encoded; for csv.gz each block of the member
/// (`GzipBlocks`) is compressed on a global queue as soon as it is cut, so that one big table
/// keeps several threads busy. Each piece gets a number when it is handed over; the serial queue
/// writes the pieces in that order as they are done, and no thread ever waits for another's
/// work (a queue that did could hold the threads the compressions need). The block cutter and
/// the numbering are touched only by the thread that appends rows, the pieces done only on the
/// serial queue, and `finish` waits for every piece before it returns: that discipline, not the
/// compiler, makes the class safe to send.
private final class CSVStream: @unchecked Sendable {
    var buffer: [UInt8]
    private var blocks: GzipBlocks?
    private var headerWritten = false
    private let queue: DispatchQueue?
    private let inFlight: DispatchSemaphore?
    /// The first error of a background piece, thrown by the next flush or by finish.
    private let failure = Locked<(any Error)?>(nil)
    /// Pieces handed to the background and not yet done with.
    private let outstanding = DispatchGroup()
    private var nextNumber = 0
    // On the serial queue only: pieces done but waiting for an earlier one, and the next to write.
    private var done: [Int: (bytes: [UInt8], holdsSlot: Bool)] = [:]
    private var nextToWrite = 0

    init(gzipLevel: Int?, preamble: [UInt8], inFlight: DispatchSemaphore? = nil) throws {
        blocks = try gzipLevel.map { try GzipBlocks(level: $0) }
        buffer = preamble
        buffer.reserveCapacity(TableWriter.bufferSize + 4096)
        self.inFlight = inFlight
        queue = inFlight == nil ? nil : DispatchQueue(label: "govreport.table-file")
    }

    func flush(to files: StagedFiles, index: Int) throws {
        if let error = failure.current { throw error }
        guard blocks != nil else {
            try emit(buffer, to: files, index: index)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        try emitHeader(to: files, index: index)
        let cut = buffer.withUnsafeBytes { blocks!.add($0) }
        buffer.removeAll(keepingCapacity: true)
        for block in cut { try emit(block, to: files, index: index) }
    }

    func finish(to files: StagedFiles, index: Int) throws {
        if blocks != nil {
            try emitHeader(to: files, index: index)
            try emit(blocks!.finish(), to: files, index: index)
            try emit(blocks!.trailer, to: files, index: index)
        }
        waitForBackgroundWrites()
        if let error = failure.current { throw error }
    }

    func waitForBackgroundWrites() {
        outstanding.wait()
    }

    private func emitHeader(to files: StagedFiles, index: Int) throws {
        guard !headerWritten, let blocks else { return }
        headerWritten = true
        try emit(blocks.header, to: files, index: index)
    }

    /// Bytes as they are: now, or after the pieces handed over before them.
    private func emit(_ bytes: [UInt8], to files: StagedFiles, index: Int) throws {
        guard let queue else {
            try files.write(bytes, toFile: index)
            return
        }
        let number = takeNumber()
        queue.async {
            self.complete(number, .success(bytes), holdsSlot: false, files: files, index: index)
        }
    }

    /// A block compressed now, or on a global queue and written after the pieces before it.
    private func emit(_ block: GzipBlocks.Block, to files: StagedFiles, index: Int) throws {
        guard let queue, let inFlight else {
            try files.write(block.compress(), toFile: index)
            return
        }
        // At most so many blocks are being compressed or wait to be written: memory stays flat
        // when the rows come faster than zlib takes them. A slot is given back once its block is
        // written (or dropped after a failure), which never waits on the thread that waits here.
        inFlight.wait()
        let number = takeNumber()
        DispatchQueue.global().async {
            let compressed = Result { try block.compress() }
            queue.async { self.complete(number, compressed, holdsSlot: true, files: files, index: index) }
        }
    }

    private func takeNumber() -> Int {
        outstanding.enter()
        defer { nextNumber += 1 }
        return nextNumber
    }

    /// On the serial queue: files the piece and writes every piece now next in order. After a
    /// failure pieces are dropped, still in order, so that every slot is given back.
    private func complete(_ number: Int, _ result: Result<[UInt8], any Error>, holdsSlot: Bool, files: StagedFiles, index: Int) {
        switch result {
        case .success(let bytes): done[number] = (bytes, holdsSlot)
        case .failure(let error):
            record(error)
            done[number] = ([], holdsSlot)
        }
        while let piece = done.removeValue(forKey: nextToWrite) {
            if failure.current == nil {
                do { try files.write(piece.bytes, toFile: index) } catch { record(error) }
            }
            if piece.holdsSlot { inFlight?.signal() }
            nextToWrite += 1
            outstanding.leave()
        }
    }

    /// Keeps the first error only.
    private func record(_ error: any Error) {
        failure.withLock { if $0 == nil { $0 = error } }
    }
}

/// Unique primary keys over rows that come grouped by the key's first column: the keys of the
/// current group, and the first-column values of the groups already closed.
/// Groups are told apart by their text as written (`plainText`).
struct GroupedKeyCheck {
    let keyIndexes: [Int]
    private var group: String?
    private var keys: Set<[Cell]> = []
    private var closed: Set<String> = []

    init(keyIndexes: [Int]) { self.keyIndexes = keyIndexes }

    /// nil when the row's key is new; else what is wrong.
    mutating func add(_ row: TableRow) -> String? {
        guard let first = keyIndexes.first else { return nil }
        let key = keyIndexes.map { row[$0] }
        let value = row[first].plainText
        if value != group {
            if let problem = open(value) { return problem }
            keys.removeAll(keepingCapacity: true)
        }
        guard keys.insert(key).inserted else {
            return "primary key (\(key.map(\.plainText).joined(separator: ", "))) appears twice"
        }
        return nil
    }

    /// A group whose keys were checked when it was encoded: only that it comes together.
    mutating func addWhole(group value: String) -> String? {
        guard !keyIndexes.isEmpty else { return nil }
        if let problem = open(value) { return problem }
        // Closed at once: no row of it may follow.
        closed.insert(value)
        group = nil
        return nil
    }

    private mutating func open(_ value: String) -> String? {
        if let group { closed.insert(group) }
        guard !closed.contains(value) else {
            return "rows with \(value) in the first key column do not come together"
        }
        group = value
        return nil
    }
}
