import ReportModel

/// The rules for figures read by OCR from a scan: the cells of tables 三 and 四 are checked by the identities;
/// every other figure read (table 二, prose) is checked by none, so it is listed as uncertain until a person
/// compares it with the scan; and so is every figure OCR was not sure of, whatever its table.
enum ScanRules {
    /// Below this OCR confidence a printed cell is listed by `ocr.low_confidence`.
    static let confidentFrom = 0.6

    static func unchecked(_ figures: [Figure]) -> AuditResult {
        let codes = figures.map(\.code).filter { !$0.hasBytePrefix("t3.") && !$0.hasBytePrefix("t4.") }.sorted()
        guard !codes.isEmpty else {
            return AuditResult(
                rule: "ocr.unchecked", status: .pass, message: "扫描件经OCR读取：表三、表四均有勾稽关系核对",
                cells: [])
        }
        return AuditResult(
            rule: "ocr.unchecked", status: .uncertain,
            message: "扫描件经OCR读取：\(codes.count) 个数字无勾稽关系可核对，请对照原件确认", cells: codes)
    }

    /// The figures whose printed cell OCR read with a confidence below `confidentFrom`: uncertain, whether or not
    /// an identity holds.
    static func lowConfidence(_ figures: [Figure]) -> AuditResult {
        let doubtful = figures.filter { ($0.provenance.scan?.confidence ?? 1) < confidentFrom }
        guard !doubtful.isEmpty else {
            return AuditResult(
                rule: "ocr.low_confidence", status: .pass,
                message: "扫描件经OCR读取：所有表格数字的识别置信度均不低于 \(confidentFrom)", cells: [])
        }
        let listed = doubtful.prefix(5).map { figure in
            let scan = figure.provenance.scan
            let place = scan.map { "第\($0.page)页，" } ?? ""
            return
                "\(figure.code)=\(figure.provenance.raw)（\(place)\(Int(((scan?.confidence ?? 0) * 100).rounded(.down)))%）"
        }
        return AuditResult(
            rule: "ocr.low_confidence", status: .uncertain,
            message: "扫描件经OCR读取：\(doubtful.count) 个数字识别置信度低于 \(confidentFrom)，请对照原件确认："
                + listed.joined(separator: "、") + (doubtful.count > 5 ? "…" : ""),
            cells: doubtful.map(\.code).sorted())
    }
}
