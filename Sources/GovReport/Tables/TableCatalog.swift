/// The schemas of every govreport output table, in the order they are written and documented.
/// One place for column names, types and descriptions: the writer checks rows against it and
/// `datapackage.json`, the README and the workbook describe the tables from it.
public enum TableCatalog {
    public static let qualifiers = ["exact", "more_than", "at_least", "less_than", "at_most", "approx"]
    public static let parts = ["measures", "problems", "leader_duty", "next_year", "other"]
    public static let citationKinds = ["law", "regulation", "plan", "notice", "other"]
    public static let entityTypes = ["organization", "programme", "place", "event"]
    public static let statuses = ["ok", "empty", "failed", "stale"]
    public static let scripts = ["hans", "hant", "mixed"]

    public static let all: [TableSchema] = [
        documents, sections, paragraphs, metrics, citations, entities, indicators, errors,
    ]

    public static func schema(named name: String) -> TableSchema? {
        all.first { $0.name == name }
    }

    // Columns shared by several tables, described once.
    static let docId = Field("doc_id", .string,
        "Stable identifier of the source document (a hash of its normalised URL or path).", required: true)
    static let paragraphNo = Field("paragraph_no", .integer,
        "1-based position of the body paragraph in the document, as in paragraphs.paragraph_no.")
    static let sectionId = Field("section_id", .string,
        "Innermost outline section the paragraph belongs to (1, 1.2, 1.2.3), as in sections.section_id; "
        + "empty before the first heading.")
    static let charStart = Field("char_start", .integer,
        "Start of the match in the paragraph's text, in characters (Unicode scalars) from 0, so that "
        + "text[char_start:char_end] in Python gives the matched characters.")
    static let charEnd = Field("char_end", .integer,
        "End of the match in the paragraph's text, in characters, exclusive.")
    static let toDocuments = TableSchema.ForeignKey(fields: ["doc_id"], resource: "documents", referenceFields: ["doc_id"])

    static func place(_ name: String, _ level: String) -> Field {
        Field(name, .string, "\(level) the report is about (simplified Chinese name), empty when not stated.")
    }

    public static let documents = TableSchema(
        name: "documents",
        description: "One row per input document: where it came from, how it was decoded, what the report says "
            + "about itself, and whether it went through.",
        fields: [
            docId,
            Field("source", .string, "The normalised path or URL the document was read from.", required: true),
            Field("content_sha256", .string, "Lower-case hex SHA-256 of the raw bytes as fetched."),
            Field("size_bytes", .integer, "Size of the raw bytes as fetched."),
            Field("encoding_declared", .string,
                  "Charset the document declared (HTTP header, source config or <meta>), upper-case; empty if none."),
            Field("encoding_detected", .string,
                  "Encoding actually used to convert the bytes to UTF-8 (UTF-8, GB18030, BIG5-HKSCS, ...)."),
            Field("invalid_bytes", .integer, "Bytes that could not be converted and were replaced by U+FFFD."),
            Field("script", .string,
                  "Script of the source text: hans (simplified), hant (traditional) or mixed.",
                  enumValues: scripts),
            Field("title", .string, "Title of the report as published."),
            Field("issuer", .string, "The publishing body (来源, 发布机构), empty when unknown."),
            Field("report_year", .integer, "The year the report covers, as stated in its title or text."),
            Field("publish_date", .date, "Date the page was published (yyyy-mm-dd), empty when unknown."),
            place("province", "Province-level division"),
            place("city", "Prefecture-level city"),
            place("county", "County-level division (county, district, county-level city)"),
            place("township", "Township-level division (town, township, street)"),
            Field("breadcrumb", .string,
                  "The site's navigation path to the page, items joined by \" > \" (首页 > 政务公开 > ...)."),
            Field("char_count", .integer, "Characters in the body paragraphs after normalisation."),
            Field("paragraph_count", .integer, "Number of body paragraphs (rows in paragraphs)."),
            Field("has_measures", .boolean,
                  "Whether the outline has a top-level part on measures taken and results achieved."),
            Field("has_problems", .boolean, "Whether the outline has a top-level part on problems and shortcomings."),
            Field("has_leader_duty", .boolean,
                  "Whether the outline has a top-level part on the principal leader's duties for rule of law."),
            Field("has_next_year", .boolean, "Whether the outline has a top-level part on next year's plans."),
            Field("status", .string,
                  "ok: extracted; empty: no body text found; failed: a stage failed (see errors); "
                  + "stale: the source could not be fetched this run and earlier results were kept.",
                  required: true, enumValues: statuses),
        ],
        primaryKey: ["doc_id"])

    public static let sections = TableSchema(
        name: "sections",
        description: "One row per heading of a report's outline (一、 / （一） / 1. / （1） / 一是).",
        fields: [
            docId,
            Field("section_id", .string, "Dotted position in the outline: 2, 2.1, 2.1.3.", required: true),
            Field("level", .integer,
                  "Outline level: 1 for 一、, 2 for （一）, 3 for 1. or 1、, 4 for （1）, 5 for 一是.", required: true),
            Field("marker", .string, "The marker as written: 一、, （一）, 1., 一是.", required: true),
            Field("heading", .string, "The heading text without its marker (up to the first sentence end "
                  + "for headings that run into their paragraph)."),
            Field("part", .string,
                  "For top-level sections, the part of the official outline: measures (measures and results), "
                  + "problems, leader_duty (the principal leader's duties), next_year or other; empty below.",
                  enumValues: parts),
            Field("paragraph_no", .integer, "The paragraph the heading starts (paragraphs.paragraph_no)."),
        ],
        primaryKey: ["doc_id", "section_id"],
        foreignKeys: [toDocuments])

    public static let paragraphs = TableSchema(
        name: "paragraphs",
        description: "One row per body paragraph, in reading order, simplified and normalised; the text that "
            + "char_start and char_end in other tables point into.",
        fields: [
            docId,
            Field("paragraph_no", .integer, "1-based position of the paragraph in the document, in reading order.", required: true),
            sectionId,
            Field("text", .string, "The paragraph in simplified characters with digits and punctuation normalised."),
        ],
        primaryKey: ["doc_id", "paragraph_no"],
        foreignKeys: [toDocuments])

    public static let metrics = TableSchema(
        name: "metrics",
        description: "One row per quantity a report states about the work done (docs/metrics-guidelines.md), "
            + "with its value normalised so that it can be summed and compared.",
        fields: [
            docId,
            Field("metric_id", .integer, "1-based number of the metric within the document, in reading order.",
                  required: true),
            paragraphNo,
            sectionId,
            Field("subject", .string, "The shortest phrase saying what was counted (发放法治宣传资料, 调解成功率)."),
            Field("indicator", .string,
                  "Canonical indicator code from the taxonomy the metric maps to; empty when none matches."),
            Field("value", .number,
                  "The number as a plain decimal, magnitudes applied: 1万余份 → 10000, 400余万元 → 4000000, 57% → 57.",
                  required: true),
            Field("unit", .string,
                  "The measure word as written with the magnitude moved into value (份, 人次, 元, %); "
                  + "empty when the text gives none."),
            Field("qualifier", .string,
                  "exact; more_than (余, 多, 超过, 逾); at_least (不少于, 至少, 以上); less_than (近, 不到, 不足); "
                  + "at_most (不超过, 最多, 以内); approx (约, 左右).",
                  required: true, enumValues: qualifiers),
            Field("raw", .string,
                  "The quantity exactly as it stands in the source, qualifier marks included (1万余份, 超过1800小时).",
                  required: true),
            Field("context", .string, "The clause or sentence the metric stands in (simplified)."),
            Field("parent_metric_id", .integer,
                  "For a part of a breakdown (其中 ...), the metric_id of the total it belongs to; empty otherwise."),
            charStart,
            charEnd,
        ],
        primaryKey: ["doc_id", "metric_id"],
        foreignKeys: [toDocuments])

    public static let citations = TableSchema(
        name: "citations",
        description: "One row per law or document a report cites (《…》 titles and document numbers such as "
            + "沪府办发〔2019〕20号).",
        fields: [
            docId,
            Field("citation_no", .integer, "1-based number of the citation within the document, in reading order.",
                  required: true),
            Field("title", .string, "The cited title without its 《》; empty for a bare document number."),
            Field("doc_number", .string, "The document number that goes with the title (沪府办发〔2019〕20号), if any."),
            Field("kind", .string,
                  "law (法), regulation (条例, 规定, 办法), plan (规划, 方案, 计划), notice (通知, 意见) or other.",
                  enumValues: citationKinds),
            paragraphNo,
            charStart,
            charEnd,
        ],
        primaryKey: ["doc_id", "citation_no"],
        foreignKeys: [toDocuments])

    public static let entities = TableSchema(
        name: "entities",
        description: "One row per organisation, quoted programme name (枫桥经验), place below the township, "
            + "or dated event a report names.",
        fields: [
            docId,
            Field("entity_no", .integer, "1-based number of the entity within the document, in reading order.",
                  required: true),
            Field("type", .string, "organization, programme, place or event.", required: true, enumValues: entityTypes),
            Field("text", .string, "The entity as written in the source.", required: true),
            Field("normalized", .string, "Simplified form; for events the ISO date (2023-02-20)."),
            paragraphNo,
            charStart,
            charEnd,
        ],
        primaryKey: ["doc_id", "entity_no"],
        foreignKeys: [toDocuments])

    public static let indicators = TableSchema(
        name: "indicators",
        description: "One row per document and canonical indicator: the metrics of a report mapped to the taxonomy, "
            + "with the place and year, ready to compare across places and years.",
        fields: [
            docId,
            place("province", "Province-level division"),
            place("city", "Prefecture-level city"),
            place("county", "County-level division"),
            place("township", "Township-level division"),
            Field("report_year", .integer, "The year the report covers (documents.report_year)."),
            Field("indicator", .string, "Canonical indicator code from the taxonomy.", required: true),
            Field("name_zh", .string, "The indicator's name in Chinese, from the taxonomy."),
            Field("name_en", .string, "The indicator's name in English, from the taxonomy."),
            Field("value", .number, "The document's value for the indicator, from the metrics in metric_ids."),
            Field("unit", .string, "Unit of value (份, 人次, 元, %)."),
            Field("n_mentions", .integer, "How many metrics of the document map to the indicator."),
            Field("metric_ids", .string, "The metric_id of each of those metrics, in order, separated by \";\"."),
        ],
        primaryKey: ["doc_id", "indicator"],
        foreignKeys: [toDocuments])

    public static let errors = TableSchema(
        name: "errors",
        description: "One row per document and stage that failed; the run goes on without that document's "
            + "later stages.",
        fields: [
            docId,
            Field("source", .string, "The path or URL of the document."),
            Field("stage", .string, "The stage that failed (fetch, decode, strip, normalize, segment, extract, write).",
                  required: true),
            Field("code", .string, "Stable machine-readable code (decode.binary, strip.no_body, ...).", required: true),
            Field("message", .string, "What happened, in words a user can act on."),
        ],
        primaryKey: ["doc_id", "stage"],
        foreignKeys: [toDocuments])
}
