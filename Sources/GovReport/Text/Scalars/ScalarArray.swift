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
                    let lead = UInt32(bytes[i])
                    let value: UInt32
                    if lead < 0x80 {
                        value = lead
                        i += 1
                    } else if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                    } else if lead < 0xF0 {
                        value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    buffer.initializeElement(at: n, to: Unicode.Scalar(value).unsafelyUnwrapped)
                    n += 1
                }
                count = n
            }
        }
    }
}
