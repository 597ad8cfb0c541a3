import ReportModel

/// Finds HTML inside JavaScript string literals (`var content = "<p>…</p>";`) and unescapes it.
enum ScriptStrings {
    /// The string literals of `code` that contain markup, unescaped, in order.
    static func htmlLiterals(_ code: String) -> [String] {
        var literals: [String] = []
        var characters = code.unicodeScalars.makeIterator()
        var quote: Unicode.Scalar?
        var current = String.UnicodeScalarView()
        while let scalar = characters.next() {
            guard let open = quote else {
                if scalar == "\"" || scalar == "'" || scalar == "`" {
                    quote = scalar
                    current = .init()
                }
                continue
            }
            if scalar == open {
                let literal = String(current)
                if literal.includes("<table") || literal.includes("<p") { literals.append(literal) }
                quote = nil
            } else if scalar == "\\" {
                guard let escaped = characters.next() else { break }
                switch escaped {
                case "n": current.append("\n")
                case "t": current.append("\t")
                case "r": current.append("\r")
                case "u":
                    var hex = ""
                    for _ in 0..<4 { if let digit = characters.next() { hex.unicodeScalars.append(digit) } }
                    if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                        current.append(decoded)
                    }
                default: current.append(escaped)
                }
            } else {
                current.append(scalar)
            }
        }
        return literals
    }
}
