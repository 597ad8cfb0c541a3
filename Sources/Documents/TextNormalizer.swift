/// Folds the white space and digit forms of real reports into one plain form.
public enum TextNormalizer {
    /// Full-width digits and signs to ASCII, NBSP/U+3000/tabs/newlines to single spaces, trimmed.
    public static func normalize(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if folded == " " {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(folded)
        }
        return String(scalars)
    }

    /// Removes every space, for matching labels whose characters were split across spans.
    public static func compact(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(normalize(text).unicodeScalars.filter { $0 != " " }))
    }

    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19: return Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar
        case 0xFF0E: return "."
        case 0x00A0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x20: return " "
        default: return scalar
        }
    }
}
