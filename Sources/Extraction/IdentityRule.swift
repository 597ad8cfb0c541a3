import ReportModel

/// A named arithmetic identity between printed cells: Σ `lhs` = Σ `rhs`.
public struct IdentityRule: Sendable, Hashable {
    /// The stable rule name, for example `t3.balance.total`.
    public let name: String
    /// The readable statement, for example "一+二 = 三(七)+四".
    public let statement: String
    /// Codes summed on the left.
    public let lhs: [String]
    /// Codes summed on the right.
    public let rhs: [String]
    /// When false, a right-hand side of which only some parts are printed is compared by the parts printed
    /// (old-format tables often list only some channels); a shortfall is then `uncertain`, an excess `fail`.
    public let requiresAllParts: Bool
    /// Every cell of the rule, left then right, as each result names them.
    private let cells: [String]
    /// The catalogue positions of `lhs` and `rhs` (nil for a code outside the catalogue, which is never printed).
    private let lhsPositions, rhsPositions: [Int?]

    /// Creates a rule.
    public init(name: String, statement: String, lhs: [String], rhs: [String], requiresAllParts: Bool = true) {
        self.name = name
        self.statement = statement
        self.lhs = lhs
        self.rhs = rhs
        self.requiresAllParts = requiresAllParts
        cells = lhs + rhs
        lhsPositions = lhs.map(IndicatorCatalogue.position)
        rhsPositions = rhs.map(IndicatorCatalogue.position)
    }

    /// Evaluates the rule on one report's figures.
    public func evaluate(_ figures: IndicatorValues) -> AuditResult {
        // Each cell is looked up once.
        let left = lhsPositions.map { $0.map { figures[position: $0] } ?? .notPrinted }
        let right = rhsPositions.map { $0.map { figures[position: $0] } ?? .notPrinted }
        let leftValues = Printed(left)
        let rightValues = Printed(right)
        let leftAbsent = leftValues.cells == 0
        let rightAbsent = rightValues.cells == 0
        if (leftAbsent && rightAbsent) || (!requiresAllParts && (leftAbsent || rightAbsent)) {
            return AuditResult(rule: name, status: .notAssessable, message: "\(statement): not printed", cells: cells)
        }
        // "statement (3+缺 = 2+空)" and what follows, written as bytes and made a string once.
        var message = Array(statement.utf8)
        message += Self.openNumbers
        Self.describe(left, into: &message)
        message += Self.equals
        Self.describe(right, into: &message)
        message.append(UInt8(ascii: ")"))
        func result(_ status: AuditStatus, _ ending: String = "") -> AuditResult {
            message += ending.utf8
            return AuditResult(
                rule: name, status: status, message: String(decoding: message, as: UTF8.self), cells: cells)
        }
        if rightAbsent, leftValues.numbers == left.count, leftValues.allZero {
            return result(.pass, ": total 0, no breakdown needed")  // a zero total needs no breakdown: every part is 0
        }
        let leftMissing = leftValues.numbers < left.count
        let rightMissing = rightValues.numbers < right.count
        let printedParts = rightValues.sum
        if !leftMissing, rightMissing, lhs.count == 1, let total = leftValues.first, printedParts > total + 1e-6,
            rightValues.allNonNegative
        {
            // Parts are never negative: printed parts that already exceed the total break the identity.
            return result(.fail, ": printed parts exceed the total by \(NumberText.format(printedParts - total))")
        }
        if leftMissing || (requiresAllParts && rightMissing) { return result(.uncertain, ": a cell is not printed") }
        let leftSum = leftValues.sum
        let rightSum = printedParts
        if abs(leftSum - rightSum) < 1e-6 { return result(.pass) }
        if rightMissing && rightSum < leftSum {
            return result(.uncertain, ": printed parts fall short by \(NumberText.format(leftSum - rightSum))")
        }
        return result(.fail, ": differs by \(NumberText.format(leftSum - rightSum))")
    }

    private static let openNumbers = Array(" (".utf8)
    private static let equals = Array(" = ".utf8)
    private static let notPrinted = Array("缺".utf8)
    private static let blank = Array("空".utf8)

    /// What one side of a rule prints, read in one pass: its cells printed at all, the numbers among them (not
    /// blanks), their sum in order, the first number, and whether all numbers are 0 or all are ≥ 0.
    private struct Printed {
        var cells = 0, numbers = 0
        var sum = 0.0
        var first: Double?
        var allZero = true, allNonNegative = true

        init(_ values: [FigureCell]) {
            for value in values {
                guard value.isPrinted else { continue }
                cells += 1
                guard let number = value.number else { continue }
                numbers += 1
                sum += number
                if first == nil { first = number }
                if number != 0 { allZero = false }
                if !(number >= 0) { allNonNegative = false }
            }
        }
    }

    /// The cells as "3+缺+空": a number as printed, 缺 for a cell not printed, 空 for a printed blank. Written into
    /// bytes, whole numbers digit by digit (a string per cell joined had been half of evaluating the rules).
    private static func describe(_ values: [FigureCell], into text: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(UInt8(ascii: "+")) }
            let number: Double
            switch value {
            case .notPrinted:
                text += notPrinted
                continue
            case .blank:
                text += blank
                continue
            case .value(let printed): number = printed
            }
            if number == number.rounded(), abs(number) < 1e15 {
                NumberText.appendDigits(Int64(number), to: &text)  // what NumberText.format gives, without a string
            } else {
                text += NumberText.format(number).utf8
            }
        }
    }
}
