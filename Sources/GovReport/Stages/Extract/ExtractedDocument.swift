/// One quantity found in a paragraph (see docs/metrics-guidelines.md).
public struct Metric: Codable, Sendable, Equatable {
    /// 1-based ordinal within the document, in reading order.
    public var metricId: Int
    public var paragraphNo: Int
    public var sectionId: String
    public var subject: String
    /// Canonical indicator code from the taxonomy, "" when none matches.
    public var indicator: String
    public var value: Double
    public var unit: String
    /// exact, more_than, at_least, less_than, at_most, approx.
    public var qualifier: String
    /// The characters as they stand in the source text (traditional script kept).
    public var raw: String
    /// The clause or sentence the metric stands in (simplified).
    public var context: String
    /// The total this metric is a 其中 part of.
    public var parentMetricId: Int?
    /// Unicode-scalar offsets of `raw` in the paragraph's text.
    public var charStart: Int
    public var charEnd: Int

    public init(metricId: Int, paragraphNo: Int, sectionId: String, subject: String, indicator: String,
                value: Double, unit: String, qualifier: String, raw: String, context: String,
                parentMetricId: Int?, charStart: Int, charEnd: Int) {
        self.metricId = metricId
        self.paragraphNo = paragraphNo
        self.sectionId = sectionId
        self.subject = subject
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.raw = raw
        self.context = context
        self.parentMetricId = parentMetricId
        self.charStart = charStart
        self.charEnd = charEnd
    }
}

/// A cited law or document: 《…》 with the document number that follows it.
public struct Citation: Codable, Sendable, Equatable {
    public var title: String
    public var docNumber: String
    /// law, regulation, plan, notice, other.
    public var kind: String
    public var paragraphNo: Int
    public var charStart: Int
    public var charEnd: Int

    public init(title: String, docNumber: String, kind: String, paragraphNo: Int, charStart: Int, charEnd: Int) {
        self.title = title
        self.docNumber = docNumber
        self.kind = kind
        self.paragraphNo = paragraphNo
        self.charStart = charStart
        self.charEnd = charEnd
    }
}

/// An organisation, quoted programme name, sub-township place or dated event.
public struct Entity: Codable, Sendable, Equatable {
    /// organization, programme, place, event.
    public var type: String
    public var text: String
    /// Simplified form; for events the ISO date (`2023-02-20`).
    public var normalized: String
    public var paragraphNo: Int
    public var charStart: Int
    public var charEnd: Int

    public init(type: String, text: String, normalized: String, paragraphNo: Int, charStart: Int, charEnd: Int) {
        self.type = type
        self.text = text
        self.normalized = normalized
        self.paragraphNo = paragraphNo
        self.charStart = charStart
        self.charEnd = charEnd
    }
}

/// What a report says about itself.
public struct ReportMetadata: Codable, Sendable, Equatable {
    public var reportYear: Int?
    public var issuer: String
    /// ISO date, "" when unknown.
    public var publishDate: String
    public var province: String
    public var city: String
    public var county: String
    public var township: String

    public init(reportYear: Int? = nil, issuer: String = "", publishDate: String = "",
                province: String = "", city: String = "", county: String = "", township: String = "") {
        self.reportYear = reportYear
        self.issuer = issuer
        self.publishDate = publishDate
        self.province = province
        self.city = city
        self.county = county
        self.township = township
    }
}

/// One row of the document's indicator panel, with the indicator's names from the taxonomy (the
/// write stage does not read the taxonomy, so the names travel with the cached output).
public struct PanelRow: Codable, Sendable, Equatable {
    public var entry: PanelEntry
    public var nameZh: String
    public var nameEn: String

    public init(entry: PanelEntry, nameZh: String, nameEn: String) {
        self.entry = entry
        self.nameZh = nameZh
        self.nameEn = nameEn
    }
}

/// The output of `extract`.
public struct ExtractedDocument: Codable, Sendable, Equatable {
    public var metadata: ReportMetadata
    public var metrics: [Metric]
    public var citations: [Citation]
    public var entities: [Entity]
    /// One row per indicator the metrics carry, ordered by indicator code.
    public var panel: [PanelRow]

    public init(metadata: ReportMetadata, metrics: [Metric], citations: [Citation], entities: [Entity],
                panel: [PanelRow] = []) {
        self.metadata = metadata
        self.metrics = metrics
        self.citations = citations
        self.entities = entities
        self.panel = panel
    }
}
