/// One row of the panel table for one document: the value a document gives for one indicator.
public struct PanelEntry: Codable, Sendable, Equatable {
    /// Indicator code from the taxonomy.
    public var indicator: String
    public var value: Double
    public var unit: String
    /// How many metrics of the document carry the indicator (其中 parts included).
    public var nMentions: Int
    /// The metric_id of each of those metrics, ascending.
    public var metricIds: [Int]

    public init(indicator: String, value: Double, unit: String, nMentions: Int, metricIds: [Int]) {
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.nMentions = nMentions
        self.metricIds = metricIds
    }

    /// `metricIds` as the table writes them: `3;7;12`.
    public var metricIdsText: String { metricIds.map(String.init).joined(separator: ";") }

    enum CodingKeys: String, CodingKey {
        case indicator, value, unit, nMentions = "n_mentions", metricIds = "metric_ids"
    }
}

/// Builds the document × indicator panel from a document's metrics (their `indicator` already set).
public enum IndicatorPanel {
    /// One entry per indicator present, ordered by indicator code.
    ///
    /// The value is chosen among the indicator's metrics that are not 其中 parts of another of its
    /// metrics (a part whose total carries the same indicator is already counted in that total): in
    /// the unit most of those metrics use (a tie goes to the unit mentioned first), the largest value
    /// (a tie goes to the earlier metric). Reports repeat a figure in a summary or give a sub-count
    /// elsewhere, so the largest same-unit figure is the one that stands for the whole document.
    public static func entries(metrics: [Metric]) -> [PanelEntry] {
        // Positions and ids, not copies of the metrics: a Metric holds eight strings, and copying
        // them into the dictionaries cost more than the choice itself.
        var parentOf: [Int: Int?] = [:]
        for metric in metrics where parentOf[metric.metricId] == nil { parentOf[metric.metricId] = .some(metric.parentMetricId) }
        var groups: [String: [Int]] = [:]
        for (index, metric) in metrics.enumerated() where !metric.indicator.isEmpty {
            groups[metric.indicator, default: []].append(index)
        }
        return groups.keys.sorted().compactMap { code in
            let mentions = groups[code, default: []].sorted { metrics[$0].metricId < metrics[$1].metricId }
            let ids = Set(mentions.map { metrics[$0].metricId })
            let totals = mentions.filter { !hasAncestor(of: metrics[$0], in: ids, parentOf: parentOf) }
            guard let chosen = choose(totals.isEmpty ? mentions : totals, of: metrics) else { return nil }
            return PanelEntry(indicator: code, value: metrics[chosen].value, unit: metrics[chosen].unit,
                              nMentions: mentions.count, metricIds: mentions.map { metrics[$0].metricId })
        }
    }

    /// Whether a metric is, directly or through a chain of 其中 parts, a part of one of `ids`.
    static func hasAncestor(of metric: Metric, in ids: Set<Int>, parentOf: [Int: Int?]) -> Bool {
        var seen: Set<Int> = [metric.metricId]
        var parent = metric.parentMetricId
        while let id = parent, seen.insert(id).inserted {
            if ids.contains(id) { return true }
            parent = parentOf[id] ?? nil
        }
        return false
    }

    /// The largest mention in the unit most mentions use; `mentions` are positions in `metrics`,
    /// in metric order.
    static func choose(_ mentions: [Int], of metrics: [Metric]) -> Int? {
        var counts: [String: Int] = [:]
        for index in mentions { counts[metrics[index].unit, default: 0] += 1 }
        guard let top = counts.values.max(),
              let unit = mentions.first(where: { counts[metrics[$0].unit] == top }).map({ metrics[$0].unit }) else { return nil }
        var best: Int?
        for index in mentions where metrics[index].unit == unit {
            if let current = best, !(metrics[index].value > metrics[current].value) { continue }
            best = index
        }
        return best
    }
}
