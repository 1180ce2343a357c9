"""Rebuild NotoSansSC-Subset.otf from Debian's fonts-noto-cjk.

Keeps Latin, punctuation, CJK symbols, full-width forms, every GB2312 hanzi and every character used
in sample_profiles/, so the bundled font stays small yet covers what users type.
Run from the repository root: python3 assets/fonts/subset.py (needs fonttools).
"""
import glob
import subprocess

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC_INDEX = 2  # Noto Sans CJK SC inside the collection

chars = set()
for lo, hi in [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x20A0, 0x20C0),
               (0x2100, 0x2200), (0x2212, 0x2213), (0x25A0, 0x2600), (0x3000, 0x3040),
               (0xFF00, 0xFFF0)]:
    chars.update(range(lo, hi))
for cp in range(0x4E00, 0xA000):
    try:
        chr(cp).encode("gb2312")
        chars.add(cp)
    except UnicodeEncodeError:
        pass
for path in glob.glob("sample_profiles/*.json"):
    with open(path, encoding="utf-8") as f:
        chars.update(ord(c) for c in f.read() if ord(c) >= 0x20)

subprocess.run([
    "pyftsubset", SOURCE, f"--font-number={SC_INDEX}",
    "--unicodes=" + ",".join(f"U+{c:04X}" for c in sorted(chars)),
    "--layout-features=*", "--no-hinting", "--desubroutinize",
    "--output-file=assets/fonts/NotoSansSC-Subset.otf",
], check=True)
