/// A small read-only map from Unicode scalars to values, for the lookups the text rules make at
/// every position of a paragraph (is this a Chinese digit, an opening quote). Like `ScalarSet`:
/// sorted keys searched by bisection, with a range check first, instead of a Dictionary, whose
/// SipHash per lookup cost more than the rest of those loops.
public struct ScalarMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private let keyValues: [UInt32]
    private let values: [Value]
    private let mask: ScalarMask

    public init(_ dictionary: [Unicode.Scalar: Value]) {
        let sorted = dictionary.sorted { $0.key.value < $1.key.value }
        keyValues = sorted.map(\.key.value)
        values = sorted.map(\.value)
        mask = ScalarMask(keyValues)
    }

    /// Later duplicates win, as in a dictionary literal they would be an error.
    public init(dictionaryLiteral elements: (Unicode.Scalar, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, later in later }))
    }

    public var keys: [Unicode.Scalar] { keyValues.compactMap(Unicode.Scalar.init) }
    public var count: Int { keyValues.count }

    @inline(__always)
    public subscript(_ scalar: Unicode.Scalar) -> Value? {
        guard mask.mayContain(scalar.value) else { return nil }
        return keyValues.sortedIndex(of: scalar.value).map { values[$0] }
    }
}
