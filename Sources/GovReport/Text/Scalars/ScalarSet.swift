/// A set of Unicode scalars for the text rules' inner loops. `Set<Unicode.Scalar>` hashes every
/// lookup with SipHash, which in the finders (called at every position of every paragraph) cost
/// more than the rest of the loop; a sorted array searched by bisection, with a range check
/// first, answers in a few comparisons and allocates nothing.
public struct ScalarSet: Sendable, Equatable, ExpressibleByArrayLiteral {
    private let values: [UInt32]

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        values = Array(Set(scalars.map(\.value))).sorted()
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
        let v = scalar.value
        guard let first = values.first, v >= first, v <= values[values.count - 1] else { return false }
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) >> 1
            let m = values[middle]
            if m == v { return true }
            if m < v { low = middle + 1 } else { high = middle }
        }
        return false
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
