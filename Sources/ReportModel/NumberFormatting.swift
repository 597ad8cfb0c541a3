import Foundation

/// Prints figures the way reports do: integers without a decimal point, decimals trimmed.
public enum NumberText {
    /// "26" for 26.0, "1.25" for 1.25, "" for nil.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Appends the decimal digits of `value` (with a minus sign when negative) as UTF-8, without making a string.
    public static func appendDigits(_ value: Int64, to text: inout [UInt8]) {
        if value < 0 { text.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = text.count
        repeat {
            text.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        text[start...].reverse()
    }
}
