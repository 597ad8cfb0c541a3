import Foundation

/// An .xlsx file as openpyxl reads it (`Resources/xlsx_dump.py`): sheet names, typed cells, view and print setup.
public struct XLSXReadBack: Decodable, Sendable {
    /// A cell's value with the type openpyxl gives it.
    public enum Value: Decodable, Sendable, Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)

        private enum Keys: String, CodingKey { case t, v }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            switch try container.decode(String.self, forKey: .t) {
            case "n": self = .number(try container.decode(Double.self, forKey: .v))
            case "b": self = .bool(try container.decode(Bool.self, forKey: .v))
            default: self = .text(try container.decode(String.self, forKey: .v))
            }
        }

        /// The value as a CSV export writes it: numbers without a trailing ".0".
        public var csvText: String {
            switch self {
            case .number(let value):
                if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
                return String(value)
            case .text(let text): return text
            case .bool(let flag): return flag ? "TRUE" : "FALSE"
            }
        }
    }

    /// One sheet.
    public struct Sheet: Decodable, Sendable {
        /// Rows of cells; nil is an empty cell.
        public var rows: [[Value?]]
        /// The top-left cell of the scrolling area ("C3"), if panes are frozen.
        public var freeze: String?
        /// "landscape" or "portrait".
        public var orientation: String?
        /// Excel's paper code (9 is A4).
        public var paper: Int?
        /// The rows repeated on every printed page ("$1:$2").
        public var titleRows: String?
        /// The autofilter's range.
        public var autofilter: String?
        /// Column widths by letter.
        public var widths: [String: Double]
        /// Merged ranges.
        public var merged: [String]
        /// Data validations: the cells, the kind (`list`) and the allowed values (`"a,b"`, quoted).
        public var validations: [[String: String?]]
    }

    /// Sheet names in order.
    public var sheets: [String]
    /// Sheets by name.
    public var data: [String: Sheet]

    /// The Python with openpyxl: Debian's (`python3-openpyxl`), else the first python3 on PATH.
    public static var python: String? {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            ? "/usr/bin/python3" : Tools.path(of: "python3")
    }

    /// Whether openpyxl can be imported.
    public static let available: Bool = {
        guard let python else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", "import openpyxl"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Reads `file` with openpyxl.
    public static func read(_ file: URL) throws -> XLSXReadBack {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        process.arguments = [RepositoryPaths.resource("xlsx_dump.py").path, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(XLSXReadBack.self, from: data)
    }
}

extension XLSXReadBack {
    /// Sets cells of the row whose `keyColumn` is `key` in `sheet` (`Resources/xlsx_edit.py`), as an office edits
    /// the workbook in Excel, and saves it with openpyxl. Returns whether the script succeeded.
    public static func edit(
        _ file: URL, sheet: String, keyColumn: String, key: String,
        set values: [(column: String, value: String)]
    ) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python ?? "/usr/bin/python3")
        process.arguments =
            [RepositoryPaths.resource("xlsx_edit.py").path, file.path, sheet, keyColumn, key]
            + values.map { "\($0.column)=\($0.value)" }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
