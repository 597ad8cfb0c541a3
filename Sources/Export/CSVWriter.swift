import Foundation

/// The two CSV flavours of `nianbao export`.
public enum CSVProfile: String, Sendable, CaseIterable {
    /// UTF-8 with BOM and CRLF, so Excel opens Chinese correctly.
    case excel
    /// UTF-8, no BOM, LF.
    case plain
}

/// RFC 4180 CSV written row by row to a file or stdout, with the formula-injection guard on text cells only.
///
/// Rows go through a 64 KB buffer straight to the file descriptor with `write(2)`: memory stays flat however many
/// rows are written (Foundation's `FileHandle` held on to written data on Linux).
public final class CSVWriter {
    private let descriptor: Int32
    private let profile: CSVProfile
    private var buffer: [UInt8] = []
    private let closesDescriptor: Bool

    /// Writes to `url` (created or truncated), or to stdout when `url` is nil.
    public init(url: URL?, profile: CSVProfile) throws {
        if let url {
            let opened = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard opened >= 0 else {
                throw CocoaError(
                    .fileWriteNoPermission,
                    userInfo: [
                        NSFilePathErrorKey: url.path,
                        NSLocalizedDescriptionKey: String(cString: strerror(errno)),
                    ])
            }
            descriptor = opened
            closesDescriptor = true
        } else {
            descriptor = STDOUT_FILENO
            closesDescriptor = false
        }
        self.profile = profile
        buffer.reserveCapacity(1 << 16)
        if profile == .excel { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    deinit { if closesDescriptor { _ = Glibc.close(descriptor) } }

    /// Writes one row.
    public func write(_ row: [TableCell]) throws {
        let line = row.map(Self.field).joined(separator: ",") + (profile == .excel ? "\r\n" : "\n")
        buffer.append(contentsOf: line.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes a header row.
    public func writeHeader(_ columns: [TableColumn]) throws { try write(columns.map { .text($0.header) }) }

    /// Flushes buffered rows (the file is closed when the writer goes away).
    public func close() throws {
        try flush()
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// One field: text guarded and quoted when needed; numbers as plain digits; missing as empty.
    static func field(_ cell: TableCell) -> String {
        switch cell {
        case .number(let value): return NumberTextFormat.plain(value)
        case .text(var text):
            if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
                text = "'" + text
            }
            return CSVQuoting.quote(text)
        }
    }

    /// Writes a whole table and its data dictionary beside it (`FILE.dictionary.csv`).
    public static func export(_ table: DataTable, to url: URL?, profile: CSVProfile) throws {
        let writer = try CSVWriter(url: url, profile: profile)
        try writer.writeHeader(table.columns)
        for row in table.rows { try writer.write(row) }
        try writer.close()
        if let url { try writeDictionary(table.columns, beside: url, profile: profile) }
    }

    /// The data dictionary of a CSV file: column, meaning, unit, 口径 note.
    public static func writeDictionary(_ columns: [TableColumn], beside url: URL, profile: CSVProfile) throws {
        let dictionaryURL = url.deletingPathExtension().appendingPathExtension("dictionary.csv")
        let writer = try CSVWriter(url: dictionaryURL, profile: profile)
        try writer.write([.text("列名 column"), .text("含义 meaning"), .text("单位 unit"), .text("口径说明 note")])
        for column in columns {
            try writer.write([.text(column.header), .text(column.meaning), .text(column.unit), .text(column.note)])
        }
        try writer.close()
    }
}

/// RFC 4180 quoting of one field: in double quotes, its quotes doubled, when it holds a comma, quote, CR or LF.
public enum CSVQuoting {
    /// `text` as one CSV field.
    public static func quote(_ text: String) -> String {
        // Bytes, not characters: a CRLF is one character, equal to neither "\r" nor "\n", and must be quoted too.
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
