"""Synthetic corpus for the build benchmark (SYNTHETIC TEXT: not real reports, never in data/raw).

Each synthetic report takes one seed report of data/raw as its skeleton (title, preamble,
headings, so that sections/metadata parse as they would on a real report). Of its body
paragraphs, ~10 % are kept or swapped for a seed paragraph of the same section type (stock
text every report shares), ~20 % are copied from the same town's previous report (same-town
reuse, when there is one) and the rest are new: a random walk over the word bigrams of the
seeds' paragraphs of that section type (so the words, their mix and the tokeniser's work are
those of real reports, but the sentences are not copies; otherwise every paragraph would be
shared by hundreds of reports and the reuse step would face a corpus no one will ever see).
The seed's town, county, city and province names become invented ones, its years are
shifted to the synthetic report's year, and every other figure is redrawn with the same
number of digits. Towns repeat over ~4 years, as real collections do.

Files are written as ``<out>/raw/synthetic_000001.txt`` with a ``SYNTHETIC.md`` beside
``raw/`` saying what they are::

    python benchmarks/generate.py 1000 --out benchmarks/corpus/n1000
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import numpy as np

from reportkit.normalize import normalize_text
from reportkit.sections import split_sections

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
MANIFEST = ROOT / "data" / "manifest.csv"
PROVINCES = ["河北省", "山西省", "辽宁省", "吉林省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
             "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省"]
# Characters for invented place names (common in real ones; none of them is a suffix like 镇/县).
NAME_CHARS = list("安宝北昌成大丰福高广海和河华黄吉嘉江金靖康乐临龙隆茂梅民南宁平普清庆仁荣瑞山上尚石寿顺太泰天"
                  "通万旺文武西祥新兴阳永玉元岳云长正中竹")
YEAR = re.compile(r"20[0-9]{2}(?=年)")
NUMBER = re.compile(r"(?<![0-9.])[0-9]+")


def _seed_names() -> dict[str, dict[str, str]]:
    """file → place names known for that seed (from data/manifest.csv), to be replaced."""
    with open(MANIFEST, encoding="utf-8-sig") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def load_seeds() -> list[dict]:
    """The seed reports as lines tagged with their section type and whether they are headings."""
    names = _seed_names()
    seeds = []
    for path in sorted(RAW.glob("*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8"))
        sections = split_sections(text, doc_id="seed")
        starts = {int(s): str(h) for s, h in zip(sections["start"], sections["heading"]) if h}
        lines, offset = [], 0
        for line in text.split("\n"):
            inner = sections[(sections["start"] <= offset) & (sections["end"] >= offset)]
            kind = str(inner.iloc[-1]["section_type"]) if len(inner) else "preamble"
            lines.append({"text": line, "type": kind, "heading": offset in starts})
            offset += len(line) + 1
        row = names.get(path.name, {})
        seeds.append({"lines": lines, "year": int(row.get("year") or 2023),
                      "names": {k: row.get(k, "") for k in ("town", "county", "city", "province")}})
    return seeds


def _name(rng: np.random.Generator, suffix: str) -> str:
    return "".join(rng.choice(NAME_CHARS, 2)) + suffix


def bigram_model(seeds: list[dict]) -> dict[str, dict[str, list[str]]]:
    """section type → token → tokens that follow it in the seeds' body paragraphs."""
    from reportkit.terms import load_tokenizer

    cut = load_tokenizer().cut
    model: dict[str, dict[str, list[str]]] = {}
    for seed in seeds:
        for line in seed["lines"]:
            if line["heading"] or len(line["text"]) <= 40:
                continue
            tokens = ["。", *cut(line["text"])]
            table = model.setdefault(line["type"], {})
            for a, b in zip(tokens, tokens[1:]):
                table.setdefault(a, []).append(b)
    return model


def _walk(table: dict[str, list[str]], n_chars: int, rng: np.random.Generator) -> str:
    """A new paragraph of about N_CHARS: a random walk over TABLE, ending on a full stop."""
    out, size, token = [], 0, "。"
    for _ in range(20 * n_chars):
        following = table.get(token) or table["。"]
        token = following[int(rng.integers(len(following)))]
        out.append(token)
        size += len(token)
        if size >= n_chars and token == "。":
            break
    return "".join(out)


def synthetic_report(seeds: list[dict], pools: dict[str, list[str]], *, rng: np.random.Generator,
                     place: dict[str, str], year: int, model: dict[str, dict[str, list[str]]],
                     previous: list[str] | None = None, stock_share: float = 0.1,
                     copy_share: float = 0.2) -> str:
    """One synthetic report: a seed skeleton, body paragraphs new/stock/copied, names/years/figures varied."""
    seed = seeds[int(rng.integers(len(seeds)))]
    out = []
    for line in seed["lines"]:
        text = line["text"]
        if not line["heading"] and len(text) > 40 and line["type"] in pools:
            draw = rng.random()
            if draw < stock_share:
                pool = pools[line["type"]]
                text = pool[int(rng.integers(len(pool)))]
            elif previous and draw < stock_share + copy_share:
                text = previous[int(rng.integers(len(previous)))]
            else:
                text = _walk(model[line["type"]], len(text), rng)
        out.append(text)
    text = "\n".join(out)
    # Longest names first, so that 梅县区 is replaced before 梅县 could be.
    originals = [(seed_seed["names"][k], k) for seed_seed in seeds for k in ("province", "city", "county", "town")]
    for old, key in sorted({o for o in originals if o[0]}, key=lambda o: -len(o[0])):
        text = text.replace(old, place[key])
        short = old[:-1] if len(old) >= 3 and old[-1] in "镇乡县" else ""
        if short and key in ("town", "county"):
            text = text.replace(short, place[key][:-1])
    text = YEAR.sub(lambda m: str(year + int(m.group()) - seed["year"]), text)
    return NUMBER.sub(lambda m: m.group() if len(m.group()) == 4 and m.group().startswith("20")
                      else str(int(rng.integers(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 1,
                                                10 ** min(len(m.group()), 6)))), text)


def paragraph_pools(seeds: list[dict]) -> dict[str, list[str]]:
    """The seeds' body paragraphs (over 40 characters) by section type."""
    pools: dict[str, list[str]] = {}
    for s in seeds:
        for line in s["lines"]:
            if not line["heading"] and len(line["text"]) > 40:
                pools.setdefault(line["type"], []).append(line["text"])
    return pools


def generate(n_docs: int, out: str | Path, *, seed: int = 20240, years_per_town: int = 4) -> Path:
    """Write N_DOCS synthetic reports to OUT/raw (replacing what is there) and return that folder."""
    rng = np.random.default_rng(seed)
    seeds = load_seeds()
    pools = paragraph_pools(seeds)
    raw = Path(out) / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for old in raw.glob("synthetic_*.txt"):
        old.unlink()
    (Path(out) / "SYNTHETIC.md").write_text(
        f"# Synthetic corpus ({n_docs} reports)\n\nMade by benchmarks/generate.py (seed {seed}) by recombining "
        "paragraphs of the seed reports in data/raw with invented place names, shifted years and redrawn "
        "figures. NOT real reports: for benchmarking only; never copy into data/raw.\n", encoding="utf-8")
    model = bigram_model(seeds)
    place: dict[str, str] = {}
    previous: list[str] = []
    for i in range(n_docs):
        if i % years_per_town == 0:
            previous = []
            kind = rng.choice(["镇", "乡", "镇", "街道"])
            place = {"town": _name(rng, str(kind)), "county": _name(rng, "县"), "city": _name(rng, "市"),
                     "province": str(rng.choice(PROVINCES))}
        year = 2020 + i % years_per_town
        text = synthetic_report(seeds, pools, rng=rng, place=place, year=year, model=model, previous=previous)
        previous = [line for line in text.split("\n") if len(line) > 40]
        (raw / f"synthetic_{i:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return raw


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("--out", type=Path, default=None, help="folder (default benchmarks/corpus/n<N>)")
    parser.add_argument("--seed", type=int, default=20240)
    args = parser.parse_args(argv)
    raw = generate(args.n, args.out or ROOT / "benchmarks" / "corpus" / f"n{args.n}", seed=args.seed)
    size = sum(p.stat().st_size for p in raw.iterdir())
    print(f"{args.n} synthetic reports, {size / 1e6:.1f} MB → {raw}")


if __name__ == "__main__":
    main()
