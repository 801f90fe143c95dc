import Foundation

/// Writes a set of files into an output directory so that a kill at any moment leaves either
/// the previous set or the new one, never a mix or a partial file:
///
/// 1. every file is written and fsynced as `<out>/.govreport-staging/<name>`;
/// 2. the journal `<out>/.govreport-staging/COMMIT` listing the names is written (temp, fsync,
///    rename): from here on the new set is decided;
/// 3. each file is renamed into place;
/// 4. the journal and the staging directory are removed.
///
/// `recover(outputDirectory:)` finishes step 3 when a journal exists (roll forward) and
/// otherwise throws the staging directory away; `init` runs it first. Runs must not overlap
/// (the pipeline's lock sees to that).
///
/// Noncopyable so that one value owns the staging directory: dropping it without `commit`
/// removes what was staged.
public struct AtomicOutputSet: ~Copyable, Sendable {
    public static let stagingName = ".govreport-staging"
    public static let journalName = "COMMIT"

    public enum Recovery: Sendable, Equatable {
        /// No staging directory was found.
        case clean
        /// A committed set was moved into place; its names.
        case rolledForward([String])
        /// An uncommitted staging directory was deleted.
        case discarded
    }

    public let outputDirectory: URL
    /// Names staged so far, in the order they were added.
    public private(set) var names: [String] = []
    private var finished = false

    private var outputPath: String { outputDirectory.path }
    private var stagingPath: String { AtomicOutputSet.stagingPath(outputPath) }

    /// Recovers any earlier interrupted set, then opens a fresh staging directory. Creates the
    /// output directory if it does not exist.
    public init(outputDirectory: URL) throws {
        // Everything that can fail happens before `self` is complete: a value whose init threw
        // must not run `deinit`, which would delete a staging directory it does not own.
        let directory = outputDirectory.standardizedFileURL
        let outputPath = directory.path
        if PosixIO.kind(outputPath) == .none {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: outputPath, operation: "create output directory",
                                  reason: (error as NSError).localizedDescription)
            }
        }
        guard PosixIO.kind(outputPath) == .directory else {
            throw OutputError(path: outputPath, operation: "write outputs to", reason: "it is not a directory")
        }
        try AtomicOutputSet.recover(outputDirectory: directory)
        do {
            try PosixIO.makeDirectory(AtomicOutputSet.stagingPath(outputPath))
        } catch let error as OutputError {
            throw OutputError(path: outputPath, operation: "write outputs to",
                              reason: "the directory is not writable (\(error.reason))")
        }
        self.outputDirectory = directory
    }

    deinit {
        if !finished {
            try? PosixIO.removeTree(stagingPath)
        }
    }

    /// Stages one file whose bytes `body` writes in as many pieces as it likes.
    public mutating func addFile(named name: String, _ body: (borrowing StagedFile) throws -> Void) throws {
        try AtomicOutputSet.checkName(name)
        guard !names.contains(name) else {
            throw OutputError(path: name, operation: "stage", reason: "the name is already in this output set")
        }
        let path = stagingPath + "/" + name
        let fd = try PosixIO.create(path)
        let file = StagedFile(fd: fd, path: path)
        do {
            try body(file)
            try PosixIO.sync(fd, path: path)
        } catch {
            _ = try? PosixIO.closeFile(fd, path: path)
            throw error
        }
        try PosixIO.closeFile(fd, path: path)
        names.append(name)
    }

    /// Stages one file that `body` creates itself at the path it is given (for libraries that
    /// write to a path, such as libxlsxwriter); the file is then fsynced like the others. A
    /// partial file is removed if `body` throws.
    public mutating func addFile(named name: String, writingWith body: (_ path: String) throws -> Void) throws {
        try AtomicOutputSet.checkName(name)
        guard !names.contains(name) else {
            throw OutputError(path: name, operation: "stage", reason: "the name is already in this output set")
        }
        let path = stagingPath + "/" + name
        do {
            try body(path)
            guard PosixIO.kind(path) == .file else {
                throw OutputError(path: path, operation: "stage", reason: "nothing was written there")
            }
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw PosixIO.failure("open", path) }
            do {
                try PosixIO.sync(fd, path: path)
            } catch {
                _ = close(fd)
                throw error
            }
            try PosixIO.closeFile(fd, path: path)
        } catch {
            try? PosixIO.unlinkIfPresent(path)
            throw error
        }
        names.append(name)
    }

    /// Stages several files written side by side (tables streamed row by row, all at once):
    /// `body` writes to them by their index in `names`; each is fsynced when it returns. When
    /// `body` throws, nothing of them stays staged.
    public mutating func addFiles(named newNames: [String], _ body: (StagedFiles) throws -> Void) throws {
        var seen = Set(names)
        for name in newNames {
            try AtomicOutputSet.checkName(name)
            guard seen.insert(name).inserted else {
                throw OutputError(path: name, operation: "stage", reason: "the name is already in this output set")
            }
        }
        let paths = newNames.map { stagingPath + "/" + $0 }
        var fds: [Int32] = []
        func abandon() {
            for (fd, path) in zip(fds, paths) {
                _ = try? PosixIO.closeFile(fd, path: path)
                try? PosixIO.unlinkIfPresent(path)
            }
        }
        do {
            for path in paths { fds.append(try PosixIO.create(path)) }
            try body(StagedFiles(fds: fds, paths: paths))
            for (fd, path) in zip(fds, paths) { try PosixIO.sync(fd, path: path) }
        } catch {
            abandon()
            throw error
        }
        for (fd, path) in zip(fds, paths) { try PosixIO.closeFile(fd, path: path) }
        names += newNames
    }

    /// Stages one file given whole.
    public mutating func addFile(named name: String, contents: some ContiguousBytes) throws {
        try addFile(named: name) { file in
            try contents.withUnsafeBytes { try file.write($0) }
        }
    }

    /// Makes the staged files the output set: journal, renames, clean-up.
    public consuming func commit() throws {
        let outputPath = self.outputPath
        let stagingPath = self.stagingPath
        let names = self.names
        // Decided or not, this value is done with the staging directory: on failure before
        // the journal, drop it; after the journal, leave it for `recover`.
        var journalWritten = false
        defer {
            if !journalWritten { try? PosixIO.removeTree(stagingPath) }
            finished = true
        }
        try PosixIO.syncDirectory(stagingPath)
        let journal = names.map { $0 + "\n" }.joined()
        let journalPath = stagingPath + "/" + AtomicOutputSet.journalName
        try Array(journal.utf8).withUnsafeBytes { try PosixIO.writeFile(journalPath + ".tmp", $0) }
        try PosixIO.move(journalPath + ".tmp", journalPath)
        try PosixIO.syncDirectory(stagingPath)
        journalWritten = true
        try AtomicOutputSet.rollForward(outputPath: outputPath, names: names)
    }

    /// Drops everything staged; the previous outputs stay as they are.
    public consuming func abort() {
        try? PosixIO.removeTree(stagingPath)
        finished = true
    }

    /// Brings the output directory to a consistent set after an interrupted run: rolls a
    /// committed set forward, deletes an uncommitted one.
    @discardableResult
    public static func recover(outputDirectory: URL) throws -> Recovery {
        let outputPath = outputDirectory.standardizedFileURL.path
        let stagingPath = stagingPath(outputPath)
        guard PosixIO.kind(stagingPath) != .none else { return .clean }
        let journalPath = stagingPath + "/" + journalName
        guard PosixIO.kind(journalPath) == .file else {
            try PosixIO.removeTree(stagingPath)
            return .discarded
        }
        let journal: String
        do {
            journal = try String(contentsOfFile: journalPath, encoding: .utf8)
        } catch {
            throw OutputError(path: journalPath, operation: "read", reason: (error as NSError).localizedDescription)
        }
        let names = journal.split(separator: "\n").map(String.init)
        for name in names {
            // The journal is ours, but a name that escapes the directory is never followed.
            try checkName(name)
        }
        try rollForward(outputPath: outputPath, names: names)
        return .rolledForward(names)
    }

    /// Steps 3 and 4; safe to repeat, since a name already moved is no longer in staging.
    private static func rollForward(outputPath: String, names: [String]) throws {
        let stagingPath = stagingPath(outputPath)
        for name in names where PosixIO.kind(stagingPath + "/" + name) == .file {
            try PosixIO.move(stagingPath + "/" + name, outputPath + "/" + name)
        }
        try PosixIO.syncDirectory(outputPath)
        try PosixIO.unlinkIfPresent(stagingPath + "/" + journalName)
        try PosixIO.removeTree(stagingPath)
        try PosixIO.syncDirectory(outputPath)
    }

    private static func stagingPath(_ outputPath: String) -> String {
        outputPath + "/" + stagingName
    }

    /// Plain file names only: no directories, no hidden names (which keep the staging directory
    /// and temporary files out of reach), not the journal's name.
    static func checkName(_ name: String) throws {
        let bad = name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\n")
            || name.contains("\0") || name == journalName
        if bad {
            throw OutputError(path: name, operation: "stage", reason: "not a plain file name for the output directory")
        }
    }
}

/// A file being written into staging; valid only inside `AtomicOutputSet.addFile`.
public struct StagedFile: ~Copyable, Sendable {
    let fd: Int32
    public let path: String

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try PosixIO.writeAll(fd, bytes, path: path)
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// Files being written into staging side by side; valid only inside `AtomicOutputSet.addFiles`.
public struct StagedFiles: Sendable {
    let fds: [Int32]
    public let paths: [String]

    public func write(_ bytes: UnsafeRawBufferPointer, toFile index: Int) throws {
        try PosixIO.writeAll(fds[index], bytes, path: paths[index])
    }

    public func write(_ bytes: [UInt8], toFile index: Int) throws {
        try bytes.withUnsafeBytes { try write($0, toFile: index) }
    }
}
