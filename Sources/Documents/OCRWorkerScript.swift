/// The OCR worker: a small Python program, run by the OCR environment's interpreter, that rasterises a PDF's
/// pages with `pdftoppm`, reads each with RapidOCR (PP-OCR models, CPU) and prints the words with their boxes in
/// points, in the XHTML that `pdftotext -bbox-layout` prints, so that the PDF's geometric table builder reads
/// them. A box of several numbers (`1 0 2`) is split into words by character positions; each word keeps its
/// confidence (`conf`). Arguments: DPI, then the PDF's path.
enum OCRWorkerScript {
    static let source = #"""
import glob, html, os, subprocess, sys, tempfile
import cv2
from rapidocr_onnxruntime import RapidOCR

dpi, pdf = int(sys.argv[-2]), sys.argv[-1]
scale = 72.0 / dpi
engine = RapidOCR()
out = ["<doc>"]
with tempfile.TemporaryDirectory() as folder:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, os.path.join(folder, "p")], check=True)
    for path in sorted(glob.glob(os.path.join(folder, "p*.png"))):
        image = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
        height, width = image.shape[:2]
        out.append('<page width="%.2f" height="%.2f">' % (width * scale, height * scale))
        result, _ = engine(image)
        for box, text, score in result or []:
            xs = [point[0] for point in box]
            ys = [point[1] for point in box]
            left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
            parts = text.split()
            step = (right - left) / max(len(text), 1)
            position = 0
            for part in parts:
                start = text.index(part, position)
                position = start + len(part)
                out.append('<word xMin="%.2f" yMin="%.2f" xMax="%.2f" yMax="%.2f" conf="%.3f">%s</word>' % (
                    (left + start * step) * scale, top * scale, (left + position * step) * scale, bottom * scale,
                    float(score), html.escape(part)))
        out.append("</page>")
out.append("</doc>")
sys.stdout.write("\n".join(out))
"""#
}
