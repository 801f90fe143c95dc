import Foundation
@testable import GovReport

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The package root (this file is Tests/GovReportTests/Support/TestSupport.swift).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var samples: URL { repositoryRoot.appendingPathComponent("samples") }

    /// The govreport binary that `swift build` made beside the tests.
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle.appendingPathComponent("govreport"),
                          bundle.deletingLastPathComponent().appendingPathComponent("govreport"),
                          repositoryRoot.appendingPathComponent(".build/debug/govreport")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// A fresh empty folder, removed by the caller or left in /tmp.
    static func temporaryDirectory(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("govreport-tests-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct ProcessResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion and returns its exit status and output.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    stdin: Data? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the process runs so that a full pipe cannot block it.
        let outData = Locked(Data()), errData = Locked(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.withLock { $0 = out.fileHandleForReading.readDataToEndOfFile() }; group.leave() }
        group.enter()
        DispatchQueue.global().async { errData.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() }; group.leave() }
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData.current, as: UTF8.self),
                             stderr: String(decoding: errData.current, as: UTF8.self))
    }

    static func govreport(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        try run(binary, arguments, in: directory)
    }

    static func python(_ script: String, _ arguments: [String] = []) throws -> ProcessResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
