#!/usr/bin/env python3
"""Writes scanned copies of corpus reports into Tests/ExtractionTests/Corpus: the reportlab PDF rasterised by
pdftoppm at 300, 200 and 150 dpi, saved as JPEG (quality 80; the 150 dpi copy turned 1.5°, with noise, quality
60) and put back into image-only PDFs by img2pdf (NAME.DPI.scan.pdf). Their truth is NAME.truth.json.
`--images` writes, from the 200 dpi scans, the same JPEG pages as image files: every page as one TIFF
(NAME.200.scan.tif), as the pictures of an otherwise empty Word document (NAME.200.scan.docx), and the first
page alone as a JPEG (NAME.200.p1.scan.jpg).

Needs poppler-utils, img2pdf and Pillow.
"""
import sys
import glob
import os
import random
import subprocess
import tempfile
import zipfile

from PIL import Image, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "Tests", "ExtractionTests", "Corpus")
REPORTS = ["r01-2021-2021", "r03-2019-2019"]


def scan(name, dpi, rough):
    rng = random.Random(dpi)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", os.path.join(OUT, name + ".rl.pdf"),
                        os.path.join(folder, "p")], check=True)
        pages = []
        for path in sorted(glob.glob(os.path.join(folder, "p*.png"))):
            image = Image.open(path).convert("L")
            if rough:
                image = image.rotate(1.5, resample=Image.BILINEAR, fillcolor=255, expand=False)
                pixels = image.load()
                for _ in range(image.size[0] * image.size[1] // 400):
                    x, y = rng.randrange(image.size[0]), rng.randrange(image.size[1])
                    pixels[x, y] = rng.choice([0, 90, 180])
                image = image.filter(ImageFilter.GaussianBlur(0.4))
            target = path[:-4] + ".jpg"
            image.save(target, "JPEG", quality=60 if rough else 80, dpi=(dpi, dpi))
            pages.append(target)
        subprocess.run(["img2pdf", *pages, "-o", os.path.join(OUT, "%s.%d.scan.pdf" % (name, dpi))], check=True)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def picture_docx(pages, target):
    """A Word document whose body is one picture per page and no text."""
    drawing = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
               'wordprocessingDrawing"><wp:extent cx="7560000" cy="10692000"/><wp:docPr id="%d" name="page %d"/>'
               '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://'
               'schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/'
               'drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rId%d"/></pic:blipFill></pic:pic></a:graphicData>'
               '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
    body = "".join(drawing % (n, n, n) for n in range(1, len(pages) + 1))
    relations = "".join('<Relationship Id="rId%d" Type="%s/image" Target="media/image%d.jpeg"/>' % (n, R, n)
                        for n in range(1, len(pages) + 1))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                      'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
                      'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/'
                      'xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                      '</Types>')
        docx.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                      'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/officeDocument" '
                      'Target="word/document.xml"/></Relationships>' % R)
        docx.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s" '
                      'xmlns:r="%s"><w:body>%s</w:body></w:document>' % (W, R, body))
        docx.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                      'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>' % relations)
        for number, page in enumerate(pages, start=1):
            docx.write(page, "word/media/image%d.jpeg" % number)


def images(name):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdfimages", "-j", os.path.join(OUT, "%s.200.scan.pdf" % name), os.path.join(folder, "p")],
                       check=True)
        pages = sorted(glob.glob(os.path.join(folder, "p-*.jpg")))
        with open(pages[0], "rb") as first, open(os.path.join(OUT, "%s.200.p1.scan.jpg" % name), "wb") as copy:
            copy.write(first.read())
        picture_docx(pages, os.path.join(OUT, "%s.200.scan.docx" % name))
        frames = [Image.open(page) for page in pages]
        frames[0].save(os.path.join(OUT, "%s.200.scan.tif" % name), save_all=True, append_images=frames[1:],
                       compression="jpeg", quality=80, dpi=(200, 200))


if __name__ == "__main__" and "--images" in sys.argv:
    for report in REPORTS:
        images(report)
    print("images written to", OUT)
elif __name__ == "__main__":
    for report in REPORTS:
        for dpi, rough in [(300, False), (200, False), (150, True)]:
            scan(report, dpi, rough)
    print("scans written to", OUT)
