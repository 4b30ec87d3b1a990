"""Charts that hold at 15 and at 300 reports: no overlapping labels, integer ticks for counts, no
English axis labels on Chinese charts, top-N with "其他" where reports are many, every panel titled."""
import itertools
import re

from .plotting import _theme_and_cleanup  # noqa: F401  (autouse; sets the Agg backend)

import matplotlib  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from reportkit import plots  # noqa: E402
from reportkit.fonts import SLIDE_SIZE  # noqa: E402
from reportkit.shortcomings import theme_summary  # noqa: E402

PROVINCES = ["山东省", "福建省", "广西壮族自治区", "重庆市", "广东省", "河南省", "四川省", "湖南省"]
CATEGORIES = ["普法宣传活动", "宣传资料发放", "矛盾纠纷调解", "法律咨询", "干部学法", "行政执法行动", "学法考试",
              "普法受众", "法律明白人", "行政诉讼与复议", "矛盾纠纷排查", "法律顾问", "合法性审查", "信访", "未分类"]
THEMES = ["执法与法治工作力量、人才薄弱", "普法宣传形式与效果", "干部法治意识与学法培训", "矛盾纠纷化解机制",
          "信息公开与监督", "依法决策与合法性审查"]


def corpus(n: int, seed: int = 7) -> dict:
    """Tables of N invented reports from N // 2 towns over five years."""
    rng = np.random.default_rng(seed)
    towns = [f"{'东西南北中'[i % 5]}{'山河湖海林田'[i // 5 % 6]}{i}镇" for i in range(max(2, n // 2))]
    docs = pd.DataFrame({
        "doc_id": [f"{v:016x}" for v in rng.integers(0, 2**63, n)],  # like the first digits of a sha256
        "town": [towns[i % len(towns)] for i in range(n)],
        "province": [PROVINCES[i % len(PROVINCES)] for i in range(n)],
        "year": [2020 + (i // len(towns)) % 5 for i in range(n)],  # each town two years, as in a real corpus
        "n_chars": rng.integers(2000, 9000, n),
    })
    ind = pd.DataFrame({"doc_id": rng.choice(docs["doc_id"], 20 * n),
                        "category": rng.choice(CATEGORIES, 20 * n)})
    comp = pd.DataFrame({"doc_id": docs["doc_id"], **{p: rng.random(n) > 0.2 for p in plots.PART_LABELS}})
    sc = pd.DataFrame({"doc_id": rng.choice(docs["doc_id"], 3 * n), "theme": rng.choice(THEMES, 3 * n)})
    sc["theme_label"] = sc["theme"]
    sc["item_no"] = sc.groupby("doc_id").cumcount() + 1
    reuse = pd.DataFrame({"doc_a": rng.choice(docs["doc_id"], n), "doc_b": rng.choice(docs["doc_id"], n),
                          "passage_no_a": rng.integers(0, 40, n), "passage_no_b": rng.integers(0, 40, n)})
    reuse = reuse[reuse["doc_a"] != reuse["doc_b"]]
    passages = pd.DataFrame({"doc_id": np.repeat(docs["doc_id"].to_numpy(), 40), "passage_no": np.tile(np.arange(40), n)})
    passages["start"] = passages["passage_no"] * 60
    passages["end"] = passages["start"] + rng.integers(20, 60, len(passages))
    orig = pd.DataFrame({"doc_id": docs["doc_id"], "originality": rng.random(n), "n_reports_shared": rng.integers(0, 4, n)})
    keyness = pd.DataFrame({"town": np.repeat(towns[:6], 8), "term": [f"词语{i}" for i in range(48)],
                            "stat": rng.random(48) * 30})
    return {"documents": docs, "indicators": ind, "completeness": comp, "shortcomings": sc, "reuse": reuse, "passages": passages,
            "originality": orig, "keyness": keyness}


def charts(t: dict) -> dict:
    docs = t["documents"]
    labelled = docs.assign(label=plots.doc_label(docs))
    per_province = docs.groupby("province", as_index=False).agg(n_reports=("doc_id", "nunique"))
    per_report = labelled[["label", "n_chars"]]
    trend = plots.trend_table(t["indicators"], docs, agg="count", group="province")
    return {
        "reports_per_province": (lambda: plots.plot_grouped_bars(
            plots.grouped_bars_table(per_province, x="province", y="n_reports"), x="province", y="n_reports"), True),
        "report_length": (lambda: plots.plot_grouped_bars(
            plots.grouped_bars_table(per_report, x="label", y="n_chars", other="median"), x="label", y="n_chars"),
            False),
        "themes": (lambda: plots.plot_theme_frequency(theme_summary(t["shortcomings"], docs)), True),
        "completeness": (lambda: plots.plot_completeness(plots.completeness_table(t["completeness"], docs)), False),
        "heatmap": (lambda: plots.plot_indicator_heatmap(plots.indicator_heatmap_table(t["indicators"], docs)), False),
        "keyness": (lambda: plots.plot_terms(plots.terms_table(t["keyness"], value="stat", group="town", n=8,
                                                               agg="max"), xlabel="卡方关键度"), False),
        "trend": (lambda: plots.plot_trend(trend, ylabel="指标数（个）"), False),
        "reuse": (lambda: plots.plot_reuse_matrix(plots.reuse_matrix_table(t["reuse"], docs, t["passages"])), False),
        "originality": (lambda: plots.plot_originality(plots.originality_table(t["originality"], docs)), False),
    }


NAMES = ["reports_per_province", "report_length", "themes", "completeness", "heatmap", "keyness", "trend", "reuse",
         "originality"]


@pytest.fixture(scope="module", params=[15, 300], ids=["15 reports", "300 reports"])
def tables(request):
    return request.param, corpus(request.param)


def _draw(name, tables):
    import warnings

    from reportkit.findings import SmallNumbersWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallNumbersWarning)
        made, counts = charts(tables[1])[name]
        out = made()
    axes = list(np.ravel(out)) if isinstance(out, np.ndarray) else [out]
    fig = axes[0].figure
    fig.set_size_inches(*SLIDE_SIZE)
    fig.canvas.draw()
    return fig, axes, counts


def _texts(ax):
    ticks = [t for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return [t for t in ticks + list(ax.texts) if t.get_visible() and t.get_text().strip()]


def _overlapping(texts, renderer) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    found = []
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        both = matplotlib.transforms.Bbox.intersection(box_a, box_b)
        if both is not None and both.width > 1 and both.height > 1:
            found.append((a, b))
    return found


@pytest.mark.parametrize("name", NAMES)
def test_chart__no_overlapping_labels(name, tables):
    fig, axes, _ = _draw(name, tables)
    renderer = fig.canvas.get_renderer()
    for ax in axes:
        assert _overlapping(_texts(ax), renderer) == [], name


@pytest.mark.parametrize("name", NAMES)
def test_chart__no_english_axis_labels(name, tables):
    _, axes, _ = _draw(name, tables)
    for ax in axes:
        legend = ax.get_legend()
        labels = [ax.get_xlabel(), ax.get_ylabel(), ax.get_title(loc="left"),
                  legend.get_title().get_text() if legend else ""]
        for label in labels:
            assert not re.search(r"[A-Za-z]{2,}", label), f"{name}: {label!r}"


@pytest.mark.parametrize("name", [n for n in NAMES if n in ("reports_per_province", "themes")])
def test_chart__counts_have_integer_ticks(name, tables):
    _, axes, _ = _draw(name, tables)
    ax = axes[0]
    horizontal = name == "themes"
    ticks = (ax.get_xticks() if horizontal else ax.get_yticks())
    lo, hi = (ax.get_xlim() if horizontal else ax.get_ylim())
    shown = [v for v in ticks if lo <= v <= hi]
    assert shown and all(float(v).is_integer() for v in shown), (name, shown)


@pytest.mark.parametrize("name", ["report_length", "heatmap", "reuse", "originality"])
def test_chart__many_reports_fold_into_other(name, tables):
    n, _ = tables
    _, axes, _ = _draw(name, tables)
    labels = [t.get_text() for t in axes[0].get_yticklabels() + axes[0].get_xticklabels() if t.get_text()]
    rows = set(labels)
    if n <= plots.TOP_N:
        assert not any(label.startswith("其他（") for label in rows)
    else:
        assert len(rows) <= 2 * (plots.TOP_N + 1) + 15  # rows (and columns) stay few
        if name != "reuse":  # the reuse matrix keeps the reports that share most; the rest are not drawn
            assert any(label.startswith("其他（") for label in rows), name


def test_chart__every_keyness_panel_titled(tables):
    _, axes, _ = _draw("keyness", tables)
    assert len(axes) == 6 and all(ax.get_title(loc="left") for ax in axes)


def test_completeness__many_reports_become_the_share_of_each_part(tables):
    n, _ = tables
    _, axes, _ = _draw("completeness", tables)
    texts = [t.get_text() for t in axes[0].texts]
    if n > 30:
        assert len(texts) == len(plots.PART_LABELS) and all(t.endswith(f"/{n} 份") for t in texts)
    else:
        assert set(texts) <= {"有", "未单列"}
