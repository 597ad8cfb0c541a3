import Testing

@testable import Extraction

@Suite("Sentence fingerprints for finding copied reports")
struct ReportShapeTests {
    @Test func digitsNumeralsAndSpacesLeaveTheFingerprintUnchanged() {
        let thisYear = ReportShape.sentences(["本年度主动公开政府信息215条，其中规章3件。全年收到申请12件！"])
        let lastYear = ReportShape.sentences(["本年度 主动公开政府信息１８８条，其中规章三件；全年收到申请9件"])
        #expect(thisYear == lastYear)
        // FNV-1a (64 bits) of the sentence's UTF-8 without digits: stored fingerprints of earlier years must keep
        // matching, so the function may not change.
        #expect(thisYear == [375_115_507_820_267_293], "the short second sentence (7 characters) is left out")
    }

    @Test func sentencesEndAtChineseAndASCIIStopsAndRepeatsCountOnce() {
        let hashes = ReportShape.sentences([
            "依申请公开工作平稳有序开展?依申请公开工作平稳有序开展", "依申请公开工作平稳有序开展；",
            "😀依申请公开工作平稳有序开展", "短句。",
        ])
        #expect(hashes.count == 2, "the emoji makes a sentence of its own")
        #expect(hashes.contains(-4_359_725_765_613_328_805))
        #expect(ReportShape.sentences([]).isEmpty && ReportShape.sentences(["", "。。"]).isEmpty)
    }
}
