import Foundation
import TestSupport
import Testing

/// Headless Chromium, where it is installed.
private let chromium = Tools.path(of: "chromium") ?? Tools.path(of: "chromium-browser")

/// `nianbao report` on the demo city, rendered by a real headless Chromium.
@Suite(
    "The HTML report in a browser", .serialized,
    .enabled(if: chromium != nil, "needs headless Chromium (apt-get install chromium)"))
struct ReportRenderTests {
    @Test func theDemoReportRendersInHeadlessChromium() throws {
        let directory = try TemporaryDirectory.withDemoCity()
        #expect(try BinaryRunner.run(["collect", "--quiet"], in: directory.url).status == 0)
        let report = try BinaryRunner.run(["report", "--year", "2025", "--out", "report.html"], in: directory.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: directory.path("report.html"), encoding: .utf8)
        #expect(html.contains("晋江市2025年度政府信息公开工作年度报告比较分析"))
        #expect(html.contains("英林镇") && html.contains("非照抄"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,2600",
            "--enable-logging=stderr", "--v=0", "--screenshot=\(directory.path("report.png").path)",
            directory.path("report.html").absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(!log.contains("CONSOLE"), "the page logs nothing to the console: \(log)")
        let png = [UInt8](try Data(contentsOf: directory.path("report.png")))
        #expect(
            png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 50_000, "a real screenshot, not a blank page")
    }
}
