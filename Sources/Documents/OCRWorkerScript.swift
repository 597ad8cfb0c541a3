/// The OCR worker: a small Python program, run by the OCR environment's interpreter, that rasterises a PDF's
/// pages with `pdftoppm`, reads each with RapidOCR (PP-OCR models, CPU) and prints the words with their boxes in
/// points, in the XHTML that `pdftotext -bbox-layout` prints, so that the PDF's geometric table builder reads
/// them. Arguments: DPI, then the path of a PDF or of an image (PNG, JPEG, TIFF; every frame of a TIFF is a page).
///
/// - An image is a page 595 points wide (A4); one wider than 1.5 times an A4 page at DPI is scaled down to that
///   width first. An image of more than 80 million pixels (a frame of a TIFF included) is refused before it is
///   decoded, so that a picture bomb costs its own document only.
///
/// - A turned page is levelled first: the angle (within ±3°) whose row profile of ink is sharpest, searched on a
///   quarter-size copy; pages within 0.25° are left as they are.
/// - The text-direction classifier is off: on a lone digit it turns 6 into 9.
/// - Every box the recogniser reads is kept down to a score of 0.3 (the engine's own cut is 0.5, which loses
///   faint zeros); each word carries its confidence (`conf`): the lowest of its characters' and its box's.
/// - A box of several numbers (`1 0 2`) is split into words at the recogniser's character positions.
/// - The engine runs on one thread: the reader pool already reads one document per core, and one thread needs
///   less memory.
enum OCRWorkerScript {
    static let source = #"""
        import glob, html, math, os, subprocess, sys, tempfile
        import cv2
        import numpy as np
        from rapidocr_onnxruntime import RapidOCR

        MIN_SCORE = 0.3
        LARGEST_IMAGE = 80_000_000


        def skew(image):
            small = cv2.resize(image, (max(image.shape[1] // 4, 1), max(image.shape[0] // 4, 1)), interpolation=cv2.INTER_AREA)
            ink = (small < 160).astype(np.float32)
            height, width = ink.shape
            centre = (width / 2.0, height / 2.0)

            def sharpness(angle):
                turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0), (width, height),
                                        flags=cv2.INTER_NEAREST)
                return float(np.square(np.diff(turned.sum(axis=1))).sum())

            coarse = max((step / 10.0 for step in range(-30, 31)), key=sharpness)
            return max((coarse + step / 50.0 for step in range(-5, 6)), key=sharpness)


        def level(image):
            angle = skew(image)
            if abs(angle) < 0.25:
                return image
            height, width = image.shape[:2]
            matrix = cv2.getRotationMatrix2D((width / 2.0, height / 2.0), angle, 1.0)
            return cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)


        def words(result, scale):
            for item in result or []:
                box, text, score = item[0], item[1], float(item[2])
                if score < MIN_SCORE:
                    continue
                xs = [point[0] for point in box]
                ys = [point[1] for point in box]
                left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
                tokens = text.split()
                boxes, chars, scores = (item[3], item[4], item[5]) if len(item) > 5 else ([], [], [])
                by_char = len(chars) == len("".join(tokens)) and len(boxes) == len(chars)
                step = (right - left) / max(len(text), 1)
                position = index = 0
                for token in tokens:
                    if by_char:
                        span = boxes[index:index + len(token)]
                        start = min(point[0] for char in span for point in char)
                        end = max(point[0] for char in span for point in char)
                        confidence = min([score] + [float(value) for value in scores[index:index + len(token)]])
                        index += len(token)
                    else:
                        first = text.index(token, position)
                        position = first + len(token)
                        start, end, confidence = left + first * step, left + position * step, score
                    yield start * scale, top * scale, end * scale, bottom * scale, confidence, token


        def pictures(path, dpi, folder):
            if path.endswith(".pdf"):
                subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", path, os.path.join(folder, "p")], check=True)
                for page in sorted(glob.glob(os.path.join(folder, "p*.png"))):
                    yield cv2.imread(page, cv2.IMREAD_GRAYSCALE), 72.0 / dpi
                return
            from PIL import Image, ImageSequence
            Image.MAX_IMAGE_PIXELS = None  # each frame's size is checked here, before it is decoded
            try:
                picture = Image.open(path)
                for frame in ImageSequence.Iterator(picture):
                    width, height = frame.size
                    if width * height > LARGEST_IMAGE:
                        sys.exit("the image is %d x %d pixels, more than %d million" % (width, height, LARGEST_IMAGE // 1_000_000))
                    gray = np.array(frame.convert("L"))
                    widest = int(1.5 * 8.27 * dpi)
                    if width > widest:
                        gray = cv2.resize(gray, (widest, max(1, round(height * widest / width))), interpolation=cv2.INTER_AREA)
                    yield gray, 595.0 / gray.shape[1]
            except (OSError, ValueError) as error:
                sys.exit("cannot read the image: %s" % error)


        dpi, source = int(sys.argv[-2]), sys.argv[-1]
        engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
        out = ["<doc>"]
        with tempfile.TemporaryDirectory() as folder:
            for picture, scale in pictures(source, dpi, folder):
                image = level(picture)
                height, width = image.shape[:2]
                out.append('<page width="%.2f" height="%.2f">' % (width * scale, height * scale))
                result, _ = engine(image, use_cls=False, return_word_box=True, text_score=0.0)
                for left, top, right, bottom, confidence, text in words(result, scale):
                    out.append('<word xMin="%.2f" yMin="%.2f" xMax="%.2f" yMax="%.2f" conf="%.3f">%s</word>' % (
                        left, top, right, bottom, confidence, html.escape(text)))
                out.append("</page>")
        out.append("</doc>")
        sys.stdout.write("\n".join(out))
        """#
}
