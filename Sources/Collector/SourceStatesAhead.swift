import Foundation
import Storage

/// The source states of the units a run plans, read a batch of units ahead in the order they are planned: one read
/// of the store per `batchSize` units instead of one per unit (each read's transaction had cost more than the
/// states it fetched: 2 % of a collect of 2,000 reports), and never more than one batch's states held.
///
/// The states of a unit not yet planned are not changed by the run before its turn, so reading them ahead gives
/// what reading them at its turn would.
final class SourceStatesAhead: @unchecked Sendable {
    private let store: Store
    private let unitIds: [String]
    private let batchSize: Int
    private let lock = NSLock()
    /// The states of the batch read last, every unit of it with an entry (empty for a unit with none).
    private var batch: [String: [SourceStateRecord]] = [:]
    /// Where the next batch starts in `unitIds`.
    private var nextStart = 0

    /// Reads ahead over `unitIds`, the units in the order they will be planned.
    init(store: Store, unitIds: [String], batchSize: Int = 256) {
        self.store = store
        self.unitIds = unitIds
        self.batchSize = batchSize
    }

    /// The states of `unitId`'s sources.
    func states(of unitId: String) throws -> [SourceStateRecord] {
        try lock.withLock {
            if let states = batch.removeValue(forKey: unitId) { return states }
            // The unit's batch starts with it; a unit asked out of order is read by itself.
            guard let start = unitIds[nextStart...].firstIndex(of: unitId) else {
                return try store.sourceStates(unitId: unitId)
            }
            let ids = unitIds[start..<min(start + batchSize, unitIds.count)]
            let read = try store.sourceStates(unitIds: Array(ids))
            batch = Dictionary(ids.map { ($0, read[$0] ?? []) }, uniquingKeysWith: { first, _ in first })
            nextStart = ids.endIndex
            return batch.removeValue(forKey: unitId) ?? []
        }
    }
}
