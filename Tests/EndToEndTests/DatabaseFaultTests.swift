import Foundation
import TestSupport
import Testing

/// The built `nianbao` binary over a database that is damaged, and over one that may only be read.
@Suite("nianbao over a damaged or read-only database", .serialized)
struct DatabaseFaultTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory.withDemoCity()
    }

    func nianbao(_ arguments: String..., in folder: URL? = nil) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: folder ?? directory.url)
    }

    @Test func aDatabaseOfRandomBytesExits74NamingTheFileAndHowToRecoverIt() throws {
        let database = directory.path("nianbao.sqlite").path
        var generator = SystemRandomNumberGenerator()
        try Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(
            to: URL(fileURLWithPath: database))
        let hint = "try: sqlite3 \(database) \".recover\" > recovered.sql"
        for command in [
            ["rank", "--year", "2024", "--indicator", "t3.total.new_received"], ["status"], ["collect", "--quiet"],
            ["export", "figures", "--out", "f.csv"],
        ] {
            let result = try BinaryRunner.run(command, in: directory.url)
            #expect(result.status == 74, "\(command): \(result.stderr)")
            #expect(
                result.stderr.hasPrefix("nianbao: cannot read database \(database): "), "\(command): \(result.stderr)")
            #expect(result.stderr.contains(hint), "\(command): \(result.stderr)")
        }
    }

    /// A mistyped database path must not read as a city where nothing was collected: the reporting commands name
    /// the path and exit 74, and no file is created there.
    @Test func aReportingCommandOverADatabaseThatIsNotThereSaysSoAndCreatesNothing() throws {
        for command in [
            ["status"], ["rank", "--year", "2024", "--indicator", "t3.total.new_received"],
            ["export", "figures", "--out", "f.csv"],
        ] {
            let result = try BinaryRunner.run(command + ["--database", "typo.sqlite"], in: directory.url)
            #expect(result.status == 74, "\(command): \(result.stderr)")
            #expect(
                result.stderr.contains("typo.sqlite: there is no database there yet; `nianbao collect` creates it"),
                "\(command): \(result.stderr)")
        }
        // `units` lists the roster before the first collect, every source due, and says nothing was fetched.
        let units = try nianbao("units", "--database", "typo.sqlite", "--format", "csv")
        #expect(units.status == 0 && units.stderr.contains("no database at") && units.stdout.contains("罗山街道"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        #expect(files == ["Config", "Seeds"])
        #expect(try nianbao("collect", "--quiet", "--year", "2017", "--database", "typo.sqlite").status == 0)
        #expect(try nianbao("status", "--year", "2017", "--database", "typo.sqlite").status == 0)
    }

    @Test(.enabled(if: ReadOnlyMount.isAvailable, "needs root, to bind-mount the database's folder read-only"))
    func theReadingCommandsWorkOnAReadOnlyMountAndWriteNothing() throws {
        #expect(try nianbao("collect", "--quiet", "--year", "2017").status == 0)
        let database = directory.path("nianbao.sqlite").path
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        #expect(files == ["Config", "Seeds", "nianbao.sqlite"])

        let mount = try ReadOnlyMount(directory.url)
        let rank = try nianbao("rank", "--year", "2017", "--indicator", "old.proactive.total", in: mount.url)
        #expect(rank.status == 0, "\(rank.stderr)")
        #expect(
            rank.stdout.split(separator: "\n").first { $0.contains("罗山街道") }?.split(separator: " ").contains("181")
                == true)
        let status = try nianbao("status", "--year", "2017", "--format", "csv", in: mount.url)
        #expect(status.status == 0 && status.stdout.contains("luoshan,罗山街道,2017,extracted"), "\(status.stderr)")
        for command in [
            ["units"], ["runs"], ["audit", "--year", "2017"], ["trend", "--indicator", "series.applications"],
        ] {
            let result = try BinaryRunner.run(command, in: mount.url)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let collect = try nianbao("collect", "--quiet", in: mount.url)
        #expect(collect.status == 74, "a collect needs to write: \(collect.stderr)")
        #expect(
            collect.stderr.contains(
                "cannot open database \(mount.url.path)/nianbao.sqlite: its folder \(mount.url.path) "
                    + "cannot be written"), "\(collect.stderr)")

        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == files,
            "no -wal, no -shm")
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before, "not a byte written")
    }
}
