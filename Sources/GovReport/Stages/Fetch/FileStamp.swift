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

    init?(text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 5, let size = Int64(parts[0]), let modified = Int64(parts[1]), let changed = Int64(parts[2]),
              let inode = UInt64(parts[3]), let device = UInt64(parts[4]) else { return nil }
        self.init(size: size, modifiedNanoseconds: modified, changedNanoseconds: changed, inode: inode, device: device)
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
