"""Who wrote a report and for which year: town, county, city, province, year, level.

Every field comes with a `*_source` saying where it came from (manifest / title / body / clue /
page metadata / gazetteer / file name), so an analyst can see how much to trust it. The manifest
always wins; a disagreement with the text is reported, not silently overwritten.

This module gathers the evidence and the county a text names; the title and year are read by
`titles`, the town and the report's level by `towns`.
"""
from __future__ import annotations

import re
from collections import Counter

from . import resources
from .arguments import require_text
from .normalize import to_simplified
from .pagechrome import split_chrome
from .places import (County, bare_town_name, counties_named, county_by_code, county_mentions, county_of_address,
                     load_gazetteer, own_place_names, town_mentions, towns_named)
from .titles import find_title, infer_year, page_title_of, title_of
from .towns import (NOT_IN_GAZETTEER, TownGuess, infer_level, infer_town, named_as_its_unit, only_town_of_its_kind,
                    reconcile, town_of_its_slogan, town_of_its_stem, town_type_of)

__all__ = ["FIELDS", "NOT_IN_GAZETTEER", "County", "TownGuess", "find_title", "infer_county", "infer_level",
           "infer_metadata", "infer_town", "infer_year", "load_gazetteer", "merge_manifest", "own_place_names",
           "title_of", "town_type_of"]

FIELDS = ("town", "town_type", "county", "city", "province", "year", "level")


def _county_candidates(text: str, *, title: str, page: str = "") -> list[tuple[list[County], str, bool]]:
    """Counties the text names, best first: (the units bearing the name, source, named early).

    The title first, then the opening (addressee line included), then the page's own site or
    publisher, then the whole text.
    """
    by_name = {}
    ranked = []
    for source, fragment, early in (("title", title, True), ("body", text[:1500], True),
                                    ("page metadata", page, True), ("body", text, False)):
        hits = Counter(name for start, end, name in county_mentions(fragment)
                       if not _inside_town_name(fragment, start, end))
        for name, _ in hits.most_common():
            if name not in by_name:
                by_name[name] = counties_named(name)
                ranked.append((by_name[name], source, early))
    return ranked


_TOWN_SUFFIX_NEAR = re.compile("[镇乡街办苏]")


def _inside_town_name(text: str, start: int, end: int) -> bool:
    """Is the county named at START:END part of a longer town's name (新县镇, 古县渡镇, 西城区街道), or
    does it end inside one?"""
    if not _TOWN_SUFFIX_NEAR.search(text, end, end + 8):
        return False  # 高青县委, 新县人民政府: no town's name goes on after it
    lo = max(0, start - 6)
    # …or ends inside one (担任城区街道: 任城区 is not named, 城区街道 is)
    return any(m.start + lo < end < m.end + lo
               or (m.start + lo <= start and m.end + lo >= end and m.end - m.start > end - start)
               for m in town_mentions(text[lo:end + 8]))


def _pick_county(options: list[County], text: str) -> County | None:
    """One county of several bearing a name: the one whose city or province the text names."""
    if len(options) == 1:
        return options[0]
    named = [c for c in options if c.city and c.city in text or c.province in text]
    return named[0] if len(named) == 1 else None


def infer_county(text: str, *, title: str, page: str = "") -> tuple[County | None, str]:
    """The county-level division named in the title or text (a county's own name, e.g. 高青县委).

    A name shared by several counties (青山区 of 武汉 and of 包头) is resolved by its city or
    province also being mentioned; otherwise the report still gets the county's name when the
    title or opening names it, with city and province left empty rather than guessed.
    """
    first_source = None
    unresolved: County | None = None
    for options, source, early in _county_candidates(text, title=title, page=page):
        if first_source is not None and source != first_source:
            break  # a later source is only asked when an earlier one named no county at all
        first_source = source
        if (county := _pick_county(options, text)) is not None:
            return county, source
        # not from deep in the text, where 新城区 or 朝阳区 may be a common noun or another place
        if unresolved is None and early and len({c.county for c in options}) == 1:
            unresolved = County(adcode="", county=options[0].county, city="", province="", alias="")
    return (unresolved, first_source) if unresolved else (None, "")


def county_of_its_towns(text: str) -> County | None:
    """The one county that holds every town a county-level report names (英城街道、英红镇 in a report that
    calls itself only 我市): two names or more, and no other county that holds them all."""
    names = {m.name for m in town_mentions(to_simplified(text))}
    if len(names) < 2:
        return None
    shared = set.intersection(*({t.county_code for t in towns_named(name)} for name in names))
    return county_by_code(shared.pop()) if len(shared) == 1 else None


def county_written_before(town: str, text: str) -> County | None:
    """The county written right before TOWN's name (翁牛特旗全宁街道, 秀山土家族苗族自治县洪安镇人民政府),
    when the gazetteer has a town of that name there: the county a report gives as its own, in its
    signature as much as in its title, whatever other counties its body names more often."""
    if not town:
        return None
    homes = {t.county_code for t in towns_named(town)}
    found = set()
    for at in (m.start() for m in re.finditer(re.escape(town), text)):
        before = text[max(0, at - 12):at]
        found.update(c.adcode for start, end, name in county_mentions(before) if end == len(before)
                     for c in counties_named(name) if c.adcode in homes)
    return county_by_code(found.pop()) if len(found) == 1 else None


def infer_metadata(text: str, *, file_name: str = "", hints: dict[str, str] | None = None) -> dict[str, str]:
    """All document variables inferred from the text; each (but `title` and `town_code`) with a `<field>_source` entry.

    HINTS are what the reader learnt from the file (a saved page's publisher and date, a Word
    file's title); page chrome left in the text is recognised here too.
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    text, facts = split_chrome(require_text(text, "infer_metadata"))
    hints = {**facts.as_hints(), **(hints or {})}
    # The title line of the text, else the page's title field, else the text's first lines.
    page_title = page_title_of(hints.get("page_title", ""))
    # Only a real title is evidence; a report without one is shown by its first line.
    title = to_simplified(find_title(text) or page_title)
    page = " ".join(hints.get(k, "") for k in ("site", "publisher"))
    county, county_source = infer_county(text, title=title, page=page)
    if county is None and hints.get("url") and (county := county_of_address(hints["url"], text)):
        county_source = "page address"  # the county's government site the page was saved from
    # The publisher, then the town's column the page was filed under on its county's site.
    publisher = " ".join(hints[k] for k in ("publisher", "column") if hints.get(k))
    guess = infer_town(text, title=title, publisher=publisher,
                       counties=(county,) if county is not None else ())
    level = infer_level(text, title=title, town=guess.name, county=county.county if county else "",
                        town_source=guess.source)
    if level == "county":
        guess = TownGuess()
        if county is None and (county := county_of_its_towns(text)) is not None:
            county_source = "towns named"  # a report that says only 我市 names its own towns
    elif county_source != "title" and (own := county_written_before(guess.name, text)) is not None \
            and (county is None or own.adcode != county.adcode):
        # 翁牛特旗全宁街道 in the signature outweighs 松山区, named in the body as a place visited
        county, county_source = own, "body"
        guess = TownGuess(guess.name, guess.source, tuple(t for t in towns_named(guess.name) if t.county_code == own.adcode))
    if not guess.name and level == "township":
        guess = town_of_its_stem(text, county)  # 郭家沱交出优异答卷: only the stem, in 江北区 (of two)
    if not guess.name and level != "county":
        guess = town_of_its_slogan(text)  # 2025年，公明坚持…法治公明: the one 公明 in the country
        if guess.name and level == "unknown":
            level = "township"  # …speaking of itself
    guess, county, county_source = reconcile(guess, county, county_source, text)
    guess = named_as_its_unit(guess)
    if not guess.name and level != "county":
        guess = only_town_of_its_kind(text, county)
    year, year_source = infer_year(text, title=title, file_name=file_name, publish_date=hints.get("publish_date", ""),
                                   report_year=hints.get("report_year", ""))
    return {
        "title": title or title_of(text),
        "town": guess.name, "town_source": guess.source, "town_code": guess.code,
        "town_type": town_type_of(guess.name), "town_type_source": guess.source,
        "county": county.county if county else "", "county_source": county_source if county else "",
        "city": county.city if county else "", "city_source": "gazetteer" if county and county.city else "",
        "province": county.province if county else "",
        "province_source": "gazetteer" if county and county.province else "",
        "year": year, "year_source": year_source,
        "level": level, "level_source": "body" if level != "unknown" else "",
    }


def merge_manifest(inferred: dict[str, str], manifest_row: dict[str, str] | None, *,
                   text: str = "") -> tuple[dict[str, str], list[str]]:
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
        matches = [c for c in load_gazetteer() if manifest_row["county"] in (c.county, *c.aliases)]
        if len(matches) == 1:
            merged["city"], merged["city_source"] = matches[0].city, "gazetteer"
            if not manifest_row.get("province"):
                merged["province"], merged["province_source"] = matches[0].province, "gazetteer"
    url = (manifest_row.get("source_url") or "").strip()
    if url and not merged.get("county") and (county := county_of_address(url, text)):
        # The page's address names the county (www.xuwen.gov.cn): it places the town too.
        for field, value in (("county", county.county), ("city", county.city), ("province", county.province)):
            merged[field], merged[f"{field}_source"] = value, "page address"
        if not merged.get("town") and merged.get("level") != "county" and (
                guess := only_town_of_its_kind(text, county)).name:
            merged.update(town=guess.name, town_source=guess.source, town_type=town_type_of(guess.name),
                          town_type_source=guess.source, level="township", level_source="body")
    if manifest_row.get("town") or manifest_row.get("county") or url:
        merged["town_code"] = _town_code(merged.get("town", ""), merged.get("county", "")) or merged.get("town_code", "")
    return merged, disagreements


def _town_code(town: str, county: str) -> str:
    """The division code of TOWN in COUNTY (any county when empty), when exactly one unit fits."""
    towns = towns_named(bare_town_name(town)) if town else ()
    if county:
        towns = tuple(t for t in towns if county == t.county or county in getattr(county_by_code(t.county_code), "aliases", ()))
    return towns[0].code if len(towns) == 1 else ""
