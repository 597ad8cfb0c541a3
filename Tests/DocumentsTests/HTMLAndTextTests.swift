import Foundation
import Testing

@testable import Documents

@Suite("HTML and text tables")
struct HTMLAndTextTests {
    @Test func spansAreExpandedAndWordPastedCellsJoined() throws {
        let html = """
            <html><body><div>首页</div><table>
            <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2"><p><span>（一）予以</span><span>公开</span></p></td><td>2</td></tr>
            <tr><td>（二）</td><td>部分公开</td><td>1<o:p>&nbsp;</o:p></td></tr>
            <tr><td>&nbsp;</td><td>　</td><td>x</td><td><table><tr><td>nested</td></tr></table></td></tr>
            </table><p>尾</p></body></html>
            """
        let document = try DocumentReader.read(Array(html.utf8))
        #expect(document.kind == .html)
        #expect(document.tables.count == 2, "the nested table is kept separately")
        let grid = document.tables[0].rows
        #expect(grid[0].map(\.text) == ["三、本年度办理结果", "（一）予以公开", "（一）予以公开", "2"])
        #expect(grid[0][2].isSpanCopy)
        #expect(grid[1].map(\.text) == ["三、本年度办理结果", "（二）", "部分公开", "1"])
        #expect(grid[1][0].isSpanCopy)
        #expect(grid[2][0].text == "" && grid[2][3].text == "")
        #expect(document.tables[1].rows[0][0].text == "nested")
        #expect(document.paragraphs == ["首页", "尾"])
    }

    @Test func cellsOutsideAnyRowMakeARowOfTheirOwn() throws {
        // libxml2 adds no <tr> around cells written straight into a table, as hand-made pages have them.
        let html = """
            <html><body><table><td>申请总数</td><td>12</td><tr><td>予以公开</td><td>5</td></tr>
            <td>不予公开</td><td>1</td></table></body></html>
            """
        let document = try DocumentReader.read(Array(html.utf8))
        #expect(document.tables.count == 1)
        #expect(document.tables[0].rows.map { $0.map(\.text) } == [["申请总数", "12"], ["予以公开", "5"], ["不予公开", "1"]])
    }

    @Test func overlappingSpansHolesAndSpansPastTheEndMakeTheGridBrowsersDraw() throws {
        let html = """
            <html><body><table>
            <tr><td>a</td><td rowspan="3">b</td><td>c</td></tr>
            <tr><th colspan="3">d e</th></tr>
            <tr><td>f</td></tr>
            <tr><td rowspan="9">g</td><td colspan=" 2 ">h</td></tr>
            </table></body></html>
            """
        let table = try #require(try DocumentReader.read(Array(html.utf8)).tables.first)
        let grid = table.rows
        #expect(grid.count == 4, "a rowspan past the last row adds none")
        #expect(grid[0].map(\.text) == ["a", "b", "c"])
        // d starts left of b's span and covers it: the later cell wins the shared position.
        #expect(grid[1].map(\.text) == ["d e", "d e", "d e"])
        #expect(grid[1].map(\.isSpanCopy) == [false, true, true])
        // f takes the first free position; the one b's span skips past stays an empty span copy.
        #expect(grid[2].map(\.text) == ["f", "b"])
        #expect(grid[2][1].isSpanCopy)
        #expect(grid[3].map(\.text) == ["g", "h", "h"])
        #expect(table.compactText == "abcdef" + "gh", "origin cells only, spaces removed")
    }

    @Test func theFullTextHasTheTitleParagraphsAndOneLinePerTableRow() {
        let table = Table(rows: [
            [GridCell(text: "总计"), GridCell(text: "总计", isSpanCopy: true), GridCell(text: "12")],
            [], [GridCell(text: ""), GridCell(text: "空格 在内")],
        ])
        var document = Document(
            kind: .html, encoding: nil, title: "标题", paragraphs: ["一", "", "二"], tables: [table, table],
            links: [], warnings: [])
        let rows = "总计 12\n\n 空格 在内"
        #expect(document.fullText == "标题\n一\n\n二\n" + rows + "\n" + rows)
        #expect(table.compactText == "总计12空格在内")
        document.title = nil
        document.tables = []
        #expect(document.fullText == "一\n\n二")
        document.paragraphs = []
        #expect(document.fullText.isEmpty)
    }

    @Test func theSiteTemplateIsLeftOutButItsLinksAreKept() throws {
        let html = """
            <html><body><div class="top-nav"><a href="/zfxxgknb/">政府信息公开年报</a> 首页</div>
            <header>晋江市人民政府</header><div id="content"><h1>罗山街道2024年政府信息公开工作年度报告</h1><p>正文</p></div>
            <div class="footer">版权所有 2024年1月1日</div><aside><table><tr><td>热点</td></tr></table></aside></body></html>
            """
        let document = try DocumentReader.read(Array(html.utf8))
        #expect(document.paragraphs == ["罗山街道2024年政府信息公开工作年度报告", "正文"])
        #expect(document.tables.isEmpty)
        #expect(document.links == [Link(title: "政府信息公开年报", href: "/zfxxgknb/")])
    }

    @Test func partsComeInDocumentOrderFromTheParsersEvents() throws {
        // Read without a tree: a table's place is kept before the tables in its cells, a link's before the links
        // inside it, and what the markup leaves open is closed at the end of the page.
        let html = """
            <html><head><title>第一<br>标题</title><script>var t = '<p>脚本段落</p>';</script></head><body>
            <p>前<span>文</span><style>p {}</style><select><option>选项</option></select></p>
            <table><tr><td>外<div>层</div><table><tr><td>中<table><tr><td>内</td></tr></table></td></tr></table></td>
            <td rowspan>7</td><td><a href="/b">表内链接</a></td></tr><caption>说明<table><tr><td>不读</td></tr></table></caption></table>
            <a href="/a">链<b>接<a href="/c">内</a></b></a>
            <title>第二标题</title><nav class="x"><p>导航</p><a href>首页</a></nav>
            <table><tr><td>未闭合<td colspan="2">2
            """
        let document = try DocumentReader.read(Array(html.utf8))
        #expect(document.title == "第一 标题", "the first title, a break inside it as a space")
        #expect(
            document.paragraphs == ["前文", "链接内", "脚本段落"],
            "style, select and the site template left out; the script's markup read last")
        let grids = document.tables.map { $0.rows.map { $0.map(\.text) } }
        #expect(grids.count == 4, "a caption's table is not read")
        #expect(grids[0] == [["外 层", "7", "表内链接"]], "a cell's own text, without the tables inside it")
        #expect(grids[1] == [["中"]] && grids[2] == [["内"]], "nested tables after the one holding them")
        #expect(grids[3] == [["未闭合", "2", "2"]], "a table left open at the end of the page")
        #expect(
            document.links == [
                Link(title: "表内链接", href: "/b"), Link(title: "链接内", href: "/a"),
                Link(title: "内", href: "/c"), Link(title: "首页", href: ""),
            ],
            "links in table cells too; a link before the one inside it")
    }

    @Test func aPageNestedDeeperThanLibxml2BuildsTreesIsReadUpToThereWithAWarning() throws {
        func page(depth: Int) -> String {
            "<html><body><p>浅</p>" + String(repeating: "<div>", count: depth) + "<table><tr><td>深</td></tr></table>"
                + String(repeating: "</div>", count: depth) + "<p>尾</p></body></html>"
        }
        // html, body, the divs, table, tr, td: the cell is the 257th level at 252 divs.
        let deepest = try DocumentReader.read(Array(page(depth: 252).utf8))
        #expect(deepest.tables.map { $0.rows.map { $0.map(\.text) } } == [[["深"]]])
        #expect(deepest.paragraphs == ["浅", "尾"] && deepest.warnings.isEmpty)
        let tooDeep = try DocumentReader.read(Array(page(depth: 253).utf8))
        #expect(
            tooDeep.tables.map { $0.rows.map(\.count) } == [[0]], "the row is read, the cell below the limit is not")
        #expect(tooDeep.paragraphs == ["浅"], "reading stops there")
        #expect(tooDeep.warnings == ["the page nests elements more than 257 deep: read up to there"])
    }

    @Test func oneCellPerLineTablesAreRebuilt() throws {
        let text = "标题\n\t指标\n\t单位\n\t2017年度\n\n\t主动公开文件数\n\t条\n\t181\n\n\t政府公报公开数\n\t条\n\t\n\n结尾\n"
        let document = try DocumentReader.read(Array(text.utf8), fileName: "r.txt")
        #expect(document.kind == .text)
        #expect(document.tables.count == 1)
        #expect(
            document.tables[0].rows.map { $0.map(\.text) } == [
                ["指标", "单位", "2017年度"], ["主动公开文件数", "条", "181"],
                ["政府公报公开数", "条", ""],
            ])
        #expect(document.paragraphs == ["标题", "结尾"])
    }

    @Test func pipeSeparatedRowsAndPageFootersInsideTables() throws {
        let text = "表三\n| 行政复议 | 1 | 2 |\n— 4 —\n| 行政诉讼 | 0 | |\n"
        let document = try DocumentReader.read(Array(text.utf8), fileName: "r.txt")
        #expect(document.tables.first?.rows.map { $0.map(\.text) } == [["行政复议", "1", "2"], ["行政诉讼", "0", ""]])
    }

    @Test func filesThatAreNotReportsSayWhatTheyLookLike() {
        let cases: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "PNG"), ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG"), ([], "empty"),
            ((0..<400).map { UInt8($0 % 7) }, "binary"),
        ]
        for (bytes, word) in cases {
            #expect {
                try DocumentReader.read(bytes)
            } throws: { error in
                "\(error)".contains(word)
            }
        }
    }
}
