/// The outline of a 2019- or 2021-template draft: the six statutory sections present, in order, each numbered
/// once with its statutory number, all in one numbering system, and 总体情况's topics not numbered as sections.
public enum OutlineCheck {
    /// The outline's problems of a draft whose lines (paragraphs, or a text copy's lines) are `lines`.
    public static func problems(_ lines: [String], actor: CheckActor) -> [CheckProblem] {
        let candidates = lines.compactMap(HeadingCandidate.init)
        let headings = candidates.compactMap { candidate in candidate.section.map { (section: $0, heading: candidate) }
        }
        let system = mainSystem(headings.compactMap(\.heading.number?.system))
        var problems: [CheckProblem] = []
        var firsts: [(section: StatutorySection, heading: HeadingCandidate)] = []
        for (section, heading) in headings {
            if firsts.contains(where: { $0.section == section }) {
                problems.append(
                    problem(
                        .outlineNumbering, section, actor, passage: heading.line,
                        expected: "只出现一次", printed: "再次出现",
                        message: "第\(ChineseNumeral.text(section.rawValue))部分「\(section.title)」的标题出现了不止一次"))
            } else {
                firsts.append((section, heading))
            }
        }
        for section in StatutorySection.allCases where !firsts.contains(where: { $0.section == section }) {
            problems.append(
                problem(
                    .outlineMissing, section, actor, passage: nil,
                    expected: system.marker(section.rawValue) + section.title, printed: "（缺）",
                    message: "缺少第\(ChineseNumeral.text(section.rawValue))部分「\(section.title)」"))
        }
        let order = firsts.map(\.section.rawValue)
        if order != order.sorted() {
            problems.append(
                CheckProblem(
                    rule: DraftRule.outlineOrder.rawValue, severity: DraftRule.outlineOrder.defaultSeverity,
                    actor: actor,
                    cells: order.map { "section:\($0)" }, passage: firsts.map(\.heading.line).joined(separator: " → "),
                    expected: order.sorted().map { system.marker($0) }.joined(separator: " "),
                    printed: firsts.map { $0.heading.number?.printed ?? "（无编号）" }.joined(separator: " "),
                    message: "各部分未按法定顺序排列：应为总体情况、主动公开、收到和处理申请、复议诉讼、存在的问题、其他事项"))
        }
        for (section, heading) in firsts {
            let expected = system.marker(section.rawValue)
            guard let number = heading.number else {
                problems.append(
                    problem(
                        .outlineNumbering, section, actor, passage: heading.line, expected: expected,
                        printed: "（无编号）", message: "「\(section.title)」没有编号"))
                continue
            }
            if number.system != system {
                problems.append(
                    problem(
                        .outlineMixedNumbering, section, actor, passage: heading.line, expected: expected,
                        printed: number.printed,
                        message: "「\(section.title)」的编号 \(number.printed) 与其他部分的编号体系（\(system.marker(1))）不同"))
            } else if number.value != section.rawValue {
                problems.append(
                    problem(
                        .outlineNumbering, section, actor, passage: heading.line, expected: expected,
                        printed: number.printed,
                        message: "「\(section.title)」是第\(ChineseNumeral.text(section.rawValue))部分，编号印为 \(number.printed)"
                    ))
            }
        }
        for candidate in candidates {
            guard let topic = candidate.topic, let number = candidate.number, number.system == system else { continue }
            problems.append(
                CheckProblem(
                    rule: DraftRule.outlinePromotedTopic.rawValue,
                    severity: DraftRule.outlinePromotedTopic.defaultSeverity,
                    actor: actor, cells: ["topic:\(topic)"], passage: candidate.line,
                    expected: "在「一、总体情况」之下（如（一）\(topic)）", printed: number.printed,
                    message: "总体情况的内容「\(candidate.title)」被编为与法定部分同级的标题"))
        }
        return problems
    }

    /// The system most section headings use (the first one's of equals); 一、 when none is numbered.
    static func mainSystem(_ systems: [NumberingSystem]) -> NumberingSystem {
        var counts: [NumberingSystem: Int] = [:]
        var best: NumberingSystem?
        for system in systems {
            counts[system, default: 0] += 1
            if let current = best, counts[current]! >= counts[system]! { continue }
            best = system
        }
        return best ?? .chinese
    }

    private static func problem(
        _ rule: DraftRule, _ section: StatutorySection, _ actor: CheckActor, passage: String?,
        expected: String, printed: String, message: String
    ) -> CheckProblem {
        CheckProblem(
            rule: rule.rawValue, severity: rule.defaultSeverity, actor: actor, cells: ["section:\(section.rawValue)"],
            passage: passage, expected: expected, printed: printed, message: message)
    }
}
