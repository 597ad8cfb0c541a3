import Collector
import Configuration
import Foundation
import TestSupport
import Testing

@Suite("Deadlines per kind and per unit")
struct DeadlineConfigurationTests {
    static let config = """
        version: 1
        city: 测试市
        deadline: "01-31"
        deadline_by_kind: { 部门: "02-28", 区县: "02-20" }
        units:
          - id: a
            name: 甲街道
            kind: 街道
            reports: { 2024: report.txt }
          - id: b
            name: 乙局
            kind: 部门
            reports: { 2024: report.txt }
          - id: c
            name: 丙局
            kind: 部门
            deadline: "01-10"
            reports: { 2024: report.txt }
          - id: d
            name: 丁县
            kind: 区县
            reports: { 2024: report.txt }
        """

    func load(_ yaml: String) throws -> Configuration {
        let directory = try TemporaryDirectory()
        try directory.write("report.txt", "x")
        return try ConfigurationLoader.load(try directory.write("nianbao.yaml", yaml))
    }

    func loadError(_ yaml: String) throws -> ConfigurationError? {
        do {
            _ = try load(yaml)
            return nil
        } catch let error as ConfigurationError {
            return error
        }
    }

    @Test func aUnitsOwnDeadlineWinsOverItsKindsWhichWinsOverTheCitys() throws {
        let configuration = try load(Self.config)
        let deadlines = configuration.units.map { configuration.deadline(of: $0).description }
        #expect(deadlines == ["01-31", "02-28", "01-10", "02-20"])
        #expect(configuration.deadlinesByUnit()["c"]?.description == "01-10")
        #expect(configuration.hasOwnDeadlines)
        let plain = try load(
            Self.config.replacingOccurrences(of: "deadline_by_kind: { 部门: \"02-28\", 区县: \"02-20\" }\n", with: "")
                .replacingOccurrences(of: "    deadline: \"01-10\"\n", with: ""))
        #expect(!plain.hasOwnDeadlines && plain.units.allSatisfy { plain.deadline(of: $0).description == "01-31" })
    }

    @Test func theDeadlineIsTheEndOfTheDayInChina() throws {
        let configuration = try load(Self.config)
        let unit = try #require(configuration.units.first { $0.id == "c" })
        let end = configuration.deadline(of: unit).deadline(forReportYear: 2024)
        #expect(ISO8601DateFormatter().string(from: end) == "2025-01-10T16:00:00Z", "2025-01-11 00:00 +08:00")
    }

    @Test func badDeadlinesAreConfigErrorsNamingTheKey() throws {
        let cases: [(String, String, String)] = [
            (
                Self.config.replacingOccurrences(of: "deadline: \"01-10\"", with: "deadline: \"02-30\""),
                "units[2].deadline", "'02-30' is not a deadline"
            ),
            (
                Self.config.replacingOccurrences(of: "deadline: \"01-10\"", with: "deadline: 2025-01-10"),
                "units[2].deadline", "expected \"MM-DD\""
            ),
            (
                Self.config.replacingOccurrences(of: "区县: \"02-20\"", with: "区县: \"13-01\""),
                "deadline_by_kind.区县", "'13-01' is not a deadline"
            ),
            (
                Self.config.replacingOccurrences(of: "区县: \"02-20\"", with: "区县: \"02-29\""),
                "deadline_by_kind.区县", "a day every year has"
            ),
            (
                Self.config.replacingOccurrences(of: "区县: \"02-20\"", with: "乡: \"02-20\""),
                "deadline_by_kind.乡", "unknown key '乡' (allowed: 区县, 街道, 部门)"
            ),
            (
                Self.config.replacingOccurrences(of: "deadline: \"01-31\"", with: "deadline: \"1-31-2\""),
                "deadline", "is not a deadline"
            ),
        ]
        for (yaml, path, words) in cases {
            let error = try #require(try loadError(yaml), "\(path) should fail")
            #expect(error.keyPath == path, "\(error)")
            #expect(error.description.contains(words), "\(error)")
            #expect(error.line != nil, "\(error)")
        }
    }

    @Test func monthDaysAreReadStrictly() {
        #expect(MonthDay(parsing: "2-5")?.description == "02-05")
        #expect(MonthDay(parsing: "12-31")?.description == "12-31")
        for bad in ["", "0131", "01-", "-31", "04-31", "00-10", "01-00", "１-31", "001-31", "01-31-01", "+1-31"] {
            #expect(MonthDay(parsing: bad) == nil, "\(bad)")
        }
    }
}
