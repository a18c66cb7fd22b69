#!/usr/bin/env python3
"""Assembles the page into one file: the template's stylesheet and scripts inlined, and the
WebAssembly module gzip-compressed and base64-encoded into it (the page decompresses it with
the browser's DecompressionStream). One file opens from disk, where browsers refuse to fetch a
.wasm, and serves from any static host.

    inline-page.py PAGE_DIR BINDGEN_DIR OUT_HTML

Writes OUT_HTML atomically and prints its sizes: as written, gzip -9 and brotli -q 11 (when
the brotli command is there), the figures a static host sends compressed.
"""
import base64
import gzip
import os
import shutil
import subprocess
import sys
import tempfile


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def inline(tag, body):
    if "</script" in body.lower() or "</style" in body.lower():
        sys.exit(f"error: {tag} would close its element early; it cannot be inlined")
    return body


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    page_dir, bindgen_dir, out = sys.argv[1:]
    html = read(os.path.join(page_dir, "index.html"))
    wasm_path = os.path.join(bindgen_dir, "contactguard_wasm_bg.wasm")
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    packed = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")
    parts = {
        '<link rel="stylesheet" href="page.css">':
            "<style>\n" + inline("page.css", read(os.path.join(page_dir, "page.css"))) + "</style>",
        '<script src="contactguard_wasm.js"></script>':
            "<script>\n" + inline("glue", read(os.path.join(bindgen_dir, "contactguard_wasm.js"))) + "</script>",
        '<script src="page.js"></script>':
            "<script>\n" + inline("page.js", read(os.path.join(page_dir, "page.js"))) + "</script>",
        "WASM_GZIP_BASE64": packed,
    }
    for marker, body in parts.items():
        if html.count(marker) != 1:
            sys.exit(f"error: the template must hold {marker!r} exactly once")
        html = html.replace(marker, body)
    data = html.encode("utf-8")
    directory = os.path.dirname(os.path.abspath(out))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".index.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise
    sizes = [f"{len(data):,} bytes", f"gzip -9 {len(gzip.compress(data, 9)):,}"]
    if shutil.which("brotli"):
        br = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True)
        sizes.append(f"brotli {len(br.stdout):,}")
    print(f"{out}: {', '.join(sizes)} (WebAssembly {len(wasm):,} bytes, gzip {len(packed) * 3 // 4:,})")


if __name__ == "__main__":
    main()
