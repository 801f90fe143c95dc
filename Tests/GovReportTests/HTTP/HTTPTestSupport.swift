import CZlib
import Foundation
import Glibc
@testable import GovReport

/// Fictional report pages (invented places and figures) and helpers for the HTTP tests.
enum HTTPTestPages {
    /// A county report page as such sites publish it, without a `<meta charset>`: the charset
    /// is only in the HTTP header.
    static let reportHTML = """
    <html>
    <head><title>青川县人民政府关于2024年度法治政府建设情况的报告</title></head>
    <body>
    <div class="article">
    <h1>青川县人民政府关于2024年度法治政府建设情况的报告</h1>
    <p>2024年，在市委、市政府的坚强领导下，县政府深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，法治政府建设取得新成效。现将有关情况报告如下：</p>
    <h2>一、主要工作及成效</h2>
    <p>（一）依法全面履行政府职能。深化“放管服”改革，全年取消和调整行政许可事项12项，政务服务事项网上可办率达到98.6%，“一网通办”办件量达41.3万件。</p>
    <p>（二）严格规范公正文明执法。全县共办理行政处罚案件2317件，行政复议案件收案86件，审结79件，纠错率10.1%；行政机关负责人出庭应诉率100%。</p>
    <h2>二、存在的不足和下一步打算</h2>
    <p>一是部分执法人员依法行政意识有待提高；二是基层法治力量仍较薄弱。2025年，我们将持续推进严格规范公正文明执法。</p>
    <p style="text-align:right">青川县人民政府<br>2025年3月18日</p>
    </div>
    </body>
    </html>
    """

    /// A short news-style page for the batch tests.
    static func notice(_ number: Int) -> String {
        """
        <html><head><meta charset="utf-8"><title>关于公开征求意见的通知（第\(number)号）</title></head>
        <body><p>为进一步规范行政执法行为，桐溪市司法局起草了《桐溪市行政执法公示办法（征求意见稿）》，现向社会公开征求意见，意见反馈截止时间为2025年4月\(number)日。</p></body></html>
        """
    }

    /// `text` converted from UTF-8 to `charset` with iconv (glibc).
    static func encode(_ text: String, as charset: String) -> [UInt8] {
        let converter = iconv_open(charset, "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "iconv cannot convert to \(charset)")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written = input.withUnsafeMutableBufferPointer { inBuffer -> Int in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(result != -1 && inLeft == 0, "iconv failed on the test text")
                return outBuffer.count - outLeft
            }
        }
        return Array(output.prefix(written))
    }

    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        var writer = try GzipWriter()
        var output = try writer.write(bytes)
        output += try writer.finish()
        return output
    }

    /// zlib-wrapped deflate (RFC 1950), what `Content-Encoding: deflate` means.
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&output, &length, bytes, uLong(bytes.count), Z_BEST_COMPRESSION)
        precondition(status == Z_OK, "zlib compress2 failed: \(status)")
        return Array(output.prefix(Int(length)))
    }

    /// gzip of `count` zero bytes, compressed in slices so the input need not exist at once.
    static func gzipOfZeros(_ count: Int) throws -> [UInt8] {
        var writer = try GzipWriter()
        let slice = [UInt8](repeating: 0, count: 1 << 20)
        var output: [UInt8] = []
        var left = count
        while left > 0 {
            let part = min(left, slice.count)
            output += try writer.write(slice[0..<part])
            left -= part
        }
        output += try writer.finish()
        return output
    }
}

extension FetchOptions {
    /// Options for tests against the local server: no politeness delay, quick retries, and
    /// timeouts generous enough for a loaded CI machine running other suites beside these.
    static func forTests(_ adjust: (inout FetchOptions) -> Void = { _ in }) -> FetchOptions {
        var options = FetchOptions()
        options.perHostDelayMilliseconds = 0
        options.retryBaseDelayMilliseconds = 50
        options.retryMaxDelaySeconds = 5
        options.timeoutSeconds = 30
        options.connectTimeoutSeconds = 10
        adjust(&options)
        return options
    }
}

extension HTTPFetchOutcome {
    var failure: StageFailure? {
        if case .failed(let failure) = self { return failure }
        return nil
    }

    var fetchedBytes: [UInt8]? {
        if case .fetched(let bytes, _, _, _, _, _, _, _) = self { return bytes }
        return nil
    }
}

/// Fetches one URL.
func fetchSingle(_ url: String, options: FetchOptions, etag: String? = nil, lastModified: String? = nil,
              previousSHA256: String? = nil) async -> HTTPFetchOutcome {
    let request = HTTPFetchRequest(docId: "test", url: url, etag: etag, lastModified: lastModified,
                                   previousSHA256: previousSHA256)
    return await HTTPFetcher(options: options).fetchAll([request])[0]
}
