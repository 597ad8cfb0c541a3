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
}
