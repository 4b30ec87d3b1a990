"""The inventory of a raw folder: files found, and the analyst's manifest with its problems."""
from __future__ import annotations

import pytest

from reportkit.manifest import discover, manifest_log, read_manifest


def test_discover__recursive_sorted_including_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == [".DS_Store", "1.txt", "b/2.txt"]


MANIFEST = "file,town,town_type,county,city,province,year,source_url,note,colour\n" \
           "a.txt,大年乡,乡,融水苗族自治县,柳州市,广西壮族自治区,2024,,,red\n" \
           "b.txt,治平乡,乡,城口县,重庆市,重庆市,二〇二三,,,\n" \
           "a.txt,大年乡,乡,融水苗族自治县,柳州市,广西壮族自治区,2024,,,red\n" \
           "missing.txt,青城镇,镇,,,,2022,,,\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_read_manifest__encodings_and_problems_with_line_numbers(tmp_path, encoding):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("x")
    path = tmp_path / "manifest.csv"
    path.write_bytes(MANIFEST.encode(encoding))
    table, problems = read_manifest(path, raw_dir=tmp_path)
    assert table["file"].tolist() == ["a.txt", "b.txt", "missing.txt"]
    assert table.loc[0, "town"] == "大年乡"
    assert table.loc[1, "year"] == ""  # invalid year dropped, row kept
    text = "\n".join(map(str, problems))
    assert "line 1: unknown column 'colour'" in text
    assert "line 3: invalid year '二〇二三'" in text
    assert "line 4: duplicate of line 2" in text
    assert "line 5: file 'missing.txt' not found" in text


def test_read_manifest__without_file_column_names_the_fix(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text("name,town\na.txt,大年乡\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no 'file' column"):
        read_manifest(path)


def test_manifest_log__one_row_per_problem_with_its_line_code_and_status(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    path = tmp_path / "manifest.csv"
    path.write_text("file,year,colour\na.txt,二〇二三,red\n", encoding="utf-8")
    log = manifest_log(read_manifest(path, raw_dir=tmp_path)[1])
    assert log[["file", "line", "status", "code"]].values.tolist() == [
        ["manifest.csv", 1, "warning", "unknown_column"], ["manifest.csv", 2, "warning", "invalid_year"]]
