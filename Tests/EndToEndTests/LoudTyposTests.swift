import Foundation
import TestSupport
import Testing

/// Typos on the command line are errors that name the nearest right answer, never an empty table or a crash.
@Suite("Typos are loud", .serialized)
struct LoudTyposTests: RunsNianbaoInFolder {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory.withDemoCity()
        let collect = try nianbao("collect", "--quiet")
        #expect(collect.status == 0, "\(collect.stderr)")
    }

    /// The command's exit code and its one line of stderr.
    func refusal(_ arguments: String...) throws -> (Int32, String) { try refusal(arguments) }

    func refusal(_ arguments: [String]) throws -> (Int32, String) {
        let result = try BinaryRunner.run(arguments, in: directory.url)
        #expect(result.stdout.isEmpty, "nothing printed but the error: \(result.stdout)")
        return (result.status, result.stderr.trimmingCharacters(in: .newlines))
    }

    @Test func unitsGroupsYearsRangesAndCodesAreCheckedWithTheNearestNames() throws {
        let indicator = ["--indicator", "series.applications"]
        #expect(
            try refusal(["trend", "--unit", "luoshn"] + indicator) == (
                64,
                "nianbao: unknown unit 'luoshn': not a unit id of the config (did you mean luoshan?)"
            ))
        #expect(
            try refusal("audit", "--unit", "罗山街道") == (
                64,
                "nianbao: unknown unit '罗山街道': not a unit id of the config (did you mean luoshan?)"
            ))
        #expect(
            try refusal("rank", "--year", "2024", "--group", "街", "--indicator", "t3.total.new_received").1
                .hasPrefix("nianbao: unknown group '街': the config's units are of kinds 街道, 镇"))
        #expect(
            try refusal("rank", "--year", "2012", "--indicator", "t3.total.new_received") == (
                64,
                "nianbao: year 2012 is outside the config's years 2017–2025 and no report of it is stored "
                    + "(stored: 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025)"
            ))
        #expect(
            try refusal(["trend", "--from", "2025", "--to", "2023"] + indicator) == (
                64,
                "nianbao: --from 2025 is after --to 2023: no year lies between"
            ))
        #expect(
            try refusal("rank", "--year", "2024", "--indicator", "t3.total.new_recieved") == (
                64,
                "nianbao: unknown indicator 't3.total.new_recieved' (did you mean t3.total.new_received, "
                    + "t3.legal.new_received, t3.social.new_received?); `nianbao indicators --search TEXT` lists the codes"
            ))
        for (command, year) in [("quality", "2030"), ("totals", "2030"), ("status", "2030")] {
            #expect(try refusal(command, "--year", year).0 == 64, "\(command) --year \(year)")
        }
    }

    @Test func versionGlobalOptionsFirstAndTheListOfCodes() throws {
        let version = try nianbao("--version")
        #expect(version.status == 0 && version.stdout.hasPrefix("nianbao 1.0 (readers "), "\(version.stdout)")
        // Options before the command, as `nianbao --config FILE rank …`.
        let rank = try nianbao(
            "--config", "Config/nianbao.yaml", "rank", "--year", "2024", "--indicator",
            "t3.total.new_received", "--format", "csv")
        #expect(rank.status == 0 && rank.stdout.contains(",luoshan,罗山街道,"), "\(rank.stderr)")
        let list = try nianbao("indicators", "--search", "t3.total.new", "--format", "csv")
        #expect(
            list.stdout == """
                code,中文名称,kind,表,行,列,单位,格式,排名,组成
                t3.total.new_received,一、本年新收政府信息公开申请数量·总计,cell,表三,一、本年新收政府信息公开申请数量,总计,件,2019 2021,neutral,

                """, "\(list.stdout)")
        let all = try nianbao("indicators", "--format", "json")
        let rows = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]
        #expect((rows?.count ?? 0) > 300 && rows?.contains { $0["code"] as? String == "rate.disclosed" } == true)
    }
}
