"""Word leftovers (RL109, RL111, RL112, RL301–RL313) on the kitchen-sink report and real files."""

from __future__ import annotations

import os

import pytest
from conftest import DOCX_CORPUS, requires_shared
from docx_builder import field, paragraph, story_xml, write_docx, write_docx_with_footer
from kitchen_sink import build


def with_header(path: str, header_paragraph: str, kind: str = "default", extra_sect: str = "") -> str:
    """A one-paragraph report whose section header holds ``header_paragraph``."""
    write_docx(
        path,
        [paragraph("正文。")],
        parts={"word/header1.xml": story_xml("hdr", [header_paragraph])},
        rels=[("rIdH1", "header", "header1.xml")],
        sect=f'<w:headerReference w:type="{kind}" r:id="rIdH1"/>{extra_sect}',
    )
    return path


EXPECTED = [
    # code, line, part, match
    ("RL308", 0, "package", "word/vbaProject.bin"),
    ("RL309", 0, "package", "word/embeddings/oleObject1.bin"),
    ("RL310", 0, "package", "word/afchunk.htm"),
    ("RL311", 0, "package", "attachedTemplate: file:///C:/Templates/vendor.dotm"),
    ("RL312", 0, "header", "header never shown (header2.xml)"),
    ("RL313", 0, "package", "customXml/item1.xml"),
    ("RL101", 3, "body", "XX"),
    ("RL101", 3, "body", "9X"),
    ("RL302", 3, "body", "9X%"),
    ("RL109", 4, "body", "单击或点击此处输入文字。"),
    ("RL111", 5, "body", "«客户名称»"),
    ("RL112", 6, "body", "请输入姓名"),
    ("RL302", 7, "body", ""),
    ("RL201", 9, "body", "本资料由墨香文库收集整理"),
    ("RL303", 9, "body", "本资料由墨香文库收集整理"),
    ("RL202", 11, "body", "墨香文库 QQ：3456789012"),
    ("RL304", 11, "body", "墨香文库 QQ：3456789012"),
    ("RL101", 12, "body", "X"),
    ("RL201", 14, "textbox", "扫码关注公众号“墨香文库”获取更多范文"),
    ("RL201", 15, "header", "墨香文库整理，咨询QQ206157060"),
    ("RL201", 16, "header", "仅供学习 禁止外传"),
    ("RL305", 16, "header", "仅供学习 禁止外传"),
    ("RL202", 17, "header", "更多精品资料请加微信 moxiang_2020 领取"),
    ("RL101", 19, "footnote", "XX"),
    ("RL301", 20, "comment", "这个数据需要核实"),
    ("RL101", 21, "properties", "XX"),
    ("RL202", 22, "properties", "墨香文库 QQ206157060"),
    ("RL307", 22, "properties", "墨香文库 QQ206157060"),
    ("RL307", 23, "properties", "李四"),
    ("RL203", 24, "properties", "墨香文库"),
    ("RL307", 24, "properties", "墨香文库"),
    ("RL202", 25, "properties", "http://www.moxiang-wenku.example.com/"),
]


@pytest.fixture(scope="module")
def sink(tmp_path_factory):
    return build(str(tmp_path_factory.mktemp("sink") / "kitchen-sink.docx"))


def test_kitchen_sink_every_place_is_found_where_it_is(run_cli, sink):
    diags = run_cli("--format", "json", sink).diagnostics()
    assert [(d["code"], d["line"], d["part"], d["match"]) for d in diags] == EXPECTED


def test_kitchen_sink_stories_name_the_place(run_cli, sink):
    diags = {d["code"] + str(d["line"]): d for d in run_cli("--format", "json", sink).diagnostics()}
    assert diags["RL30120"]["story"] == "comment 1 by 张三"
    assert diags["RL10119"]["story"] == "footnote 1"
    assert diags["RL20114"]["story"] == "text box in body"
    assert diags["RL30516"]["story"] == "section 1 header (header1.xml)"
    assert diags["RL30722"]["story"] == "document property creator"


def test_kitchen_sink_categories(run_cli, sink):
    diags = run_cli("--format", "json", sink).diagnostics()
    by_code = {d["code"]: d["category"] for d in diags}
    assert {c for c, cat in by_code.items() if cat == "hidden"} == {f"RL3{n:02d}" for n in range(1, 14)} - {"RL306"}
    assert by_code["RL109"] == by_code["RL111"] == by_code["RL112"] == "placeholder"


def test_dump_text_shows_every_story(run_cli, sink):
    out = run_cli("--dump-text", sink).out
    for label in ("[section 1 header (header1.xml)]", "[header never shown (header2.xml)]", "[footnote 1]",
                  "[comment 1 by 张三]", "[document property creator]", "[text box in body]", "watermark"):
        assert label in out


def test_clean_word_file_has_no_leftovers(run_cli, tmp_path):
    path = str(tmp_path / "clean.docx")
    write_docx_with_footer(
        path, [paragraph("全年完成生产总值286.4亿元，同比增长5.6%。")], [paragraph("第", field("PAGE", "1"), "页")]
    )
    result = run_cli("--format", "json", path)
    assert (result.code, result.diagnostics()) == (0, [])


def test_picture_watermark_in_a_header(run_cli, tmp_path):
    path = str(tmp_path / "picture.docx")
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    shape = (
        f'<w:p><w:r><w:pict {vml}><v:shape id="WordPictureWatermark1" type="#_x0000_t75">'
        '<v:imagedata r:id="rIdImg" gain="19661f" blacklevel="22938f"/></v:shape></w:pict></w:r></w:p>'
    )
    with_header(path, shape)
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["part"]) for d in diags] == [("RL306", "header")]


def test_first_page_header_is_shown_with_title_page(run_cli, tmp_path):
    path = with_header(str(tmp_path / "first.docx"), paragraph("县人民政府办公室"), "first", "<w:titlePg/>")
    assert run_cli("--format", "json", path).diagnostics() == []


REAL = {
    "poi__testComment.docx": "RL301",
    "poi__SimpleMacro.docm": "RL308",
    "tika__testAltChunkHTML.docx": "RL310",
    "tika__testAttachedTemplate.docx": "RL311",
    "poi__delins.docx": "RL302",
    "tika__testExternalRefs.docx": "RL311",
    "docx4j__MERGEFIELD.docx": "RL111",
}


@requires_shared(DOCX_CORPUS)
@pytest.mark.parametrize("name,code", sorted(REAL.items()))
def test_real_files_show_their_leftovers(run_cli, name, code):
    diags = run_cli("--format", "json", os.path.join(DOCX_CORPUS, name)).diagnostics()
    assert code in {d["code"] for d in diags}


def test_hidden_table_row_is_hidden_text(run_cli, tmp_path):
    path = str(tmp_path / "row.docx")
    tbl = (
        "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>" + paragraph("指标") + "</w:tc></w:tr>"
        "<w:tr><w:trPr><w:hidden/></w:trPr><w:tc>" + paragraph("墨香文库整理") + "</w:tc></w:tr></w:tbl>"
    )
    write_docx(path, [paragraph("正文。"), tbl])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["match"], d.get("cell")) for d in diags if d["code"] == "RL303"] == [
        ("RL303", "墨香文库整理", "table 1 r2c1")
    ]


@requires_shared(DOCX_CORPUS)
def test_comment_threads_show_replies_and_resolved_state(run_cli):
    path = os.path.join(DOCX_CORPUS, "officeimo__word-authored-threaded-comments.docx")
    stories = [d["story"] for d in run_cli("--format", "json", path).diagnostics() if d["code"] == "RL301"]
    assert any(", resolved" in s for s in stories)
    assert any("reply to comment 1" in s for s in stories)


def test_links_to_a_vendor_site_are_vendor_text(run_cli, tmp_path):
    path = str(tmp_path / "links.docx")
    link = '<w:p><w:hyperlink r:id="rIdL1"><w:r><w:t>点击查看</w:t></w:r></w:hyperlink></w:p>'
    gov = '<w:p><w:hyperlink r:id="rIdL2"><w:r><w:t>政策原文</w:t></w:r></w:hyperlink></w:p>'
    write_docx(
        path,
        [paragraph("正文。"), link, gov],
        rels=[("rIdL1", "hyperlink", "http://www.moxiang-wenku.example.com/vip"),
              ("rIdL2", "hyperlink", "http://www.gov.cn/zhengce/2024.htm")],
    )
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["part"], d["match"]) for d in diags] == [
        ("RL202", "hyperlink", "http://www.moxiang-wenku.example.com/vip")
    ]


def test_alt_text_is_read(run_cli, tmp_path):
    path = str(tmp_path / "alt.docx")
    wp = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    drawing = (
        f'<w:p><w:r><w:drawing><wp:inline {wp}><wp:docPr id="1" name="图片 1" '
        'descr="墨香文库整理，咨询QQ12345678"/></wp:inline></w:drawing></w:r></w:p>'
    )
    write_docx(path, [paragraph("正文。"), drawing])
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["part"], d["match"]) for d in diags] == [("RL201", "alttext", "墨香文库整理，咨询QQ12345678")]
    assert diags[0]["story"].startswith("alt text of a picture or shape in body")


def test_white_text_on_a_shaded_cell_is_visible(run_cli, tmp_path):
    path = str(tmp_path / "shade.docx")
    white = '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>{}</w:t></w:r>'
    dark = '<w:tc><w:tcPr><w:shd w:val="clear" w:fill="1F4E79"/></w:tcPr><w:p>' + white.format("表头：指标") + "</w:p></w:tc>"
    plain = "<w:tc><w:p>" + white.format("墨香文库整理") + "</w:p></w:tc>"
    tbl = f"<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{dark}{plain}</w:tr></w:tbl>"
    write_docx(path, [paragraph("正文。"), tbl])
    found = [(d["code"], d["match"]) for d in run_cli("--format", "json", path).diagnostics() if d["code"] == "RL304"]
    assert found == [("RL304", "墨香文库整理")]


def test_drawingml_shape_behind_text_in_a_header_is_a_watermark(run_cli, tmp_path):
    path = str(tmp_path / "dml.docx")
    ns = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    shape = (
        f'<w:p><w:r><w:drawing><wp:anchor behindDoc="1" {ns}><wps:wsp><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>墨香文库 内部资料</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></wp:anchor>'
        "</w:drawing></w:r></w:p>"
    )
    with_header(path, shape)
    diags = run_cli("--format", "json", path).diagnostics()
    assert [(d["code"], d["part"], d["match"]) for d in diags] == [("RL305", "header", "墨香文库 内部资料")]


def test_data_bound_content_control(run_cli, tmp_path):
    path = str(tmp_path / "bound.docx")
    sdt = (
        '<w:p><w:sdt><w:sdtPr><w:alias w:val="公司名称"/><w:dataBinding w:xpath="/root/company" '
        'w:storeItemID="{1}"/></w:sdtPr><w:sdtContent><w:r><w:t>青溪公司</w:t></w:r></w:sdtContent></w:sdt></w:p>'
    )
    write_docx(path, [sdt])
    diags = run_cli("--format", "json", "--select", "RL313", path).diagnostics()
    assert [d["match"] for d in diags] == ["content control '公司名称' bound to /root/company"]
