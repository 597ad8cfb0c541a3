// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(
            name: "CXLSXWriter", path: "Sources/CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "CByteSearch"),
        .target(name: "ReportModel", dependencies: ["CByteSearch"]),
        .target(name: "Fetching", dependencies: ["ReportModel", "CCurl"]),
        .target(
            name: "Documents",
            dependencies: ["ReportModel", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ReaderWorkers", dependencies: ["ReportModel", "Documents"]),
        .target(name: "Extraction", dependencies: ["ReportModel", "Documents"]),
        .target(
            name: "Storage",
            dependencies: [
                "ReportModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "Analysis", dependencies: ["ReportModel"]),
        .target(name: "DraftCheck", dependencies: ["ReportModel", "Documents", "Extraction", "Analysis"]),
        .target(
            name: "Configuration",
            dependencies: [
                "ReportModel", "Fetching", "Documents", "ReaderWorkers", "Analysis", "DraftCheck",
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(name: "Scheduling", dependencies: ["Configuration", "Storage"]),
        .target(
            name: "Queries",
            dependencies: [
                "ReportModel", "Configuration", "Scheduling", "Storage", "Analysis", "Documents",
                "ReaderWorkers", "Extraction",
            ]),
        .target(
            name: "Export",
            dependencies: ["ReportModel", "Configuration", "Scheduling", "Storage", "Analysis", "Queries"]),
        .target(
            name: "Workbook",
            dependencies: [
                "Export", "Documents", "CXLSXWriter", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(name: "FileExtraction", dependencies: ["ReportModel", "Documents", "Extraction", "ReaderWorkers"]),
        .target(
            name: "Collector",
            dependencies: [
                "ReportModel", "Configuration", "Scheduling", "Fetching", "Documents", "ReaderWorkers", "Extraction",
                "Storage", "Export", "DraftCheck",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]),
        // The demo city's generator and the benchmark: tools of the project, under Tools/, not products.
        .target(name: "DemoCity", dependencies: ["ReportModel"], path: "Tools/DemoCity"),
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "Collector", "FileExtraction", "Configuration", "Queries", "Export", "Storage", "ReaderWorkers",
                "Workbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "nianbao-demo", dependencies: ["DemoCity"], path: "Tools/nianbao-demo"),
        .executableTarget(
            name: "nianbao-bench",
            dependencies: [
                "Collector", "Configuration", "Queries", "Storage", "Extraction", "Documents", "ReportModel",
                "DemoCity",
            ],
            path: "Tools/nianbao-bench"),
        .target(
            name: "TestSupport", dependencies: ["ReportModel"], path: "Tests/TestSupport",
            resources: [.copy("Resources")]),
        .testTarget(name: "ReportModelTests", dependencies: ["ReportModel"]),
        .testTarget(name: "FetchingTests", dependencies: ["Fetching", "TestSupport"]),
        .testTarget(
            name: "DocumentsTests",
            dependencies: ["Documents", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ReaderWorkersTests", dependencies: ["ReaderWorkers", "Documents", "ReportModel", "TestSupport"]),
        .testTarget(
            name: "ExtractionTests", dependencies: ["Extraction", "Documents", "DemoCity", "TestSupport"],
            exclude: ["Fixtures", "Corpus"]),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(
            name: "ExportTests",
            dependencies: ["Export", "Analysis", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .testTarget(
            name: "DraftCheckTests", dependencies: ["DraftCheck", "Extraction", "Documents", "ReportModel", "DemoCity"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "Export", "TestSupport"]),
        .testTarget(
            name: "CollectorTests",
            dependencies: [
                "Collector", "Configuration", "Scheduling", "Queries", "ReaderWorkers", "Storage", "Analysis",
                "Export", "DemoCity", "TestSupport",
                .product(name: "SwiftCSV", package: "SwiftCSV"), .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(name: "FileExtractionTests", dependencies: ["FileExtraction", "ReaderWorkers", "TestSupport"]),
        .testTarget(name: "DemoCityTests", dependencies: ["DemoCity", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", "DemoCity", "nianbao", "nianbao-bench",
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
