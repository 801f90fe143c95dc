extension Unicode.Scalar {
    /// Unicode's White_Space property (PropList.txt): the same answer as
    /// `properties.isWhitespace`, without its property-table lookup, which the text rules call
    /// on nearly every scalar and which cost about 4% of a whole run. The set is small and
    /// fixed by the standard; a test compares the two for every scalar.
    @inline(__always)
    var isWhiteSpace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
