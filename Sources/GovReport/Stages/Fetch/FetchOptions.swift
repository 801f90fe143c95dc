import Foundation

/// Options of the `fetch` stage: limits for local files, and how `urls`/`url` sources are fetched.
public struct FetchOptions: StageOptions {
    /// Larger inputs are refused with `fetch.too_large` before being read (files) or as soon as
    /// the streamed body passes it (HTTP).
    public var maxBytes: Int = 20_000_000
    /// Documents listed past this number (in listing order) are `fetch.too_many_documents`.
    public var maxDocuments: Int = 100_000
    public var userAgent: String = "govreport/0.1 (+rule-of-law reports research)"
    public var connectTimeoutSeconds: Double = 10
    public var timeoutSeconds: Double = 60
    public var maxRedirects: Int = 5
    public var perHostConcurrency: Int = 2
    public var perHostDelayMilliseconds: Int = 500
    public var maxRetries: Int = 3
    public var retryBaseDelayMilliseconds: Int = 1_000
    public var retryMaxDelaySeconds: Double = 60
    public var maxDecompressedBytes: Int = 20_000_000

    public init() {}

    public static let fields: [OptionField] = [
        OptionField("maxBytes", .int, "largest input accepted, in bytes; a larger one is refused (error fetch.too_large) without being read: a file by its size, an HTTP body by its Content-Length or as soon as the streamed body passes it"),
        OptionField("maxDocuments", .int, "most documents one run takes, in listing order; each one past it gets an error row fetch.too_many_documents and is not read"),
        OptionField("userAgent", .string, "User-Agent header sent with every HTTP request; say who you are and how to reach you"),
        OptionField("connectTimeoutSeconds", .double, "longest wait to open a connection (TCP and TLS) to a site; then fetch.connect (retried)"),
        OptionField("timeoutSeconds", .double, "longest time one HTTP request may take, from sending it to the last byte of the body (each redirect and retry is a new request); then fetch.timeout (not retried)"),
        OptionField("maxRedirects", .int, "redirects followed for one URL; one more, or a loop, is fetch.too_many_redirects. Only http and https targets are followed (else fetch.redirect_scheme)"),
        OptionField("perHostConcurrency", .int, "most requests in flight at once to the same host and port"),
        OptionField("perHostDelayMilliseconds", .int, "least time between the starts of two requests to the same host and port"),
        OptionField("maxRetries", .int, "retries after a connection failure, HTTP 429 or HTTP 5xx (none after other errors); 0 to never retry"),
        OptionField("retryBaseDelayMilliseconds", .int, "first retry delay; doubled at each retry, with random jitter (a Retry-After header is honoured instead)"),
        OptionField("retryMaxDelaySeconds", .double, "longest wait before a retry, also capping a server's Retry-After"),
        OptionField("maxDecompressedBytes", .int, "largest size a gzip or deflate Content-Encoding body may inflate to; more (a compression bomb) is fetch.decompression"),
    ]

    public func problems(at path: String, baseDirectory: URL) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        func check(_ ok: Bool, _ key: String, _ message: String) {
            if !ok { problems.append(ConfigProblem("\(path).\(key)", message)) }
        }
        check(maxBytes > 0, "maxBytes", "must be a positive number of bytes")
        check(maxDocuments > 0, "maxDocuments", "must be a positive number of documents")
        check(!userAgent.trimmingCharacters(in: .whitespaces).isEmpty, "userAgent", "must not be empty")
        // A CR or LF would end the header line and let the value inject headers of its own.
        check(!userAgent.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "userAgent",
              "must not contain control characters (line breaks, tabs)")
        check(connectTimeoutSeconds > 0 && connectTimeoutSeconds <= 600, "connectTimeoutSeconds",
              "must be more than 0 and at most 600 seconds")
        check(timeoutSeconds > 0 && timeoutSeconds <= 3_600, "timeoutSeconds", "must be more than 0 and at most 3600 seconds")
        check((0...20).contains(maxRedirects), "maxRedirects", "must be between 0 and 20")
        check((1...16).contains(perHostConcurrency), "perHostConcurrency", "must be between 1 and 16")
        check((0...60_000).contains(perHostDelayMilliseconds), "perHostDelayMilliseconds",
              "must be between 0 and 60000 milliseconds")
        check((0...10).contains(maxRetries), "maxRetries", "must be between 0 and 10")
        check((0...60_000).contains(retryBaseDelayMilliseconds), "retryBaseDelayMilliseconds",
              "must be between 0 and 60000 milliseconds")
        check(retryMaxDelaySeconds >= 0 && retryMaxDelaySeconds <= 3_600, "retryMaxDelaySeconds",
              "must be between 0 and 3600 seconds")
        check(maxDecompressedBytes > 0, "maxDecompressedBytes", "must be a positive number of bytes")
        return problems
    }
}

struct FetchDescriptor: StageDescriptor {
    var name: String { "fetch" }
    var summary: String { "reads the sources (files, or http(s) with conditional requests) and stores each document's raw bytes with size and SHA-256" }
    var fields: [OptionField] { FetchOptions.fields }
    var defaultsJSON: [String: String] { GovReport.defaultsJSON(FetchOptions.self) }

    /// Bump when fetching changes in a way that must refetch everything.
    static let version = 1

    func configure(_ object: [String: Any], path: String, baseDirectory: URL) -> (ConfiguredStage?, [ConfigProblem]) {
        let (options, problems) = OptionsDecoder.decode(FetchOptions.self, from: object, path: path, baseDirectory: baseDirectory)
        guard let options else { return (nil, problems) }
        let fingerprint = "fetch/v\(Self.version)/" + OptionsDecoder.fingerprint(options)
        return (ConfiguredStage(name: name, fingerprint: fingerprint, kind: .fetch(options)), problems)
    }
}
