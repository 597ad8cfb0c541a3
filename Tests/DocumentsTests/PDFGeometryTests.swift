import Testing

@testable import Documents

/// Tables built from words and their boxes, as `pdftotext -bbox-layout` gives them.
@Suite("PDF tables by the position of their words")
struct PDFGeometryTests {
    /// A word at `x` on the line at `y` (8 points high, 8 points a character wide).
    static func word(_ text: String, x: Double, y: Double, page: Int = 0) -> PDFWord {
        PDFWord(text: text, page: page, minX: x, minY: y, maxX: x + Double(text.count) * 8, maxY: y + 8)
    }

    static func page(_ words: [PDFWord]) -> PDFPage { PDFPage(width: 595, height: 842, words: words) }

    @Test func numberedLabelsAreToldFromWrappedLines() {
        for numbered in ["（三）不予公开", "三、本年度办理结果", "3.其他", "12、其他", "(2)重复申请"] {
            #expect(PDFLabelBlock.startsNumbered(numbered), "\(numbered)")
        }
        for wrapped in ["（区分处理的，只计这一情形", "一稳定”", "量", "理由逾期不补正、行政", "2022年"] {
            #expect(!PDFLabelBlock.startsNumbered(wrapped), "\(wrapped)")
        }
    }

    @Test func numbersBelowAWrappedLabelGoToThatLabel() {
        // Numbers set at the bottom of tall rows: the first row shows it, the second has its numbers below the label.
        let words = [
            Self.word("1.本机关不掌握", x: 60, y: 100), Self.word("相关政府信息", x: 64, y: 112),
            Self.word("0", x: 200, y: 112), Self.word("2", x: 240, y: 112),
            Self.word("2.没有现成信息", x: 60, y: 130), Self.word("需要另行制作", x: 64, y: 142),
            Self.word("1", x: 200, y: 160), Self.word("1", x: 240, y: 160),
            Self.word("3.补正后申请内", x: 60, y: 178), Self.word("容仍不明确", x: 64, y: 190),
            Self.word("0", x: 200, y: 190), Self.word("0", x: 240, y: 190),
        ]
        let tables = PDFTableBuilder.tables([Self.page(words)])
        let rows = tables.first?.rows.map { $0.map(\.text) } ?? []
        #expect(rows.contains(["", "1.本机关不掌握相关政府信息", "0", "2"]))
        #expect(rows.contains(["", "2.没有现成信息需要另行制作", "1", "1"]))
        #expect(rows.contains(["", "3.补正后申请内容仍不明确", "0", "0"]))
    }

    @Test func aGroupLabelPrintedOneCharacterPerLineIsPutBeforeItsRows() {
        var words: [PDFWord] = []
        for (index, character) in "（六）其他处理".enumerated() {
            words.append(Self.word(String(character), x: 40, y: 100 + Double(index) * 9))
        }
        for (index, label) in ["1.申请人逾期不补正", "2.逾期未缴纳费用", "3.其他"].enumerated() {
            let y = 100 + Double(index) * 20
            words += [
                Self.word(label, x: 60, y: y), Self.word("0", x: 300, y: y), Self.word("1", x: 330, y: y),
                Self.word("1", x: 360, y: y), Self.word("0", x: 390, y: y), Self.word("2", x: 420, y: y),
            ]
        }
        let rows = PDFTableBuilder.tables([Self.page(words)]).first?.rows.map { $0.map(\.text) } ?? []
        #expect(rows.contains(["（六）其他处理", "3.其他", "0", "1", "1", "0", "2"]))
    }

    @Test func footersAndRunningHeadersAreDroppedAndTheTableGoesOn() {
        let header = { (page: Int) in Self.word("示例街道办事处年度报告", x: 200, y: 40, page: page) }
        let footer = { (page: Int) in Self.word("-\(page + 1)-", x: 290, y: 800, page: page) }
        let first = [
            header(0), footer(0), Self.word("1.属于国家秘密", x: 60, y: 700),
            Self.word("1", x: 300, y: 700), Self.word("2", x: 340, y: 700),
        ]
        let second = [
            header(1), footer(1), Self.word("2.其他法律行政法规禁止公开", x: 60, y: 100, page: 1),
            Self.word("0", x: 300, y: 100, page: 1), Self.word("3", x: 340, y: 100, page: 1),
        ]
        let tables = PDFTableBuilder.tables([Self.page(first), Self.page(second)])
        #expect(tables.count == 1)
        let rows = tables.first?.rows.map { $0.map(\.text) } ?? []
        #expect(rows == [["", "1.属于国家秘密", "1", "2"], ["", "2.其他法律行政法规禁止公开", "0", "3"]])
    }

    @Test func aHugeRegionIsLeftToTheLayoutText() {
        let words = (0..<(PDFTableBuilder.maxRegionLines + 1)).flatMap { index in
            [
                Self.word("\(index % 9 + 1).行", x: 60, y: Double(index) * 12),
                Self.word("\(index)", x: 300, y: Double(index) * 12),
            ]
        }
        let started = ContinuousClock.now
        #expect(PDFTableBuilder.tables([PDFPage(width: 595, height: 100_000, words: words)]).isEmpty)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func blankCellsKeepTheirColumnWhenTheHeaderShowsIt() {
        var words = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"].enumerated().map { index, text in
            Self.word(text, x: 200 + Double(index) * 60, y: 80)
        }
        words += [
            Self.word("一、本年新收", x: 40, y: 100), Self.word("3", x: 210, y: 100), Self.word("3", x: 570, y: 100),
            Self.word("二、上年结转", x: 40, y: 120), Self.word("1", x: 270, y: 120), Self.word("1", x: 570, y: 120),
        ]
        let rows = PDFTableBuilder.tables([Self.page(words)]).first?.rows.map { $0.map(\.text) } ?? []
        #expect(rows.contains(["", "一、本年新收", "3", "", "", "", "", "", "3"]))
        #expect(rows.contains(["", "二、上年结转", "", "1", "", "", "", "", "1"]))
    }
}
