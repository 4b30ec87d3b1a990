"""What can be wrong with a file, as records: a stable code, the sentence a person reads, a detail.

Readers, stages and the build report problems as `Problem` records; the build log joins their
messages (``message``) and their codes (``codes``) in the same order, so an analyst can filter
on a code without parsing sentences. Every code is listed in `CODES` (an unknown one is refused
at once, so a typo cannot create a code nobody filters on).

>>> Problem("no_year", "no year found; add it to data/manifest.csv")
Problem(code='no_year', message='no year found; add it to data/manifest.csv', detail='')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: code → what it means (the build log's ``codes`` column holds these).
CODES = {
    # the file, before it is read
    "hidden": "a hidden or temporary file (skipped)",
    "not_regular": "a symbolic link, FIFO, socket or device (skipped)",
    "unsupported_format": "a file type reportkit does not read (skipped)",
    "too_large": "over the size limit (Limits.max_file_bytes, --max-mb)",
    "cannot_read": "the file cannot be opened (permissions, or gone)",
    "cannot_list": "a sub-folder that cannot be listed (permissions, a path too long): its files are not read",
    "duplicate": "byte-identical to another file; counted once",
    # reading it
    "empty": "no text at all",
    "not_text": "binary content, an image or an archive, not a report",
    "misnamed": "its content is another format than its name says; read as that format",
    "old_format": "an old binary Office, WPS or RTF file; re-save it as .docx",
    "garbled": "mojibake or undecodable bytes; re-save it as UTF-8",
    "no_chinese": "no Chinese text (a scan, or the wrong file)",
    "not_a_report": "no word of rule-of-law work (法治, 依法, 普法 …): another document (a notice) in the folder",
    "other_kind": "its title or opening names another kind of document (政府信息公开工作年度报告, 政府工作报告, 工作要点 …): check it belongs",
    "unreadable": "a broken .docx, PDF or web page",
    "no_article": "a saved web page without its article (the site fills it in by script): copy the text into a .txt",
    "refused": "refused as a possible attack (zip bomb, entity expansion)",
    "no_text_layer": "a PDF without text (a scan): OCR it",
    "encrypted": "a PDF that needs a password to open",
    "pages_cut": "only the first pages of a long PDF read (Limits.max_pdf_pages)",
    "text_cut": "text cut at the character limit (Limits.max_chars)",
    "timeout": "took longer than Limits.seconds_per_file",
    "out_of_memory": "ran out of memory while reading",
    "crashed": "the process reading it died (memory limit, a crash in a library); not retried",
    "changed": "the file changed while the build read it; build again",
    "internal_error": "a bug in reportkit: please report it with the file",
    # what was found in it
    "no_headings": "no numbered headings: the whole report is one section",
    "unmapped_heading": "a top-level heading no rule of section_types.csv maps",
    "no_year": "no year found: add it to the manifest",
    "no_town": "no town found (or unsure): add it to the manifest",
    "town_not_in_gazetteer": "the town named by the title is not in the township gazetteer (renamed or new?): check it",
    "partial": "not the whole report (a page opening, a copy cut short): left out of completeness, theme and density denominators",
    "same_report": "the same report as another file, in another format or encoding; counted once",
    "part_of_report": "a part of another file's report of the same town and year (a page copy); counted once, from that file",
    "manifest_disagrees": "the manifest says otherwise than the text (the manifest wins)",
    # the manifest itself (manifest_log)
    "manifest_unreadable": "the manifest cannot be used at all; built without it",
    "unknown_column": "a manifest column reportkit does not know (ignored)",
    "no_file_name": "a manifest row without a file name (ignored)",
    "invalid_year": "a year that is not one (the cell is ignored)",
    "repeated_row": "a second row for the same file (ignored)",
    "file_not_found": "a manifest row naming a file not under the raw folder",
    "outside_raw": "a manifest row naming a path outside the raw folder (absolute, or with ..): ignored",
    "unbalanced_quote": "a manifest line with a quote that never closes (read alone)",
    "unreadable_row": "a manifest row the CSV reader cannot read (a cell over 128 KB): ignored",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, for a person, with the fix when there is an obvious one."""
    import errno

    if exc.errno == errno.ENAMETOOLONG:
        return "its path is longer than the system allows; move it to a shallower folder or shorten the names"
    return exc.strerror or str(exc)


@dataclass(frozen=True)
class Problem:
    code: str  # one of CODES
    message: str  # what is wrong and what to do, for a person
    detail: str = ""  # the variable part (a heading, the other file, a field), for a program

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not in reportkit.problems.CODES")

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class ManifestProblem:
    """A problem of the manifest itself, on a line of it (0: the whole file)."""

    file: str  # the manifest's file name
    line: int
    code: str  # one of CODES
    message: str

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not in reportkit.problems.CODES")

    @property
    def status(self) -> str:
        """error when the whole manifest is ignored, warning when a row or cell is."""
        return "warning" if self.line else "error"

    def __str__(self) -> str:
        return f"{self.file} line {self.line}: {self.message}"


# Characters that would move the cursor, recolour or clear a terminal, end a line of a log or a
# row of a CSV, or reorder what follows: shown escaped in every name reportkit prints or writes.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """TEXT with control and direction characters escaped (\\x1b, \\x0a, \\u202e): safe to print as one line."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
                            text)
