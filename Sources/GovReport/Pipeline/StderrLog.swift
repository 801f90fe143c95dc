import Foundation
import Logging

/// How log lines look: `human` for a person at a terminal, `json` (one object a line) for cron.
public enum LogFormat: String, Sendable, CaseIterable {
    case human, json
}

/// The one writer of stderr, shared by log lines and the progress bar so they do not overwrite
/// each other: a log line first clears the bar, which is redrawn on the next update.
final class StderrConsole: Sendable {
    static let shared = StderrConsole()
    let isTerminal = isatty(2) == 1
    private let barShown = Locked(false)

    func writeLine(_ line: String) {
        barShown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); shown = false }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    func drawBar(_ text: String) {
        barShown.withLock { shown in
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            shown = true
        }
    }

    func endBar() {
        barShown.withLock { shown in
            if shown { FileHandle.standardError.write(Data("\n".utf8)); shown = false }
        }
    }
}

/// A swift-log handler writing to stderr in the chosen format.
public struct StderrLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    let format: LogFormat

    public init(label: String, format: LogFormat) {
        self.label = label
        self.format = format
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let (level, message) = (event.level, event.message)
        let time = ISO8601DateFormatter().string(from: Date())
        var merged = metadata
        event.metadata?.forEach { merged[$0] = $1 }
        switch format {
        case .human:
            let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
            StderrConsole.shared.writeLine("\(time) \(level.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) \(message)\(details)")
        case .json:
            var object: [String: String] = ["time": time, "level": level.rawValue, "message": message.description, "logger": label]
            merged.forEach { object[$0] = "\($1)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            StderrConsole.shared.writeLine(String(decoding: data, as: UTF8.self))
        }
    }

    /// Sets up swift-log once for the process.
    public static func bootstrap(format: LogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StderrLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal; otherwise a log line every
/// ten seconds so that cron logs show the run is alive.
public final class ConsoleProgress: ProgressSink {
    private let logger: Logger
    private let state = Locked((phase: "", lastDraw: Date.distantPast))

    public init(logger: Logger) { self.logger = logger }

    public func start(total: Int, phase: String) {
        state.withLock { $0 = (phase, StderrConsole.shared.isTerminal ? .distantPast : Date()) }
    }

    public func advance(completed: Int, total: Int) {
        let now = Date()
        let interval = StderrConsole.shared.isTerminal ? 0.1 : 10
        let (draw, phase): (Bool, String) = state.withLock { state in
            guard completed == total || now.timeIntervalSince(state.lastDraw) >= interval else { return (false, state.phase) }
            state.lastDraw = now
            return (true, state.phase)
        }
        guard draw else { return }
        if StderrConsole.shared.isTerminal {
            let width = 30
            let filled = total == 0 ? width : width * completed / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            StderrConsole.shared.drawBar("\(bar) \(completed)/\(total) \(phase)")
        } else {
            logger.info("progress: \(completed)/\(total) \(phase)")
        }
    }

    public func finish() {
        if StderrConsole.shared.isTerminal { StderrConsole.shared.endBar() }
    }
}
