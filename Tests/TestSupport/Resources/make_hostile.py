#!/usr/bin/env python3
"""Writes hostile documents for nianbao's reliability tests into the folder given as the first argument.

Each file is what an attacker (or a badly broken portal) could publish where a report is expected:

  zip-bomb.docx         a 1.5 KB DOCX whose word/document.xml declares and inflates to 2 GB
  lying-zip.docx        a DOCX whose document.xml declares 1 KB but inflates to 2 GB
  stderr-flood.pdf      a small PDF that makes pdftotext print megabytes of syntax errors
  span-bomb.html        a 100 KB table of 2,000 rows of cells with rowspan/colspan 100000
  cell-flood.html       a page of 400,000 empty cells
  deep-nesting.html     50,000 nested <div>s
  binary.html           random bytes served as HTML
  image-bomb.png        a 150 KB PNG of 12,000 x 12,000 grey pixels (144 MB once decoded)

The second argument, a clean UTF-8 report page, is used for the byte-damage cases:

  nul-after-table.html  the page with a NUL byte after its last table
  bad-byte.html         the page with one invalid UTF-8 byte in its prose
"""
import os
import random
import struct
import sys
import zlib

OUT = sys.argv[1]
CLEAN = sys.argv[2] if len(sys.argv) > 2 else None
GIGABYTES = 2


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write(data)


def deflate_zeros(total):
    """Raw deflate of `total` zero bytes, made from one compressed megabyte repeated (stored blocks aside, a
    deflate stream of non-final blocks can be joined: each chunk is flushed with Z_FULL_FLUSH)."""
    block = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = compressor.compress(b"\0" * block) + compressor.flush(zlib.Z_FULL_FLUSH)
    body = chunk * (total // block)
    return body + compressor.flush(zlib.Z_FINISH)


def zip_with(name, data, declared_size, true_size, crc):
    """A one-entry ZIP with a deflated member; sizes as given (zip64 when they need it)."""
    name_bytes = name.encode()
    zip64 = declared_size >= 0xFFFFFFFF or len(data) >= 0xFFFFFFFF
    extra = struct.pack("<HHQQ", 1, 16, declared_size, len(data)) if zip64 else b""
    size32 = 0xFFFFFFFF if zip64 else declared_size
    csize32 = 0xFFFFFFFF if zip64 else len(data)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, csize32, size32, len(name_bytes), len(extra))
    local += name_bytes + extra
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0, crc, csize32, size32,
                          len(name_bytes), len(extra), 0, 0, 0, 0, 0) + name_bytes + extra
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


def zip_bombs():
    total = GIGABYTES << 30
    data = deflate_zeros(total)
    crc = 0
    block = b"\0" * (1 << 20)
    for _ in range(total >> 20):
        crc = zlib.crc32(block, crc)
    write("zip-bomb.docx", zip_with("word/document.xml", data, total, total, crc))
    write("lying-zip.docx", zip_with("word/document.xml", data, 1024, total, crc))


def stderr_flood():
    operators = b"q 1 0 0 1 0 0 cm Q " + b"/X Do " * 200000
    stream = zlib.compress(operators, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    write("stderr-flood.pdf", out)


def html_bombs():
    rows = "".join('<tr><td rowspan="100000" colspan="100000">1</td></tr>' for _ in range(2000))
    write("span-bomb.html", ("<html><body><h1>2024年政府信息公开工作年度报告</h1><table>%s</table></body></html>" % rows).encode())
    cells = "<td></td>" * 400000
    write("cell-flood.html", ("<html><body><table><tr>%s</tr></table></body></html>" % cells).encode())
    write("deep-nesting.html", ("<html><body>" + "<div>" * 50000 + "年度报告" + "</div>" * 50000 + "</body></html>").encode())
    generator = random.Random(7)
    write("binary.html", bytes(generator.getrandbits(8) for _ in range(200000)))


def image_bomb():
    side = 12000

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    compressor = zlib.compressobj(9)
    row = b"\0" * (side + 1)
    pixels = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    write("image-bomb.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def byte_damage():
    if not CLEAN:
        return
    with open(CLEAN, "rb") as handle:
        page = handle.read()
    last_table = page.rindex(b"</table>") + len(b"</table>")
    write("nul-after-table.html", page[:last_table] + b"\0" + page[last_table:])
    paragraph = page.index("总体情况".encode())
    write("bad-byte.html", page[:paragraph] + b"\xff" + page[paragraph:])


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    zip_bombs()
    stderr_flood()
    html_bombs()
    image_bomb()
    byte_damage()
