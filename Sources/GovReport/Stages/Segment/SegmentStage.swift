/// `segment`: the outline (一、 / （一） / 1. / （1） / 一是), body paragraphs with their section,
/// the part of each top-level section, and sentence spans.
public struct SegmentStage: DocumentStage {
    public typealias Options = SegmentOptions
    public typealias Input = NormalizedDocument
    public typealias Output = SegmentedDocument

    public static let name = "segment"
    public static let summary = "outline sections and parts, paragraphs split at run-in headings, sentences"
    public static let version = 1

    private let segmenter: Segmenter

    public init(options: SegmentOptions) throws {
        segmenter = Segmenter(options: options)
    }

    public func process(_ input: NormalizedDocument, document: DocumentRef) throws -> SegmentedDocument {
        try segmenter.segment(input)
    }
}
