import Foundation
import ReportModel
import Storage

/// Figures typed by hand are never replaced by a machine read: a document read after an import is archived but
/// not stored over the typed figures, and the unit·year is listed — in `status` and, as rule `manual_conflict`,
/// in `audit` — until someone chooses (`nianbao resolve`, `ConflictChoice`; importing again keeps the typed ones).
public enum ManualConflicts {
    /// The audit rule the conflicts are listed under.
    public static let rule = "manual_conflict"

    /// The note for a unit·year in conflict since a document captured at `capturedAt`.
    static func note(capturedAt: Date) -> String {
        "手工录入的数字与 \(LocalTime.minute(capturedAt)) 获取的文件冲突：未以机读数字替换；如确认手工数字，请用 nianbao resolve 选择"
    }

    /// The conflicts of `store` by unit·year, with their notes.
    public static func notes(in store: Store) throws -> [UnitYear: String] {
        var notes: [UnitYear: String] = [:]
        for conflict in try store.manualConflicts() {
            notes[UnitYear(unitId: conflict.unitId, year: conflict.year)] = note(capturedAt: conflict.capturedAt)
        }
        return notes
    }
}
