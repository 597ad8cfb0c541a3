import Analysis
import Foundation
import ReaderWorkers

/// Turns the YAML tree into a validated `Configuration`.
struct ConfigurationReader {
    let root: ConfigNode
    let directory: URL
    /// Whether a `units_file` that does not exist yet counts as one without units (for `units import`, which
    /// writes it).
    var unitsFileMayBeMissing = false
    /// A file read in place of the configured `units_file`, to check the config with a units file about to replace it.
    var unitsFileReplacement: URL?

    private static let topKeys: Set<String> = [
        "version", "city", "database", "deadline", "years", "fetch", "analysis",
        "quality", "reading", "units", "allow_files_outside",
        "deadline_by_kind", "units_file", "check",
    ]
    private static let qualityKeys: Set<String> = [
        "on_time", "obtainable", "complete", "consistent", "stable", "original",
        "similarity_threshold", "template_share",
    ]
    private static let fetchKeys: Set<String> = [
        "concurrency", "per_host", "delay_ms", "timeout_s", "retries", "max_bytes",
        "user_agent", "wait_budget_s",
    ]
    static let unitKeys: Set<String> = [
        "id", "name", "kind", "code", "parent", "reports", "listing", "url_template",
        "insecure_tls", "aliases", "ignore_robots", "deadline",
    ]

    func read() throws -> Configuration {
        let top = try root.mapping(allowed: Self.topKeys)
        let version = try top["version"].map { try $0.int(in: 1...1) } ?? 1
        guard let cityNode = top["city"] else { throw root.error("missing key 'city'") }
        let city = try cityNode.string()
        let database =
            try top["database"].map { resolvePath(try $0.string()) }
            ?? directory.appendingPathComponent("nianbao.sqlite")
        let deadline = try top["deadline"].map(readDeadline) ?? MonthDay(month: 1, day: 31)
        let fetch = try top["fetch"].map(readFetch) ?? FetchSettings()
        var analysis = try top["analysis"].map(readAnalysis) ?? AnalysisSettings()
        if let quality = top["quality"] { analysis.quality = try readQuality(quality) }
        guard top["units"] != nil || top["units_file"] != nil else { throw root.error("missing key 'units'") }
        let filesOutside = try top["allow_files_outside"]?.bool() ?? false
        var units = try top["units"].map { try readUnits($0, filesOutside: filesOutside) } ?? []
        let own = units.count
        let unitsFile = try top["units_file"].map { resolvePath(try $0.string()) }
        if let unitsFile, let node = top["units_file"] {
            units += try readUnitsFile(
                unitsFileReplacement ?? unitsFile, named: node, after: units, filesOutside: filesOutside)
        }
        try checkParents(units[..<own], file: root.file, among: units)
        try checkParents(units[own...], file: unitsFile?.path ?? root.file, among: units)
        let named = units.flatMap { $0.reports.keys }
        let years = try top["years"].map(readYears) ?? ((named.min() ?? 2019)...(named.max() ?? 2019))
        var configuration = Configuration(
            file: URL(fileURLWithPath: root.file), version: version, city: city,
            database: database, deadline: deadline, years: years, fetch: fetch,
            analysis: analysis, units: units)
        configuration.reading = try top["reading"].map(readReading) ?? ReaderLimits()
        configuration.unitsFile = unitsFile
        if let check = top["check"] { configuration.check = try readCheck(check) }
        configuration.allowsFilesOutside = filesOutside
        configuration.sourceEndpoints = Configuration.sourceEndpoints(of: units, years: years)
        if let node = top["deadline_by_kind"] {
            let kinds = try node.mapping(allowed: Set(units.map(\.kind)))
            configuration.kindDeadlines = try kinds.mapValues(readDeadline)
        }
        return configuration
    }

    private func readReading(_ node: ConfigNode) throws -> ReaderLimits {
        let keys = try node.mapping(allowed: ["workers", "memory_mb", "cpu_s", "timeout_s"])
        var limits = ReaderLimits()
        if let value = keys["workers"] { limits.workers = try value.int(in: 1...64) }
        if let value = keys["memory_mb"] { limits.memoryMegabytes = try value.int(in: 200...65_536) }
        if let value = keys["cpu_s"] { limits.cpuSeconds = try value.int(in: 1...3600) }
        if let value = keys["timeout_s"] { limits.wallSeconds = try value.double(in: 1...7200) }
        return limits
    }

    private func readDeadline(_ node: ConfigNode) throws -> MonthDay {
        let text = try node.string()
        guard let deadline = MonthDay(parsing: text) else {
            throw node.error("'\(text)' is not a deadline: expected \"MM-DD\", a day every year has, such as \"01-31\"")
        }
        return deadline
    }

    private func readYears(_ node: ConfigNode) throws -> ClosedRange<Int> {
        let keys = try node.mapping(allowed: ["from", "to"])
        guard let from = keys["from"], let to = keys["to"] else { throw node.error("expected from: and to:") }
        let first = try from.int(in: 2000...2100)
        let last = try to.int(in: 2000...2100)
        guard first <= last else { throw to.error("'to' is before 'from'") }
        return first...last
    }

    private func readFetch(_ node: ConfigNode) throws -> FetchSettings {
        let keys = try node.mapping(allowed: Self.fetchKeys)
        var settings = FetchSettings()
        if let value = keys["concurrency"] { settings.concurrency = try value.int(in: 1...256) }
        if let value = keys["per_host"] { settings.perHost = try value.int(in: 1...64) }
        if let value = keys["delay_ms"] { settings.delayMilliseconds = try value.int(in: 0...600_000) }
        if let value = keys["timeout_s"] { settings.timeoutSeconds = try value.double(in: 0.1...3600) }
        if let value = keys["retries"] { settings.retries = try value.int(in: 0...20) }
        if let value = keys["max_bytes"] { settings.maxBytes = try value.int(in: 1024...2_000_000_000) }
        if let value = keys["user_agent"] { settings.userAgent = try value.string() }
        if let value = keys["wait_budget_s"] { settings.waitBudgetSeconds = try value.double(in: 0...3600) }
        return settings
    }

    private func readAnalysis(_ node: ConfigNode) throws -> AnalysisSettings {
        let keys = try node.mapping(allowed: ["min_denominator"])
        var settings = AnalysisSettings()
        if let value = keys["min_denominator"] { settings.minimumDenominator = try value.double(in: 0...1_000_000) }
        return settings
    }

    private func readQuality(_ node: ConfigNode) throws -> QualityWeights {
        let keys = try node.mapping(allowed: Self.qualityKeys)
        var weights = QualityWeights()
        let paths: [(String, WritableKeyPath<QualityWeights, Double>, ClosedRange<Double>)] = [
            ("on_time", \.onTime, 0...1000), ("obtainable", \.obtainable, 0...1000), ("complete", \.complete, 0...1000),
            ("consistent", \.consistent, 0...1000), ("stable", \.stable, 0...1000), ("original", \.original, 0...1000),
            ("similarity_threshold", \.similarityThreshold, 0...1), ("template_share", \.templateShare, 0...1),
        ]
        for (key, path, range) in paths {
            if let value = keys[key] { weights[keyPath: path] = try value.double(in: range) }
        }
        return weights
    }

    /// a–z, 0–9 and '-', compared as bytes (Unicode character properties cost several percent of loading 10,000 units).
    private static func isUnitIdByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
    }

    /// The units listed under `node`; an id also defined in `elsewhere` (id → the file defining it) is refused.
    func readUnits(_ node: ConfigNode, filesOutside: Bool, elsewhere: [String: String] = [:]) throws
        -> [UnitConfiguration]
    {
        let readURL = { (node: ConfigNode) in try self.readURL(node, filesOutside: filesOutside) }
        var firstLine: [String: Int?] = [:]
        var units: [UnitConfiguration] = []
        for item in try node.sequence() {
            let keys = try item.mapping(allowed: Self.unitKeys)
            guard let idNode = keys["id"] else { throw item.error("missing key 'id'") }
            let id = try idNode.string()
            guard !id.isEmpty, id.utf8.allSatisfy(Self.isUnitIdByte) else {
                throw idNode.error("unit id '\(id)' must be lower-case letters, digits and '-'")
            }
            if let file = elsewhere[id] { throw idNode.error("unit id '\(id)' is also defined in \(file)") }
            if let earlier = firstLine[id] {
                throw idNode.error("duplicate unit id '\(id)' (first at line \(earlier.map(String.init) ?? "?"))")
            }
            firstLine[id] = idNode.line
            guard let nameNode = keys["name"] else { throw item.error("missing key 'name'") }
            var reports: [Int: String] = [:]
            if let reportsNode = keys["reports"] {
                for (year, urlNode) in try reportsNode.yearMapping() { reports[year] = try readURL(urlNode) }
            }
            units.append(
                UnitConfiguration(
                    id: id, name: try nameNode.string(),
                    aliases: try keys["aliases"]?.sequence().map { try $0.string() } ?? [],
                    kind: try keys["kind"]?.string() ?? "单位",
                    code: try keys["code"]?.string(), parent: try keys["parent"]?.string(), reports: reports,
                    listing: try keys["listing"].map(readURL), urlTemplate: try keys["url_template"].map(readURL),
                    verifyTLS: !(try keys["insecure_tls"]?.bool() ?? false),
                    ignoresRobots: try keys["ignore_robots"]?.bool() ?? false,
                    deadline: try keys["deadline"].map(readDeadline)))
        }
        return units
    }

    /// Refuses a `parent` of `units` that names no unit of `among` and is not `city`; key paths count from the
    /// first of `units`, in `file`.
    private func checkParents(_ units: ArraySlice<UnitConfiguration>, file: String, among: [UnitConfiguration]) throws {
        let ids = Set(among.map(\.id))
        for (index, unit) in units.enumerated() {
            if let parent = unit.parent, !ids.contains(parent), parent != "city" {
                let path = "units[\(index)].parent"
                throw ConfigurationError(file: file, line: nil, keyPath: path, message: "no unit has id '\(parent)'")
            }
        }
    }

    /// An http(s) URL as written, or a file path (relative to the config) as an absolute file:// URL that must exist,
    /// in the config's folder unless `filesOutside`.
    private func readURL(_ node: ConfigNode, filesOutside: Bool) throws -> String {
        var trimmed = Substring(try node.string())  // Swift's own trimming: Foundation's bridged NSString was slow here
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        let text = String(trimmed)
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return text }
        if text.contains("://"), !text.hasPrefix("file://") {
            throw node.error("'\(text)': only http, https and file sources are allowed")
        }
        let path = text.hasPrefix("file://") ? String(text.dropFirst("file://".count)) : text
        let url = resolvePath(path)
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw node.error("cannot read file '\(url.path)'")
        }
        guard filesOutside || isInConfigFolder(url) else {
            throw node.error(
                "'\(url.path)' is outside the config file's folder \(directory.path) (set "
                    + "allow_files_outside: true at the top of the config to read files elsewhere)")
        }
        return url.absoluteString
    }

    private func resolvePath(_ path: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    }
}
