extension String {
    /// The string's Unicode scalars as an array, decoded in one pass over its UTF-8.
    /// `Array(s.unicodeScalars)` decodes the string twice (once to count, once to copy) through
    /// the view's generic iterator; every extractor turns each paragraph into scalars, and those
    /// two passes were 5% of a `--from extract` run. A native string's UTF-8 is valid by
    /// construction, so no byte is checked here.
    var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var i = 0, n = 0
                while i < bytes.count {
                    buffer.initializeElement(at: n, to: UTF8Scalars.decode(bytes, &i))
                    n += 1
                }
                count = n
            }
        }
    }
}
