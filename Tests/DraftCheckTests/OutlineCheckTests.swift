import Testing

@testable import DraftCheck

/// The outline rules on heading lines as drafts print them.
@Suite("Outline of a draft")
struct OutlineCheckTests {
    static let statutory = [
        "一、总体情况", "本年度，我单位持续深化政务公开。", "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    ]

    func rules(_ lines: [String]) -> [String] {
        OutlineCheck.problems(lines, actor: .unit).map { "\($0.rule) \($0.cells.joined(separator: ","))" }
    }

    @Test func theStatutoryOutlineHasNoProblem() {
        #expect(rules(Self.statutory).isEmpty)
        // Unnumbered lines that only mention a section's words are not headings.
        #expect(rules(Self.statutory + ["行政复议", "主动公开情况详见下表。"]).isEmpty)
    }

    @Test func aMissingSectionIsNamed() {
        let problems = OutlineCheck.problems(Self.statutory.filter { !$0.contains("其他需要报告") }, actor: .unit)
        #expect(problems.map(\.rule) == ["outline.missing"])
        #expect(problems.first?.cells == ["section:6"])
        #expect(problems.first?.expected == "六、其他需要报告的事项")
    }

    @Test func aWrongNumberIsShownWithTheStatutoryOne() {
        var lines = Self.statutory
        lines[4] = "三、政府信息公开行政复议、行政诉讼情况"
        let problems = OutlineCheck.problems(lines, actor: .unit)
        #expect(problems.map(\.rule) == ["outline.numbering"])
        #expect(problems.first?.expected == "四、" && problems.first?.printed == "三、")
    }

    @Test func sectionsOutOfOrder() {
        var lines = Self.statutory
        lines.swapAt(2, 3)
        #expect(rules(lines).contains("outline.order section:1,section:3,section:2,section:4,section:5,section:6"))
    }

    @Test func anotherNumberingSystemIsMixed() {
        var lines = Self.statutory
        lines[5] = "5.存在的主要问题及改进情况"
        lines[6] = "（六）其他需要报告的事项"
        #expect(rules(lines) == ["outline.mixed_numbering section:5", "outline.mixed_numbering section:6"])
    }

    @Test func aTopicOfTheOverviewNumberedAsASection() {
        var lines = Self.statutory
        lines.insert("二、依申请公开", at: 2)
        lines.insert("（三）政府信息管理", at: 2)  // in its place under 总体情况
        #expect(rules(lines) == ["outline.promoted_topic topic:依申请公开"])
    }

    @Test func aSectionPrintedTwiceOrUnnumbered() {
        var lines = Self.statutory + ["五、存在的主要问题及改进情况"]
        #expect(rules(lines) == ["outline.numbering section:5"])
        lines = Self.statutory
        lines[0] = "总体情况"
        #expect(rules(lines) == ["outline.numbering section:1"])
    }

    @Test func headingNumbersOfEverySystem() {
        let cases: [(String, NumberingSystem?, Int)] = [
            ("四、政府信息公开", .chinese, 4), ("十一、其他", .chinese, 11), ("4.存在", .arabic, 4), ("4、存在", .arabic, 4),
            ("（四）监督保障", .parenthesisedChinese, 4), ("(2)平台建设", .parenthesisedArabic, 2),
            ("2.5万元", nil, 0), ("一是政策解读", nil, 0), ("总体情况", nil, 0),
        ]
        for (line, system, value) in cases {
            let number = HeadingNumber.split(line).number
            #expect(number?.system == system, "\(line)")
            if system != nil { #expect(number?.value == value, "\(line)") }
        }
        #expect(NumberingSystem.chinese.marker(12) == "十二、")
    }
}
