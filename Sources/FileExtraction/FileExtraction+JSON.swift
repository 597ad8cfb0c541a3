import Foundation
import ReportModel

extension FileExtraction.Output {
    /// The output as pretty-printed JSON with sorted keys, in UTF-8: the same text Foundation's `JSONEncoder` gives
    /// with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, written straight into bytes (the encoder's
    /// generic containers, boxing and key sorting were a fifth of `nianbao extract --format json`).
    public var prettyJSON: [UInt8] {
        var writer = PrettyJSONWriter()
        writer.object(self)
        return writer.bytes
    }
}

/// The byte writer behind `FileExtraction.Output.prettyJSON`.
private struct PrettyJSONWriter {
    var bytes: [UInt8] = []
    var level = 0
    private static let indent = [UInt8](repeating: 0x20, count: 64)

    init() { bytes.reserveCapacity(16_384) }

    mutating func object(_ output: FileExtraction.Output) {
        open(UInt8(ascii: "{"))
        // Keys in byte order, as `.sortedKeys` sorts them.
        key("audit", first: true)
        open(UInt8(ascii: "["))
        for (index, line) in output.audit.enumerated() {
            if index > 0 { separator() }
            newline()
            open(UInt8(ascii: "{"))
            key("message", first: true)
            string(line.message)
            key("rule")
            string(line.rule)
            key("status")
            string(line.status)
            close(UInt8(ascii: "}"), empty: false)
        }
        close(UInt8(ascii: "]"), empty: output.audit.isEmpty)
        if let error = output.error {
            key("error")
            string(error)
        }
        key("figures")
        open(UInt8(ascii: "{"))
        let figures = output.figures
        let positions = figures.positionsInCodeByteOrder
        let keys = Self.codeKeys
        keys.bytes.withUnsafeBufferPointer { keyBytes in
            for (index, position) in positions.enumerated() {
                if index > 0 { separator() }
                newline()
                bytes.append(
                    contentsOf: UnsafeBufferPointer(
                        rebasing: keyBytes[keys.starts[position]..<keys.starts[position + 1]]))
                number(figures[position: position].number)
            }
        }
        close(UInt8(ascii: "}"), empty: positions.isEmpty)
        key("file")
        string(output.file)
        key("format")
        string(output.format)
        key("published")
        optionalString(output.published)
        key("unit")
        optionalString(output.unit)
        key("warnings")
        open(UInt8(ascii: "["))
        for (index, warning) in output.warnings.enumerated() {
            if index > 0 { separator() }
            newline()
            string(warning)
        }
        close(UInt8(ascii: "]"), empty: output.warnings.isEmpty)
        key("year")
        if let year = output.year { bytes += String(year).utf8 } else { null() }
        close(UInt8(ascii: "}"), empty: false)
    }

    /// Every indicator code as its key is written (`"t3.total.new_received" : `), one after another in catalogue
    /// order, and where each starts (one more for the end), made once.
    private static let codeKeys: (bytes: [UInt8], starts: [Int]) = {
        var writer = PrettyJSONWriter()
        var starts: [Int] = []
        for indicator in IndicatorCatalogue.all {
            starts.append(writer.bytes.count)
            writer.string(indicator.code)
            writer.bytes += " : ".utf8
        }
        return (writer.bytes, starts + [writer.bytes.count])
    }()

    /// `"name" : ` on a new line, after a comma unless it is the first key of its object.
    mutating func key(_ name: String, first: Bool = false) {
        if !first { separator() }
        newline()
        string(name)
        bytes.append(0x20)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        level += 1
    }

    /// Closes an object or array; an empty one keeps the encoder's blank line.
    mutating func close(_ bracket: UInt8, empty: Bool) {
        level -= 1
        if empty { bytes.append(UInt8(ascii: "\n")) }
        newline()
        bytes.append(bracket)
    }

    mutating func separator() { bytes.append(UInt8(ascii: ",")) }

    mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: Self.indent.prefix(2 * level))
    }

    mutating func null() { bytes += "null".utf8 }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A number as the encoder prints a `Double`: its shortest form, whole numbers without ".0".
    mutating func number(_ value: Double?) {
        guard let value else { return null() }
        if value == value.rounded(), abs(value) < 1e15, value != 0 || value.sign == .plus {
            NumberText.appendDigits(Int64(value), to: &bytes)  // most figures: what the description gives without ".0"
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes += text.utf8
    }

    /// A quoted string; runs that need no escape are copied whole, and multi-byte UTF-8 passes unchanged (none
    /// of its bytes is below 0x80).
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = value
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated()
            where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
        default:
            bytes += [UInt8(ascii: "u"), 0x30, 0x30]
            HexDigits.append(byte, to: &bytes)
        }
    }
}
