import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a local file, enough to tell without reading it that it has not changed
/// since it was last read: size, modification and status-change times to the nanosecond, inode
/// and device (the test of git's index). The status-change time also moves when a copy puts the
/// old modification time back (cp -p, rsync -t, touch -d), which no one can set by hand.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64
    var inode: UInt64
    var device: UInt64

    init(size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
        self.init(size: Int64(info.st_size), modifiedNanoseconds: nanoseconds(info.st_mtim),
                  changedNanoseconds: nanoseconds(info.st_ctim), inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }

    /// The stamp of the regular file at `path`; nil when it cannot be had (the read that follows
    /// reports why).
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// As kept in the work store (documents.file_stamp).
    var text: String { "\(size):\(modifiedNanoseconds):\(changedNanoseconds):\(inode):\(device)" }

    /// Read digit by digit: this is parsed for every listed file of every run, and splitting
    /// the string into substrings first cost as much as the rest of the document's state.
    init?(text: String) {
        var fields: [UInt64] = []
        fields.reserveCapacity(5)
        var value: UInt64 = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ":") {
                guard digits > 0 else { return nil }
                fields.append(value)
                (value, digits) = (0, 0)
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                (value, digits) = (sum, digits + 1)
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        fields.append(value)
        guard fields.count == 5, fields[0] <= UInt64(Int64.max), fields[1] <= UInt64(Int64.max), fields[2] <= UInt64(Int64.max) else { return nil }
        self.init(size: Int64(fields[0]), modifiedNanoseconds: Int64(fields[1]), changedNanoseconds: Int64(fields[2]),
                  inode: fields[3], device: fields[4])
    }

    /// Whether the stamp can be trusted later. A file written less than `margin` before it was
    /// read may be written again within the same tick of the file system's clock, leaving its
    /// times as they were (git's "racy clean" case): its stamp is not kept, so the next run reads
    /// it again.
    func isSettled(at now: Date, margin: TimeInterval = 2) -> Bool {
        let limit = Int64((now.timeIntervalSince1970 - margin) * 1_000_000_000)
        return modifiedNanoseconds < limit && changedNanoseconds < limit
    }
}
