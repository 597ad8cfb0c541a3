import DemoCity
import Documents
import Foundation
import TestSupport
import Testing

@testable import Extraction

@Suite("Bad input never crashes and never becomes zeros")
struct RobustnessTests {
    /// Deterministic pseudo-random bytes.
    struct Bytes: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    /// Reads bytes all the way to figures; any thrown error is fine, a crash is not.
    func survive(_ bytes: [UInt8], name: String) {
        guard let document = try? DocumentReader.read(bytes, fileName: name) else { return }
        if let result = try? Extractor.extract(document) {
            #expect(!result.figures.isEmpty, "a result always carries figures")
        }
    }

    @Test func randomBytesOfEveryShape() {
        var generator = Bytes(state: 2026)
        let prefixes: [[UInt8]] = [
            [], Array("<html><table><tr><td rowspan=99999 colspan=-3>".utf8), Array("%PDF-1.4\n".utf8),
            [0x50, 0x4B, 0x03, 0x04], Array("\t本年新收政府信息公开申请数量\n".utf8), [0xEF, 0xBB, 0xBF],
        ]
        for round in 0..<240 {
            let length = Int(generator.next() % 3000)
            let random = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            survive(prefixes[round % prefixes.count] + random, name: "fuzz-\(round).bin")
        }
    }

    /// Each of `sources` cut short and mutated three times, each time read all the way.
    func surviveCutsAndMutations(of sources: [(String, [UInt8])]) {
        var generator = Bytes(state: 7)
        for (name, bytes) in sources where !bytes.isEmpty {
            for _ in 0..<3 {
                let cut = Int(generator.next() % UInt64(bytes.count))
                survive(Array(bytes.prefix(cut)), name: name)
                var mutated = bytes
                for _ in 0..<20 {
                    mutated[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
                survive(mutated, name: name)
            }
        }
    }

    @Test func truncatedAndMutatedRealReports() throws {
        var sources: [(String, [UInt8])] = DemoCity.reports.prefix(40).compactMap { report in
            DemoCity.bytes(of: report).map { (report.fileName, $0) }
        }
        for fixture in Fixture.readInProcess {
            sources.append((fixture.name, [UInt8](try Data(contentsOf: fixture.url))))
        }
        surviveCutsAndMutations(of: sources)
    }

    @Test(.enabled(if: Tools.has("antiword") && Tools.has("pdftotext"), "needs antiword and pdftotext (poppler-utils)"))
    func truncatedAndMutatedWord97AndACutPDFThroughTheirConverters() throws {
        surviveCutsAndMutations(
            of: try Fixture.read(through: "antiword").map { ($0.name, [UInt8](try Data(contentsOf: $0.url))) })
        let pdf = [UInt8](try Data(contentsOf: RepositoryPaths.fixture("layout-2022.pdf", target: "ExtractionTests")))
        survive(Array(pdf.prefix(pdf.count / 2)), name: "cut.pdf")
    }

    @Test(.enabled(if: Tools.has("pdftotext"), "PDFs are read through pdftotext (poppler-utils)"))
    func aScannedPDFNeedsManualEntry() throws {
        #expect {
            try DocumentReader.read(contentsOf: RepositoryPaths.fixture("scan-2019.pdf", target: "ExtractionTests"))
        } throws: { error in
            "\(error)".contains("no text layer")
        }
    }

    @Test func ocrLookalikesInNumberCellsAreRead() {
        #expect(CellValue.parse("1O").value == 10)
        #expect(CellValue.parse("2l").value == 21)
        #expect(CellValue.parse("O").kind == .text, "a lone letter is not a number")
        #expect(CellValue.parse("IOl").kind == .text, "no real digit, no guess")
    }
}
