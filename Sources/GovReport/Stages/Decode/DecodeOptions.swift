import Foundation

/// Options of the `decode` stage. A charset known for a whole source belongs on the source
/// (`charset` in `pipeline.json`), where it reaches decode as the declared charset.
public struct DecodeOptions: StageOptions {
    /// Use the charset given with the source (config or HTTP `Content-Type`) when the bytes agree.
    public var trustDeclared: Bool = true
    /// Use the page's own `<meta>` / XML declaration charset when the bytes agree.
    public var trustMeta: Bool = true
    /// How many leading bytes are searched for a `<meta>` charset; 0 turns the search off.
    public var metaScanBytes: Int = 8192
    /// Ask uchardet before falling back to trial decoding.
    public var useUchardet: Bool = true
    /// Charsets tried, in order of preference on a tie, when nothing declared agrees.
    public var candidates: [String] = ["UTF-8", "GB18030", "BIG5-HKSCS"]
    /// A declared charset agrees with the bytes when at most this share of the non-ASCII bytes
    /// fails to convert under it (and no candidate reads clearly better).
    public var declaredMaxInvalidShare: Double = 0.005
    /// Above this share of non-ASCII bytes that no encoding converts, the document fails.
    public var maxInvalidShare: Double = 0.05

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("trustDeclared", .bool,
                    "use the charset given with the source (config charset, HTTP Content-Type) when a trial decode agrees with the bytes; false: record it but detect"),
        OptionField("trustMeta", .bool,
                    "use the page's <meta charset>, <meta http-equiv=\"Content-Type\"> or <?xml encoding?> when a trial decode agrees with the bytes; false: record it but detect"),
        OptionField("metaScanBytes", .int,
                    "how many leading bytes are searched for a <meta> charset; 0 turns the search off"),
        OptionField("useUchardet", .bool,
                    "ask uchardet (statistical detection) before trial decoding; its answer is used only when a trial decode agrees"),
        OptionField("candidates", .stringArray,
                    "charsets tried when no BOM or agreeing declaration decides, the most plausible text wins (earlier wins a tie); GB2312/GBK decode as GB18030, Big5 as BIG5-HKSCS with CP950 as fallback"),
        OptionField("declaredMaxInvalidShare", .double,
                    "a declared or detected charset is taken only when at most this share (0-1) of the non-ASCII bytes cannot be converted with it"),
        OptionField("maxInvalidShare", .double,
                    "when more than this share (0-1) of the non-ASCII bytes cannot be converted even with the best encoding, the document fails (decode.undecodable); below it each such byte becomes U+FFFD and is counted"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if metaScanBytes < 0 {
            problems.append(ConfigProblem("\(path).metaScanBytes", "must be 0 or a positive number of bytes"))
        }
        if candidates.isEmpty {
            problems.append(ConfigProblem("\(path).candidates", "must name at least one charset"))
        }
        for (index, name) in candidates.enumerated() {
            guard let canonical = EncodingNames.canonical(name) else {
                problems.append(ConfigProblem("\(path).candidates[\(index)]", "unknown charset \"\(name)\" (see `iconv -l`)"))
                continue
            }
            if EncodingNames.isWide(canonical) {
                problems.append(ConfigProblem("\(path).candidates[\(index)]",
                                              "\(canonical) is recognised by its BOM or its NUL bytes, not tried as a candidate"))
            }
        }
        for (key, value) in [("declaredMaxInvalidShare", declaredMaxInvalidShare), ("maxInvalidShare", maxInvalidShare)]
        where !(0 ... 1).contains(value) {
            problems.append(ConfigProblem("\(path).\(key)", "must be a share between 0 and 1"))
        }
        return problems
    }
}
