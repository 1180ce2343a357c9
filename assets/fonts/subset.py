"""Rebuild the bundled font subsets, so every script a strategist types is drawn.

Run from the repository root: python3 assets/fonts/subset.py [name ...] (needs fonttools; sources
from Debian's fonts-noto-cjk and fonts-noto-core, and the monochrome Noto Emoji from
`npm pack @expo-google-fonts/noto-emoji`, unpacked into /tmp/notoemoji).

The fallback chain, in order: Noto Sans CJK SC (Latin, punctuation, simplified Chinese), the CJK
extra face (traditional hanzi, Japanese kana, Korean hangul), Noto Sans Arabic, Noto Sans Hebrew,
Noto Emoji. Each subset keeps only its scripts' common characters plus every character of
sample_profiles/, and all layout features, so shaping (Arabic joining, marks) still works.
"""
import glob
import subprocess
import sys
import tempfile

CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO = "/usr/share/fonts/truetype/noto/"
EMOJI = "/tmp/notoemoji/package/400Regular/NotoEmoji_400Regular.ttf"


def sample_chars():
    chars = set()
    for path in glob.glob("sample_profiles/*.json"):
        with open(path, encoding="utf-8") as f:
            chars.update(ord(c) for c in f.read() if ord(c) >= 0x20)
    return chars


def ranges(*spans):
    out = set()
    for lo, hi in spans:
        out.update(range(lo, hi))
    return out


def encodable(cp, codec):
    try:
        chr(cp).encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def big5_level1(cp):
    """Big5's 5,401 frequently used hanzi (bytes A440-C67E); level 2 holds rare ones."""
    try:
        code = chr(cp).encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xA440 <= int.from_bytes(code, "big") <= 0xC67E


def ks_x_1001(cp):
    """The 2,350 precomposed hangul of KS X 1001 (two bytes in EUC-KR; Python spells the
    other syllables as eight-byte composition sequences)."""
    try:
        return len(chr(cp).encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def sc():
    """Latin, punctuation, CJK symbols, full-width forms and every GB2312 hanzi."""
    chars = ranges((0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x20A0, 0x20C0),
                   (0x2100, 0x2200), (0x2212, 0x2213), (0x25A0, 0x2600), (0x3000, 0x3040),
                   (0xFF00, 0xFFF0))
    chars.update(cp for cp in range(0x4E00, 0xA000) if encodable(cp, "gb2312"))
    return chars | sample_chars()


def cjk_extra():
    """What SC lacks: Big5 level-1 hanzi outside GB2312, kana, and the KS X 1001 hangul."""
    chars = ranges((0x3040, 0x3100), (0x31F0, 0x3200), (0xFF61, 0xFFA0))
    chars.update(cp for cp in range(0x4E00, 0xA000)
                 if big5_level1(cp) and not encodable(cp, "gb2312"))
    chars.update(cp for cp in range(0xAC00, 0xD7A4) if ks_x_1001(cp))
    chars.update(cp for cp in sample_chars() if cp >= 0x3040 and cp not in sc())
    return chars


def arabic():
    return ranges((0x0600, 0x0700), (0x0750, 0x0780), (0xFE70, 0xFF00), (0x200C, 0x2010))


def hebrew():
    return ranges((0x0590, 0x0600), (0xFB1D, 0xFB50), (0x200C, 0x2010))


def emoji():
    """Emoji people put in names and notes: faces, symbols, transport, flags' letters."""
    return ranges((0x2600, 0x27C0), (0x2B50, 0x2B56), (0x1F300, 0x1F650), (0x1F680, 0x1F6D0),
                  (0x1F90C, 0x1F950), (0x200D, 0x200E), (0xFE0F, 0xFE10))


FONTS = {
    # The first font's .notdef (a box) is the visible placeholder for any glyph still missing.
    "sc": (CJK, 2, sc, "NotoSansSC-Subset.otf"),
    "cjk-extra": (CJK, 3, cjk_extra, "NotoSansCJK-Extra-Subset.otf"),  # index 3: Noto Sans CJK TC
    "arabic": (NOTO + "NotoSansArabic-Regular.ttf", 0, arabic, "NotoSansArabic-Subset.ttf"),
    "hebrew": (NOTO + "NotoSansHebrew-Regular.ttf", 0, hebrew, "NotoSansHebrew-Subset.ttf"),
    "emoji": (EMOJI, 0, emoji, "NotoEmoji-Subset.ttf"),
}

for name in sys.argv[1:] or FONTS:
    source, index, charset, output = FONTS[name]
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as codes:
        codes.write("\n".join(f"U+{c:04X}" for c in sorted(charset())))
        codes.flush()
        subprocess.run([
            "pyftsubset", source, f"--font-number={index}", f"--unicodes-file={codes.name}",
            "--layout-features=*", "--no-hinting", "--desubroutinize", "--drop-tables+=DSIG",
            f"--output-file=assets/fonts/{output}",
            "--notdef-outline" if name == "sc" else "--no-notdef-outline",
        ], check=True)
