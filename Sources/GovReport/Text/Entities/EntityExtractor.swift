/// Finds the entities of one paragraph: organisations, quoted programme names, places below the
/// township and dated events.
///
/// Offsets are Unicode-scalar offsets into `text`, and `entity.text` is always exactly
/// `text[charStart..<charEnd]`. Nothing inside a 《…》 title is taken (titles are citations).
/// Entities come in reading order; one span may be two entities of different types
/// (青凤社区公共法律服务工作室 is an organisation, 青凤社区 within it a place).
public enum EntityExtractor {
    public static func extract(paragraphNo: Int, text: String, reportYear: Int?) -> [Entity] {
        extract(paragraphNo: paragraphNo, scalars: HanTextScan.scalars(text), reportYear: reportYear)
    }

    /// The same from the paragraph's scalars (the extract stage decodes each paragraph once).
    static func extract(paragraphNo: Int, scalars: [Unicode.Scalar], reportYear: Int?) -> [Entity] {
        let titles = HanTextScan.bookTitleMask(scalars)
        let quotes = HanTextScan.quoteMask(scalars)
        // Quoted names are programmes; bodies and places are not looked for inside quotes.
        let titlesOrQuotes = zip(titles, quotes).map { $0 || $1 }
        var entities: [Entity] = []

        func add(_ type: String, _ range: Range<Int>, normalized: String? = nil) {
            let span = HanTextScan.string(scalars, range)
            entities.append(Entity(type: type, text: span, normalized: normalized ?? span, paragraphNo: paragraphNo,
                                   charStart: range.lowerBound, charEnd: range.upperBound))
        }

        for range in OrganizationFinder.find(in: scalars, skipping: titlesOrQuotes) {
            add("organization", range)
        }
        for programme in ProgrammeFinder.find(in: scalars, skipping: titles) {
            add("programme", programme.range, normalized: programme.normalized)
        }
        for range in SubTownshipPlaceFinder.find(in: scalars, skipping: titlesOrQuotes) {
            add("place", range)
        }
        for event in DatedEventFinder.find(in: scalars, skipping: titles) {
            add("event", event.range, normalized: event.date.iso(defaultYear: reportYear))
        }
        return entities.sorted {
            ($0.charStart, typeOrder[$0.type] ?? 4, $0.charEnd) < ($1.charStart, typeOrder[$1.type] ?? 4, $1.charEnd)
        }
    }

    /// Entities at the same offset come in this order (made once, not for every paragraph).
    private static let typeOrder = ["organization": 0, "programme": 1, "place": 2, "event": 3]
}
