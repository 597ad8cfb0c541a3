import Collector
import Configuration
import Foundation
import TestSupport
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test func theDemoConfigLoadsWithResolvedPaths() throws {
        let configuration = try ConfigurationLoader.load(RepositoryPaths.config)
        #expect(configuration.city == "晋江市")
        #expect(configuration.units.count == 19)
        #expect(configuration.units.flatMap(\.reports.values).count == 170)
        #expect(configuration.years == 2017...2025)
        #expect(configuration.deadline.description == "01-31")
        let luoshan = try #require(configuration.units.first { $0.id == "luoshan" })
        #expect(luoshan.code == "350582004")
        #expect(luoshan.reports[2017] == RepositoryPaths.seedReport.standardizedFileURL.absoluteString)
        #expect(
            configuration.database.path
                == RepositoryPaths.root.appendingPathComponent("nianbao.sqlite").standardizedFileURL.path)
    }

    func loadError(_ yaml: String) throws -> ConfigurationError? {
        let directory = try TemporaryDirectory()
        try directory.write("report.txt", "x")
        do {
            _ = try ConfigurationLoader.load(try directory.write("nianbao.yaml", yaml))
            return nil
        } catch let error as ConfigurationError {
            return error
        }
    }

    static let valid = """
        version: 1
        city: 测试市
        units:
          - id: a
            name: 甲街道
            reports:
              2024: report.txt
        """

    @Test func aValidConfigHasDefaults() throws {
        let directory = try TemporaryDirectory()
        try directory.write("report.txt", "x")
        let configuration = try ConfigurationLoader.load(try directory.write("c.yaml", Self.valid))
        #expect(configuration.fetch.perHost == 2 && configuration.fetch.delayMilliseconds == 1000)
        #expect(configuration.units[0].kind == "单位" && configuration.units[0].verifyTLS)
        #expect(configuration.years == 2024...2024)
    }

    @Test func aConfigSavedByWindowsNotepadLoads() throws {
        let directory = try TemporaryDirectory()
        try directory.write("report.txt", "x")
        let windows = "\u{FEFF}" + Self.valid.replacingOccurrences(of: "\n", with: "\r\n")  // byte order mark, CRLF
        let configuration = try ConfigurationLoader.load(try directory.write("c.yaml", windows))
        #expect(configuration.city == "测试市" && configuration.units.map(\.id) == ["a"])
    }

    @Test func aConfigThatCannotBeReadSaysWhyAndWhere() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("nowhere.yaml")
        for (url, why) in [(missing, "No such file or directory"), (directory.url, "not a regular file")] {
            #expect {
                try ConfigurationLoader.load(url)
            } throws: { error in
                "\(error)" == "\(url.path): cannot read the config file: \(why)"
            }
        }
        let gbk = try directory.write("gbk.yaml", "")
        try Data([0x63, 0x69, 0x74, 0x79, 0x3A, 0x20, 0xBD, 0xFA, 0xBD, 0xAD]).write(to: gbk)  // city: 晋江 in GBK
        #expect {
            try ConfigurationLoader.load(gbk)
        } throws: { error in
            "\(error)" == "\(gbk.path): the config file is not UTF-8 (save it as UTF-8, not GBK)"
        }
        #expect(
            try loadError("version: 1\ncity: [unclosed\n")?.description.contains("nianbao.yaml:3: not valid YAML")
                == true,
            "no empty key path in the message")
    }

    @Test func errorsNameTheKeyPathAndLine() throws {
        let cases: [(String, String, Int, String)] = [
            (
                Self.valid.replacingOccurrences(of: "city: 测试市", with: "city: 测试市\ncolour: red"), "colour", 3,
                "unknown key"
            ),
            (
                Self.valid.replacingOccurrences(of: "    name: 甲街道", with: "    name: 甲街道\n    nmae: x"),
                "units[0].nmae", 6, "unknown key"
            ),
            (Self.valid + "\n  - id: a\n    name: 乙镇\n", "units[1].id", 8, "duplicate unit id 'a' (first at line 4)"),
            (
                Self.valid.replacingOccurrences(of: "report.txt", with: "missing.txt"), "units[0].reports.2024", 7,
                "cannot read file"
            ),
            (Self.valid.replacingOccurrences(of: "2024:", with: "24:"), "units[0].reports.24", 7, "not a report year"),
            (
                Self.valid.replacingOccurrences(of: "version: 1", with: "version: 2"), "version", 1,
                "whole number from 1 to 1"
            ),
            (Self.valid + "\ndeadline: 31-01\n", "deadline", 8, "MM-DD"),
            (Self.valid.replacingOccurrences(of: "id: a", with: "id: A b"), "units[0].id", 4, "lower-case"),
            (Self.valid.replacingOccurrences(of: "id: a", with: "id: 甲１é"), "units[0].id", 4, "lower-case"),
            (Self.valid + "\nfetch:\n  per_host: 0\n", "fetch.per_host", 9, "from 1 to 64"),
            ("version: 1\ncity: [unclosed\n", "", 3, "not valid YAML"),
            (Self.valid.replacingOccurrences(of: "city: 测试市", with: "city: 测试市\ncity: 乙市"), "city", 3, "given twice"),
            (
                Self.valid.replacingOccurrences(of: "city: 测试市", with: "city: 测试市\ncity: 乙市")
                    .replacingOccurrences(of: "\n", with: "\r\n"), "city", 3, "given twice"
            ),  // written on Windows
        ]
        for (yaml, path, line, words) in cases {
            let error = try #require(try loadError(yaml), "\(path) should fail:\n\(yaml)")
            #expect(error.keyPath == path, "\(error)")
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains(words), "\(error)")
            #expect(error.description.contains("nianbao.yaml:\(line):"), "\(error)")
        }
    }
}
