/// A set of Unicode scalars for the text rules' inner loops. `Set<Unicode.Scalar>` hashes every
/// lookup with SipHash, which in the finders (called at every position of every paragraph) cost
/// more than the rest of the loop; a sorted array searched by bisection, with a range check
/// first, answers in a few comparisons and allocates nothing.
public struct ScalarSet: Sendable, Equatable, ExpressibleByArrayLiteral {
    private let values: [UInt32]
    private let mask: ScalarMask

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Array(Set(scalars.map(\.value))).sorted()
        mask = ScalarMask(values)
    }

    /// The scalars of `chars`.
    public init(_ chars: String) {
        self.init(chars.unicodeScalars)
    }

    public init(arrayLiteral elements: Unicode.Scalar...) {
        self.init(elements)
    }

    public var isEmpty: Bool { values.isEmpty }
    public var count: Int { values.count }

    @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        mask.mayContain(scalar.value) && values.sortedIndex(of: scalar.value) != nil
    }

    public func union<S: Sequence>(_ other: S) -> ScalarSet where S.Element == Unicode.Scalar {
        ScalarSet(values.compactMap(Unicode.Scalar.init) + Array(other))
    }

    public func union(_ other: ScalarSet) -> ScalarSet {
        ScalarSet(values.compactMap(Unicode.Scalar.init) + other.values.compactMap(Unicode.Scalar.init))
    }
}

extension ScalarSet: Sequence {
    public func makeIterator() -> IndexingIterator<[Unicode.Scalar]> {
        values.compactMap(Unicode.Scalar.init).makeIterator()
    }
}

/// One bit per scalar value modulo 64: a value whose bit is clear is not among the values. Most
/// look-ups in `ScalarSet` and `ScalarMap` are of ideographs in small sets of punctuation or of
/// first characters, and are answered by this test alone, before any search.
struct ScalarMask: Sendable, Equatable {
    private let bits: UInt64

    init(_ values: [UInt32]) {
        bits = values.reduce(0) { $0 | ScalarMask.bit($1) }
    }

    @inline(__always)
    func mayContain(_ value: UInt32) -> Bool {
        bits & ScalarMask.bit(value) != 0
    }

    @inline(__always)
    private static func bit(_ value: UInt32) -> UInt64 { 1 << UInt64(value & 63) }
}

extension Array where Element == UInt32 {
    /// Where `value` stands in this ascending array, by bisection after a range check (the
    /// lookup of `ScalarSet` and `ScalarMap`).
    @inline(__always)
    func sortedIndex(of value: UInt32) -> Int? {
        guard let first, value >= first, value <= self[count - 1] else { return nil }
        var low = 0, high = count
        while low < high {
            let middle = (low + high) >> 1
            let m = self[middle]
            if m == value { return middle }
            if m < value { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
