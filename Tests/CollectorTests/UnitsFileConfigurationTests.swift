import Collector
import Configuration
import Foundation
import TestSupport
import Testing

@Suite("The config's units_file")
struct UnitsFileConfigurationTests {
    static let config = """
        version: 1
        city: 测试市
        years: { from: 2024, to: 2024 }
        units_file: units.yaml
        units:
          - id: city-gov
            name: 测试市人民政府
            parent: b
        """

    func load(units: String?, config: String = Self.config) throws -> Configuration {
        let directory = try TemporaryDirectory()
        if let units { try directory.write("units.yaml", units) }
        return try ConfigurationLoader.load(try directory.write("nianbao.yaml", config))
    }

    @Test func theUnitsFilesUnitsFollowTheConfigsOwnAndParentsCrossFiles() throws {
        let configuration = try load(
            units: "units:\n  - id: a\n    name: 甲街道\n    parent: city-gov\n  - id: b\n    name: 乙镇\n")
        #expect(configuration.units.map(\.id) == ["city-gov", "a", "b"])
        #expect(configuration.units[1].parent == "city-gov" && configuration.units[0].parent == "b")
        #expect(configuration.unitsFile?.lastPathComponent == "units.yaml")
    }

    @Test func mistakesNameTheUnitsFile() throws {
        let cases: [(String?, String)] = [
            (nil, "nianbao.yaml:4: units_file: the units file"),
            (
                "units:\n  - id: city-gov\n    name: 又一个\n",
                "units.yaml:2: units[0].id: unit id 'city-gov' is also defined in"
            ),
            (
                "units:\n  - id: b\n    name: 乙\n    parent: nowhere\n",
                "units.yaml: units[0].parent: no unit has id 'nowhere'"
            ),
            ("units:\n  - id: a\n    nmae: 甲\n", "units.yaml:3: units[0].nmae: unknown key"),
            ("city: 乙市\n", "units.yaml:1: city: unknown key 'city' (allowed: units)"),
        ]
        for (units, words) in cases {
            #expect(throws: ConfigurationError.self) { try load(units: units) }
            do { _ = try load(units: units) } catch { #expect("\(error)".contains(words), "\(error)") }
        }
        let noUnits = Self.config.components(separatedBy: "units:\n")[0].replacingOccurrences(
            of: "units_file: units.yaml\n", with: "")
        do { _ = try load(units: nil, config: noUnits) } catch {
            #expect("\(error)".contains("missing key 'units'"), "\(error)")
        }
    }
}
