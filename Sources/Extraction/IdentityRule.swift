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
        // Each cell is looked up once: nil when the code is not printed, .some(nil) for a printed blank.
        let left = lhsPositions.map { $0.flatMap { figures[position: $0] } }
        let right = rhsPositions.map { $0.flatMap { figures[position: $0] } }
        let leftAbsent = left.allSatisfy { $0 == nil }
        let rightAbsent = right.allSatisfy { $0 == nil }
        if (leftAbsent && rightAbsent) || (!requiresAllParts && (leftAbsent || rightAbsent)) {
            return AuditResult(rule: name, status: .notAssessable, message: "\(statement): not printed", cells: cells)
        }
        var described: [UInt8] = [UInt8(ascii: "(")]
        Self.describe(left, into: &described)
        described += " = ".utf8
        Self.describe(right, into: &described)
        described.append(UInt8(ascii: ")"))
        let numbers = String(decoding: described, as: UTF8.self)
        let leftValues = left.compactMap { $0 ?? nil }
        let rightValues = right.compactMap { $0 ?? nil }
        if rightAbsent, leftValues.count == left.count, leftValues.allSatisfy({ $0 == 0 }) {
            // A zero total needs no breakdown: every part must be 0.
            return AuditResult(rule: name, status: .pass, message: "\(statement) \(numbers): total 0, no breakdown needed",
                               cells: cells)
        }
        let leftMissing = leftValues.count < left.count
        let rightMissing = rightValues.count < right.count
        let printedParts = rightValues.reduce(0, +)
        if !leftMissing, rightMissing, lhs.count == 1, let total = leftValues.first, printedParts > total + 1e-6,
           rightValues.allSatisfy({ $0 >= 0 }) {
            // Parts are never negative: printed parts that already exceed the total break the identity.
            return AuditResult(rule: name, status: .fail,
                               message: "\(statement) \(numbers): printed parts exceed the total by \(NumberText.format(printedParts - total))",
                               cells: cells)
        }
        if leftMissing || (requiresAllParts && rightMissing) {
            return AuditResult(rule: name, status: .uncertain, message: "\(statement) \(numbers): a cell is not printed",
                               cells: cells)
        }
        let leftSum = leftValues.reduce(0, +)
        let rightSum = printedParts
        if abs(leftSum - rightSum) < 1e-6 {
            return AuditResult(rule: name, status: .pass, message: "\(statement) \(numbers)", cells: cells)
        }
        if rightMissing && rightSum < leftSum {
            return AuditResult(rule: name, status: .uncertain,
                               message: "\(statement) \(numbers): printed parts fall short by \(NumberText.format(leftSum - rightSum))",
                               cells: cells)
        }
        return AuditResult(rule: name, status: .fail,
                           message: "\(statement) \(numbers): differs by \(NumberText.format(leftSum - rightSum))", cells: cells)
    }

    /// The cells as "3+缺+空": a number as printed, 缺 for a cell not printed, 空 for a printed blank. Written into
    /// bytes, whole numbers digit by digit (a string per cell joined had been half of evaluating the rules).
    private static func describe(_ values: [Double??], into text: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(UInt8(ascii: "+")) }
            guard let value else {
                text += "缺".utf8
                continue
            }
            guard let number = value else {
                text += "空".utf8
                continue
            }
            if number == number.rounded(), abs(number) < 1e15 {
                NumberText.appendDigits(Int64(number), to: &text)  // what NumberText.format gives, without a string
            } else {
                text += NumberText.format(number).utf8
            }
        }
    }
}
