import CLibXML2
import Documents
import Foundation
import ZIPFoundation

/// Reads one sheet of an .xlsx file, as nianbao, Excel or WPS saves it, as rows of text cells: a ZIP package of
/// XML parts (the workbook's sheet list, its relationships, the shared strings and the sheet) read with
/// ZIPFoundation and libxml2. Formulas are read as their cached values.
public enum XLSXReader {
    /// The largest part read, unpacked.
    static let maxPartBytes = 64 * 1024 * 1024

    /// The rows of the sheet named `sheet` (nil: the first sheet) in `url`, each as long as its last filled cell;
    /// an empty cell is "".
    public static func rows(ofSheet sheet: String?, in url: URL) throws -> [[String]] {
        let path = url.path
        func failure(_ reason: String) -> WorkbookReadError { WorkbookReadError(path: path, reason: reason) }
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw failure("not an .xlsx file (not a ZIP package)")
        }
        /// `body` over the root element of the part `name`, its tree alive meanwhile; nil when there is no such part.
        func read<T>(_ name: String, _ body: (xmlNodePtr) throws -> T) throws -> T? {
            guard let entry = archive[name] else { return nil }
            guard entry.uncompressedSize <= maxPartBytes else { throw failure("\(name) is larger than 64 MB") }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                throw failure("\(name) is damaged")
            }
            guard let tree = XMLTree(data), let root = tree.root else { throw failure("\(name) is not XML") }
            return try withExtendedLifetime(tree) { try body(root) }
        }
        guard
            let sheets = try read(
                "xl/workbook.xml",
                { workbook in
                    LibXMLNode.children(workbook, named: ["sheets"]).flatMap {
                        LibXMLNode.children($0, named: ["sheet"])
                    }
                    .map {
                        (
                            name: LibXMLNode.localAttribute($0, "name") ?? "",
                            relationship: LibXMLNode.localAttribute($0, "id") ?? ""
                        )
                    }
                })
        else { throw failure("no xl/workbook.xml (not an .xlsx workbook)") }
        guard let relationship = (sheet.map { name in sheets.first { $0.name == name } } ?? sheets.first)?.relationship
        else {
            throw failure(
                sheet.map { "no sheet named \($0) (sheets: \(sheets.map(\.name).joined(separator: ", ")))" }
                    ?? "the workbook has no sheet")
        }
        let sheet = sheet ?? sheets.first?.name ?? ""
        let target = try read("xl/_rels/workbook.xml.rels") { root in
            LibXMLNode.children(root, named: ["Relationship"]).first {
                LibXMLNode.localAttribute($0, "Id") == relationship
            }
            .flatMap { LibXMLNode.localAttribute($0, "Target") }
        }
        guard let target = target ?? nil else { throw failure("sheet \(sheet) has no part") }
        let sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared =
            try read("xl/sharedStrings.xml") { LibXMLNode.children($0, named: ["si"]).map(XMLTree.stringItem) } ?? []
        guard let rows = try read(sheetPath, { Self.cells(of: $0, shared: shared) }) else {
            throw failure("sheet \(sheet)'s part \(sheetPath) is missing")
        }
        return rows
    }

    /// The rows of a worksheet part's root element, strings resolved through `shared`.
    private static func cells(of root: xmlNodePtr, shared: [String]) -> [[String]] {
        var rows: [[String]] = []
        for row in LibXMLNode.children(root, named: ["sheetData"]).flatMap({ LibXMLNode.children($0, named: ["row"]) })
        {
            let index = (LibXMLNode.localAttribute(row, "r").flatMap { Int($0) } ?? rows.count + 1) - 1
            guard index >= 0, index < 1_048_576 else { continue }
            while rows.count <= index { rows.append([]) }
            for (position, cell) in LibXMLNode.children(row, named: ["c"]).enumerated() {
                let column = LibXMLNode.localAttribute(cell, "r").flatMap(Self.column) ?? position
                guard column < 16_384 else { continue }
                let value = LibXMLNode.children(cell, named: ["v"]).first.map(LibXMLNode.text) ?? ""
                let text: String
                switch LibXMLNode.localAttribute(cell, "t") {
                case "s": text = Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
                case "inlineStr": text = LibXMLNode.children(cell, named: ["is"]).first.map(XMLTree.stringItem) ?? ""
                default: text = value
                }
                while rows[index].count <= column { rows[index].append("") }
                rows[index][column] = text
            }
        }
        return rows
    }

    /// The zero-based column of a cell reference (`C12` is 2).
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value) - 64
            letters += 1
        }
        return letters == 0 ? nil : column - 1
    }
}

/// An .xlsx file that could not be read, in plain words naming the file.
public struct WorkbookReadError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong with it.
    public var reason: String

    /// A plain-words explanation.
    public var description: String { "cannot read \(path): \(reason)" }
}
