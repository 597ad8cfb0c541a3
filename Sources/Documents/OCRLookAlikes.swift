/// Letters OCR reads in place of digits (`o` for 0, `l` for 1), and specks it reads as a mark after a number
/// (`1.`, `1：`): in a table read by OCR, a word made of digits and such letters, or a number followed by such
/// marks, is read as the digits where it stands in a value column, and nowhere else.
enum OCRLookAlikes {
    /// The letters OCR confuses with digits, and the digit each stands for.
    static let digits: [Character: Character] = [
        "O": "0", "o": "0", "D": "0", "〇": "0", "○": "0", "l": "1", "I": "1", "|": "1", "Z": "2", "S": "5", "B": "8",
    ]
    /// Marks a speck after a number is read as; a count never ends with one.
    static let specks: Set<Character> = [".", "。", ":", "：", ",", "，", "'", "`", "·"]

    /// The region's lines with the look-alikes of OCR'd words that stand in a value column (where the region's
    /// numbers align) read as digits; lines of a text layer come back as they are.
    static func readingDigits(in lines: [PDFLine]) -> [PDFLine] {
        let values = lines.flatMap(\.words).filter { $0.isValue && $0.text.contains(where: \.isNumber) }
        guard values.contains(where: { $0.confidence != nil }) else { return lines }
        let columns = PDFColumns(words: values)
        return lines.map { line in
            PDFLine(
                words: line.words.map { word in
                    guard word.confidence != nil, let text = digitText(word.text),
                        columns.ranges.contains(where: { $0.contains(word.midX) })
                    else { return word }
                    return word.replacingText(text)
                })
        }
    }

    /// The digits a word of digits and look-alikes, or of digits and trailing specks, stands for (at most six
    /// characters, at least one a look-alike or a speck); nil for any other word.
    static func digitText(_ text: String) -> String? {
        var body = Substring(text)
        while let last = body.last, specks.contains(last) { body = body.dropLast() }
        guard text.count <= 6, !body.isEmpty, body.count < text.count || body.contains(where: { digits[$0] != nil })
        else { return nil }
        var result = ""
        for character in body {
            if character.isASCII && character.isNumber {
                result.append(character)
            } else if let digit = digits[character] {
                result.append(digit)
            } else {
                return nil
            }
        }
        return result
    }
}
