"""Generates the benchmark corpus: N pages made from the samples, deterministically.

Page i is made from sample i mod 12 (so the templates and the five encodings are mixed in the
proportions of samples/), with its own seed: the figures change (numbers above 20 are scaled,
percentages redrawn), the years shift together by -3..+1, and the place names (township, county,
city) get new invented stems. Markup, template and encoding are kept: each page is written back in
the bytes of its sample (GBK, GB18030, Big5, UTF-8 with or without BOM). Page i depends only on i,
so the first M pages of a corpus of N are the corpus of M.

usage: make_corpus.py SAMPLES_DIR OUT_DIR N
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys

# Stem characters written the same in simplified and traditional script and present in GB2312
# and Big5, so that a new name encodes in every sample's encoding and reads the same after OpenCC.
STEM_CHARS = "石山田林水和平安明清河川金玉青松竹梅花泉溪湖海江岩峰桃杏柳永福吉祥康思文德仁光春秋西南北中上下大小新古白合同天星月雨雪草木禾米良"
NAME_SUFFIXES = ["街道", "镇", "乡", "区", "县", "市"]
PYTHON_CODECS = {"UTF-8": "utf-8", "GBK": "gbk", "GB18030": "gb18030", "BIG5": "big5"}

TAG = re.compile(r"(<[^>]*>)", re.S)
RAW_TEXT_TAG = re.compile(r"</?(script|style)\b", re.I)
NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
TO_FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def stem_of(name):
    for suffix in NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def traditional(texts):
    """The texts in traditional script (OpenCC's s2t), for the samples written in it."""
    if not texts or shutil.which("opencc") is None:
        return list(texts)
    result = subprocess.run(["opencc", "-c", "s2t"], input="\n".join(texts), capture_output=True,
                            text=True, check=False)
    lines = result.stdout.split("\n")
    return lines[: len(texts)] if result.returncode == 0 and len(lines) >= len(texts) else list(texts)


class Sample:
    def __init__(self, root, entry):
        self.path = os.path.join(root, entry["file"])
        self.relative = entry["file"]
        self.encoding = entry["encoding"]
        self.bom = entry.get("bom", False)
        with open(self.path, "rb") as f:
            data = f.read()
        if self.bom:
            data = data[3:]
        self.text = data.decode(PYTHON_CODECS[self.encoding])
        self.is_html = self.relative.endswith((".html", ".htm"))
        stems = [stem_of(entry[level]) for level in ("township", "county", "city") if entry.get(level)]
        # Longest first, so that a stem inside a longer one is not replaced first.
        # Longest first, then by the text: a set's order changes with Python's per-process string
        # hashing, which gave stems of the same length new names in every corpus.
        stems = sorted({s for s in stems if len(s) >= 2}, key=lambda s: (-len(s), s))
        written = traditional(stems) if entry.get("script") == "hant" else stems
        self.stems = list(zip(stems, written))


def vary_number(match, rng, year_shift):
    raw = match.group(0)
    full_width = raw != raw.translate(FULL_WIDTH)
    text = raw.translate(FULL_WIDTH)
    whole, _, fraction = text.partition(".")
    value = int(whole)
    following = match.string[match.end(): match.end() + 1]
    if not fraction and len(whole) == 4 and 1990 <= value <= 2030:
        new = str(value + year_shift)  # a year: every year of the page moves together
    elif value <= 20:
        return raw  # outline numbers, months, days and small counts stay
    elif following in ("%", "％"):
        new = str(rng.randint(60, 100)) if value <= 100 else whole
    else:
        new = str(max(21, int(value * rng.uniform(0.5, 2.0))))
    result = new + ("." + fraction if fraction else "")
    return result.translate(TO_FULL_WIDTH) if full_width else result


def vary_text(segment, rng, year_shift, renames):
    for old, new in renames:
        segment = segment.replace(old, new)
    return NUMBER.sub(lambda m: vary_number(m, rng, year_shift), segment)


def make_page(sample, index):
    rng = random.Random(index * 7919 + 17)
    year_shift = rng.randint(-3, 1)
    renames = []
    for _, written in sample.stems:
        new_stem = "".join(rng.choice(STEM_CHARS) for _ in range(len(written)))
        renames.append((written, new_stem))
    if sample.is_html:
        # Only text between tags changes: attributes (charset, ids, URLs) stay as the template has them.
        # Script and style text stays too, so that the page's CSS and JavaScript are the template's.
        pieces, raw_text = [], False
        for part in TAG.split(sample.text):
            if part.startswith("<"):
                name = RAW_TEXT_TAG.match(part)
                if name:
                    raw_text = not part.startswith("</")
                pieces.append(part)
            else:
                pieces.append(part if raw_text else vary_text(part, rng, year_shift, renames))
        text = "".join(pieces)
    else:
        text = vary_text(sample.text, rng, year_shift, renames)
    data = text.encode(PYTHON_CODECS[sample.encoding], errors="xmlcharrefreplace")
    return (b"\xef\xbb\xbf" + data) if sample.bom else data


def main():
    samples_dir, out_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(os.path.join(samples_dir, "EXPECTED.json"), encoding="utf-8") as f:
        entries = json.load(f)
    samples = [Sample(samples_dir, e) for e in sorted(entries, key=lambda e: e["file"])]
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for index in range(count):
        sample = samples[index % len(samples)]
        base = os.path.basename(sample.relative)
        stem, ext = os.path.splitext(base)
        # Folders of 1000 keep directory listings short at 20,000 pages.
        folder = os.path.join(out_dir, f"{index // 1000:03d}")
        os.makedirs(folder, exist_ok=True)
        data = make_page(sample, index)
        with open(os.path.join(folder, f"{index:06d}-{stem}{ext}"), "wb") as f:
            f.write(data)
        total += len(data)
    print(json.dumps({"pages": count, "bytes": total}))


if __name__ == "__main__":
    main()
