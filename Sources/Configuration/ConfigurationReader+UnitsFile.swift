import Foundation

extension ConfigurationReader {
    /// The units of the config's `units_file` (`units:` as in the config; paths relative to the config's folder),
    /// which `nianbao units import` writes. An id the config itself defines is refused.
    func readUnitsFile(
        _ file: URL, named node: ConfigNode, after own: [UnitConfiguration],
        filesOutside: Bool
    ) throws -> [UnitConfiguration] {
        guard FileManager.default.fileExists(atPath: file.path) else {
            if unitsFileMayBeMissing { return [] }
            throw node.error("the units file '\(file.path)' does not exist (`nianbao units import ROSTER` writes it)")
        }
        let top = try ConfigurationLoader.compose(file).mapping(allowed: ["units"])
        guard let units = top["units"] else { return [] }
        let elsewhere = Dictionary(own.map { ($0.id, root.file) }, uniquingKeysWith: { first, _ in first })
        return try readUnits(units, filesOutside: filesOutside, elsewhere: elsewhere)
    }
}
