"""A Chinese font for every chart: the house theme and the CJK-font guarantee behind `reportkit.plots`.

Most Linux servers have no Chinese font, and matplotlib then draws every Chinese character as an
empty box ("tofu"). :func:`set_theme` picks a CJK font installed on the system, or registers the
OFL-licensed Noto Sans CJK that ships with the ``noto-cjk-sans-otc`` dependency (in memory only;
nothing is written to site-packages). Use these through ``reportkit.plots``, which re-exports them.
"""
from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import matplotlib as mpl
import seaborn as sns
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

log = logging.getLogger(__name__)

#: Chinese fonts preferred when installed, best first (all have Simplified Chinese glyphs).
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
)
#: The face registered from the ``noto-cjk-sans-otc`` package when none of the above is installed.
BUNDLED_CJK_FONT = "Noto Sans CJK SC"
#: A 16:9 PowerPoint slide, in inches; "half" is the left or right half of it.
SLIDE_SIZE = (13.33, 7.5)
HALF_SLIDE_SIZE = (6.67, 7.5)


def cjk_font_name() -> str:
    """Name of a font with Chinese glyphs, registering the bundled Noto Sans CJK if needed.

    Looks for :data:`CJK_FONTS` among the fonts matplotlib knows; if none is installed, adds
    the ``.ttc`` collection of the ``noto-cjk-sans-otc`` package to matplotlib's font manager
    (in memory, all faces) and returns ``"Noto Sans CJK SC"``. Safe to call repeatedly: the font
    is registered only once per process.

    >>> cjk_font_name() in CJK_FONTS
    True
    """
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    try:
        import noto_cjk_sans_otc
    except ImportError as exc:  # pragma: no cover - it is a declared dependency
        raise RuntimeError(
            "no Chinese font found: install one of "
            f"{', '.join(CJK_FONTS)} or the Python package noto-cjk-sans-otc"
        ) from exc
    path = Path(str(noto_cjk_sans_otc.FONT_PATH))
    font_manager.fontManager.addfont(str(path))
    log.debug("registered bundled CJK font %s from %s", BUNDLED_CJK_FONT, path)
    return BUNDLED_CJK_FONT


@contextlib.contextmanager
def rc_context(rc: dict | None = None):
    """``matplotlib.rc_context`` that leaves the interactive switch as the code inside set it.

    In a Jupyter kernel the inline backend is loaded when the first figure is made and turns
    interactive mode on; a plain ``rc_context`` entered before that would switch it off again
    on exit, and every later figure of the session would never be displayed.
    """
    with mpl.rc_context(rc):
        try:
            yield
        finally:
            interactive = mpl.is_interactive()
    mpl.interactive(interactive)


def font_rc() -> dict[str, object]:
    """The rcParams that make matplotlib draw Chinese text; pass them to seaborn's theme calls.

    The CJK font comes first in ``font.family`` (matplotlib falls back glyph by glyph along
    that list, so symbols missing from it still come from DejaVu Sans) and first in
    ``font.sans-serif`` (for code that asks for the generic "sans-serif" family).
    """
    name = cjk_font_name()
    sans = [name] + [f for f in mpl.rcParamsDefault["font.sans-serif"] if f != name]
    return {
        "font.family": [name, "sans-serif"],
        "font.sans-serif": sans,
        # the CJK fonts draw U+2212 poorly or not at all; an ASCII hyphen is always there
        "axes.unicode_minus": False,
    }


def house_rc() -> dict[str, object]:
    """Layout and export settings of the house style (slide-size figures, 200 dpi, no clipping)."""
    return {
        "figure.figsize": SLIDE_SIZE,
        "figure.constrained_layout.use": True,  # room for long Chinese labels and colorbars
        "savefig.dpi": 200,
        "axes.titlesize": "large",
        "axes.titlelocation": "left",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "legend.frameon": False,
        "svg.fonttype": "path",  # SVGs render without the font installed
    }


def set_theme(
    *,
    context: str = "talk",
    style: str = "whitegrid",
    palette: str = "colorblind",
    font_scale: float = 1.0,
    rc: dict | None = None,
) -> str:
    """Apply the house style and a Chinese font to every chart; return the font's name.

    Calls ``seaborn.set_theme(context, style, palette, font=..., rc=...)`` itself with
    :func:`font_rc` and :func:`house_rc` in ``rc`` (``rc=`` here overrides both).

    What a user must know about seaborn: ``seaborn.set_theme()`` and ``seaborn.set_style()``
    called *afterwards* reset ``font.family`` to "sans-serif" and ``font.sans-serif`` to
    seaborn's own list (Arial, DejaVu Sans, ...), which has no Chinese font; matplotlib only
    takes the first installed font of that list, so no registration can add a fallback there
    short of disguising the CJK font as "Arial". Hence:

    * to change the style later, call this function again (``set_theme(style="ticks")``) or
      pass the font along: ``seaborn.set_theme(style="ticks", rc=plots.font_rc())``;
    * charts drawn by the ``plot_*`` functions of this module, and every figure saved with
      ``reportkit.export.save_figure``, stay readable even after a bare ``seaborn.set_theme()``:
      the ``plot_*`` functions create their texts with :func:`font_rc` in force, and both add the
      CJK font as a fallback to each text object (:func:`use_cjk_font`). Your own
      ``ax.set_title("...")`` added after such a reset is fixed by ``save_figure``, or by calling
      ``use_cjk_font(fig)`` before showing the figure.
    """
    name = cjk_font_name()
    sns.set_theme(
        context=context,
        style=style,
        palette=palette,
        font=name,
        font_scale=font_scale,
        rc={**font_rc(), **house_rc(), **(rc or {})},
    )
    return name


def use_cjk_font(target: Figure | Axes) -> Figure | Axes:
    """Append the CJK font as a fallback to every text of a figure (or axes); return it.

    Texts keep their own font for the glyphs it has; only missing glyphs (Chinese) come from
    the CJK font. Tick labels created later inherit it through ``tick_params``.
    """
    name = cjk_font_name()
    axes = [target] if isinstance(target, Axes) else list(target.axes)
    for ax in axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.get_ticklabels()
            family = list(labels[0].get_fontfamily()) if labels else list(mpl.rcParams["font.family"])
            if name not in family:
                axis.set_tick_params(labelfontfamily=[*family, name])
    for text in target.findobj(Text):
        family = list(text.get_fontfamily())
        if name not in family:
            text.set_fontfamily([*family, name])
    return target
