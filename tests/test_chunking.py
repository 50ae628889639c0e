"""Long documents are cut below Sudachi's byte limit, covering the text exactly."""

from hypothesis import given, settings, strategies as st

from pipeline.chunking import chunk_bounds, sentence_at, sentence_bounds

SUDACHI_LIMIT = 49_149


def test_short_text_is_one_chunk():
    assert chunk_bounds("アリババは投資した。") == [(0, 10)]
    assert chunk_bounds("") == []


def test_long_text_is_cut_at_sentence_ends_below_the_limit():
    sentence = "アリババは少なくとも3,800億元を投資すると発表した。"
    text = sentence * 5000
    bounds = chunk_bounds(text)
    assert len(bounds) > 1
    assert "".join(text[a:b] for a, b in bounds) == text
    for a, b in bounds:
        assert len(text[a:b].encode("utf-8")) < SUDACHI_LIMIT
        assert text[a:b].endswith("。")


def test_one_line_without_punctuation_is_still_cut():
    text = "半導体" * 70_000  # 630,000 bytes, no sentence end at all
    bounds = chunk_bounds(text)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(len(text[a:b].encode("utf-8")) < SUDACHI_LIMIT for a, b in bounds)


@settings(max_examples=30)
@given(st.text(alphabet="あア亜a1。、\n 🎯", max_size=3000), st.integers(min_value=8, max_value=400))
def test_chunks_cover_text_and_respect_max_bytes(text, max_bytes):
    bounds = chunk_bounds(text, max_bytes=max_bytes)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(len(text[a:b].encode("utf-8")) <= max_bytes for a, b in bounds)


def test_sentences_and_the_sentence_of_a_mention():
    text = "見出し\n米エヌビディアは好調だ。売上は1\n兆円に達した！ 以上"
    bounds = sentence_bounds(text)
    assert [text[a:b] for a, b in bounds] == ["見出し", "米エヌビディアは好調だ。", "売上は1", "兆円に達した！", "以上"]
    start = text.index("1\n兆円")
    assert sentence_at(text, bounds, start, start + 4) == "売上は1\n兆円に達した！"
    start = text.index("エヌビディア")
    assert sentence_at(text, bounds, start, start + 6) == "米エヌビディアは好調だ。"


def test_full_width_decimal_point_does_not_end_a_sentence():
    text = "純利益１２．５％増。次の文．"
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["純利益１２．５％増。", "次の文．"]
