import CXLSXWriter
import Export
import Foundation

/// Writes sheets as one .xlsx workbook through libxlsxwriter, in its default mode: strings go to the shared
/// strings table (constant-memory mode writes inline strings, which WPS cannot open). Numbers are written as
/// numbers, text as text (so codes keep their leading zeros), a missing number as an empty cell.
public enum XLSXWorkbook {
    /// The longest text a cell holds, in characters; longer text is cut.
    static let cellTextLimit = 32_767

    /// Writes `sheets` in order to `url`, with `title` in the file's properties. Throws a `WorkbookWriteError`
    /// naming the file; a file left half-written is removed.
    public static func write(_ sheets: [WorkbookSheet], title: String, to url: URL) throws {
        let path = url.path
        guard let workbook = workbook_new(path) else {
            throw WorkbookWriteError(path: path, reason: "libxlsxwriter could not start a workbook")
        }
        var failure: WorkbookWriteError?
        nb_workbook_set_title(workbook, title, "nianbao")
        let styles = SheetStyles(workbook)
        for sheet in sheets where failure == nil {
            do { try SheetWriter(workbook: workbook, styles: styles, sheet: sheet).write() } catch let error
                as SheetWriter.Failure
            {
                failure = WorkbookWriteError(path: path, reason: "sheet \(sheet.name): \(error.reason)")
            }
        }
        let closed = workbook_close(workbook)
        if failure == nil, closed != LXW_NO_ERROR {
            failure = WorkbookWriteError(path: path, reason: String(cString: lxw_strerror(closed)))
        }
        if let failure {
            try? FileManager.default.removeItem(at: url)
            throw failure
        }
    }
}
