import Storage
import Testing

@Suite("Problem fingerprints and statuses")
struct ProblemListTests {
    @Test func theFingerprintIgnoresTheOrderOfCellsButNotTheirUnitYearOrRule() {
        let one = Problem.fingerprint(unitId: "chendai", year: 2022, rule: "t3.balance.total", cells: ["a", "b"])
        #expect(one == Problem.fingerprint(unitId: "chendai", year: 2022, rule: "t3.balance.total", cells: ["b", "a"]))
        #expect(one.count == 16)
        #expect(one != Problem.fingerprint(unitId: "chendai", year: 2023, rule: "t3.balance.total", cells: ["a", "b"]))
        #expect(
            one != Problem.fingerprint(unitId: "chendai", year: 2022, rule: "t3.row.new_received", cells: ["a", "b"]))
    }

    @Test func aStatusIsNamedByItsCodeOrItsLabel() {
        #expect(ProblemStatus(named: "wont_fix") == .wontFix)
        #expect(ProblemStatus(named: " 已发单位 ") == .sent)
        #expect(ProblemStatus(named: "done") == nil)
    }
}
