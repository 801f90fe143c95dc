/// What a report says about itself: the year it covers, the issuing body, the publish date and
/// the place down to the township.
///
/// A province-level municipality (北京市 天津市 上海市 重庆市) is recorded as both province and
/// city, so that a city column is never empty for a district of Shanghai.
public enum ReportMetadataExtractor {
    /// - Parameters:
    ///   - title: the simplified, width-normalised title ("" when the page has none).
    ///   - paragraphs: the simplified, width-normalised body paragraphs in reading order.
    ///   - strippedIssuer: the page's 来源/发布机构, "" when none.
    ///   - strippedDate: the page's publish date as ISO `yyyy-mm-dd`, "" when none.
    ///   - paragraphScalars: the paragraphs' scalars when the caller has them already (the
    ///     extract stage reads every paragraph as scalars too), so that they are made once.
    public static func extract(title: String, paragraphs: [String], paragraphScalars: [[Unicode.Scalar]]? = nil,
                               strippedIssuer: String, strippedDate: String) -> ReportMetadata {
        var body: [String] = []
        var bodyScalars: [[Unicode.Scalar]] = []
        for (index, paragraph) in paragraphs.enumerated() {
            let trimmed = HanTextScan.trimmed(paragraph)
            guard !trimmed.isEmpty else { continue }
            body.append(trimmed)
            bodyScalars.append(paragraphScalars.map { HanTextScan.trimmed($0[index]) } ?? HanTextScan.scalars(trimmed))
        }
        var title = HanTextScan.trimmed(title)
        // Some pages carry the title only as the first line of the body.
        if let first = body.first, title.isEmpty ? looksLikeTitle(first) : first == title {
            if title.isEmpty { title = first }
            body.removeFirst()
            bodyScalars.removeFirst()
        }
        let opening = Array(body.prefix(3))
        let pageIssuer = HanTextScan.trimmed(strippedIssuer)
        let pageDate = HanTextScan.trimmed(strippedDate)

        let signedDate = SignatureDateFinder.find(in: body)
        let publishDate = pageDate.isEmpty ? signedDate ?? "" : pageDate
        let year = ReportYearFinder.find(title: title, openingParagraphs: opening, publishDate: publishDate)

        let signedIssuer = IssuerFinder.fromSignature(body)
        let issuer = IssuerFinder.fromTitle(title)
            ?? opening.first.flatMap(IssuerFinder.fromOpening)
            ?? signedIssuer
            ?? pageIssuer

        let place = ReportPlaceResolver.resolve(
            trusted: [title, issuer, pageIssuer],
            context: (opening.first.map { [$0] } ?? []) + (signedIssuer.map { [$0] } ?? []),
            wholeText: bodyScalars)
        return ReportMetadata(reportYear: year, issuer: issuer, publishDate: publishDate,
                              province: place.province, city: place.city,
                              county: place.county, township: place.township)
    }

    /// A short line without sentence punctuation that names a report (…报告, …法治政府建设…).
    static func looksLikeTitle(_ line: String) -> Bool {
        let scalars = HanTextScan.scalars(line)
        guard scalars.count <= 60, !scalars.contains(where: { HanTextScan.sentenceEnds.contains($0) || $0 == "，" || $0 == "," })
        else { return false }
        // An outline heading (一、… / (一)…) is not a title.
        if scalars.count > 1, scalars[1] == "、" || scalars[0] == "(" || scalars[0] == "（" { return false }
        return line.hasSuffix("报告") || line.hasSuffix("总结") || line.contains("法治政府建设")
    }
}
