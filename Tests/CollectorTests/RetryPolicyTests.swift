import ReportModel
import Testing

@testable import Collector
@testable import Fetching

/// Which statuses and transport failures are retried, and the failure kind each is stored with.
@Suite("Retry verdicts and their failure kinds")
struct RetryPolicyTests {
    func verdict(_ status: Int) -> FetchVerdict { RetryPolicy.verdict(status: status, headers: [:], body: []) }

    @Test func throttlingAndServerErrorsAreRetriedUnderTheirStatusClass() {
        #expect(verdict(408) == .retry(kind: .http4xx, after: nil))
        #expect(verdict(429) == .retry(kind: .http4xx, after: nil))
        #expect(verdict(503) == .retry(kind: .http5xx, after: nil))
        #expect(
            RetryPolicy.verdict(status: 429, headers: ["retry-after": "7"], body: [])
                == .retry(kind: .http4xx, after: 7))
    }

    @Test func otherStatusesFailAtOnceWithTheirClass() {
        #expect(verdict(400) == .failed(kind: .http4xx, message: "HTTP 400"))
        #expect(verdict(302) == .failed(kind: .http3xx, message: "HTTP 302"))
        #expect(verdict(101) == .failed(kind: .http1xx, message: "HTTP 101"))
        #expect(verdict(799) == .failed(kind: .httpOther, message: "HTTP 799"))
        #expect([200, 0].allSatisfy { verdict($0) == .document } && verdict(304) == .unchanged)
        #expect(verdict(404) == .notPublished && verdict(403) == .forbidden(403))
    }

    @Test func transportFailuresKeepTheirWordAndOnlyTransientOnesAreRetried() {
        for kind in FetchFailureKind.allCases {
            #expect(FailureKind(kind).rawValue == kind.rawValue, "\(kind) is stored as the word it always was")
            let verdict = RetryPolicy.verdict(error: FetchError(kind: kind, curlCode: 0, message: "m", url: "u"))
            #expect(
                verdict
                    == (kind.isTransient
                        ? .retry(kind: FailureKind(kind), after: nil)
                        : .failed(kind: FailureKind(kind), message: "m")))
        }
    }

    @Test func onlyAFailureRetriedUntilItsTriesRanOutGetsTheEndOfRunTry() {
        let exhausted = CollectItem(
            unitId: "u", year: 2024, outcome: .failed, failureKind: .http4xx, message: "HTTP 429",
            retriesExhausted: true)
        #expect(exhausted.isTransientFailure)
        let atOnce = CollectItem(unitId: "u", year: 2024, outcome: .failed, failureKind: .http4xx, message: "HTTP 429")
        #expect(!atOnce.isTransientFailure, "told by what the fetcher did, not by the message")
        #expect(CollectOutcome.allCases.filter(\.isFailure) == [.notAReport, .mismatch, .blocked, .failed])
    }
}
