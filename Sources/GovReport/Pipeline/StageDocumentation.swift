/// The text of `govreport stages`: every source type and stage with its options, types and defaults.
public enum StageDocumentation {
    public static func text() -> String {
        var lines: [String] = ["Top-level keys of pipeline.json:"]
        for field in PipelineConfig.fields {
            lines.append("  \(field.name)  (\(field.type))  \(field.help)")
        }
        lines.append("")
        lines.append("Sources (\"sources\": [{\"type\": ...}]):")
        for source in SourceRegistry.all {
            lines.append("  \(source.name): \(source.summary)")
            for field in source.fields {
                lines.append("      \(field.name)  (\(field.type))  \(field.help)")
            }
        }
        lines.append("")
        lines.append("Stages, in pipeline order (\"stages\": [{\"type\": ...}]):")
        for (index, stage) in StageRegistry.all.enumerated() {
            lines.append("  \(index + 1). \(stage.name): \(stage.summary)")
            let defaults = stage.defaultsJSON
            for field in stage.fields {
                let value = defaults[field.name].map { " = \($0)" } ?? ""
                lines.append("      \(field.name)  (\(field.type))\(value)  \(field.help)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension RunReport {
    /// One line for the end of a run.
    public var summaryLine: String {
        let stageText = stages.map { "\($0.stage) \($0.processed)/\($0.cached)/\($0.failed)" }.joined(separator: ", ")
        let outcome = cancelled ? "stopped" : (exitStatus == 0 ? "done" : "done with failures")
        return "\(outcome) in \(String(format: "%.2f", seconds)) s: \(documents.listed) documents (\(documents.ok) ok, \(documents.empty) empty, \(documents.failed) failed, \(documents.stale) stale); processed/cached/failed per stage: \(stageText)"
    }
}
