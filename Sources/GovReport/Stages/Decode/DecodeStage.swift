/// `decode`: finds each document's encoding and converts it to text, recording what was
/// declared, what was used and on what evidence, and how many bytes could not be converted.
public struct DecodeStage: DocumentStage {
    public typealias Input = RawDocument
    public typealias Output = DecodedDocument

    public static let name = "decode"
    public static let summary = "detects the encoding (BOM, declared charset, <meta>, uchardet, trial decoding) and converts to UTF-8 with iconv"
    public static let version = 1

    public let options: DecodeOptions
    let detector: EncodingDetector

    public init(options: DecodeOptions) {
        self.options = options
        detector = EncodingDetector(options: options)
    }

    public func process(_ input: RawDocument, document: DocumentRef) throws -> DecodedDocument {
        let detection = try detector.detect(input.bytes, declaredCharset: input.declaredCharset)
        let text = DecodedTextCleanup.normalizingLineEnds(DecodedTextCleanup.strippingByteOrderMark(detection.text))
        return DecodedDocument(text: text,
                               encodingDeclared: detection.encodingDeclared,
                               encodingDetected: detection.encodingDetected,
                               evidence: detection.evidence,
                               invalidBytes: detection.invalidBytes,
                               isHTML: MarkupSniffer.isHTML(text: text, contentType: input.contentType))
    }
}
