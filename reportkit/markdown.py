"""A web page saved as Markdown, back to the text a browser shows.

Scrapers and reader tools (Jina Reader's ``Title: / URL Source: / Markdown Content:`` header, browser
extensions, "save as Markdown") keep a page's links as ``[text](url)``, its pictures as
``![alt](src)``, bold as ``**text**``, titles underlined with ``====`` and numbered paragraphs escaped
as ``1\\.``. A report read so would keep ``1\\.`` before its items and a menu of links above its title.

Only a text that is Markdown is changed: one with the reader's ``Markdown Content:`` line, with
at least two links or pictures in Markdown syntax, or (a Word file converted by pandoc) with two
``#`` headings or three lines that open in bold. Its header lines stay (page chrome names them:
the page's title, address and date are facts of the report, see `pagechrome`).

>>> print(from_markdown("*   [首页](http://a.gov.cn/)\\n**一、主要举措**\\n1\\\\. 开展[普法](http://a.gov.cn/p)活动"))
一、主要举措
1. 开展普法活动
"""
from __future__ import annotations

import re

from .anchored import AnchoredPattern
from .chinese import CJK_CHAR

__all__ = ["from_markdown", "is_markdown"]

# A link's target: (url), with one level of brackets inside (javascript:doZoom(16)).
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*\)"
# … with the attributes pandoc gives a Word file's picture ({width="5.8in" height="3.2in"}).
_IMAGE = re.compile(r"!\[[^\[\]]*\]" + _TARGET + r"(?:\{[^{}\n]*\})?")
_LINK = re.compile(r"\[([^\[\]]*)\]" + _TARGET)
_SYNTAX = re.compile(r"\]\((?:https?:|/|\.\.?/|#|javascript:|mailto:)")
_READER_HEADER = AnchoredPattern(re.compile(r"^Markdown Content:[ \t]*$", re.M))
_MIN_LINKS = 2
# A Word file converted to Markdown (pandoc) has no links, but its headings (## 一、…) and bold lines
# (**一是…**) mark it: two headings, or three lines that open in bold.
# (At a line's start, or after a space where a copy lost its line breaks.)
_HEADING_LINE = AnchoredPattern(re.compile(r"(?:^|(?<=\s))#{1,6}[ \t]+(?=\S)", re.M))
# (Words between the marks, not a run of stars: a masked ****年 or 索引号: ****** is no bold.)
_BOLD_LINE = re.compile(r"(?:^|(?<=\s))(\*\*|__)(?=[^\s*_])[^\n*_]{1,80}?(?<=[^\s*_])\1(?![*_])", re.M)

_MIN_HEADINGS, _MIN_BOLD_LINES = 2, 3

_BULLET = re.compile(r"^[ \t]*[*+\-][ \t]+")
# A link in a bulleted list (a menu, 上一篇/下一篇): the whole item goes, as does a line of links only.
_LISTED_LINK = re.compile(r"(?:^|(?<=\s))[*+\-][ \t]+\[[^\[\]]*\]" + _TARGET)
_ATX_HEADING = re.compile(r"(?:^|(?<=\s))#{1,6}[ \t]+")
_RULE = re.compile(r"(?:^|(?<=\s))(?:={3,}|-{3,}|\*{3,}|_{3,})(?=\s|$)")  # ==== under a title, --- between parts
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# What is left of a line of links once they are gone: bullets, separators, spaces.
_LINKS_ONLY_REST = re.compile(r"^[\s*+\-|｜/>＞»·•,，、]*$")


def is_markdown(text: str) -> bool:
    """Is TEXT a page saved as Markdown (not a report that happens to hold a bracket)?"""
    return (bool(_READER_HEADER.search(text)) or len(_SYNTAX.findall(text)) >= _MIN_LINKS
            or len(_HEADING_LINE.findall(text)) >= _MIN_HEADINGS or sum(bool(CJK_CHAR.search(m.group())) for m in _BOLD_LINE.finditer(text)) >= _MIN_BOLD_LINES)


def _links_as(line: str, replacement: str) -> str:
    """LINE with its links replaced; twice, since a linked picture is [](href) once the picture is gone."""
    return _LINK.sub(replacement, _LINK.sub(replacement, line))


def from_markdown(text: str) -> str:
    """TEXT as plain text when it is Markdown (`is_markdown`), else unchanged: pictures, links in
    bulleted lists and lines of links only (menus, share buttons, 上一篇 links) dropped, other links
    kept as their words, emphasis, heading marks and rules dropped, escapes undone."""
    if not is_markdown(text):
        return text
    lines = []
    for line in text.split("\n"):
        bare = _LISTED_LINK.sub("", _IMAGE.sub("", line))
        unlinked = _links_as(bare, "")
        if bare != line and not bare.strip() or unlinked != bare and _LINKS_ONLY_REST.match(unlinked):
            continue  # pictures, listed links, a line of links only
        words = _links_as(bare, r"\1")
        words = _EMPHASIS.sub(r"\2", _ATX_HEADING.sub("", _RULE.sub("", words)))
        lines.append(_ESCAPE.sub(r"\1", words.lstrip(" \t*+-") if _BULLET.match(words) else words))
    return "\n".join(lines)
