import Foundation
import TestSupport
import Testing

@testable import Documents

@Suite("Readers' bounds against hostile documents")
struct BoundsTests {
    @Test func aSpanBombTableIsLeftOutWithAWarning() throws {
        let rows = String(repeating: #"<tr><td rowspan="100000" colspan="100000">1</td></tr>"#, count: 2000)
        let started = Date()
        let document = try DocumentReader.read(Array("<html><body><p>前</p><table>\(rows)</table></body></html>".utf8))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(document.tables.allSatisfy { $0.rows.isEmpty })
        #expect(document.warnings.contains { $0.contains("table 1 left out") })
        #expect(document.paragraphs == ["前"])
    }

    @Test func aColumnSpanIsClampedToTheTablesRealWidth() throws {
        let html = """
            <table><tr><td colspan="100000">申请人情况</td></tr><tr><td>自然人</td><td>法人</td><td>总计</td></tr>
            <tr><td>3</td><td>1</td><td>4</td></tr></table>
            """
        let grid = try DocumentReader.read(Array(html.utf8)).tables[0].rows
        #expect(grid.map(\.count) == [3, 3, 3])
        #expect(grid[0].map(\.text) == ["申请人情况", "申请人情况", "申请人情况"])
        #expect(grid[2].map(\.text) == ["3", "1", "4"])
    }

    @Test func aNulByteDoesNotEndThePage() throws {
        let html = "<html><body><table><tr><td>a</td></tr></table>\u{0}<p>在政府网站公开信息215条</p></body></html>"
        let document = try DocumentReader.read(Array(html.utf8))
        #expect(document.paragraphs == ["在政府网站公开信息215条"])
    }

    @Test func aFewInvalidBytesKeepAUTF8PageUTF8() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body>".utf8)
        bytes += Array(String(repeating: "<p>本机关全年主动公开政府信息。</p>", count: 20).utf8)
        bytes.insert(0xFF, at: bytes.count - 30)
        let document = try DocumentReader.read(bytes)
        #expect(document.encoding == .utf8)
        #expect(document.paragraphs.first == "本机关全年主动公开政府信息。")
        #expect(document.warnings.contains { $0.contains("not valid UTF-8") })
    }

    @Test func gbkTextIsNotMistakenForDamagedUTF8() {
        let gbk: [UInt8] = [
            0xB1, 0xBE, 0xBB, 0xFA, 0xB9, 0xD8, 0xC8, 0xAB, 0xC4, 0xEA, 0xD6, 0xF7, 0xB6, 0xAF, 0xB9, 0xAB,
            0xBF, 0xAA, 0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2,
        ]
        let decoded = EncodingDetector.decode(Array(repeating: gbk, count: 20).flatMap { $0 }, httpCharset: nil)
        #expect(decoded.detection.encoding == .gb18030)
        #expect(decoded.text.hasPrefix("本机关全年主动公开政府信息"))
    }

    @Test(.enabled(if: Tools.has("python3"), "python3 makes the ZIP bombs"))
    func zipBombsAreRefusedBeforeTheyInflate() throws {
        for name in ["zip-bomb.docx", "lying-zip.docx"] {
            let file = try #require(HostileFiles.file(name))
            let started = Date()
            #expect(throws: DocumentError.self) { try DocumentReader.read(contentsOf: file) }
            do {
                _ = try DocumentReader.read(contentsOf: file)
            } catch let error as DocumentError {
                #expect("\(error)".contains("unpacks to more than 16 MB"), "\(name): \(error)")
            }
            #expect(Date().timeIntervalSince(started) < 10, "\(name) is refused while it inflates, not after")
        }
    }

    @Test(.enabled(if: Tools.has("pdftotext") && Tools.has("python3"), "needs pdftotext (poppler-utils) and python3"))
    func aConverterFloodingItsErrorsNeitherHangsNorFloods() throws {
        let file = try #require(HostileFiles.file("stderr-flood.pdf"))
        let started = Date()
        // Without OCR it is a scan needing manual entry; with OCR installed, the OCR of its pages fails or finds nothing.
        #expect {
            try DocumentReader.read(contentsOf: file)
        } throws: { error in
            "\(error)".contains("no text layer") || "\(error)".contains("OCR failed")
        }
        #expect(Date().timeIntervalSince(started) < 20)
    }
}

@Suite("Converter processes")
struct ChildProcessTests {
    @Test func aChildPastItsDeadlineIsKilled() throws {
        var limits = ExternalConverter.Limits()
        limits.seconds = 1
        let started = Date()
        let finished = try ChildProcess.run("/bin/sh", arguments: ["-c", "sleep 30"], limits: limits)
        #expect(finished.ending == .deadline)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func outputPastTheCapStopsTheChild() throws {
        var limits = ExternalConverter.Limits()
        limits.outputBytes = 1_000_000
        let finished = try ChildProcess.run("/bin/sh", arguments: ["-c", "head -c 50000000 /dev/zero"], limits: limits)
        #expect(finished.ending == .outputCap)
    }

    @Test func bothPipesAreDrainedTogether() throws {
        // 10 MB on standard error before a word on standard output: reading one pipe to its end first deadlocks.
        let finished = try ChildProcess.run(
            "/bin/sh", arguments: ["-c", "head -c 10000000 /dev/zero >&2; echo done"],
            limits: ExternalConverter.Limits())
        #expect(finished.ending == .exit(0))
        #expect(String(decoding: finished.output, as: UTF8.self) == "done\n")
        #expect(finished.errors.count == ExternalConverter.Limits().errorBytes)
    }

    @Test func aCrashIsToldBySignal() throws {
        let finished = try ChildProcess.run(
            "/bin/sh", arguments: ["-c", "kill -SEGV $$"], limits: ExternalConverter.Limits())
        #expect(finished.ending == .signal(SIGSEGV))
    }

    @Test func scratchFoldersOfDeadProcessesAreSwept() throws {
        let parent = try TemporaryDirectory()
        // A pid no process has: above the kernel's pid_max.
        let stale = parent.path("4194304")
        let mine = parent.path("\(getpid())")
        for folder in [stale, mine] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("x".utf8).write(to: stale.appendingPathComponent("1.pdf"))
        ScratchFolder.sweepStale(in: parent.url.path)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }

    @Test(.enabled(if: Tools.has("pdftotext"), "needs pdftotext (poppler-utils)"))
    func aConversionLeavesNoFileBehind() throws {
        let pdf = RepositoryPaths.fixture("layout-2022.pdf", target: "ExtractionTests")
        _ = try DocumentReader.read(contentsOf: pdf)
        let folder = "\(ScratchFolder.parent)/\(getpid())"
        // Conversions of other tests in this process (an OCR takes half a minute) hold their files while they run.
        let deadline = Date().addingTimeInterval(180)
        while try !FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
