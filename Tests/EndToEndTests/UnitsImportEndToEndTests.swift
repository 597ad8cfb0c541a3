import Foundation
import TestSupport
import Testing

/// `nianbao units import` with the rosters an office keeps: an .xlsx workbook (written by openpyxl, with a title
/// row and a column nianbao does not read), a CSV saved by Chinese Excel (GBK, no byte order mark), and a bad
/// roster that changes nothing.
@Suite("Units from the office's roster", .serialized)
struct UnitsImportEndToEndTests {
    let directory: TemporaryDirectory

    static let config = """
        # 测试市: the city's own report is configured by hand; the 街道 come from the roster.
        version: 1
        city: 测试市
        years: { from: 2024, to: 2025 }
        deadline_by_kind: { 市政府: "03-31" }
        units_file: units.yaml             # written by `nianbao units import`
        units:
          - id: jinjiang
            name: 晋江市人民政府
            kind: 市政府

        """

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("Config/nianbao.yaml", Self.config)
    }

    func nianbao(_ arguments: String...) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, in: directory.url)
    }

    /// Runs Python with `script` and `arguments`; openpyxl writes the .xlsx rosters, Python's codecs the GBK one.
    func python(_ script: String, _ arguments: String...) throws {
        let result = try BinaryRunner.run(
            ["-c", script] + arguments, in: directory.url,
            program: URL(fileURLWithPath: XLSXReadBack.python ?? "/usr/bin/python3"))
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// `text` saved as GBK, as Excel on Chinese Windows saves a CSV file.
    func writeGBK(_ name: String, _ text: String) throws {
        try python("import sys; open(sys.argv[1], 'wb').write(sys.argv[2].encode('gbk'))", name, text)
        let bytes = try Data(contentsOf: directory.path(name))
        #expect(
            !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && String(data: bytes, encoding: .utf8) == nil, "GBK, not UTF-8")
    }

    /// The units `nianbao units --format csv` lists: id, name, kind, code.
    func listedUnits() throws -> [[String]] {
        let listed = try nianbao("units", "--format", "csv")
        #expect(listed.status == 0, "\(listed.stderr)")
        return listed.stdout.split(whereSeparator: \.isNewline).dropFirst().map { line in
            Array(line.split(separator: ",", omittingEmptySubsequences: false).prefix(4).map(String.init))
        }
    }

    static let writeRoster = """
        import sys, openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "单位名册"
        sheet.append(["测试市政务公开单位名册（2026年）"])
        sheet.append(["单位编号", "单位名称", "类别", "行政区划代码", "上级单位", "截止日期", "网址模板", "联系人"])
        sheet.append(["luoshan", "罗山街道", "街道", "350582004", "晋江市人民政府", "2月20日", "https://ls.example.gov.cn/nb/{year}.html", "张三"])
        sheet.append(["xintang", " 新塘街道 ", "街道", "350582005", "jinjiang", None, None, "李四"])
        sheet.append([None, None, None, None, None, None, None, None])
        sheet.append(["jinjiang", "晋江市人民政府", "市政府", None, None, None, None, "王五"])
        sheet["D3"].number_format = "@"
        book.save(sys.argv[1])
        """

    @Test(.enabled(if: XLSXReadBack.available, "python3-openpyxl writes the roster"))
    func anXLSXRosterAddsUnitsAndAGBKCSVUpdatesThem() throws {
        try python(Self.writeRoster, "roster.xlsx")
        let dryRun = try nianbao("units", "import", "roster.xlsx", "--dry-run")
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(
            dryRun.stdout.contains(
                "add luoshan 罗山街道: kind 街道; code 350582004; parent jinjiang; deadline 02-20; "
                    + "url_template https://ls.example.gov.cn/nb/{year}.html"))
        #expect(dryRun.stdout.hasSuffix("units.yaml: 2 added, 0 updated, 1 unchanged; dry run, nothing written\n"))
        #expect(
            dryRun.stderr.contains("columns not read: 测试市政务公开单位名册（2026年）") == false, "the title row is not the header")
        #expect(dryRun.stderr.contains("roster.xlsx: columns not read: 联系人"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("Config/units.yaml").path))

        let imported = try nianbao("units", "import", "roster.xlsx")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(
            try listedUnits() == [
                ["jinjiang", "晋江市人民政府", "市政府", ""], ["luoshan", "罗山街道", "街道", "350582004"],
                ["xintang", "新塘街道", "街道", "350582005"],
            ])
        let config = try String(contentsOf: directory.path("Config/nianbao.yaml"), encoding: .utf8)
        #expect(config == Self.config, "the config itself, with its comments, is never written")

        // Excel on Chinese Windows: GBK, no byte order mark, English headers in another order, one more 街道.
        try writeGBK(
            "roster.csv",
            """
            id,kind,name,deadline,parent,code
            xintang,镇,新塘镇,1-25,,350582005
            xibin,镇,西滨镇,,jinjiang,350582101

            """)
        let updated = try nianbao("units", "import", "roster.csv")
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(
            updated.stdout.contains(
                "update xintang 新塘镇: name 新塘街道 → 新塘镇; kind 街道 → 镇; parent jinjiang → —; deadline — → 01-25"))
        #expect(updated.stdout.contains("add xibin 西滨镇: kind 镇; code 350582101; parent jinjiang"))
        #expect(
            updated.stdout.hasSuffix(
                "units.yaml: 1 added, 1 updated, 0 unchanged (1 units of units.yaml not in the roster kept)\n"))
        #expect(try listedUnits().map(\.[0]) == ["jinjiang", "luoshan", "xintang", "xibin"])
        let units = try String(contentsOf: directory.path("Config/units.yaml"), encoding: .utf8)
        #expect(units.contains("url_template: \"https://ls.example.gov.cn/nb/{year}.html\""), "罗山街道 kept as it was")
        #expect(units.hasPrefix("# The units of 测试市 from the roster roster.csv"))
        let again = try nianbao("units", "import", "roster.csv")
        #expect(
            again.stdout
                == "units.yaml: 0 added, 0 updated, 2 unchanged (1 units of units.yaml not in the roster kept)\n")
    }

    @Test func aBadRosterChangesNothingAndNamesEveryBadCell() throws {
        try writeGBK("roster.csv", "单位编号,单位名称\nluoshan,罗山街道\n")
        #expect(try nianbao("units", "import", "roster.csv").status == 0)
        let before = try Data(contentsOf: directory.path("Config/units.yaml"))
        try writeGBK(
            "bad.csv",
            """
            单位编号,单位名称,类别,行政区划代码,上级单位,截止日期,网址模板
            Luo Shan,罗山,街道,3.50582E+11,nowhere,2月30日,http://a.example/b.html
            xintang,,街道,,,,
            xintang,新塘街道,,,xintang,,ftp://a.example/{year}
            jinjiang,晋江市政府,市政府,,,,
            luoshan,罗山街道,街道,350582004,,01-20,

            """)
        let result = try nianbao("units", "import", "bad.csv")
        #expect(result.status == 65)
        let expected = [
            "nianbao: bad.csv: nothing changed:",
            "  row 2, column A (单位编号): 'Luo Shan' is not a unit id (lower-case letters, digits and '-')",
            "  row 2, column D (行政区划代码): '3.50582E+11' is not a 行政区划代码 (digits only; format the column as text so that Excel keeps every digit)",
            "  row 2, column E (上级单位): 'nowhere' is no unit's id or name (nor city)",
            "  row 2, column F (截止日期): '2月30日' is not a deadline: write the month and day, as 01-31 or 1月31日",
            "  row 2, column G (网址模板): 'http://a.example/b.html' has no {year} in it",
            "  row 3, column B (单位名称): a unit needs a name",
            "  row 4, column A (单位编号): unit 'xintang' is already on row 3",
            "  row 4, column E (上级单位): a unit cannot roll up into itself",
            "  row 4, column G (网址模板): 'ftp://a.example/{year}' is not an http or https address",
            "  row 5, column B (单位名称): unit 'jinjiang' is defined in nianbao.yaml with name '晋江市人民政府'; change it there, or move the unit to units.yaml",
        ]
        #expect(result.stderr.split(separator: "\n").map(String.init) == expected)
        #expect(try Data(contentsOf: directory.path("Config/units.yaml")) == before, "nothing changed")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path("Config").path).sorted()
                .filter { !$0.hasPrefix("nianbao.sqlite") } == ["nianbao.yaml", "units.yaml"], "no file left beside it")

        try directory.write("roster.xls", "an Excel 97 file")
        let oldExcel = try nianbao("units", "import", "roster.xls")
        #expect(
            oldExcel.status == 65 && oldExcel.stderr.contains("a roster is an .xlsx or a .csv file"),
            "\(oldExcel.stderr)")
        try directory.write("notes.xlsx", "not a workbook")
        let notXLSX = try nianbao("units", "import", "notes.xlsx")
        #expect(notXLSX.status == 65 && notXLSX.stderr.contains("notes.xlsx: not an .xlsx file"), "\(notXLSX.stderr)")
        try directory.write(
            "Config/nianbao.yaml", Self.config.replacingOccurrences(of: "units_file: units.yaml", with: ""))
        let noFile = try nianbao("units", "import", "roster.csv")
        #expect(
            noFile.status == 64 && noFile.stderr.contains("names no units_file: add the line `units_file: units.yaml`"))
    }
}
