import Foundation
import Testing
@testable import GovReport

@Suite struct OpenCCConverterTests {
    static let traditional = "2023年，桃源鎮人民政府堅持以習近平新時代中國特色社會主義思想為指導，深入學習貫徹黨的二十大精神，全面貫徹落實《法治政府建設實施綱要(2021—2025年)》，嚴格落實“誰執法誰普法”普法責任制，全年累計開展法治宣傳活動42場次，發放宣傳資料3000余份，受教育群眾6000余人次，領導干部帶頭學法用法。"
    static let simplified = "2023年，桃源镇人民政府坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神，全面贯彻落实《法治政府建设实施纲要(2021—2025年)》，严格落实“谁执法谁普法”普法责任制，全年累计开展法治宣传活动42场次，发放宣传资料3000余份，受教育群众6000余人次，领导干部带头学法用法。"

    private func t2s() throws -> OpenCCConverter {
        try OpenCCConverter(configPath: #require(OpenCCConverter.locate("t2s.json")))
    }

    @Test func convertsATraditionalReportParagraph() throws {
        let converted = try AlignedConversion.convert(Self.traditional, with: t2s().convert)
        #expect(converted == Self.simplified)
        #expect(converted.unicodeScalars.count == Self.traditional.unicodeScalars.count)
    }

    @Test func leavesSimplifiedTextAlone() throws {
        #expect(try t2s().convert(Self.simplified) == Self.simplified)
    }

    @Test func oneHandleServesManyThreads() async throws {
        let converter = try t2s()
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var last = ""
                    for _ in 0..<50 { last = try converter.convert(Self.traditional) }
                    return last
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == Self.simplified })
    }

    @Test func locatesBareNamesInTheDataDirectoryAndPathsAsGiven() throws {
        let located = try #require(OpenCCConverter.locate("s2t.json"))
        #expect(located.hasSuffix("/opencc/s2t.json"))
        #expect(OpenCCConverter.locate("no-such-config.json") == nil)
        let folder = try OpenCCTestFolder()
        try "{}".write(to: folder.url.appendingPathComponent("local.json"), atomically: true, encoding: .utf8)
        #expect(OpenCCConverter.locate("./local.json", relativeTo: folder.url) == folder.url.appendingPathComponent("local.json").path)
        #expect(OpenCCConverter.locate("local.json", relativeTo: folder.url) == nil)
    }

    @Test func brokenConfigurationIsReported() throws {
        let folder = try OpenCCTestFolder()
        let path = folder.url.appendingPathComponent("broken.json").path
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StageFailure.self) { try OpenCCConverter(configPath: path) }
    }
}

/// A fresh folder under the system's temporary directory, removed when the value goes.
final class OpenCCTestFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("govreport-normalize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
