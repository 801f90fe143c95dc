import Glibc

/// Reading scalars straight from a native string's UTF-8, for loops that look at every scalar
/// of a line: the generic `unicodeScalars` iterator and `String.UnicodeScalarView` appends cost
/// tens of instructions a scalar, and the strip stage's text passes (collapsing, counting,
/// splitting) spent most of their time there.
enum UTF8Scalars {
    /// The scalar whose encoding starts at `bytes[i]`, moving `i` past it. The bytes must be
    /// valid UTF-8, as a native string's are by construction: no byte is checked.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar {
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
        return Unicode.Scalar(value).unsafelyUnwrapped
    }

    /// `body` over the string's UTF-8 bytes, without copying them when the string is native
    /// (always, for strings the pipeline builds itself).
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Whether `matches` holds at some index of `byte` in `bytes`, at or after `start`. The bytes
    /// are searched with glibc's memchr: the marks looked for are rare, and a loop over every
    /// byte of every body line cost a thousand instructions a line.
    static func anyIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                         where matches: (Int) -> Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var from = start
        while from < bytes.count, let found = memchr(base + from, Int32(byte), bytes.count - from) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if matches(at) { return true }
            from = at + 1
        }
        return false
    }
}

extension String {
    /// Whether the string has no more than `limit` scalars. `unicodeScalars.count` walks the
    /// whole view through its iterator; here the UTF-8 length settles most lines (a scalar is
    /// one to four bytes) and the others count their lead bytes.
    func hasAtMostScalars(_ limit: Int) -> Bool {
        let length = utf8.count
        if length <= limit { return true }
        if length > 4 * limit { return false }
        return UTF8Scalars.withBytes(self) { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count <= limit
        }
    }
}
