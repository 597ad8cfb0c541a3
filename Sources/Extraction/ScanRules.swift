import ReportModel

/// The rule for figures read by OCR from a scan: the cells of tables 三 and 四 are checked by the identities;
/// every other figure read (table 二, prose) is checked by none, so it is listed as uncertain until a person
/// compares it with the scan.
enum ScanRules {
    static func unchecked(_ figures: [Figure]) -> AuditResult {
        let codes = figures.map(\.code).filter { !$0.hasBytePrefix("t3.") && !$0.hasBytePrefix("t4.") }.sorted()
        guard !codes.isEmpty else {
            return AuditResult(rule: "ocr.unchecked", status: .pass, message: "扫描件经OCR读取：表三、表四均有勾稽关系核对",
                               cells: [])
        }
        return AuditResult(rule: "ocr.unchecked", status: .uncertain,
                           message: "扫描件经OCR读取：\(codes.count) 个数字无勾稽关系可核对，请对照原件确认", cells: codes)
    }
}
