import Foundation

/// Reads a scanned PDF (no text layer) by OCR, when the OCR environment is installed: the OCR worker
/// (`OCRWorkerScript`) returns the words with their boxes, and the same geometric builder as for text PDFs makes
/// the tables. Without the environment a scan stays "needs manual entry", with the hint how to install it.
enum OCRReader {
    /// The resolution pages are rasterised at for OCR.
    static let dpi = 200
    /// Where the README and `.ci/run` install the OCR environment; `NIANBAO_OCR_PYTHON` names another interpreter.
    static let defaultPython = "/opt/nianbao-ocr/bin/python"
    /// How to install the OCR environment.
    static let installHint =
        "to read scans, install OCR: python3 -m venv /opt/nianbao-ocr && "
        + "/opt/nianbao-ocr/bin/pip install rapidocr-onnxruntime (and give readers reading.memory_mb: 2048)"

    /// The OCR environment's interpreter, if it is installed.
    static var python: String? {
        let path = ProcessInfo.processInfo.environment["NIANBAO_OCR_PYTHON"] ?? defaultPython
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The scan's pages as words with boxes, read by the OCR environment's `python`; throws when OCR is not
    /// installed (nil) or fails. `suffix` is the file's type as the worker reads it (`.pdf`, `.png`, `.jpg`, `.tif`),
    /// `description` what messages call the file.
    static func pages(
        _ bytes: [UInt8], suffix: String = ".pdf", description: String = "a PDF with no text layer",
        python: String? = OCRReader.python
    ) throws -> [PDFPage] {
        guard let python else {
            throw DocumentError.notAReport("\(description): needs manual entry; \(installHint)")
        }
        let xml: String
        do {
            xml = try ExternalConverter.run(
                python, arguments: ["-c", OCRWorkerScript.source, String(dpi)], input: bytes,
                suffix: suffix, limits: ExternalConverter.Limits(seconds: 600))
        } catch DocumentError.converterFailed(let why) {
            throw DocumentError.converterFailed(
                "OCR failed for \(description) (\(why)); it needs reading.memory_mb of 2048 or more")
        }
        return PDFWordReader.read(xml)
    }

    /// The text of OCR'd pages, one line per baseline, cells two spaces apart (as `pdftotext -layout` sets them).
    static func text(_ pages: [PDFPage]) -> String {
        pages.map { page in
            PDFLine.lines(of: page.words).map { $0.words.map(\.text).joined(separator: "  ") }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
