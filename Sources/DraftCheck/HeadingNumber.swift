/// A numbering system of headings.
public enum NumberingSystem: String, Sendable, Hashable, CaseIterable {
    /// 一、二、三、
    case chinese
    /// 1. 2. or 1、2、
    case arabic
    /// （一）（二）
    case parenthesisedChinese = "parenthesised_chinese"
    /// （1）（2）
    case parenthesisedArabic = "parenthesised_arabic"

    /// The marker of number `number` in this system, as the template prints it.
    public func marker(_ number: Int) -> String {
        switch self {
        case .chinese: return ChineseNumeral.text(number) + "、"
        case .arabic: return "\(number)."
        case .parenthesisedChinese: return "（" + ChineseNumeral.text(number) + "）"
        case .parenthesisedArabic: return "（\(number)）"
        }
    }
}

/// The number a heading starts with: its system, its value and the marker as printed.
public struct HeadingNumber: Sendable, Hashable {
    /// The numbering system.
    public var system: NumberingSystem
    /// The number.
    public var value: Int
    /// The marker as printed ("四、", "4.", "（四）").
    public var printed: String

    /// The number `line` starts with and the text after it, or nil and the whole line when it starts with none.
    public static func split(_ line: String) -> (number: HeadingNumber?, rest: String) {
        let characters = Array(line)
        var index = 0
        var system: NumberingSystem?
        var value = 0
        let opens = index < characters.count && "（(".contains(characters[index])
        if opens { index += 1 }
        let start = index
        if let digits = Self.prefix(of: characters, from: index, where: \.isASCIIDigit), digits <= 2 {
            value = Int(String(characters[index..<(index + digits)])) ?? 0
            index += digits
            system = opens ? .parenthesisedArabic : .arabic
        } else if let numerals = Self.prefix(of: characters, from: index, where: ChineseNumeral.isNumeral),
            let number = ChineseNumeral.value(String(characters[index..<(index + numerals)]))
        {
            value = number
            index += numerals
            system = opens ? .parenthesisedChinese : .chinese
        }
        guard let found = system, index < characters.count else { return (nil, line) }
        let closing = characters[index]
        if opens {
            guard "）)".contains(closing) else { return (nil, line) }
        } else {
            guard "、．.".contains(closing) else { return (nil, line) }
            // "2.5" and "1.2万" are numbers, not headings.
            if closing == ".", index + 1 < characters.count, characters[index + 1].isASCIIDigit { return (nil, line) }
        }
        index += 1
        let printed = String(characters[(opens ? start - 1 : start)..<index])
        let rest = String(characters[index...]).trimming(" 　")
        return (HeadingNumber(system: found, value: value, printed: printed), rest)
    }

    private static func prefix(of characters: [Character], from index: Int, where test: (Character) -> Bool) -> Int? {
        var end = index
        while end < characters.count && test(characters[end]) { end += 1 }
        return end > index ? end - index : nil
    }
}

/// Chinese numerals from 一 to 九十九, as headings use them.
enum ChineseNumeral {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func isNumeral(_ character: Character) -> Bool { digits.contains(character) || character == "十" }

    /// The value of 一 … 九十九, or nil.
    static func value(_ text: String) -> Int? {
        let characters = Array(text)
        func digit(_ character: Character) -> Int? { digits.firstIndex(of: character) }
        switch characters.count {
        case 1: return characters[0] == "十" ? 10 : digit(characters[0]).flatMap { $0 > 0 ? $0 : nil }
        case 2:
            if characters[0] == "十", let ones = digit(characters[1]), ones > 0 { return 10 + ones }
            if characters[1] == "十", let tens = digit(characters[0]), tens > 1 { return tens * 10 }
            return nil
        case 3:
            guard characters[1] == "十", let tens = digit(characters[0]), tens > 1, let ones = digit(characters[2]),
                ones > 0
            else { return nil }
            return tens * 10 + ones
        default: return nil
        }
    }

    /// 1 … 99 as Chinese numerals.
    static func text(_ number: Int) -> String {
        let tens = number / 10
        let ones = number % 10
        let tensText = tens == 0 ? "" : (tens == 1 ? "" : String(digits[tens])) + "十"
        return tensText + (ones == 0 ? "" : String(digits[ones]))
    }
}

extension Character {
    /// 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The text without the characters of `set` at either end.
    func trimming(_ set: String) -> String {
        var characters = Substring(self)
        while let first = characters.first, set.contains(first) { characters = characters.dropFirst() }
        while let last = characters.last, set.contains(last) { characters = characters.dropLast() }
        return String(characters)
    }
}
