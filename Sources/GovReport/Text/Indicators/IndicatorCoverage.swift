/// How much of what the reports count the taxonomy recognises: for the run report, so that an
/// analyst sees what to add to `indicators.json` next.
public struct IndicatorCoverage: Codable, Sendable, Equatable {
    public struct Document: Codable, Sendable, Equatable {
        public var docId: String
        public var metrics: Int
        /// Metrics with a non-empty indicator.
        public var matched: Int
        /// matched / metrics, rounded to 4 decimals; absent when the document has no metrics.
        public var share: Double?

        public init(docId: String, metrics: Int, matched: Int) {
            self.docId = docId
            self.metrics = metrics
            self.matched = matched
            self.share = IndicatorCoverage.share(matched, of: metrics)
        }

        enum CodingKeys: String, CodingKey {
            case docId = "doc_id", metrics, matched, share
        }
    }

    /// A subject that got no indicator, and how many metrics over all documents have it.
    public struct Subject: Codable, Sendable, Equatable {
        public var subject: String
        public var count: Int

        public init(subject: String, count: Int) {
            self.subject = subject
            self.count = count
        }
    }

    public var metrics: Int
    public var matched: Int
    /// matched / metrics over all documents, rounded to 4 decimals; absent when there are no metrics.
    public var share: Double?
    /// Ordered by doc_id.
    public var documents: [Document]
    /// The most frequent unmatched subjects: count descending, then subject in code-point order.
    /// Metrics without a subject are counted as unmatched but not listed (no rule can match them).
    public var unmatchedSubjects: [Subject]

    /// - Parameters:
    ///   - documents: each document's metrics, keyed by doc_id.
    ///   - top: how many unmatched subjects to list.
    public init(documents: [String: [Metric]], top: Int = 20) {
        var tally = Tally()
        for id in documents.keys.sorted() { tally.add(docId: id, metrics: documents[id, default: []]) }
        self.init(tally, top: top)
    }

    /// The coverage counted document by document, so that the write stage need not keep every
    /// document's metrics until the end.
    public init(_ tally: Tally, top: Int = 20) {
        documents = tally.documents.sorted { $0.docId < $1.docId }
        metrics = documents.reduce(0) { $0 + $1.metrics }
        matched = documents.reduce(0) { $0 + $1.matched }
        share = Self.share(matched, of: metrics)
        unmatchedSubjects = tally.unmatched.map { Subject(subject: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.subject) < ($0.count, $1.subject) }
            .prefix(max(0, top)).map { $0 }
    }

    /// Per-document counts and unmatched subjects gathered one document at a time.
    public struct Tally: Sendable {
        var documents: [Document] = []
        var unmatched: [String: Int] = [:]

        public init() {}

        public mutating func add(docId: String, metrics: [Metric]) {
            add(docId: docId, share: Share(metrics: metrics))
        }

        public mutating func add(docId: String, share: Share) {
            documents.append(Document(docId: docId, metrics: share.metrics, matched: share.matched))
            for subject in share.unmatchedSubjects {
                unmatched[subject, default: 0] += 1
            }
        }
    }

    /// One document's part of the tally: the write stage keeps it with the document's rows.
    public struct Share: Codable, Sendable, Equatable {
        public var metrics: Int
        public var matched: Int
        /// The subject of each metric without an indicator (those without a subject left out).
        public var unmatchedSubjects: [String]

        public init(metrics: [Metric]) {
            self.metrics = metrics.count
            matched = metrics.filter { !$0.indicator.isEmpty }.count
            unmatchedSubjects = metrics.filter { $0.indicator.isEmpty && !$0.subject.isEmpty }.map(\.subject)
        }
    }

    static func share(_ matched: Int, of total: Int) -> Double? {
        guard total > 0 else { return nil }
        return (Double(matched) / Double(total) * 10_000).rounded() / 10_000
    }

    enum CodingKeys: String, CodingKey {
        case metrics, matched, share, documents, unmatchedSubjects = "unmatched_subjects"
    }
}
