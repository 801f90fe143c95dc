import Foundation
import Testing
@testable import GovReport

@Suite struct GzipTests {
    /// About 2.5 MB of varied report-like CSV, large enough for several blocks.
    static let sample: [UInt8] = {
        var text = "doc_id,metric_id,subject,value,unit,raw\n"
        for i in 0..<30_000 {
            text += "d\(i % 37),\(i),开展法治宣传进社区活动第\(i)场,\(i * 13 % 9973),场次,\"共\(i)余场,覆盖群众\(i * 7)人次\"\n"
        }
        return Array(text.utf8)
    }()

    @Test func roundTripsLargeStreamsWrittenInPieces() throws {
        var writer = try GzipWriter(level: 6)
        var compressed: [UInt8] = []
        var offset = 0
        var step = 1
        while offset < Self.sample.count {
            let end = min(Self.sample.count, offset + step)
            compressed += try writer.write(Array(Self.sample[offset..<end]))
            offset = end
            step = step * 3 + 7  // pieces from 1 byte to megabytes
        }
        compressed += try writer.finish()
        #expect(compressed.count < Self.sample.count / 4)
        let restored = try GzipReader.inflate(compressed, allowConcatenatedMembers: false)
        #expect(restored == Self.sample)
        // How the input was cut does not change the bytes.
        #expect(compressed == (try GzipWriter.compress(Self.sample)))
    }

    @Test func headerIsDeterministic() throws {
        let first = try GzipWriter.compress(Array("法治政府建设情况报告".utf8))
        let second = try GzipWriter.compress(Array("法治政府建设情况报告".utf8))
        #expect(first == second)
        #expect(Array(first[0..<4]) == [0x1F, 0x8B, 8, 0])  // magic, deflate, no FNAME/FEXTRA/FCOMMENT
        #expect(Array(first[4..<8]) == [0, 0, 0, 0])       // mtime 0
        #expect(first[9] == 255)                              // OS unknown
    }

    @Test func levelsAreHonouredAndChecked() throws {
        let fast = try GzipWriter.compress(Self.sample, level: 1)
        let best = try GzipWriter.compress(Self.sample, level: 9)
        let stored = try GzipWriter.compress(Self.sample, level: 0)
        #expect(best.count < fast.count)
        #expect(stored.count > Self.sample.count)
        for data in [fast, best, stored] {
            #expect(try GzipReader.inflate(data) == Self.sample)
        }
        #expect(throws: GzipError.badLevel(10)) { _ = try GzipWriter(level: 10) }
    }

    @Test func emptyInputIsAValidMember() throws {
        var writer = try GzipWriter()
        let compressed = try writer.finish()
        #expect(try GzipReader.inflate(compressed, allowConcatenatedMembers: false) == [])
    }

    @Test func readerRefusesBadInput() throws {
        let compressed = try GzipWriter.compress(Self.sample)
        #expect(throws: GzipError.truncated) {
            try GzipReader.inflate(Array(compressed.prefix(compressed.count / 2)))
        }
        var corrupt = compressed
        corrupt[20] ^= 0xFF
        corrupt[21] ^= 0x55
        #expect(throws: GzipError.self) { try GzipReader.inflate(corrupt) }
        #expect(throws: GzipError.outputTooLarge(limit: 100_000)) {
            try GzipReader.inflate(compressed, maxOutputBytes: 100_000)
        }
    }

    @Test func concatenatedMembersAreReadOnlyWhenAllowed() throws {
        let a = try GzipWriter.compress(Array("一、主要举措\n".utf8))
        let b = try GzipWriter.compress(Array("二、存在的不足\n".utf8))
        #expect(try GzipReader.inflate(a + b) == Array("一、主要举措\n二、存在的不足\n".utf8))
        #expect(throws: GzipError.trailingData) { try GzipReader.inflate(a + b, allowConcatenatedMembers: false) }
    }

    /// The member is cut into blocks of `GzipBlocks.blockSize` bytes of input (the sample makes
    /// several): Python's gzip reads it whole, at every edge of a block, and it is hardly larger
    /// than zlib's one stream at the same level.
    @Test func aMemberOfSeveralBlocksIsOneStreamForEveryReader() throws {
        #expect(Self.sample.count > 4 * GzipBlocks.blockSize)
        let size = GzipBlocks.blockSize
        for length in [0, 1, size - 1, size, size + 1, 2 * size, 2 * size + GzipBlocks.windowSize, Self.sample.count] {
            let input = Array(Self.sample.prefix(length))
            let compressed = try GzipWriter.compress(input)
            #expect(try GzipReader.inflate(compressed, allowConcatenatedMembers: false) == input, "\(length)")
            let file = try TestSupport.temporaryDirectory("gzip-blocks-\(length)").appendingPathComponent("t.gz")
            try Data(compressed).write(to: file)
            let python = try TablesPython.run("""
                import gzip, hashlib, sys, zlib
                data = open(sys.argv[1], 'rb').read()
                raw = gzip.decompress(data)
                single = zlib.compressobj(6, zlib.DEFLATED, -15)
                print(hashlib.sha256(raw).hexdigest(), len(single.compress(raw) + single.flush()) + 18)
                """, [file.path])
            let fields = String(decoding: python, as: UTF8.self).split(separator: " ")
            #expect(fields.first.map(String.init) == sha256Hex(Data(input)), "\(length)")
            let singleStream = Int(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            // A few bytes a block: the empty stored block that ends it, and its own code tables.
            #expect(compressed.count <= singleStream + singleStream / 100 + 64, "\(length): \(compressed.count) vs \(singleStream)")
        }
    }

    @Test func readsWhatPythonWrites() throws {
        let script = "import gzip,sys; sys.stdout.buffer.write(gzip.compress('依法行政，建设法治政府。'.encode('utf-8') * 1000))"
        let data = try TablesPython.run(script, [])
        let text = String(decoding: try GzipReader.inflate(data), as: UTF8.self)
        #expect(text == String(repeating: "依法行政，建设法治政府。", count: 1000))
    }
}
