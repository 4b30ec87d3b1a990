"""Accuracy on the development set of real reports (tests/realworld/): town, county, year, headings.

The floors are the accuracy measured when the rules were last changed (see the README); a change
that loses a town or a heading anywhere in the set fails here, and `make accuracy` lists the misses.
"""
from __future__ import annotations

import pytest

from .realworld.accuracy import build_cases, load_cases, norm, score
from .realworld.variants import KINDS, variant_cases

FLOORS = {"town": 0.99, "level": 0.99, "county": 0.98, "county_built": 0.9, "year": 0.99, "headings_found": 0.99,
          "headings_real": 0.99, "heading_level": 0.99, "section_type": 0.94, "indicator_precision": 0.99,
          "indicator_recall": 0.99}


@pytest.fixture(scope="module")
def tallies():
    cases = load_cases()
    return score(cases, build_cases(cases))


@pytest.fixture(scope="module")
def wrapped_tallies():
    """The same pages as text copied out of their printed PDFs (tests/realworld/printed.py)."""
    cases = load_cases()
    return score(cases, build_cases(cases, "wrapped"))


def test_realworld__development_set_is_large_and_varied():
    cases = load_cases()
    assert len(cases) >= 80
    assert len({c["province"] for c in cases.values()}) >= 20
    assert {c["year"] for c in cases.values()} >= {2020, 2021, 2022, 2023, 2024, 2025}
    assert sum(c["script"] == "traditional" for c in cases.values()) >= 5
    assert sum(c["level"] == "county" for c in cases.values()) >= 5
    for case in cases.values():  # every answer heading is text of its case
        text = norm(case["path"].read_text(encoding="utf-8"))
        assert all(norm(h["heading"]) in text for h in case["headings"]), case["id"]


@pytest.mark.slow
@pytest.mark.parametrize("field", list(FLOORS))
def test_realworld__accuracy_holds(tallies, field):
    tally = tallies[field]
    assert tally.share >= FLOORS[field], "\n".join(tally.misses)


@pytest.mark.slow
def test_realworld__no_wrong_town_only_empty_ones(tallies):
    # An unsure town is left empty (and logged), never invented: every town miss is an empty town.
    wrong = [m for m in tallies["town"].misses if "town ''" not in m]
    assert wrong == []


@pytest.mark.slow
def test_realworld__no_wrong_county_only_empty_ones(tallies):
    # Likewise a county: left empty when neither the text nor a town the gazetteer places settles it.
    wrong = [m for m in tallies["county_built"].misses if "county ''" not in m]
    assert wrong == []


@pytest.mark.slow
@pytest.mark.parametrize("field", ["town", "level", "county", "year", "headings_found", "headings_real",
                                   "section_type", "indicator_precision", "indicator_recall"])
def test_realworld__copied_out_of_a_pdf_the_pages_read_as_their_text(tallies, wrapped_tallies, field):
    # Every printed line a line of its own: joined again, the pages lose nothing of their text's
    # accuracy (one heading or figure either way is the width estimate's to lose).
    got, base = wrapped_tallies[field], tallies[field]
    assert got.right >= base.right - 1 and got.total <= base.total + 1, "\n".join(got.misses)


@pytest.fixture(scope="module", params=["html", "mht", "docx", "legacy", "flat", "traditional"])
def saved_tallies(request):
    """The same pages saved from their site (HTML in four layouts, as .html or one .mht file), as
    Word files, in GB18030 / Big5, or copied without their line breaks (tests/realworld/saved.py),
    or converted to Traditional script as mirror sites serve them."""
    cases = load_cases()
    return request.param, score(cases, build_cases(cases, request.param))


@pytest.mark.slow
def test_realworld__saved_as_a_web_page_a_word_file_in_a_legacy_encoding_or_flattened_the_pages_read_as_their_text(
        tallies, saved_tallies):
    # The readers hand the stages the report's own lines whatever the form: every measure is the
    # text form's, to the page (the site's header, its 上一篇 links and footer included).
    form, got = saved_tallies
    differ = {field: (got[field].right, got[field].total, tally.right, tally.total)
              for field, tally in tallies.items()
              if (got[field].right, got[field].total) != (tally.right, tally.total)}
    assert differ == {}, f"{form}: {differ}\n" + "\n".join(m for t in got.values() for m in t.misses)


@pytest.fixture(scope="module", params=KINDS)
def variant_tallies(request, tmp_path_factory):
    """The township pages with their county glued before the town, or under header lines
    (tests/realworld/variants.py)."""
    variants = variant_cases(load_cases(), request.param, tmp_path_factory.mktemp(request.param))
    return request.param, len(variants), score(variants, build_cases(variants))


def _case_ids(misses: list[str]) -> set[str]:
    return {miss.split(":", 1)[0] for miss in misses}


@pytest.mark.slow
def test_realworld__whose_report_it_is_survives_a_glued_county_or_header_lines(tallies, variant_tallies):
    # 余杭区仁和街道认真… and 中共仁和街道委员会 / 仁和街道人民政府 above the title are how other sites and
    # first pages write the same report: no page the text form reads right may be read wrong so.
    kind, n, got = variant_tallies
    assert n >= 100, kind
    for field in ("town", "level", "county", "county_built"):
        new = _case_ids(got[field].misses) - _case_ids(tallies[field].misses)
        assert new == set(), f"{kind} {field}: " + "\n".join(m for m in got[field].misses if m.split(":")[0] in new)


def test_realworld__a_page_copied_otherwise_gives_its_town_and_level_or_none_never_another():
    # A copy that starts at 一、 or mid-sentence, under its county site's list of other towns' reports, or
    # naming a neighbour it visited (tests/realworld/perturbed.py): the town the page itself gives, or an empty
    # one; never a town named as an example, a neighbour or a listed report's (about 15 s, no build).
    from .realworld.perturbed import wrong_reads

    assert wrong_reads(load_cases()) == []
