import Documents
import ReportModel
import Testing

@testable import Extraction

@Suite("Cell semantics and table quirks")
struct CellAndTableQuirkTests {
    @Test func cellsReadAsPrinted() {
        #expect(CellValue.parse("22（其中修订16件）").value == 22)
        #expect(CellValue.parse("251000元").unit == "元")
        #expect(CellValue.parse("12.35").value == 12.35)
        #expect(CellValue.parse("-2").value == -2)
        #expect(CellValue.parse("—").kind == .placeholder)
        #expect(CellValue.parse("").kind == .blank)
        #expect(CellValue.parse("详见附件").kind == .text)
        #expect(CellValue.parse("1,200").value == 1200)
    }

    @Test func numbersAreReadFromTheirBytesWithEveryPrintedDecoration() {
        #expect(CellValue.parse("1,234.5 万元") == CellValue(kind: .number, value: 1234.5, raw: "1,234.5 万元", unit: "万元"))
        #expect(CellValue.parse(" 12. ").value == 12, "a trailing point")
        #expect(CellValue.parse("－3").value == -3, "a full-width minus")
        #expect(CellValue.parse("+7 (其中5件)").value == 7)
        #expect(CellValue.parse("3.5%").unit == "%")
        #expect(CellValue.parse("1234567890123456789").value == 1_234_567_890_123_456_789)
        #expect(CellValue.parse("0.1").value == 0.1, "decimals round as Double's own reading does")
        let negativeZero = try? #require(CellValue.parse("-0").value)
        #expect(negativeZero == 0 && negativeZero?.sign == .minus, "printed as -0, kept as -0")
        // Labels that start with a digit are text, and so is a unit that a combining mark turns into another character.
        #expect(CellValue.parse("1.属于国家秘密").kind == .text)
        #expect(CellValue.parse("12元\u{301}").kind == .text)
        #expect(CellValue.parse("12（\u{301}").kind == .text)
        #expect(CellValue.parse("12元\u{301}件").kind == .text)
        #expect(["-", "－－", "／", " 无 ", "空"].allSatisfy { CellValue.parse($0).kind == .placeholder })
        #expect(CellValue.parse("无效").kind == .text && CellValue.parse("空白").kind == .text)
        #expect(
            TableRow.isUnitWord("人次") && TableRow.isUnitWord("万元") && !TableRow.isUnitWord("万")
                && !TableRow.isUnitWord("人次数"))
        #expect(CellValue.parse("-x").kind == .text)
    }

    /// A 2021 table 三 whose header colspans do not line up with the data, with a blank 总计 beside non-zero parts.
    static let misaligned = """
        <html><head><title>某某街道办事处2023年政府信息公开工作年度报告</title></head><body>
        <p>本年度主动公开政府信息120条。</p>
        <table>
        <tr><td colspan="4">申请人情况</td><td colspan="7">法人或其他组织等</td></tr>
        <tr><td>（本列数据的勾稽关系）</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
        <tr><td>一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td></tr>
        <tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        <tr><td>三、本年度办理结果（一）予以公开</td><td>4</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
        <tr><td>（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td><td>1</td><td>—</td><td>-</td><td>/</td><td>无</td><td>0</td><td>1</td></tr>
        <tr><td>（七）总计</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
        <tr><td>四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
        </table></body></html>
        """

    @Test func aSiteNameAndQuotesAroundTheUnitAreLeftOut() throws {
        for title in ["某某网_首页-“某某街道办事处”2023年度政府信息公开工作年度报告", "《某某街道办事处》 2023 年政府信息公开工作年度报告"] {
            let page = Self.misaligned.replacingOccurrences(of: "某某街道办事处2023年政府信息公开工作年度报告", with: title)
            #expect(page != Self.misaligned)
            let result = try Extractor.extract(try DocumentReader.read(Array(page.utf8)))
            #expect(result.unit == "某某街道办事处" && result.year == 2023, "\(title)")
        }
    }

    @Test func blankTotalBesideNonZeroPartsIsMissingNotZero() throws {
        let result = try Extractor.extract(try DocumentReader.read(Array(Self.misaligned.utf8)))
        #expect(result.format == .v2021)
        #expect(result.year == 2023)
        #expect(result.unit == "某某街道办事处")
        let values = result.values
        #expect(values["t3.natural.new_received"] == .value(5))
        #expect(values["t3.commercial.new_received"] == .value(1))
        #expect(values["t3.total.new_received"] == .blank, "printed blank beside 5 + 1: not printed, not 0")
        #expect(result.warnings.contains { $0.contains("t3.total.new_received") && $0.contains("implied 6") })
        #expect(values["t3.commercial.result.other.no_correction"] == .value(0), "— is a placeholder for 0")
        #expect(values["t3.total.result.total"] == .value(6))
        let balance = try #require(result.audit.first { $0.rule == "t3.balance.total" })
        #expect(balance.status == .uncertain)
        let row = try #require(result.audit.first { $0.rule == "t3.row.result.total" })
        #expect(row.status == .pass)
    }

    @Test func proseOnlyTownshipReportGivesProseFiguresAndNothingElse() throws {
        let text = """
            某某镇2016年政府信息公开工作年度报告
            一、概述
            本年度主动公开政府信息138条。
            二、依申请公开情况
            本年度未收到依申请公开申请。
            三、行政复议和行政诉讼情况
            本年度未发生因政府信息公开引起的行政复议和行政诉讼。
            """
        let result = try Extractor.extract(try DocumentReader.read(Array(text.utf8), fileName: "t.txt"))
        #expect(result.format == .old)
        #expect(
            result.values == [
                "s1.proactive_items": 138, "s1.applications": 0, "old.proactive.total": 138,
                "old.apply.received": 0, "old.review.total": 0, "old.litigation.total": 0,
            ])
    }

    @Test func aListPageIsNotAReport() throws {
        let links = (2015...2024).map { "<li><a href=\"/nb/\($0).html\">\($0)年政府信息公开工作年度报告</a></li>" }.joined()
        let page = "<html><body><ul>\(links)</ul></body></html>"
        #expect {
            try Extractor.extract(try DocumentReader.read(Array(page.utf8)))
        } throws: { error in
            "\(error)".contains("list page")
        }
        #expect(throws: ExtractionError.self) {
            try Extractor.extract(try DocumentReader.read(Array("<html><body><p>用户登录 密码</p></body></html>".utf8)))
        }
    }

    @Test func aRowWithTooFewCellsIsSkippedWithOneWarning() throws {
        let page = """
            <html><head><title>某某镇2024年政府信息公开工作年度报告</title></head><body>
            <p>本年度主动公开政府信息86条。</p>
            <table>
            <tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
            <tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
            </table></body></html>
            """
        let result = try Extractor.extract(try DocumentReader.read(Array(page.utf8)))
        #expect(result.values["t3.total.new_received"] == .value(3))
        #expect(
            result.values["t3.natural.carried_over"] == .notPrinted,
            "a row that does not fit the columns is not guessed")
        let skipped = result.warnings.filter { $0.contains("5 cells for 7 columns; row skipped") }
        #expect(skipped.count == 1, "\(result.warnings)")
    }
}
