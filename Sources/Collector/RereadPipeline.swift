import Configuration
import Foundation
import ReaderWorkers
import ReportModel
import Storage

/// Re-reading the archive with reading and saving overlapped: a thread of its own loads and reads the versions
/// in unit·year order a few reports ahead, while the caller saves them, `batch` to a transaction. The thread has
/// ended when `run` returns, whether it succeeded or threw.
///
/// The cross-year audit of a year needs the unit's figures of the year before. When that year was read just
/// before (the same unit, the year before), its figures are taken from what was read, which is what its save
/// stores; otherwise (it was not re-read, or its save was refused as a downgrade) the store's committed figures are
/// the right ones, and a read connection sees them.
struct RereadPipeline {
    /// One version read, ready to be saved: its content, or the quarantine a reader's failure on it calls for.
    struct Read: Sendable {
        var unitId: String
        var year: Int
        var read: Result<ReportContent, Failed>
        var savedAt: Date
    }

    /// A reader failed on a version.
    struct Failed: Error {
        var entry: QuarantineEntry
        var message: String
    }

    let store: Store
    let units: [String: UnitConfiguration]
    let batch: Int
    let readers: DocumentReaders
    let quarantine: QuarantineList

    /// Reads and saves every key, counting what was read and naming what failed in `summary`.
    func run(
        _ keys: [VersionKey], at time: @escaping @Sendable (DocumentVersionRecord) -> Date,
        into summary: inout RereadSummary
    ) throws {
        let queue = ReadAheadQueue<Result<Read, Error>>(capacity: 16)
        let (store, units, readers, quarantine) = (self.store, self.units, self.readers, self.quarantine)
        let readerEnded = DispatchSemaphore(value: 0)
        // The thread holds the store only while it reads, so that no connection outlives this call.
        Thread { [weak store] in
            if let store {
                Self.readAll(
                    keys, store: store, units: units, readers: readers, quarantine: quarantine, time: time,
                    into: queue)
            }
            readerEnded.signal()
        }.start()
        defer {
            queue.close()  // stops the reading thread if a save failed
            readerEnded.wait()
        }
        var ended = false
        while !ended {
            summary = try store.writeTransaction { transaction in
                var batchSummary = summary
                var saved = 0
                while saved < batch {
                    guard let next = queue.take() else {
                        ended = true
                        break
                    }
                    let read = try next.get()
                    saved += 1
                    switch read.read {
                    case .failure(let failed):
                        try transaction.quarantine(failed.entry)
                        batchSummary.failed.append(failed.message)
                    case .success(let content):
                        let held = try transaction.reportStatus(unitId: read.unitId, year: read.year)
                        if !JobCollector.wouldDowngrade(content, held: held) {
                            try transaction.saveReport(
                                unitId: read.unitId, year: read.year, content: content,
                                at: read.savedAt)
                        }
                        batchSummary.read += 1
                    }
                }
                return batchSummary
            }
        }
    }

    /// The reading thread's work: every key in order, last year's figures from the report just read when it is
    /// the year before of the same unit.
    private static func readAll(
        _ keys: [VersionKey], store: Store, units: [String: UnitConfiguration],
        readers: DocumentReaders, quarantine: QuarantineList,
        time: @Sendable (DocumentVersionRecord) -> Date,
        into queue: ReadAheadQueue<Result<Read, Error>>
    ) {
        var last: (unitId: String, year: Int, replaced: Bool, figures: [String: Double?]?)?
        let identity = IdentityCheck(units: Array(units.values))
        for key in keys {
            do {
                guard let unit = units[key.unitId], let version = try store.documentVersion(id: key.id),
                    let id = version.id
                else { continue }
                let previous: [String: Double?]?
                if let last, last.unitId == key.unitId, last.year == key.year - 1, last.replaced {
                    previous = last.figures
                } else {
                    previous = try store.figureValues(unitId: key.unitId, year: key.year - 1)
                }
                let request = ReportReader.request(
                    [UInt8](version.content), contentType: version.contentType,
                    url: version.url)
                let report = ReportReader.report(
                    readers.read(request), versionId: id,
                    hints: JobCollector.hints(unit, version.year, previous: previous))
                let read: Result<ReportContent, Failed>
                if let readContent = report.content {
                    let content = identity.checked(readContent, unitId: key.unitId, year: key.year)
                    read = .success(content)
                    // A refused save (not a report over a report) leaves the stored figures: read them next time.
                    last = (key.unitId, key.year, content.status != .notAReport, storedValues(content.figures))
                } else {
                    let fault = report.fault ?? .crashed("no answer")
                    let entry = quarantine.add(
                        fault, sha256: key.sha256, unitId: key.unitId, year: key.year, at: Date())
                    read = .failure(
                        Failed(
                            entry: entry,
                            message: QuarantineList.failed(
                                fault, url: "\(key.unitId) \(key.year) (\(key.url))")))
                    last = nil
                }
                guard
                    queue.put(
                        .success(
                            Read(
                                unitId: key.unitId, year: key.year, read: read,
                                savedAt: time(version))))
                else { return }
            } catch {
                _ = queue.put(.failure(error))
                break
            }
        }
        queue.finish()
    }
}

/// What re-reading archived versions came to.
public struct RereadSummary: Sendable {
    /// Versions read and saved.
    public var read = 0
    /// Versions not read because they are quarantined, each named with why.
    public var skipped: [String] = []
    /// Versions a reader failed on (now quarantined), each named with why.
    public var failed: [String] = []
}

/// Figures as `Store.figureValues` gives them back once saved: code → value, nil when there are none.
private func storedValues(_ figures: [Figure]) -> [String: Double?]? {
    guard !figures.isEmpty else { return nil }
    var values: [String: Double?] = [:]
    for figure in figures { values[figure.code] = .some(figure.value) }
    return values
}

/// A bounded hand-over between one producing and one consuming thread.
final class ReadAheadQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int
    private var finished = false
    private var closed = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room; false when the consumer has closed the queue.
    func put(_ item: Element) -> Bool {
        condition.withLock {
            while items.count >= capacity && !closed { condition.wait() }
            guard !closed else { return false }
            items.append(item)
            condition.broadcast()
            return true
        }
    }

    /// No more items will come.
    func finish() {
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// The next item, waiting for one; nil once the producer has finished and everything was taken.
    func take() -> Element? {
        condition.withLock {
            while items.isEmpty && !finished { condition.wait() }
            guard !items.isEmpty else { return nil }
            condition.broadcast()
            return items.removeFirst()
        }
    }

    /// The consumer stops: a waiting producer is let go.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }
}
