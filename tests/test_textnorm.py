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


def _reference_normalize(text, *, join_broken_lines=True, lowercase=False):
    """The specification, one character at a time (as normalize_with_map was written first)."""
    import unicodedata

    from pipeline.textnorm import _EXTRA, _HALFWIDTH_MARKS, _LINE_BREAKS, _is_word_char

    out, starts, ends, n, i = [], [], [], len(text), 0
    while i < n:
        j = i + 1
        if text[i] in _LINE_BREAKS and join_broken_lines:
            k = i
            while k < n and text[k] in _LINE_BREAKS:
                k += 1
            prev, nxt = (text[i - 1] if i > 0 else ""), (text[k] if k < n else "")
            if (k - i <= 2 and _is_word_char(prev) and _is_word_char(nxt) and not (prev.isascii() and nxt.isascii())
                    and not (k - i == 2 and text[i:k] != "\r\n")):
                i = k
                continue
        while j < n and text[j] in _HALFWIDTH_MARKS:
            j += 1
        norm = _EXTRA.get(text[i:j]) or unicodedata.normalize("NFKC", text[i:j])
        if lowercase:
            norm = "".join(c.lower() if len(c.lower()) == 1 else c for c in norm)
        for c in norm:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return "".join(out), tuple(starts), tuple(ends)


_JAPANESE_TRAPS = ("ｱﾘﾊﾞﾊﾞﾟﾞ" "エヌビ\nディア\r\n１２３４ＡＢＣａｂｃ（）％～〜−‐—ー・"
                   "か\u3099は\u309aİßﬁ①㈱㍻\U0001F600\U00020B9F漢字ABCxyz 12.5, \t")


@given(st.text(alphabet=_JAPANESE_TRAPS, max_size=40) | st.text(max_size=40), st.booleans(), st.booleans())
def test_copying_unchanged_runs_gives_what_the_character_loop_gives(text, join, lowercase):
    got = normalize_with_map(text, join_broken_lines=join, lowercase=lowercase)
    assert (got.text, got.starts, got.ends) == _reference_normalize(text, join_broken_lines=join, lowercase=lowercase)
