import Foundation

/// A city's collect as politeness shapes it: many hosts of uneven size on loopback — one portal holding most units,
/// as cities publish, a few hosts with a handful, several with one — with `delay_ms` set. The collect's wall time
/// is measured against the politeness bound the largest host sets: `HostGate` starts the requests to one host at
/// least `delay_ms` apart whatever `per_host` allows, so the bound is that host's requests (its robots.txt and one
/// per unit) × `delay_ms`.
struct PolitenessBench {
    /// Units on each host: the portal first.
    static let unitsPerHost = [40, 4, 3, 3, 2, 2, 1, 1, 1, 1, 1, 1]
    /// The gate spaces a host's starts by `delay_ms` whatever this allows.
    static let perHost = 2

    let options: BenchOptions
    let nianbao: String
    let work: URL

    func run(into results: inout BenchResults) throws {
        let units = Self.unitsPerHost.reduce(0, +)
        let folder = work.appendingPathComponent("polite-site")
        let files = try Province.write(count: units, compact: false, to: folder).files
        let site = try LoopbackSite(
            serving: folder, work: work, repository: options.repository, hosts: Self.unitsPerHost.count)
        defer { site.stop() }
        let database = work.appendingPathComponent("polite.sqlite")
        let config = work.appendingPathComponent("polite.yaml")
        try Data(
            Self.config(
                files: files, site: site, concurrency: options.concurrency,
                delayMilliseconds: options.delayMilliseconds,
                database: database
            ).utf8
        ).write(to: config)
        let delay = Double(options.delayMilliseconds) / 1000
        let largest = Self.unitsPerHost.max() ?? 0
        let bound = Double(largest + 1) * delay
        var seconds: [Double] = []
        for _ in 0..<options.politenessRounds {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            let collect = try ChildRun.run(nianbao, ["collect", "--quiet", "--config", config.path])
            guard collect.status == 0 else { throw BenchError("the politeness collect exited \(collect.status)") }
            seconds.append(collect.seconds)
            sync()
        }
        let ratios = seconds.map { $0 / bound }
        results.note(
            "politeness: \(units) units on \(Self.unitsPerHost.count) loopback hosts (\(Self.unitsPerHost.map(String.init).joined(separator: ", ")) units), "
                + "delay_ms \(options.delayMilliseconds), per_host \(Self.perHost), \(seconds.count) rounds")
        results.add(
            "nianbao collect of \(units) units on \(Self.unitsPerHost.count) hosts, delay_ms \(options.delayMilliseconds)",
            "\(fmt(median(seconds), 2)) s",
            "**\(fmt(median(ratios), 2))×** the politeness bound of \(fmt(bound, 2)) s — the largest host's \(largest + 1) "
                + "requests (robots.txt and \(largest) reports) × \(options.delayMilliseconds) ms, whatever per_host "
                + "(\(range(ratios, 2)); target ≤ 1.1×)")
    }

    /// A config with one unit per file, the files dealt to the hosts in turn (as a city's list mixes the portal's
    /// units with the others'), until each host holds its share.
    static func config(files: [URL], site: LoopbackSite, concurrency: Int, delayMilliseconds: Int, database: URL)
        -> String
    {
        var hosts: [Int] = []
        var left = unitsPerHost
        while left.contains(where: { $0 > 0 }) {
            for host in left.indices where left[host] > 0 {
                hosts.append(host)
                left[host] -= 1
            }
        }
        var lines = [
            "version: 1", "city: 基准市", "database: \(database.path)",
            "fetch: { concurrency: \(concurrency), per_host: \(perHost), delay_ms: \(delayMilliseconds), retries: 1, timeout_s: 60 }",
            "units:",
        ]
        for (index, (file, host)) in zip(files, hosts).enumerated() {
            let year = Int(file.deletingPathExtension().lastPathComponent.suffix(4)) ?? 2024
            lines.append(
                "  - { id: u\(index), name: 单位\(index), reports: { \(year): \"\(site.url(file.lastPathComponent, host: host))\" } }"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
