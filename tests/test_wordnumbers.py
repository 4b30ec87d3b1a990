"""Word's own list numbers (set in the paragraph's numbering, not typed) read as the text they show."""
from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

import reportkit as rk
from reportkit.readers import extract
from reportkit.config import Limits

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# A two-level list as Chinese offices set it: 一、 then （一）, the second level restarting under each first.
ABSTRACT = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered_docx(paragraphs: list[tuple[int | None, str]]) -> bytes:
    """A .docx whose paragraphs (level, text) are numbered by Word at LEVEL (None: not numbered)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))  # abstract definitions come before the <w:num>s
    numbering.append(parse_xml(NUM))
    for level, text in paragraphs:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


REPORT = [(None, "东湖镇2023年法治政府建设情况报告"), (None, "2023年，东湖镇坚持依法行政。"),
          (0, "主要举措和成效"), (1, "加强组织领导"), (None, "全年召开专题会议4次。"), (1, "深化普法宣传"),
          (2, "开展“八五”普法"), (2, "建设法治文化阵地"), (0, "存在的不足"), (1, "执法力量薄弱"),
          (0, "下一步工作打算"), (None, "持续深化依法行政。")]


def test_extract__word_list_numbers_are_read_as_typed_ones():
    text = extract(_numbered_docx(REPORT), ".docx", name="numbered.docx", limits=Limits()).text
    assert text.split("\n")[2:11] == ["一、主要举措和成效", "（一）加强组织领导", "全年召开专题会议4次。", "（二）深化普法宣传",
                                      "1.开展“八五”普法", "2.建设法治文化阵地", "二、存在的不足", "（一）执法力量薄弱",
                                      "三、下一步工作打算"]


def test_build__a_word_report_numbered_by_word_has_its_parts(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "donghu.docx").write_bytes(_numbered_docx(REPORT))
    sections = rk.build(raw, manifest=None, out=None, cache_dir=None, jobs=1)["sections"]
    top = sections[sections["level"] == 1]
    assert top["heading"].tolist() == ["一、主要举措和成效", "二、存在的不足", "三、下一步工作打算"]
    assert top["section_type"].tolist() == ["measures", "shortcomings", "plans"]


def test_paragraph_numbers__a_document_without_lists_has_none():
    document = docx.Document()
    document.add_paragraph("一、主要举措")  # typed, not Word's
    from reportkit.wordnumbers import paragraph_numbers

    assert paragraph_numbers(document) == [""]


def test_extract__a_word_table_stands_where_it_is_in_the_report():
    document = docx.Document()
    document.add_paragraph("一、主要举措和成效")
    document.add_paragraph("全年执法数据如下：")
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "项目", (0, 1): "件数", (1, 0): "行政处罚", (1, 1): "12"}.items():
        table.cell(r, c).text = value
    document.add_paragraph("二、存在的不足")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract(buffer.getvalue(), ".docx", name="table.docx", limits=Limits()).text
    assert text.split("\n") == ["一、主要举措和成效", "全年执法数据如下：", "项目\t件数", "行政处罚\t12", "二、存在的不足"]


def test_extract__a_letterhead_in_a_text_box_is_read_above_its_paragraph():
    # Word saves a text box twice (a drawing, and a VML fallback for old readers): read once
    box = ('<w:txbxContent><w:p><w:r><w:t>城口县治平乡人民政府</w:t></w:r></w:p></w:txbxContent>')
    run = (f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
           f'<mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document = docx.Document()
    anchor = document.add_paragraph()
    anchor._p.append(parse_xml(run))
    document.add_paragraph("关于2023年度法治政府建设情况的报告")
    document.add_paragraph("县人民政府：")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract(buffer.getvalue(), ".docx", name="letterhead.docx", limits=Limits()).text
    assert [line for line in text.split("\n") if line] == ["城口县治平乡人民政府", "关于2023年度法治政府建设情况的报告", "县人民政府："]


def test_extract__text_in_content_controls_and_tracked_changes_reads_as_word_shows_it():
    # a template's content controls (w:sdt) around paragraphs or inside one, and tracked changes:
    # the text as shown, nothing lost, nothing deleted kept
    document = docx.Document()
    document.add_paragraph("东湖镇2023年法治政府建设情况报告")
    document.element.body.insert(1, parse_xml(
        f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>全年开展普法宣传活动12场。</w:t></w:r></w:p></w:sdtContent></w:sdt>"))
    heading = document.add_paragraph("二、")
    heading._p.append(parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:r><w:t>存在的不足</w:t></w:r>"
                                "</w:sdtContent></w:sdt>"))
    body = document.add_paragraph("一是执法力量")
    body._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="a"><w:r><w:delText>很</w:delText></w:r></w:del>'))
    body._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="a"><w:r><w:t>薄弱</w:t></w:r></w:ins>'))
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract(buffer.getvalue(), ".docx", name="controls.docx", limits=Limits()).text
    assert text.split("\n") == ["东湖镇2023年法治政府建设情况报告", "一、主要举措和成效", "全年开展普法宣传活动12场。",
                                "二、存在的不足", "一是执法力量薄弱"]


def test_extract__a_table_cell_reads_its_content_controls_too():
    document = docx.Document()
    document.add_paragraph("全年行政执法情况如下，各类案件均依法办结，无行政复议和诉讼案件：")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "行政处罚"
    cell = table.cell(0, 1)
    cell.paragraphs[0]._p.append(parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent><w:r><w:t>12</w:t></w:r>"
                                           "</w:sdtContent></w:sdt>"))
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract(buffer.getvalue(), ".docx", name="cells.docx", limits=Limits()).text
    assert text.split("\n")[1] == "行政处罚\t12"
