import Foundation

/// `extract`: metrics (with their canonical indicator), citations, entities and the report's own
/// metadata, from the segmented paragraphs.
public struct ExtractStage: DocumentStage {
    public typealias Input = SegmentedDocument
    public typealias Output = ExtractedDocument

    public static let name = "extract"
    public static let summary = "finds metrics (value, unit, qualifier, subject, indicator), citations of laws and documents, entities and the report's year, issuer and place"
    public static let version = 4

    let options: ExtractOptions
    let matcher: IndicatorMatcher?
    /// The taxonomy's rules by code, for the panel's names: made once, not for every document.
    let rulesByCode: [String: IndicatorRule]

    public init(options: ExtractOptions) throws {
        self.options = options
        matcher = options.indicators.isEmpty ? nil : IndicatorMatcher(rules: try Taxonomy.load(URL(fileURLWithPath: options.indicators)))
        rulesByCode = Dictionary((matcher?.rules ?? []).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func process(_ input: SegmentedDocument, document: DocumentRef) throws -> ExtractedDocument {
        let texts = input.paragraphs.map(\.text)
        let paragraphScalars = texts.map(\.scalarArray)
        let metadata = ReportMetadataExtractor.extract(title: input.title, paragraphs: texts, paragraphScalars: paragraphScalars,
                                                       strippedIssuer: input.issuer, strippedDate: input.publishDate)
        var metrics: [Metric] = []
        var citations: [Citation] = []
        var entities: [Entity] = []
        for (number, paragraph) in input.paragraphs.enumerated() {
            let scalars = paragraphScalars[number]
            let mentions = MetricExtractor.extract(paragraph: paragraph.text, scalars: scalars,
                                                   sourceParagraph: paragraph.sourceText, sentences: paragraph.sentences)
            let firstId = metrics.count + 1
            var sentence = (context: "", subjects: [String]())
            for mention in mentions {
                if mention.context != sentence.context { sentence = (mention.context, []) }
                // A 其中 part never leans: 其中邻里纠纷47起 is not the total's indicator.
                let indicator = matcher?.match(subject: mention.subject, unit: mention.unit,
                                               earlierSubjects: mention.parentIndex == nil ? sentence.subjects : [])?.code ?? ""
                sentence.subjects.append(mention.subject)
                metrics.append(Metric(metricId: metrics.count + 1, paragraphNo: number, sectionId: paragraph.sectionId,
                                      subject: mention.subject, indicator: indicator, value: mention.value,
                                      unit: mention.unit, qualifier: mention.qualifier.rawValue, raw: mention.raw,
                                      context: mention.context, parentMetricId: mention.parentIndex.map { firstId + $0 },
                                      charStart: mention.charStart, charEnd: mention.charEnd))
            }
            guard metrics.count <= options.maxMetrics else {
                throw StageFailure("extract.too_many_metrics", """
                    more than \(options.maxMetrics) metrics (extract.maxMetrics) by paragraph \(number + 1) of \
                    \(input.paragraphs.count); a report has a few hundred, so this is likely a table of figures \
                    or run-together text: raise extract.maxMetrics to keep it
                    """)
            }
            for mention in CitationExtractor.extract(scalars: scalars) {
                citations.append(Citation(title: mention.title, docNumber: mention.docNumber, kind: mention.kind.rawValue,
                                          paragraphNo: number, charStart: mention.charStart, charEnd: mention.charEnd))
            }
            if options.entities {
                entities += EntityExtractor.extract(paragraphNo: number, scalars: scalars, reportYear: metadata.reportYear)
            }
        }
        let panel = IndicatorPanel.entries(metrics: metrics).map { entry in
            let rule = rulesByCode[entry.indicator]
            return PanelRow(entry: entry, nameZh: rule?.nameZh ?? "", nameEn: rule?.nameEn ?? "")
        }
        return ExtractedDocument(metadata: metadata, metrics: metrics, citations: citations, entities: entities, panel: panel)
    }
}
