import Foundation
import ReaderWorkers
import Storage

/// The documents quarantined for the current readers, as a run sees them: loaded at its start, added to as
/// readers fail. With `retry` (`--retry-quarantined`) nothing counts as quarantined and every document is read.
final class QuarantineList: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: QuarantineEntry]
    private let retry: Bool

    init(store: Store, retry: Bool) throws {
        entries = retry ? [:] : try store.quarantined(readerVersion: ReportReader.readerVersion)
        self.retry = retry
    }

    /// The entry that keeps the document with these bytes from being read, if any.
    func entry(for sha256: String) -> QuarantineEntry? {
        retry ? nil : lock.withLock { entries[sha256] }
    }

    /// The entry for a document a reader has just failed on, remembered for the rest of the run.
    func add(_ fault: ReaderFault, sha256: String, unitId: String, year: Int, at now: Date) -> QuarantineEntry {
        let entry = QuarantineEntry(
            sha256: sha256, readerVersion: ReportReader.readerVersion, kind: fault.kind,
            detail: fault.detail, unitId: unitId, year: year, at: now)
        lock.withLock { entries[sha256] = entry }
        return entry
    }

    /// What a run says of a document it did not read because it is quarantined.
    static func skipped(_ entry: QuarantineEntry, url: String) -> String {
        "\(url): not read: quarantined (\(entry.kind): \(entry.detail)); nianbao reads it again when its readers "
            + "change, or with --retry-quarantined"
    }

    /// What a run says of a document a reader has just failed on.
    static func failed(_ fault: ReaderFault, url: String) -> String {
        "\(url): \(fault); quarantined: later runs skip it until nianbao's readers change (or --retry-quarantined)"
    }
}
