/// One quantity found in a paragraph; the extract stage turns it into a `Metric` row.
public struct MetricMention: Sendable, Equatable, Codable {
    /// Plain decimal value, magnitudes folded in (1万余份 → 10000, 400余万元 → 4000000).
    public var value: Double
    /// The measure word with its magnitude moved into `value` (万元 → 元); "" when none.
    public var unit: String
    public var qualifier: Qualifier
    public var subject: String
    /// The quantity as written in the source paragraph, qualifier marks included (超过1800小时).
    public var raw: String
    /// The sentence the metric stands in (simplified text).
    public var context: String
    /// Unicode-scalar offsets of `raw` in the paragraph.
    public var charStart: Int
    public var charEnd: Int
    /// Index, in the same result array, of the total this metric is a 其中 part of.
    public var parentIndex: Int?

    public init(value: Double, unit: String, qualifier: Qualifier, subject: String, raw: String, context: String,
                charStart: Int, charEnd: Int, parentIndex: Int?) {
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.subject = subject
        self.raw = raw
        self.context = context
        self.charStart = charStart
        self.charEnd = charEnd
        self.parentIndex = parentIndex
    }
}

/// Finds the metrics of a paragraph (docs/metrics-guidelines.md).
///
/// Policy choices where the guidelines leave room:
/// - Chinese numerals count from 十 up, with a measure word or 余/多 (二十余场, 一百二十三名, 千余次, 近万人);
///   bare ones below 十 (一名, 两类, 三个) are never extracted, whatever the verb or measure word.
/// - Numbers inside 《》 and inside short quotations (“十四五”, “1+5+N”, “15分钟公共法律服务圈”) are skipped.
/// - A duration or length followed by a noun is a name (24小时监控模式); followed by 内 it is a time
///   limit (3个工作日内办结); both are skipped. Penalty ranges quoted from laws (处2万元以下罚款) too.
/// - A number without a measure word counts only at the end of a clause after a noun (有人民调解员60，).
/// - 其中 parts link to the nearest earlier count of the same kind of unit that is at least as large;
///   rates after 其中 are not linked.
public enum MetricExtractor {
    /// - Parameters:
    ///   - paragraph: simplified, width-normalised text (ASCII digits, %, .; Chinese punctuation kept).
    ///   - sourceParagraph: the same paragraph in source characters with the same number of Unicode
    ///     scalars (traditional script); `raw` is taken from it. Ignored when the lengths differ.
    ///   - sentences: sentence spans of `paragraph` (scalar offsets) for `context`; split at 。！？； when nil.
    public static func extract(paragraph: String, sourceParagraph: String? = nil,
                               sentences: [ScalarSpan]? = nil) -> [MetricMention] {
        extract(paragraph: paragraph, scalars: paragraph.scalarArray, sourceParagraph: sourceParagraph, sentences: sentences)
    }

    /// The same with the paragraph's scalars given (the extract stage decodes each paragraph once).
    static func extract(paragraph: String, scalars: [Unicode.Scalar], sourceParagraph: String?,
                        sentences: [ScalarSpan]?) -> [MetricMention] {
        let text = ScalarText(scalars: scalars)
        let masked = NonMetricFilters.maskedZones(text)
        let tokens = QuantityParser.scan(text, masked: masked).filter {
            NonMetricFilters.reason(for: $0, in: text, masked: masked) == nil
        }
        let subjects = SubjectFinder.subjects(for: tokens, in: text)
        let parents = BreakdownLinker.parents(for: tokens, in: text)
        // Most paragraphs are their own source (simplified text): not decoded a second time.
        var source = text
        if let sourceParagraph, sourceParagraph != paragraph {
            let scalars = ScalarText(sourceParagraph)
            if scalars.count == text.count { source = scalars }
        }
        let spans = sentences ?? sentenceSpans(text)
        return tokens.enumerated().map { k, t in
            MetricMention(
                value: t.value, unit: t.unit, qualifier: t.qualifier, subject: subjects[k].subject,
                raw: source.text(t.range), context: context(of: t.range, spans: spans, in: text),
                charStart: t.range.lowerBound, charEnd: t.range.upperBound, parentIndex: parents[k])
        }
    }

    /// Why each number of a paragraph is or is not a metric; for trying rules by hand.
    public static func explain(paragraph: String) -> [(raw: String, verdict: String)] {
        let text = ScalarText(paragraph)
        let masked = NonMetricFilters.maskedZones(text)
        return QuantityParser.scan(text, masked: masked).map { t in
            (text.text(t.range), NonMetricFilters.reason(for: t, in: text, masked: masked)?.rawValue ?? "metric")
        }
    }

    /// Sentences ended by 。！？； or a line break.
    static func sentenceSpans(_ text: ScalarText) -> [ScalarSpan] {
        var spans: [ScalarSpan] = []
        var start = 0
        for i in 0..<text.count where CharClass.isOneOf(text[i], CharClass.sentenceEnders) {
            spans.append(ScalarSpan(start, i + 1))
            start = i + 1
        }
        if start < text.count { spans.append(ScalarSpan(start, text.count)) }
        return spans
    }

    /// Longest context kept on each side of the number when its sentence is longer than a
    /// sentence can be (text run together without sentence marks): the context is for reading
    /// the value in place, and a whole run-on paragraph per metric would bloat every table.
    static let maxContextSide = 200

    static func context(of range: Range<Int>, spans: [ScalarSpan], in text: ScalarText) -> String {
        let span = spans.first { $0.start <= range.lowerBound && range.lowerBound < $0.end }
            ?? ScalarSpan(0, text.count)
        var lo = max(span.start, range.lowerBound - maxContextSide)
        var hi = min(span.end, text.count, range.upperBound + maxContextSide)
        while lo < hi, CharClass.isSpace(text[lo]) { lo += 1 }
        while hi > lo, CharClass.isSpace(text[hi - 1]) || CharClass.isOneOf(text[hi - 1], CharClass.sentenceEnders) {
            hi -= 1
        }
        return text.text(lo..<hi)
    }
}
