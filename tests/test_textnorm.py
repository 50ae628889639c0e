"""The normalised copy must map every character back to the original text."""

from hypothesis import given, strategies as st

from pipeline.textnorm import normalize_with_map


def test_full_width_and_half_width_are_normalised_with_offsets():
    text = "米ＮＶＩＤＩＡと ｴﾇﾋﾞﾃﾞｨｱ の３，８００億円"
    norm = normalize_with_map(text)
    assert norm.text == "米NVIDIAと エヌビディア の3,800億円"
    start = norm.text.index("エヌビディア")
    s, e = norm.to_original(start, start + len("エヌビディア"))
    assert text[s:e] == "ｴﾇﾋﾞﾃﾞｨｱ"
    start = norm.text.index("3,800億円")
    s, e = norm.to_original(start, start + len("3,800億円"))
    assert text[s:e] == "３，８００億円"


def test_line_break_inside_a_word_is_joined_but_kept_in_the_original_span():
    text = "売上は1\n兆円、エヌビ\r\nディアは。\n次の段落"
    norm = normalize_with_map(text)
    assert "1兆円" in norm.text and "エヌビディア" in norm.text
    i = norm.text.index("1兆円")
    s, e = norm.to_original(i, i + 3)
    assert text[s:e] == "1\n兆円"
    # A break after 。 is a real boundary and stays.
    assert "。\n次" in norm.text


def test_lowercase_keeps_lengths():
    norm = normalize_with_map("Nvidia ＡＭＤ", lowercase=True)
    assert norm.text == "nvidia amd"
    assert len(norm.starts) == len(norm.text)


@given(st.text(max_size=60))
def test_map_is_monotonic_and_inside_the_original(text):
    norm = normalize_with_map(text, lowercase=True)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    previous = 0
    for s, e in zip(norm.starts, norm.ends):
        assert 0 <= s < e <= len(text)
        assert s >= previous
        previous = s


def test_line_break_between_latin_words_is_a_boundary():
    norm = normalize_with_map("Konrad Wolfenstein\nXpert.Digital は")
    assert "Wolfenstein\nXpert" in norm.text


def test_to_normalized_inverts_the_map_at_character_starts():
    text = "ｴﾇﾋﾞﾃﾞｨｱのＨ２０"
    norm = normalize_with_map(text)
    assert norm.text == "エヌビディアのH20"
    assert norm.to_normalized(text.index("の")) == norm.text.index("の")
    assert norm.to_normalized(len(text)) == len(norm.text)
