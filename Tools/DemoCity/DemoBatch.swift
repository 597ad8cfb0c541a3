import Foundation

/// A large batch of generated reports for measuring speed: synthetic units with the demo city's nine years each,
/// so the batch mixes old-format text and 2019- and 2021-template HTML, one HTML page in eight written in GB18030
/// (labelled `gb2312`, and one in 64 wrongly labelled `utf-8`), as many older sites still serve. Unless asked for
/// compact pages, the units' pages are laid out as portals publish them, every second unit's pasted from Word.
public enum DemoBatch {
    /// `count` reports (unit by unit, 2017–2025), with their truth: laid out as portals publish them, or as the
    /// demo city's compact pages if `compact`.
    public static func reports(count: Int, compact: Bool = false) -> [DemoReport] {
        var result: [DemoReport] = []
        var index = 0
        var pages = 0
        while result.count < count {
            index += 1
            let unit = DemoUnit(
                id: String(format: "unit-%05d", index), name: "示例\(index)街道",
                body: "示例\(index)街道办事处", kind: index % 3 == 0 ? "镇" : "街道",
                code: String(format: "35%07d", index))
            for var report in DemoCity.reports(for: unit).filter({ !$0.isRealSeed }).prefix(count - result.count) {
                report.layout = compact ? .compact : index % 2 == 0 ? .pastedFromWord : .portal
                if report.fileKind == .html {
                    pages += 1
                    report.encoding = pages % 64 == 0 ? .gbkMislabelled : pages % 8 == 0 ? .gbk : .utf8
                }
                result.append(report)
            }
        }
        return result
    }

    /// Writes the batch (compact pages if `compact`) into `folder`; returns the files written and their total size in bytes.
    public static func write(count: Int, compact: Bool = false, to folder: URL) throws -> (files: [URL], bytes: Int) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [URL] = []
        var bytes = 0
        for report in reports(count: count, compact: compact) {
            guard let content = DemoCity.bytes(of: report) else { continue }
            let file = folder.appendingPathComponent(report.fileName)
            try Data(content).write(to: file)
            files.append(file)
            bytes += content.count
        }
        return (files, bytes)
    }
}
