// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "govreport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "govreport", targets: ["govreport"]),
        .library(name: "GovReport", targets: ["GovReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CUchardet", pkgConfig: "uchardet",
                       providers: [.apt(["libuchardet-dev"])]),
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc",
                       providers: [.apt(["libopencc-dev"])]),
        .target(
            name: "GovReport",
            dependencies: [
                "CLibXML2", "CZlib", "CUchardet", "COpenCC",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "govreport",
            dependencies: [
                "GovReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GovReportTests",
            dependencies: ["GovReport"]
        ),
    ]
)
