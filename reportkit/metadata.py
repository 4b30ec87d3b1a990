"""Who wrote a report and for which year: town, county, city, province, year, level.

Every field comes with a `*_source` saying where it came from (manifest / title / body /
clue / file name / page metadata), so an analyst can see how much to trust it. The manifest
always wins; a disagreement with the text is reported, not silently overwritten.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .config import resource_path

FIELDS = ("town", "town_type", "county", "city", "province", "year", "level")

_YEAR = r"(20[0-4]\d)"
# 二〇二三年 / 二零二三年度 in titles and openings; digits only, so it cannot touch other numerals.
_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"二[〇零○Ｏ][〇零○Ｏ一二三四]\s*[〇零○Ｏ一二三四五六七八九](?=\s*年)")


def _arabic_years(text: str) -> str:
    """二〇二三年 → 2023年 (nothing else is converted)."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS.get(c, "") for c in m.group()), text)

# "2021-2025年" and similar plan periods are not a report year.
_PERIOD = re.compile(r"20\d{2}\s*[-—–~至到]\s*20\d{2}\s*年?")
_TITLE_YEAR = re.compile(_YEAR + r"\s*年\s*度?")
_OPENING_YEAR = re.compile(r"(?:现将|^|\n|，|。)\s*(?:我[镇乡]|本[镇乡]|全[镇乡])?\s*" + _YEAR + r"\s*年(?:度)?(?:[，,以是]|来|全年|工作)")
_PLAN_HEADING_YEAR = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*" + _YEAR + r"\s*年(?:度)?.{0,20}(?:安排|打算|计划|思路|工作要点)", re.M)
_SINCE_THIS_YEAR = re.compile(r"今年以来|一年来|本年度|年内")
_DATE = re.compile(_YEAR + r"\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")

# A town name: 2–6 characters before the suffix; the characters exclude words that start clauses.
_NAME_CHARS = r"[\u4e00-\u9fff]"
_TOWN = re.compile(r"(" + _NAME_CHARS + r"{1,8}?)(民族乡|街道办事处|街道|苏木|镇|乡)(?=人民政府|党委|政府|20\d\d|二[〇零○Ｏ]|关于|法治|年度|$|[\s，。、（(：:])")
_NOT_NAME_START = set("我本全该各每此其两多个等和与及的在对为将把由从向至于度年县区市省州盟旗委")
_NOT_NAME_WORDS = ("关于", "中共", "对于", "印发", "转发")
_GENERIC_TOWNS = {"乡镇", "城乡", "各乡镇", "全乡镇", "本乡镇", "村镇", "市镇", "集镇", "小城镇", "特色小镇", "街道",
                  "乡村", "城镇", "重点镇", "中心镇", "建制镇", "民族乡"}
_CLUE_STATION = re.compile(r"(" + _NAME_CHARS + r"{2,3})司法所")
_SELF_REFERENCE = re.compile(r"(?:我|本|全)(镇|乡|街道)")
_COUNTY_LEVEL_TITLE = re.compile(r"(县|区|市|旗)(?:人民政府|政府)?(?:关于)?" + r"(?:20\d{2}年度?)?" + r".{0,12}法治政府建设")


@dataclass(frozen=True)
class County:
    adcode: str
    county: str
    city: str
    province: str
    alias: str


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[County, ...]:
    """County-level divisions of China (reportkit/resources/gazetteer.csv; see README for its source)."""
    with open(resource_path("gazetteer.csv"), encoding="utf-8") as handle:
        return tuple(County(**row) for row in csv.DictReader(handle))


# Names of county-level units that are also ordinary words in these reports.
_AMBIGUOUS_COUNTY_NAMES = {"城区", "郊区", "矿区", "新区", "市区", "东区", "西区", "南区", "北区", "中区", "城关区"}


@dataclass(frozen=True)
class _CountyIndex:
    by_name: dict[str, list[County]]  # a county's name or alias → the counties that bear it
    lengths: tuple[int, ...]  # lengths of the names, longest first
    prefixes: frozenset[str]  # first two characters of every name
    probe: re.Pattern  # where a name may start: a first character followed by a second one


@lru_cache(maxsize=1)
def _county_index() -> _CountyIndex:
    by_name: dict[str, list[County]] = {}
    for county in load_gazetteer():
        for name in (county.county, county.alias):
            if name and name not in _AMBIGUOUS_COUNTY_NAMES and len(name) >= 2:
                by_name.setdefault(name, []).append(county)
    firsts = "".join(sorted({re.escape(name[0]) for name in by_name}))
    seconds = "".join(sorted({re.escape(name[1]) for name in by_name}))
    return _CountyIndex(
        by_name=by_name,
        lengths=tuple(sorted({len(name) for name in by_name}, reverse=True)),
        prefixes=frozenset(name[:2] for name in by_name),
        probe=re.compile(f"(?=[{firsts}][{seconds}])"),
    )


def _county_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the county names in TEXT: leftmost first, the longest name at each
    position, never overlapping (what a regex alternation of the names, longest first, finds).

    A regex alternation of ~3,000 names tries them one by one at every position and was
    most of the cost of `infer_metadata`; here two character classes find the few places
    where a name can start and a dictionary look-up per length does the rest.
    """
    index = _county_index()
    found: list[tuple[int, int, str]] = []
    last_end = 0
    for probe in index.probe.finditer(text):
        start = probe.start()
        if start < last_end or text[start:start + 2] not in index.prefixes:
            continue
        for length in index.lengths:
            name = text[start:start + length]
            if name in index.by_name:
                found.append((start, start + len(name), name))
                last_end = start + len(name)
                break
    return found


def title_of(text: str) -> str:
    """The report's title: its first lines up to the one that names the report (报告/总结)."""
    lines = [line.strip() for line in text.split("\n")[:8] if line.strip()]
    title: list[str] = []
    for line in lines[:4]:
        if len(line) > 60 or line.endswith(("：", ":")):
            break
        if line not in title:
            title.append(line)
        if re.search(r"报告|总结|情况$", line):
            break
    return "".join(title) if title else (lines[0][:60] if lines else "")


def infer_year(text: str, *, title: str, file_name: str = "", publish_date: str = "") -> tuple[str, str]:
    """The year the report COVERS and where that came from.

    Order of evidence: the title (2023年度…报告); the opening ("2022年，我镇…", "现将2023年…");
    a plans heading for year Y when the report speaks of 今年以来 (covers Y-1); the publication
    date (reports appear in the first months of the following year); the file name.
    Years quoted inside other headings never win over the title.
    """
    clean_title = _PERIOD.sub("", _arabic_years(title))
    if m := _TITLE_YEAR.search(clean_title):
        return m.group(1), "title"
    head = _PERIOD.sub("", _arabic_years(text[:600]))
    if m := _OPENING_YEAR.search(head):
        return m.group(1), "body"
    if m := _PLAN_HEADING_YEAR.search(_PERIOD.sub("", text)):
        return str(int(m.group(1)) - 1), "body"
    if publish_date and (m := _DATE.search(publish_date)):
        year, month = int(m.group(1)), int(m.group(2))
        return str(year - 1 if month <= 6 else year), "page metadata"
    if m := re.search(r"(?<!\d)" + _YEAR + r"(?!\d)", file_name):
        return m.group(1), "file name"
    years = Counter(re.findall(r"(?<![\d-])" + _YEAR + r"\s*年", _PERIOD.sub("", text)))
    if years:
        return years.most_common(1)[0][0], "body"
    return "", ""


def _town_candidates(fragment: str) -> list[tuple[str, str]]:
    """(name, suffix) pairs of town-like names in FRAGMENT, with county/city prefixes trimmed."""
    # Remove county names first so that 梅县区松源镇 yields 松源镇, not 区松源镇.
    pieces, pos = [], 0
    for start, end, _ in _county_mentions(fragment):
        pieces += [fragment[pos:start], "\n"]
        pos = end
    fragment = "".join(pieces) + fragment[pos:]
    found = []
    for m in _TOWN.finditer(fragment):
        stem, suffix = m.group(1), m.group(2)
        for word in _NOT_NAME_WORDS:
            if stem.startswith(word) and len(stem) > len(word) + 1:
                stem = stem[len(word):]
        while stem and stem[0] in _NOT_NAME_START:
            stem = stem[1:]
        if suffix == "街道办事处":
            suffix = "街道"
        name = stem + suffix
        # 和 may end a real name (太和镇, 永和乡), so "X和乡" phrases are left to the look-ahead.
        if len(stem) < 2 or name in _GENERIC_TOWNS or stem.endswith(("的", "个", "各")):
            continue
        found.append((stem, suffix))
    return found


def town_type_of(town: str) -> str:
    if town.endswith("民族乡") or re.search(r"族乡$", town):
        return "民族乡"
    for suffix in ("街道", "苏木", "镇", "乡"):  # 苏木: a township of Inner Mongolia
        if town.endswith(suffix):
            return suffix
    return ""


def infer_town(text: str, *, title: str, publisher: str = "") -> tuple[str, str]:
    """The township's official name (with its suffix) and where it came from."""
    for source, fragment in (("title", title), ("page metadata", publisher)):
        if fragment and (candidates := _town_candidates(fragment)):
            stem, suffix = candidates[0]
            return stem + suffix, source
    counts = Counter(stem + suffix for stem, suffix in _town_candidates(text[:3000]))
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= 2:
            return name, "body"
    # The town is never named ("我镇"): its judicial office (XX司法所) is named after it.
    self_ref = Counter(m.group(1) for m in _SELF_REFERENCE.finditer(text))
    stations = Counter(m.group(1) for m in _CLUE_STATION.finditer(text))
    if self_ref and stations:
        suffix = self_ref.most_common(1)[0][0]
        stem = stations.most_common(1)[0][0]
        while stem and stem[0] in _NOT_NAME_START:
            stem = stem[1:]
        if len(stem) >= 2:
            return stem + suffix, "clue"
    if counts:
        return counts.most_common(1)[0][0], "body"
    return "", ""


def infer_county(text: str, *, title: str) -> tuple[County | None, str]:
    """The county-level division named in the title or text (a county's own name, e.g. 高青县委)."""
    by_name = _county_index().by_name
    # The whole text is scanned only when neither the title nor the opening names a county.
    for source, fragment, opening in (("title", title, True), ("body", text[:1500], True), ("body", text, False)):
        hits = Counter(name for _, _, name in _county_mentions(fragment))
        if not hits:
            continue
        # Candidates ranked by mentions; a name shared by several counties (青山区 of 武汉 and of
        # 包头) is resolved by its city or province also being mentioned; otherwise the report
        # still gets the county's name, and city and province stay empty rather than guessed.
        unresolved: County | None = None
        for name, _ in hits.most_common():
            options = by_name[name]
            if len(options) == 1:
                return options[0], source
            named = [c for c in options if c.city and c.city in text or c.province in text]
            if len(named) == 1:
                return named[0], source
            # not from deep in the text, where 新城区 or 朝阳区 may be a common noun or another place
            if unresolved is None and opening and len({c.county for c in options}) == 1:
                unresolved = County(adcode="", county=options[0].county, city="", province="", alias="")
        return unresolved, source if unresolved else ""
    return None, ""


def infer_level(text: str, *, title: str, town: str) -> str:
    """township / county / unknown: county- and city-level governments write these reports too."""
    opening = title + "\n" + text[:300]
    if town and (town in title or town_type_of(town)):
        if not _COUNTY_LEVEL_TITLE.search(title) or town in title:
            return "township"
    if _COUNTY_LEVEL_TITLE.search(title) or re.search(r"(县|区|市|旗)人民政府\s*(关于)?\s*20\d\d", opening):
        if not town or town not in opening:
            return "county"
    if re.search(r"我(镇|乡|街道)|全(镇|乡)|本(镇|乡)", text):
        return "township"
    return "unknown"


def infer_metadata(text: str, *, file_name: str = "", hints: dict[str, str] | None = None) -> dict[str, str]:
    """All document variables inferred from the text; each with a `<field>_source` entry."""
    hints = hints or {}
    title = title_of(text)
    town, town_source = infer_town(text, title=title, publisher=hints.get("publisher", ""))
    county, county_source = infer_county(text, title=title)
    year, year_source = infer_year(text, title=title, file_name=file_name,
                                   publish_date=hints.get("publish_date", ""))
    level = infer_level(text, title=title, town=town)
    if level == "county":
        town, town_source = "", ""
    meta = {
        "title": title or hints.get("page_title", ""),
        "town": town, "town_source": town_source,
        "town_type": town_type_of(town), "town_type_source": town_source,
        "county": county.county if county else "", "county_source": county_source,
        "city": county.city if county else "", "city_source": "gazetteer" if county and county.city else "",
        "province": county.province if county else "",
        "province_source": "gazetteer" if county and county.province else "",
        "year": year, "year_source": year_source,
        "level": level, "level_source": "body" if level != "unknown" else "",
    }
    return meta


def merge_manifest(inferred: dict[str, str], manifest_row: dict[str, str] | None) -> tuple[dict[str, str], list[str]]:
    """Apply the analyst's manifest row over inferred values. Returns (values, disagreements)."""
    merged = dict(inferred)
    disagreements = []
    if not manifest_row:
        return merged, disagreements
    for field in ("town", "town_type", "county", "city", "province", "year"):
        given = (manifest_row.get(field) or "").strip()
        if not given:
            continue
        found = inferred.get(field, "")
        if found and found != given and inferred.get(f"{field}_source") not in ("gazetteer",):
            disagreements.append(f"manifest says {field}={given}, text suggests {found}")
        merged[field] = given
        merged[f"{field}_source"] = "manifest"
    if manifest_row.get("town") and not manifest_row.get("town_type"):
        merged["town_type"] = town_type_of(merged["town"])
        merged["town_type_source"] = "manifest"
    if manifest_row.get("town") and merged.get("level") != "township":
        merged["level"], merged["level_source"] = "township", "manifest"
    # A county given by hand fills city and province from the gazetteer unless given too.
    if manifest_row.get("county") and not manifest_row.get("city"):
        matches = [c for c in load_gazetteer() if manifest_row["county"] in (c.county, c.alias)]
        if len(matches) == 1:
            merged["city"], merged["city_source"] = matches[0].city, "gazetteer"
            if not manifest_row.get("province"):
                merged["province"], merged["province_source"] = matches[0].province, "gazetteer"
    return merged, disagreements


# China's 56 officially recognised peoples, longest first, so that 融水苗族自治县 → 融水 and
# 大通回族土族自治县 → 大通 (a "1–2 characters + 族" pattern would cut inside the place name).
_PEOPLES = sorted(
    """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
    拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克
    怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(),
    key=len,
    reverse=True,
)
# 融水苗族自治县 → 融水, 北城街道 → 北城
_PLACE_SUFFIX = re.compile(
    rf"(?:(?:{'|'.join(_PEOPLES)})族)+自治[县旗州]$|(?:街道办事处|街道|苏木|[县区市旗乡镇])$"
)


@lru_cache(maxsize=1)
def _county_aliases() -> dict[str, str]:
    return {c.county: c.alias for c in load_gazetteer() if c.alias}


def own_place_names(*names: str | None) -> list[str]:
    """A document's own place names and their stems (≥ 2 characters), longest first.

    Used to keep a town's name out of what is compared between towns: its distinctive terms
    (大年 is not a theme of 大年乡) and its copied passages.

    >>> own_place_names("里心镇", "融水苗族自治县")
    ['融水苗族自治县', '融水县', '里心镇', '融水', '里心']
    """
    found: set[str] = set()
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        name = name.strip()
        found.add(name)
        short = _county_aliases().get(name)  # 融水苗族自治县 is written 融水县 too
        if short:
            found.add(short)
        stem = _PLACE_SUFFIX.sub("", short or name)
        if len(stem) >= 2:
            found.add(stem)
    return sorted(found, key=lambda n: (-len(n), n))
