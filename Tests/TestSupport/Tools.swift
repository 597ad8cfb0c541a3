import Foundation

/// Programs the tests need from the system. A test that needs one is `.enabled(if:)` it is installed, so that
/// where it is missing the test is skipped, not failed; `.ci/run` installs them all, so CI runs every test.
public enum Tools {
    /// The full path of `program` on PATH, if it is installed.
    public static func path(of program: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether `program` is installed.
    public static func has(_ program: String) -> Bool { path(of: program) != nil }

    /// Whether scans can be read by OCR: the OCR environment's interpreter (`NIANBAO_OCR_PYTHON`, else
    /// `/opt/nianbao-ocr/bin/python`), with `pdftotext`, which finds a PDF has no text layer, and `pdftoppm`, which
    /// rasterises its pages.
    public static var hasOCR: Bool {
        let python = ProcessInfo.processInfo.environment["NIANBAO_OCR_PYTHON"] ?? "/opt/nianbao-ocr/bin/python"
        return FileManager.default.isExecutableFile(atPath: python) && has("pdftotext") && has("pdftoppm")
    }

    /// Whether `nianbao-bench` has a loopback server: nginx where it is installed, else the Python test server.
    public static var hasBenchServer: Bool {
        ["/usr/sbin/nginx", "/usr/bin/nginx"].contains { FileManager.default.isExecutableFile(atPath: $0) }
            || has("python3")
    }
}
