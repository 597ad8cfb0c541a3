import Collector
import Configuration
import Fetching
import Foundation
import TestSupport
import Testing

/// The config keys that limit what a collect may reach and how long it may wait.
@Suite("Configuration: files outside the config's folder, waiting budget, source endpoints")
struct SourceLimitsConfigurationTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("config/inside.txt", "x")
        try directory.write("outside.txt", "x")
    }

    func load(_ lines: String...) throws -> Configuration { try load(lines) }

    func load(_ lines: [String]) throws -> Configuration {
        let yaml = (["version: 1", "city: 测试市"] + lines).joined(separator: "\n") + "\n"
        return try ConfigurationLoader.load(try directory.write("config/nianbao.yaml", yaml))
    }

    func error(_ lines: String...) -> String { error(lines) }

    func error(_ lines: [String]) -> String {
        let yaml = (["version: 1", "city: 测试市"] + lines).joined(separator: "\n") + "\n"
        do {
            _ = try ConfigurationLoader.load(try directory.write("config/nianbao.yaml", yaml))
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aFileSourceOutsideTheConfigsFolderIsRefusedUnlessAllowed() throws {
        let unit = ["units:", "  - id: a", "    name: 甲", "    reports:"]
        #expect(try load(unit + ["      2024: inside.txt"]).units[0].reports[2024]?.hasPrefix("file://") == true)
        let refused = error(unit + ["      2024: ../outside.txt"])
        #expect(
            refused.contains(
                "nianbao.yaml:7: units[0].reports.2024: '\(directory.path("outside.txt").path)' is outside "
                    + "the config file's folder"), "\(refused)")
        #expect(refused.contains("allow_files_outside: true"))
        #expect(
            error(unit + ["      2024: \(directory.path("outside.txt").path)"]).contains(
                "is outside the config file's folder"))
        // A link inside the folder that leads out of it is outside too.
        try FileManager.default.createSymbolicLink(
            at: directory.path("config/link.txt"), withDestinationURL: directory.path("outside.txt"))
        #expect(error(unit + ["      2024: link.txt"]).contains("is outside the config file's folder"))

        let allowed = try load(["allow_files_outside: true"] + unit + ["      2024: ../outside.txt"])
        #expect(
            allowed.allowsFilesOutside && allowed.units[0].reports[2024] == directory.path("outside.txt").absoluteString
        )
        #expect(
            error(["allow_files_outside: sometimes"] + unit + ["      2024: inside.txt"])
                == "\(directory.path("config/nianbao.yaml").path):3: allow_files_outside: expected true or false")
    }

    @Test func theWaitingBudgetIsReadAndCheckedAndDefaultsToAMinute() throws {
        let unit = ["units:", "  - { id: a, name: 甲, reports: { 2024: inside.txt } }"]
        #expect(try load(unit).fetch.waitBudgetSeconds == 60)
        #expect(try load(["fetch: { wait_budget_s: 2.5 }"] + unit).fetch.waitBudgetSeconds == 2.5)
        #expect(
            error(["fetch: { wait_budget_s: -1 }"] + unit).contains(
                "fetch.wait_budget_s: expected a number from 0.0 to 3600.0"))
    }

    @Test func theSourceEndpointsAreTheConfiguredHostsAndPorts() throws {
        let configuration = try load(
            "years: { from: 2023, to: 2024 }", "units:",
            "  - { id: a, name: 甲, reports: { 2024: \"http://a.gov.cn/nb.html\", 2023: inside.txt } }",
            "  - { id: b, name: 乙, listing: \"https://B.gov.cn:8443/list/\" }",
            "  - { id: c, name: 丙, url_template: \"http://10.0.0.7:8080/nb/{year}.html\" }",
            "  - { id: d, name: 丁, url_template: \"http://nb{year}.d.gov.cn/\" }")
        #expect(
            configuration.sourceEndpoints == [
                Endpoint(host: "a.gov.cn", port: 80), Endpoint(host: "b.gov.cn", port: 8443),
                Endpoint(host: "10.0.0.7", port: 8080),
                Endpoint(host: "nb2023.d.gov.cn", port: 80), Endpoint(host: "nb2024.d.gov.cn", port: 80),
            ])
    }
}
