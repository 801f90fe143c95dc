/// The quantity parser: every number found in any paragraph must have ranges inside the text,
/// nested as documented, and the metrics built from them must point at their raw text.
enum QuantityFuzz {
    static func run(_ bytes: [UInt8]) {
        let paragraph = String(decoding: bytes, as: UTF8.self)
        let text = ScalarText(paragraph)
        let masked = NonMetricFilters.maskedZones(text)
        precondition(masked.count == text.count, "mask length differs from the text")
        for token in QuantityParser.scan(text, masked: masked) {
            precondition(token.range.lowerBound >= 0 && token.range.upperBound <= text.count, "token out of the text")
            precondition(token.range.contains(token.digitsRange.lowerBound) || token.digitsRange.isEmpty,
                         "digits outside the token")
            precondition(token.unitRange.upperBound <= token.range.upperBound, "unit past the token")
            _ = NonMetricFilters.reason(for: token, in: text, masked: masked)
        }
        let scalars = Array(paragraph.unicodeScalars)
        for metric in MetricExtractor.extract(paragraph: paragraph) {
            precondition(0 <= metric.charStart && metric.charStart < metric.charEnd && metric.charEnd <= scalars.count,
                         "metric offsets out of the paragraph")
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars[metric.charStart ..< metric.charEnd])
            precondition(String(raw) == metric.raw, "metric raw text is not the text at its offsets")
        }
    }
}
