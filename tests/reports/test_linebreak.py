"""Chinese line breaking: no line starts with closing or ends with opening punctuation."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jzhealth_desktop.domain.linebreak import NO_END, NO_START, atoms, break_lines, violations

PAGE = ("全市婴儿死亡率、5岁以下儿童死亡率和孕产妇死亡率由2016年的2.91‰、3.83‰和4.82/10万，"
        "分别降至2021年的1.48‰、2.75‰和0；孕产妇住院分娩率连续保持在100%。（图为“南水北调”干渠穿城而过的盛景，由赵耀东拍摄）")


def test_every_width_keeps_the_rules_and_the_text():
    for width in range(3, 40):
        lines = break_lines(PAGE, len, width)
        assert violations(lines) == []
        assert "".join(lines) == PAGE
        assert all(len(line) <= width for line in lines if len(line) > 1 and not line[0].isdigit())


def test_numbers_stay_whole_with_sign_and_measure_word():
    pieces = atoms("由2016年的2.91‰降至4.82/10万，建成医养中心42家")
    assert "2016年" in pieces and "4.82/10万，" in pieces and "42家" in pieces
    assert any(p.startswith("2.91‰") for p in pieces)


def test_reportlab_style_failures_are_caught_by_the_checker():
    assert violations(["全市建成", "，设置"]) == [(1, "，设置")]
    assert violations(["图为（", "南水北调"]) == [(0, "图为（")]


@settings(max_examples=200, deadline=None)
@example(text="000000“ 0", width=4)  # an opening mark before a space once ended a line
@given(st.text(alphabet="全市建成医养中心张家年，。、；：？！）》」”（《「“0123456789.%‰ ", max_size=80),
       st.integers(min_value=4, max_value=30))
def test_any_text_any_width(text, width):
    lines = break_lines(text, len, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    # a rule may only bend where the text leaves no legal place: all punctuation, the text's own
    # first character, or an opening mark the text ends with
    squeezed = "".join(text.split())
    for index, line in violations(lines):
        stripped = "".join(line.split())
        assert (set(stripped) <= NO_START | NO_END or index == 0
                or (index == len(lines) - 1 and squeezed[-1:] in NO_END))


def test_a_unit_in_a_column_head_stays_whole():
    """「孕产妇死亡率（/10万）」 may break before the unit, never inside it (「（/」 | 「10万）」)."""
    head = "孕产妇死亡率（/10万）"
    assert "（/10万）" in atoms(head)
    for width in range(len("（/10万）"), len(head) + 1):  # narrower than the unit, it must be cut
        lines = break_lines(head, len, width)
        assert not any(line.endswith(("（", "（/", "/")) for line in lines[:-1]), lines
