"""COMPANY mentions: the gazetteer plus context rules for companies nobody listed.

Everything is matched on a normalised copy of ``doc.text`` (NFKC, line-wrapped words joined,
see :mod:`pipeline.textnorm`) and mapped back to original offsets. Tokens are used only as
evidence: word boundaries (アーム is not matched inside アームストロング), part of speech
(a proper noun before 製薬 makes a company name) and, when the Doc has them, GiNZA's own
``Company`` entities. With the parser and NER disabled (the fast profile) the gazetteer and
character rules still run.

Rule sources, strongest first (a weaker candidate that overlaps a stronger one is dropped):
1. legal forms: ``株式会社X``, ``X株式会社``, ``(株)X``, ``X Inc.`` (the legal form stays outside);
2. the gazetteer (every alias of a known company -> its canonical name);
3. trigger words: ``傘下のX``, ``スタートアップ企業X``, ``X社は``, ``Xの子会社``;
4. name suffixes: a proper noun followed by 製薬, 電鉄, ホールディングス, グループ, 科技...;
5. GiNZA ``Company`` entities, cleaned of legal forms, country prefixes and 社;
6. parenthetical glosses: ``X(Y)`` names one company twice when either side is a company
   (サイラスワン(CyrusOne), 三安光電(サンアン・オプトエレクトロニクス)); the known side gives the
   canonical name; a Latin side with a legal form or company word makes both (tickers, places
   and exchanges are never glosses);
7. document-level consistency: a name a context rule found is a company wherever else it
   stands as a word in the same document.
A known alias directly followed by a unit name (NECキャピタルソリューション, カール・ツァイスSMT,
Mobileye Global, 関西電力送配電) is another company (the gazetteer's, else the NFKC surface).
A known alias followed by a name-internal word (控股, 科技, 技術, グループ...) is one span with
the alias's canonical name; a context-rule name is never a fragment of a katakana ・-chain, never
starts right after a number (2ナノ半導体) and never ends in the digits of a count (クラウド4社).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import IDX, ORTH, POS, TAG

from .chips import PROCESS_NODE
from .gazetteer import Entry, Gazetteer, is_katakana, is_kanji, script_of, strict_form_ok
from .mention import Mention
from .resources import load_json
from .textnorm import NormalizedText, char_at as _ch, normalize_with_map

LABEL = "COMPANY"
_COUNT_AFTER = re.compile(r"\d+社")
_P_LEGAL, _P_GAZ, _P_TRIGGER, _P_SUFFIX, _P_GINZA, _P_MODEL, _P_GLOSS, _P_PROPAGATED = range(8)

# characters that can continue a Latin name across a space or inside it: "Moore Threads", "AT&T"
_LATIN_INNER = set("&.-'+")
_NAME_MARKS = set("・ー=")
_OPEN_QUOTES = set("「『“\"(")
_PROCESS_NODE_START = re.compile(r"\d+(?:\.\d+)?\s?(?:ナノ|nm)")
# a number after a Latin company name makes a product or process name: Xiaomi 17, Intel 18A, Kirin 9030
# (not an amount in a table row: UMC　207億台湾ドル)
_PRODUCT_NUMBER = re.compile(r" (?:(?:PRO|Pro) )?\d{1,5}[A-Z]{0,2}(?![0-9A-Za-z.,年月日%億万兆千百円元ドル割倍社人台個枚])")
# a label before a gloss's name: (英語名:Astraview Semiconductor)
_NAME_LABEL = re.compile(r"(?:英語名|英文名|英名|英語表記|英文社名)[:：]\s?")
# a number and a grade word after a katakana maker's name make a product: シャオミ15 Ultra
_KATAKANA_PRODUCT = re.compile(r"\d{1,3} (?:Pro|Ultra|Plus|Max|mini|Lite|SE|FE)(?![A-Za-z])")
# a head office in parentheses: (東京・千代田), (大阪市), (京都市)
_HEAD_OFFICE = re.compile(r"\((?:[\u4e00-\u9fff]{1,4}・[\u4e00-\u9fff]{1,4}|[\u4e00-\u9fff]{1,4}[市区町村]|[\u30a1-\u30fa\u30fc]{2,6}市)\)")
# the rest of a quoted product name after its maker's name: 「Nintendo[ Switch 2]」,
# 「Oracle[ Cloud Infrastructure(OCI)]」
# what may follow a kanji name after a kind of company and 、 ・ or 「 (晶拓微装の, 翔鷗映像に, 「蒼天」)
_KANJI_NAME_ENDS = {"、": "のはがもと(", "・": "のはがもとにをで(", "「": "」"}
_QUOTED_PRODUCT_REST = re.compile(r"(?: [A-Z][a-z]+(?:[A-Z][a-z]+)?| [A-Z]{2,4}(?=[」』])| \d{1,4}[A-Za-z]*| [A-Z]{1,2}\d{2,4}[A-Za-z]*(?:-[A-Z0-9]{1,3})?)+(?: [A-Za-z0-9+]+)*(?:\([A-Za-z0-9 ]{1,12}\))?[」』]")
# a brand run by the firm named after it: 「ツクモ」を運営するヤマダデンキ, ドスパラを展開するサードウェーブ
_BRAND_OPERATED = ("を運営", "を展開")
# a model or series id glued to a maker's name up to the closing quote (「ジャフコSV7」)
_QUOTED_MODEL_REST = re.compile(r"[A-Za-z][A-Za-z0-9-]*(?=[」』])")
# an interview's headline: the firm, ・ and its head (…　ミズナギ量子・高槻CEO, ヤマブキ計算機・佐伯社長に聞く)
_INTERVIEW_HEADLINE = re.compile(r"(?:^|(?<=[\s】」]))(?P<name>[\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z0-9&]{2,20})・"
                                 r"[\u4e00-\u9fff]{1,4}(?:CEO|COO|CTO|社長|会長|代表|最高経営責任者|創業者)(?:に聞く)?\s*$")
# a space no Japanese name has inside it: after hiragana, or between two kanji
_HEADLINE_GAP = re.compile(r"[\u3041-\u309f] |[\u4e00-\u9fff] [\u4e00-\u9fff]")
# a Latin company name in a gloss: Hailo, Axelera AI, L&T, Innovation Industries
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&.\-]*(?: [A-Z0-9][A-Za-z0-9&.\-]*){0,3}")


@dataclass(slots=True)
class _Cand:
    start: int  # normalised offsets
    end: int
    canonical: str | None
    priority: int


def _sentence_has(norm: str, s: int, e: int, words: tuple[str, ...]) -> bool:
    """Whether the sentence (or line) holding ``norm[s:e]`` contains one of ``words``."""
    start = max(norm.rfind("。", 0, s), norm.rfind("\n", 0, s)) + 1
    end = min((x for x in (norm.find("。", e), norm.find("\n", e)) if x >= 0), default=len(norm))
    return any(w in norm[start:end] for w in words)


def _shortens(short: str, name: str) -> bool:
    """``short`` is an abbreviation of ``name``: shorter, same first character, and its
    characters appear in ``name`` in order (東精密 of 東京精密, アドテスト of アドバンテスト)."""
    if not short or len(short) >= len(name) or short[0] != name[0]:
        return False
    pos = 0
    for ch in short:
        pos = name.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


class _Context:
    """One document prepared for matching: normalised copies and token evidence, computed once
    (token offsets in the normalised text, tags, parts of speech), so the rules never walk
    spaCy's Token objects or binary-search offsets again."""

    def __init__(self, doc, text: str | None = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # doc.text is rebuilt on every access
        self.norm: NormalizedText = normalize_with_map(self.text)
        self.low = self.norm.lowercased()
        self.n = n = len(self.low.text)
        starts, ends = self.low.starts, self.low.ends
        # original offset -> first normalised index whose original start is >= it
        o2n = [n] * (len(self.text) + 1)
        for i in range(n - 1, -1, -1):
            s = starts[i]
            # every original offset in (starts[i-1], starts[i]] maps to i
            o2n[s] = i
        last = n
        for o in range(len(self.text), -1, -1):
            if o2n[o] < last:
                last = o2n[o]
            else:
                o2n[o] = last
        self._o2n = o2n
        # token attributes as arrays (no spaCy Token objects: creating them is the slow part)
        strings = doc.vocab.strings
        if len(doc):
            arr = doc.to_array([ORTH, TAG, POS, IDX])
            self.tok_text = [strings[int(h)] for h in arr[:, 0]]
            self.tok_tag = [strings[int(h)] if h else "" for h in arr[:, 1]]
            self.tok_pos = [strings[int(h)] if h else "" for h in arr[:, 2]]
            self.tok_idx = [int(x) for x in arr[:, 3]]
        else:
            self.tok_text, self.tok_tag, self.tok_pos, self.tok_idx = [], [], [], []
        self.n_toks = len(self.tok_text)
        self.tok_ns = [o2n[i] for i in self.tok_idx]
        self.tok_ne = [o2n[i + len(t)] for i, t in zip(self.tok_idx, self.tok_text)]
        # normalised position -> token index (-1 between tokens)
        self.tok_of_norm = tok_of_norm = [-1] * (n + 1)
        tok_starts: set[int] = set()
        tok_ends: set[int] = set()
        for i, (ts, te) in enumerate(zip(self.tok_ns, self.tok_ne)):
            tok_starts.add(self.tok_idx[i])
            tok_ends.add(self.tok_idx[i] + len(self.tok_text[i]))
            for q in range(ts, te):
                tok_of_norm[q] = i
        self.boundary = [False] * (n + 1)
        self.boundary[0] = self.boundary[n] = True
        for i in range(1, n):
            if starts[i] == starts[i - 1]:
                continue
            self.boundary[i] = starts[i] in tok_starts or ends[i - 1] in tok_ends
        self.has_ents = len(doc.ents) > 0

    def tokens_covering(self, s: int, e: int) -> list[int]:
        """Indices (into the tok_* arrays) of the tokens with a character in normalised [s, e), in order."""
        return sorted({self.tok_of_norm[q] for q in range(s, e) if self.tok_of_norm[q] >= 0})

    def tokens_starting_in(self, s: int, e: int) -> range:
        """Indices (into the tok_* arrays) of the tokens that start at normalised s <= pos < e."""
        return range(bisect_left(self.tok_ns, s), bisect_left(self.tok_ns, e))

    def token_at(self, i: int):
        """The token covering normalised position ``i`` (or None)."""
        if i < 0 or i >= self.n:
            return None
        k = self.tok_of_norm[i]
        return self.doc[k] if k >= 0 else None

    def to_norm(self, orig: int) -> int:
        """First normalised index whose original start is >= ``orig``."""
        if orig <= 0:
            return 0
        if orig >= len(self._o2n):
            return self.n
        return self._o2n[orig]



def _is_name_char(ch: str) -> bool:
    return bool(ch) and (script_of(ch) in ("latin", "kata", "kanji") or ch in _NAME_MARKS)


class CompanyFinder:
    """Finds COMPANY mentions in a spaCy ``Doc``."""

    def __init__(self, *, gazetteer: Gazetteer, context_rules: bool = True, rules: dict | None = None,
                 candidates_key: str | None = None, chip_families: Mapping[str, Iterable[str]] | None = None) -> None:
        self.gazetteer = gazetteer
        # chip family names and their vendors (Tensor: Google): 「Google Tensor G5」 is a company and a
        # chip, not a product; 「IBM Quantum System Two」 is a product (Quantum is NVIDIA's family)
        self.chip_families = {family: frozenset(vendors) for family, vendors in (chip_families or {}).items()}
        self.context_rules = context_rules
        # span group where technews_company_model left its proposals (None: don't read any)
        self.candidates_key = candidates_key
        self.rules = rules if rules is not None else load_json("company_rules.json")
        r = self.rules
        nk = lambda s: normalize_with_map(s).text  # noqa: E731
        self._legal_prefixes = tuple(sorted({nk(s) for s in r["legal_prefixes"]}, key=len, reverse=True))
        self._legal_suffixes = tuple(sorted({nk(s) for s in r["legal_suffixes"]}, key=len, reverse=True))
        self._latin_legal = sorted({nk(s) for s in r["latin_legal_suffixes"]}, key=len, reverse=True)
        self._name_suffixes = sorted({nk(s) for s in r["name_suffixes"]}, key=len, reverse=True)
        self._strong_suffixes = {nk(s) for s in r.get("strong_name_suffixes", ())}
        self._regional_suffixes = {nk(s) for s in r.get("regional_name_suffixes", ())}
        self._chinese_suffixes = frozenset(nk(x) for x in r.get("chinese_name_suffixes", ()))
        firm_suffixes = sorted((nk(x) for x in r.get("chinese_firm_suffixes", ())), key=len, reverse=True)
        self._chinese_firm_re = re.compile(
            r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}?(?P<suffix>" + "|".join(map(re.escape, firm_suffixes)) + ")"
        ) if firm_suffixes else None
        dot_joined = "|".join(re.escape(nk(x)) for x in r.get("dot_joined_name_suffixes", ()))
        self._dot_joined_re = re.compile(
            r"(?<![\u30a1-\u30fa\u30fc・A-Za-z])[\u30a1-\u30fa\u30fc]{2,}(?:・[\u30a1-\u30fa\u30fc]{2,})*・(?:"
            + dot_joined + r")(?![\u30a1-\u30fa\u30fc・])") if dot_joined else None
        self._countries = tuple(sorted({nk(s) for s in r["country_prefixes"]}, key=len, reverse=True))
        self._country_names = frozenset(self._countries)
        self._country_dot_re = re.compile("(?:" + "|".join(re.escape(c) for c in self._countries if len(c) > 1) + ")・")
        self._country_chars = {c for c in self._countries if len(c) == 1}
        self._country_codes = {nk(k): v for k, v in r.get("country_prefix_codes", {}).items()}
        self._country_code_ends = frozenset(name[-1] for name in self._country_codes) | {"の"}
        self._before = tuple(sorted({nk(s) for s in r["before_name_triggers"]}, key=len, reverse=True))
        self._after = tuple(sorted({nk(s) for s in r["after_name_triggers"]}, key=len, reverse=True))
        self._anaphora = {nk(s) for s in r["anaphora"]}
        self._company_words = tuple(nk(s) for s in r["company_words"])
        self._not_company_suffixes = tuple(nk(s) for s in r["not_company_suffixes"])
        self._place_suffixes = tuple(nk(s) for s in r["place_suffixes"])
        self._stop = {nk(s).lower() for s in r["stop_names"]} | {a.lower() for a in self._anaphora}
        self._product_nouns = tuple(nk(s) for s in r["product_nouns"])
        self._not_followed = {k: tuple(nk(s) for s in v) for k, v in r.get("not_followed_by", {}).items()}
        # the same words after a space or ・ (Apple Intelligence, Arm architecture); 1-letter ones only glued
        self._not_followed_spaced = {k: tuple(x for x in v if len(x) >= 2) for k, v in self._not_followed.items()}
        self._strict_not_followed = {k: tuple(nk(s) for s in v) for k, v in r.get("strict_not_followed_by", {}).items()}
        self._listing_markers = tuple(nk(s) for s in r.get("listing_markers", ()))
        self._context_alias_triggers = tuple(nk(s) for s in r.get("context_alias_triggers", ()))
        self._context_alias_sentence_words = tuple(nk(s) for s in r.get("context_alias_sentence_words", ()))
        self._context_alias_followers = tuple(nk(x) for x in r.get("context_alias_followers", ()))
        self._name_internal = sorted({nk(s) for s in r.get("name_internal_words", ())}, key=len, reverse=True)
        self._internal_next_ok = tuple(nk(s) for s in r.get("name_internal_may_precede", ()))
        self._propagate_min = int(r.get("propagate_min_chars", 3))
        self._short_form_suffixes = sorted((nk(x) for x in r.get("short_form_suffixes", ())), key=len, reverse=True)
        self._not_preceded = {k: tuple(nk(s) for s in v) for k, v in r.get("not_preceded_by", {}).items()}
        self._not_followed_any = tuple(nk(s) for s in r.get("not_followed_by_any", ()))
        self._foreign_suffixes = {nk(s) for s in r.get("foreign_name_suffixes", ())}
        self._country_suffixes = {nk(s) for s in r.get("country_name_suffixes", ())}
        # words that name a kind of thing, never a company (GPU, メーカー, ファンド)
        self._generic_words = frozenset(nk(s).lower() for s in r.get("generic_words", ()))
        self._generic_endings = tuple(nk(s) for s in r.get("generic_name_endings", ()))
        self._generic_infixes = tuple(nk(s) for s in r.get("generic_name_infixes", ()))
        self._generic_heads = {nk(s).lower() for s in r.get("generic_heads", ())} | self._generic_words
        self._chunk_followers = {nk(s) for s in r.get("chunk_end_followers", ())}
        self._chunk_followers_long = tuple(f for f in self._chunk_followers if len(f) > 1)
        self._firm_triggers = {nk(s) for s in r.get("firm_triggers", ())}
        # a firm cue before a glossed name: 米国の, 配車大手, AI企業, 主要株主の, 傘下の...
        cue_words = sorted({nk(x) for x in r.get("gloss_cue_words", ())} | set(self._before), key=len, reverse=True)
        countries = sorted({c for c in self._countries if len(c) > 1}, key=len, reverse=True)
        self._gloss_cue_re = re.compile(
            "(?:(?:" + "|".join(map(re.escape, countries)) + ")の|" + "|".join(map(re.escape, cue_words))
            + "|" + "|".join(r.get("gloss_cue_patterns", ())) + ")$") if cue_words else re.compile(r"(?!)")
        self._person_titles = tuple(nk(x) for x in r.get("person_titles", ()))
        # 子会社, 親会社...: a name never ends in a word for a company's relation to another
        self._relation_words = tuple(sorted(a for a in self._anaphora if a.endswith("会社") and a != "会社"))
        self._not_name_starts = tuple(nk(x) for x in r.get("not_name_starts", ()))
        org_words = [nk(x) for x in r.get("not_company_words_before", ())]
        self._org_words = tuple(org_words + [w + "の" for w in org_words])  # 業界団体X, 研究機関のX
        self._definition_nouns = frozenset(nk(x) for x in r.get("definition_nouns", ()))
        self._part_words = tuple(nk(x) for x in r.get("part_words", ()))
        self._model_veto_labels = frozenset(r.get("model_veto_ginza_labels", ()))
        self._head_office_veto = frozenset(r.get("head_office_veto_ginza_labels", ()))
        self._camp_suffixes = tuple(nk(x) for x in r.get("camp_suffixes", ()))
        words = sorted(r.get("latin_company_words", ()), key=len, reverse=True)
        # Corvid Labs, Gridline AI, Peak XV Partners: capitalised words and a company word
        self._latin_company_re = re.compile(
            r"(?<![A-Za-z0-9&.\-])(?:[A-Z][A-Za-z0-9&\-]*[ ]){1,3}(?:" + "|".join(map(re.escape, words)) + r")(?![A-Za-z0-9])"
        ) if words else None
        self._research_suffixes = tuple(nk(s) for s in r.get("research_firm_suffixes", ()))
        self._tech_words = sorted({nk(s) for s in (*r.get("generic_tech_words", ()), *r.get("generic_modifiers", ()))},
                                  key=len, reverse=True)
        self._exchanges = {nk(s).lower() for s in r.get("exchange_names", ())}
        self._ticker_words = tuple(nk(s) for s in r.get("ticker_sentence_words", ()))
        self._ticker_document_words = tuple(nk(s) for s in r.get("ticker_document_words", ()))
        self._city_prefixes = tuple(nk(s) for s in r.get("chinese_city_prefixes", ()))
        self._unit_latin = {nk(s) for s in r.get("unit_words_latin", ())}
        self._unit_kanji = sorted({nk(s) for s in r.get("unit_words_kanji", ())}, key=len, reverse=True)
        self._unit_excluded = tuple(nk(s) for s in r.get("unit_excluded", ()))
        # suffix look-up by the token's last characters (no scan over every suffix)
        self._suffix_set = frozenset(self._name_suffixes)
        self._suffix_lengths = sorted({len(x) for x in self._name_suffixes}, reverse=True)
        self._suffix_last_chars = frozenset(x[-1] for x in self._name_suffixes)
        # one regex for the legal forms and suffix/trigger anchors (compiled once)
        self._legal_re = re.compile("|".join(re.escape(s) for s in self._legal_prefixes))
        self._latin_legal_re = re.compile(
            r"(?<![A-Za-z])(?:,\s?)?(?:" + "|".join(re.escape(s) for s in self._latin_legal) + r")(?![A-Za-z])")
        self._before_re = re.compile("|".join([re.escape(s) for s in self._before] + list(r.get("before_name_trigger_patterns", ()))))
        not_compounded = "".join(r.get("after_trigger_not_compounded_with", ()))
        self._after_re = re.compile("(?:" + "|".join(re.escape(s) for s in self._after) + ")"
                                    + (f"(?![{re.escape(not_compounded)}])" if not_compounded else ""))
        legal = "|".join(re.escape(x) for x in self._legal_prefixes)
        defn = "|".join(re.escape(nk(x)) for x in r.get("definition_nouns", ()))
        # sentence start, optional legal form, the name, は/とは, then the defining noun within
        # the same sentence: 株式会社IHIエスキューブとは、...情報処理サービス事業者。
        self._definition_re = re.compile(
            r"(?:^|(?<=[。\n]))\s*(?:" + legal + r")?(?P<name>[A-Za-z0-9\u30a0-\u30ff\u4e00-\u9fff々&'.・ー=\- ]{2,30}?)"
            r"(?:" + legal + r")?(?:は|とは)、[^。\n]{0,80}?(?:" + defn + r")(?:である|であった|だった|。|で、|であり)") if defn else None

    @classmethod
    def from_config(cls, config_dir: str | Path | None = None, *, context_rules: bool = True,
                    candidates_key: str | None = None) -> "CompanyFinder":
        families: dict[str, set[str]] = {}
        for p in load_json("chip_patterns.json", config_dir)["patterns"]:
            if p.get("family"):
                families.setdefault(p["family"], set()).update([p["vendor"]] if p.get("vendor") else [])
        return cls(gazetteer=Gazetteer.from_config(config_dir), context_rules=context_rules,
                   rules=load_json("company_rules.json", config_dir), candidates_key=candidates_key,
                   chip_families=families)

    # ------------------------------------------------------------------------------------
    def find(self, doc) -> list[Mention]:
        text = doc.text
        if not text:
            return []
        ctx = _Context(doc, text)
        cands: list[_Cand] = []
        cands += self._gazetteer_matches(ctx)
        if self.context_rules:
            cands += self._legal_forms(ctx)
            cands += self._trigger_rules(ctx)
            cands += self._suffix_rules(ctx)
            cands += self._dot_joined_names(ctx)
            cands += self._fragmented_chinese_names(ctx)
            cands += self._latin_company_names(ctx)
            cands += self._counted_lists(ctx)
            cands += self._head_office_glosses(ctx)
            cands += self._interview_headline(ctx)
            if ctx.has_ents:
                cands += self._ginza_entities(ctx)
            cands += self._model_candidates(ctx)
        # a rule may not bring back a known name that the gazetteer rejected in this context
        # (DeepSeek-R1, TEL：03-..., Armアーキテクチャ)
        # a name inside a longer person's name (ヘンリー・フォード, マーガレット・フォード) is no company
        persons = [(ctx.to_norm(e.start_char), ctx.to_norm(e.end_char)) for e in ctx.doc.ents if e.label_ == "Person"]
        kept = []
        known_ends = {c.end for c in cands if c.priority == _P_GAZ}
        known_from = {}
        for c in cands:
            if c.priority == _P_GAZ:
                known_from[c.start] = max(c.end, known_from.get(c.start, 0))
        for c in cands:
            if c.priority == _P_LEGAL and known_from.get(c.start, 0) > c.end \
                    and ctx.norm.text[:c.start].rstrip().endswith(self._legal_prefixes):
                continue  # (株)ルネサス エレクトロニクス: the known name is longer than the rule's
            if _ch(ctx.norm.text, c.start - 1) == "・" and any(a < c.start and c.end <= b for a, b in persons) \
                    and c.start - 1 not in known_ends:  # but トヨタ・デンソー: two companies
                continue
            if c.priority != _P_GAZ:
                entry = self.gazetteer.lookup(ctx.norm.text[c.start:c.end], LABEL)
                if entry is not None and not self._accept_alias(ctx, c.start, c.end, entry):
                    continue
                # a known chip is no company (H20の売上高 triggers the context rule)
                if entry is None and self.gazetteer.lookup(ctx.norm.text[c.start:c.end], "CHIP") is not None:
                    continue
            if c.priority != _P_GAZ and not self._free_standing(ctx, c.start, c.end):
                continue
            if c.priority != _P_GAZ and self._after_org_word(ctx.norm.text, c.start):
                continue  # 業界団体シリコン・ザクセン: an association, named as one
            if c.priority != _P_GAZ and self._camp_suffixes and ctx.norm.text.endswith(self._camp_suffixes, c.start, c.end):
                continue  # 新興のライダー勢: a camp of companies
            if c.priority != _P_GAZ and _ch(ctx.norm.text, c.start - 1) in "州省県" \
                    and (place := ctx.token_at(c.start - 2)) is not None and "地名" in place.tag_:
                continue  # 米バージニア州マナサスの工場: a town in the state
            if c.priority not in (_P_GAZ, _P_LEGAL) and (self._country_dot_re.match(ctx.norm.text, c.start) or self._is_country(ctx, c)):
                continue  # オランダ・ナイメーヘンの工場: a country and a place in it; 大手のデンマーク: a country
            if c.priority != _P_GAZ and ctx.norm.text.startswith(self._not_followed_any, c.end):
                continue  # フィラデルフィア半導体株指数: part of another name (as for known names)
            if c.priority in (_P_GINZA, _P_MODEL) and "・" in ctx.norm.text[c.start:c.end] \
                    and ctx.norm.text.startswith(self._person_titles, c.end):
                continue  # ヴィンセント・ロシュCEO: a person's given and family names
            if c.priority != _P_GAZ and script_of(_ch(ctx.norm.text, c.end - 1)) == "latin" and (
                    _PRODUCT_NUMBER.match(ctx.norm.text, c.end) or self._is_product_quote(ctx.norm.text, c.start, c.end)):
                continue  # Kirin 9030, 「Xiaomi Pad 7 Ultra」: a product of an unknown maker
            kept.append(c)
        cands = kept
        chosen: list[_Cand] = []
        taken = [False] * (ctx.n + 1)

        def take(c: _Cand) -> None:
            chosen.append(c)
            taken[c.start:c.end] = [True] * (c.end - c.start)

        for c in sorted(cands, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
            if c.end > c.start and not any(taken[c.start:c.end]):
                take(c)
        if self.context_rules:
            # each pass sees what the ones before it chose (a gloss side propagates, ...)
            for later_pass in (self._glosses, self._enumerations, self._propagate):
                for c in later_pass(ctx, chosen, taken):
                    take(c)
        self._take_city_prefixes(ctx.norm.text, chosen, taken)
        # a name found again without its gloss keeps the glossed canonical: 游極科技(Youji
        # Technology) ... 游極科技は
        named = {ctx.norm.text[c.start:c.end]: c.canonical for c in chosen if c.canonical}
        out = []
        for c in sorted(chosen, key=lambda c: c.start):
            if c.canonical is None:
                c.canonical = named.get(ctx.norm.text[c.start:c.end])
            s, e = ctx.low.to_original(c.start, c.end)
            surface = ctx.text[s:e]
            # never leading or trailing whitespace
            while surface and surface[0].isspace():
                s += 1
                surface = surface[1:]
            while surface and surface[-1].isspace():
                e -= 1
                surface = surface[:-1]
            if not surface:
                continue
            canonical = c.canonical or self.gazetteer.canonical_company(surface) or unicodedata.normalize("NFKC", surface).replace("\n", "").replace("\r", "")
            out.append(Mention(s, e, LABEL, surface, canonical=canonical))
        return out

    def _take_city_prefixes(self, norm: str, chosen: list[_Cand], taken: list[bool]) -> None:
        """A Chinese city written right before a firm's kanji name belongs to the registered name
        (福州瑞芯微電子): the span starts at the city (the canonical stays the firm's)."""
        for c in chosen:
            if script_of(_ch(norm, c.start)) != "kanji":
                continue
            city = next((x for x in self._city_prefixes if norm.endswith(x, 0, c.start)), None)
            if city is None:
                continue
            s = c.start - len(city)
            if script_of(_ch(norm, s - 1)) != "kanji" and not any(taken[s:c.start]):
                taken[s:c.start] = [True] * len(city)
                c.start = s

    def _is_country(self, ctx: _Context, c: _Cand) -> bool:
        """The candidate is a country's name (Sudachi's 地名-国 tokens, or a country prefix)."""
        if ctx.norm.text[c.start:c.end] in self._country_names:
            return True
        toks = ctx.tokens_covering(c.start, c.end)
        return bool(toks) and all("地名-国" in ctx.tok_tag[t] for t in toks)

    def _after_org_word(self, norm: str, s: int) -> bool:
        """A word for an organisation that is not a company ends right before ``s`` (with の or not)."""
        return norm[max(0, s - 12):s].endswith(self._org_words)

    def _free_standing(self, ctx: _Context, s: int, e: int) -> bool:
        """A name found by a context rule is a whole word: not a piece of a longer katakana
        ・-chain (アドバンスト・セミコンダクター inside ジャパン・アドバンスト・セミコンダクター・マニュ
        ファクチャリング), and it does not start right after a number (2ナノ半導体: a process node)."""
        norm = ctx.norm.text
        if _ch(norm, s - 1) == "・" and script_of(_ch(norm, s - 2)) == "kata" and script_of(_ch(norm, s)) == "kata" \
                and not any(m.end() == s for m in self._before_re.finditer(norm, max(0, s - 16), s + 1)):
            return False  # (but 新興メーカー・オルテア精機: a kind of company, then its name)
        if _ch(norm, e) == "・" and script_of(_ch(norm, e + 1)) == "kata" and script_of(_ch(norm, e - 1)) == "kata":
            return False
        if _ch(norm, s - 1).isdigit() and script_of(_ch(norm, s)) in ("kata", "kanji"):
            return False
        if _ch(norm, s - 1) == "-" and script_of(_ch(norm, s - 2)) == "latin":
            return False  # Vインターナショナル inside RISC-Vインターナショナル
        if _ch(norm, s - 1).isascii() and _ch(norm, s - 1).isalnum() and _ch(norm, s).isascii() and _ch(norm, s).isalnum():
            return False  # BEW inside the part number FMF800DC-66BEW: a piece of a Latin word
        return True

    _GLOSS_COMPANY_WORDS = ("Inc", "Corp", "Corporation", "Company", "Technology", "Technologies", "Group", "Holding",
                            "Holdings", "Systems", "Electronics", "Semiconductor", "Semiconductors", "Labs", "Ltd", "Silicon",
                            "Photonics", "Microelectronics", "Devices", "Networks", "Capital", "Investment",
                            "Ventures", "Partners")

    def _latin_legal_tail(self, norm: str, s: int, e: int) -> int | None:
        """Where the Latin legal forms that end ``norm[s:e]`` begin ("Foo Inc., Ltd." -> before
        "Inc."): the first legal form after ``s`` that only legal forms follow; None if none."""
        for m in self._latin_legal_re.finditer(norm, s, e):
            if m.start() > s and self._latin_legal_re.sub("", norm[m.end():e]).strip(" ,.") == "":
                return m.start()
        return None

    def _gloss_inner(self, norm: str, p: int) -> tuple[int, int, bool] | None:
        """The name inside the parenthesis that opens at ``p``: (start, end, had_legal_form);
        a Latin legal form (, Inc.) and whatever follows a comma or 、 stay outside."""
        q = norm.find(")", p + 1, p + 90)
        if q < 0 or "(" in norm[p + 1:q]:
            return None
        gs, ge = p + 1, q
        label = _NAME_LABEL.match(norm, gs)
        if label is not None:
            gs = label.end()  # (英語名:Astraview Semiconductor)
        cut = min([x for x in (norm.find("、", gs, ge), norm.find(":", gs, ge), norm.find(";", gs, ge)) if x >= 0], default=ge)
        ge = cut
        tail = self._latin_legal_tail(norm, gs, ge)
        legal = tail is not None
        if legal:
            ge = tail
        else:
            c = norm.find(",", gs, ge)
            if c >= 0:
                ge = c
        while ge > gs and norm[ge - 1] in " ,":
            ge -= 1
        while gs < ge and norm[gs] == " ":
            gs += 1
        if ge - gs < 2:
            return None
        return gs, ge, legal

    def _gloss_name_ok(self, ctx: _Context, s: int, e: int) -> bool:
        norm = ctx.norm.text
        name = norm[s:e]
        if not all(_is_name_char(c) or c in "&'.- " for c in name) or any(c.isdigit() for c in name):
            return False  # 証券コード6723: a listing, not a name
        if self._listing_markers and ("(" + name).startswith(self._listing_markers):
            return False
        if script_of(name[0]) == "kanji" and "・" in name:
            return False  # 東京・千代田: a place (the head office), not a name
        if script_of(name[0]) in ("kanji", "kata"):
            # 米カリフォルニア州, (サンフランシスコ): a place, not a name
            toks = ctx.tokens_covering(s, e)
            if toks and all("地名" in ctx.tok_tag[i] for i in toks):
                return False
        if name.lower() in self._exchanges or not self._valid_name(ctx, s, e) or self._looks_generic(name):
            return False
        if script_of(name[0]) == "latin" and not name[0].isupper():
            return False
        if self.gazetteer.lookup(name, "CHIP") is not None or name.endswith(self._place_suffixes):
            return False
        other = self.gazetteer.lookup(name)
        return other is None or other.label == LABEL

    def _is_ticker(self, norm: str, s: int, e: int) -> bool:
        """Whether ``norm[s:e]`` is a stock ticker glossing a company (マーベル(MRVL)は週間で6.4%安): a
        short all-capital word no gazetteer knows, in a sentence about share prices or in a stock column."""
        name = norm[s:e]
        if not (2 <= len(name) <= 5 and name.isascii() and name.isalpha() and name.isupper()):
            return False
        return self.gazetteer.lookup(name) is None and (
            _sentence_has(norm, s, e, self._ticker_words)
            or len(name) >= 4 and any(w in norm for w in self._ticker_document_words))

    def _gloss_outer(self, ctx: _Context, p: int) -> int | None:
        """Start of the name that ends right before the parenthesis at ``p`` (one script run)."""
        norm = ctx.norm.text
        sc = script_of(_ch(norm, p - 1))
        if sc not in ("kata", "kanji", "latin"):
            return None
        k = p
        while k > 0 and (script_of(norm[k - 1]) == sc or norm[k - 1] in ("・ー&" if sc == "kata" else "")
                         or (sc == "latin" and norm[k - 1] in " &.-'" and script_of(_ch(norm, k - 2)) == "latin")):
            k -= 1
        while k < p and norm[k] in "・ー&.-' ":
            k += 1
        if sc != "kanji":
            k = self._trim_leading(ctx, k, p)
        if sc == "kanji" and k < p - 1 and norm[k] in self._country_chars and ctx.boundary[k + 1]:
            k += 1
        if sc == "kanji" and norm[k:p] in self._name_suffixes and script_of(_ch(norm, k - 1)) == "kata":
            # セボム半導体(Saebom Semiconductor): a katakana name and a company word
            j = k
            while j > 0 and (script_of(norm[j - 1]) == "kata" or norm[j - 1] in "・ー"):
                j -= 1
            k = self._trim_leading(ctx, j, k) if k - j >= 2 else k
        return k if p - k >= 2 else None

    def _latin_company_names(self, ctx: _Context) -> list[_Cand]:
        """Unknown Latin names that end in a company word (Corvid Labs, Gridline AI): a company
        when the name stands alone in Japanese text, not quoted (「Gemini AI」 is a product)."""
        if self._latin_company_re is None:
            return []
        norm = ctx.norm.text
        out: list[_Cand] = []
        for m in self._latin_company_re.finditer(norm):
            s, e = m.span()
            if _ch(norm, s - 1) in _OPEN_QUOTES or _ch(norm, s - 1) == " " or _ch(norm, e) == " ":
                continue
            if norm.startswith(self._product_nouns, e):
                continue  # Ascend AIチップ: a product line
            if not ctx.boundary[s] or not ctx.boundary[e] or not self._valid_name(ctx, s, e):
                continue
            out.append(_Cand(s, e, None, _P_SUFFIX))
        return out

    def _cued_gloss(self, ctx: _Context, p: int, gs: int, ge: int) -> int | None:
        """Start of a katakana name glossed in Latin letters (ハイロ(Hailo), アクセレラAI(Axelera AI),
        オラ(Ola)) when a firm cue stands right before it: a country and の (イスラエルの), a
        business word (配車大手, AI企業, 主要株主の) or a company trigger. Not when a person's
        title follows (イスラエルのネタニヤフ(Netanyahu)首相). None when it is no such gloss."""
        norm = ctx.norm.text
        if not _LATIN_NAME.fullmatch(norm[gs:ge]) or norm.startswith(self._person_titles, ge + 1):
            return None
        k = p
        while k > 0 and k > p - 4 and "A" <= norm[k - 1] <= "Z":  # a Latin tail: アクセレラAI
            k -= 1
        tail = k
        while k > 0 and (script_of(norm[k - 1]) == "kata" or norm[k - 1] in "・ー"):
            k -= 1
        while k < tail and norm[k] in "・ー":
            k += 1
        if k == tail == p:
            # a Chinese firm in kanji glossed with its name (新興の芯衡智能(XinHeng AI)), not a
            # word with its acronym (中国の電気自動車(EV))
            gloss = norm[gs:ge]
            if self._looks_generic(gloss) or not any(ch.islower() for ch in gloss):
                return None
            while k > 0 and k > p - 6 and script_of(norm[k - 1]) == "kanji":
                k -= 1
            if p - k < 3:
                return None
        if tail - k < 2 or not ctx.boundary[k]:
            return None
        if self._gloss_cue_re.search(norm, max(0, k - 16), k) is None:
            return None
        return k

    def _cued_reading(self, ctx: _Context, p: int, gs: int, ge: int) -> int | None:
        """Start of a Latin name glossed with its katakana reading (Sparkle(スパークル)) when a firm
        cue stands right before it or 社 right after the gloss; None when it is no such gloss."""
        norm = ctx.norm.text
        if not all(script_of(c) == "kata" or c in "・ー" for c in norm[gs:ge]) or ge - gs < 2:
            return None
        if norm.startswith(self._person_titles, ge + 1):
            return None
        k = p
        while k > 0 and k > p - 40 and (norm[k - 1].isascii() and (norm[k - 1].isalnum() or norm[k - 1] in " &.-")):
            k -= 1
        while k < p and norm[k] == " ":
            k += 1
        if k >= p or not _LATIN_NAME.fullmatch(norm, k, p) or not ctx.boundary[k]:
            return None
        if self._looks_generic(norm[k:p]) or self.gazetteer.lookup(norm[k:p]) is not None:
            return None  # a known name follows the gazetteer's own rules
        cued = self._gloss_cue_re.search(norm, max(0, k - 16), k) is not None or _ch(norm, ge + 1) == "社"
        return k if cued else None

    def _glosses(self, ctx: _Context, chosen: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Parenthetical glosses name one company twice: サイラスワン(CyrusOne), 三安光電(サンアン・
        オプトエレクトロニクス), アムコー・テクノロジー(Amkor Technology, Inc.). When one side is a
        company the other side is the same company (the known side gives the canonical); when
        neither is, a Latin side that looks like a company name (a legal form or a company word
        at its end) makes both. Exchanges and tickers (NYSE: VRT) are never glosses."""
        norm = ctx.norm.text
        by_end = {c.end: c for c in chosen}
        by_start = {c.start: c for c in chosen}
        out: list[_Cand] = []

        def free(a: int, b: int) -> bool:
            return not any(taken[a:b]) and not any(o.start < b and a < o.end for o in out)

        def confirm(c: _Cand) -> None:
            # a name a model found, now written twice: as sure as a rule's find (it propagates)
            if c.priority in (_P_GINZA, _P_MODEL):
                c.priority = _P_GLOSS

        for p in [i for i, ch in enumerate(norm) if ch == "("]:
            g = self._gloss_inner(norm, p)
            if g is None:
                continue
            if _ch(norm, norm.find(")", p) + 1) in "|/\t":
                continue  # ローム(連結)|2,400億円: a table cell's note (a segment), not a second name
            gs, ge, legal = g
            outer = by_end.get(p)
            # a legal form before the parenthesis is in neither name: ヒバナ・シリコン株式会社(Hibana Silicon)
            lf = next((x for x in self._legal_suffixes if norm.endswith(x, 0, p)), None)
            if outer is None and lf is not None:
                outer = by_end.get(p - len(lf))
            if outer is None:  # BomNal Silicon Co., Ltd.(ボムナル・シリコン): nor a Latin one
                outer = next((c for k in range(max(0, p - 24), p) if (c := by_end.get(k)) is not None
                              and (t := self._latin_legal_tail(norm, c.start, p)) is not None
                              and norm[c.end:t].strip(" ,") == ""), None)
            inner = by_start.get(gs)
            if outer is not None and outer.priority == _P_PROPAGATED:
                outer = None
            if outer is not None:
                # the gloss is written another way (a reading, a Latin name, SCREENホールディングス(スクリーン
                # HD)) or shortened (東京精密(東精密)): not a description in the same words
                other_form = script_of(norm[gs]) != script_of(norm[p - 1]) or \
                    script_of(norm[outer.start]) == "latin" != script_of(norm[gs]) or \
                    _shortens(norm[gs:ge], norm[outer.start:outer.end])
                if inner is None and free(gs, ge) and other_form and self._gloss_name_ok(ctx, gs, ge) \
                        and not self._is_ticker(norm, gs, ge):
                    if outer.canonical is None and script_of(norm[gs]) == "latin":
                        outer.canonical = norm[gs:ge]  # an unknown name: its Latin form is the usual one
                    out.append(_Cand(gs, ge, outer.canonical or unicodedata.normalize("NFKC", norm[outer.start:outer.end]), _P_GLOSS))
                    confirm(outer)
                elif inner is not None and inner.end < ge and free(inner.end, ge) and self._gloss_name_ok(ctx, gs, ge):
                    inner.end = ge  # モービルアイ(Mobileye Global)
                    inner.canonical = outer.canonical or inner.canonical
                    for k in range(gs, ge):
                        taken[k] = True
                elif inner is not None and inner.end == ge and inner.canonical is None:
                    if outer.canonical is None and script_of(norm[gs]) == "latin":
                        outer.canonical = norm[gs:ge]  # ベルクシュタイン・シリコン(Bergstein Silicon GmbH)
                    elif outer.canonical is None and script_of(norm[outer.start]) == "latin":
                        outer.canonical = norm[outer.start:outer.end]  # BomNal Silicon Co., Ltd.(ボムナル・シリコン)
                    inner.canonical = outer.canonical  # Lambda(ラムダ): the known side names both
                    confirm(inner)
                elif inner is not None and inner.end == ge and outer.canonical is None and inner.canonical is not None \
                        and script_of(norm[gs]) != script_of(norm[p - 1]):
                    outer.canonical = inner.canonical  # 長江存储科技(YMTC): the known side names both
                continue
            # an unknown name introduced as a firm and glossed: オランダのアクセレラAI(Axelera AI)は (the
            # Latin gloss is the usual name), 台湾のSparkle(スパークル)や, Auradine(オーラダイン)社は (a reading)
            cued = self._cued_gloss(ctx, p, gs, ge)
            canon = norm[gs:ge]
            if cued is None and (cued := self._cued_reading(ctx, p, gs, ge)) is not None:
                canon = norm[cued:p]
            if cued is not None and inner is None and free(cued, p) and free(gs, ge):
                out.append(_Cand(cued, p, canon, _P_GLOSS))
                out.append(_Cand(gs, ge, canon, _P_GLOSS))
                continue
            os_ = self._gloss_outer(ctx, p)
            # (耀芯科技股份有限公司(Glowcore...): the name ends before it)
            oe = p - len(lf) if lf is not None and os_ is not None and p - len(lf) >= os_ + 2 else p
            if os_ is None or not free(os_, oe) or not self._gloss_name_ok(ctx, os_, oe):
                continue
            if inner is not None and inner.end == ge:
                if script_of(norm[gs]) != script_of(norm[oe - 1]):
                    if inner.canonical is None:
                        side = (gs, ge) if script_of(norm[gs]) == "latin" else (os_, oe)
                        inner.canonical = self.gazetteer.canonical_company(norm[gs:ge]) or \
                            unicodedata.normalize("NFKC", norm[side[0]:side[1]])
                    out.append(_Cand(os_, oe, inner.canonical, _P_GLOSS))
                    confirm(inner)
                continue
            if inner is None and free(gs, ge) and self._gloss_name_ok(ctx, gs, ge):
                name = norm[gs:ge]
                outer_name = norm[os_:oe]
                acronym = outer_name.isascii() and outer_name.isupper() and outer_name.isalpha() and 2 <= len(outer_name) <= 6
                if script_of(name[0]) == "latin" and (script_of(norm[oe - 1]) != "latin" or acronym) and \
                        (legal or name.rstrip(".").split(" ")[-1] in self._GLOSS_COMPANY_WORDS) and " " in name:
                    # ESMC(European Semiconductor Manufacturing Company): the acronym is the usual name
                    canon = outer_name if acronym else name
                    out.append(_Cand(os_, oe, canon, _P_GLOSS))
                    out.append(_Cand(gs, ge, canon, _P_GLOSS))
                elif script_of(name[0]) == "kata" and script_of(norm[oe - 1]) == "kanji" and \
                        (suf := self._suffix_of(name)) and suf in self._strong_suffixes and len(name) > len(suf) + 1:
                    # 天河光電(テンガ・オプトエレクトロニクス): a katakana reading ending in a company word
                    canon = unicodedata.normalize("NFKC", norm[os_:oe])
                    out.append(_Cand(os_, oe, canon, _P_GLOSS))
                    out.append(_Cand(gs, ge, canon, _P_GLOSS))
        return out

    _COUNTED_RE = re.compile(r"の[2-9２-９二三四五六七八九]社|の両社|各社|両社")

    def _counted_lists(self, ctx: _Context) -> list[_Cand]:
        """A list closed by a company count names companies only: ``A、B、Cの3社``, ``AとBの両社``,
        ``A、B各社``: each member (a whole word, not a person or a place) is a company."""
        norm = ctx.norm.text
        out: list[_Cand] = []
        for m in self._COUNTED_RE.finditer(norm):
            if script_of(_ch(norm, m.end())) == "kanji":
                continue  # 両社長, 各社員: not a count of companies
            j = m.start()
            items = []
            while True:
                e = j
                while e > 0 and norm[e - 1] in "」』":
                    e -= 1
                k = e
                while k > 0 and (_is_name_char(norm[k - 1]) or norm[k - 1] in "&."):
                    k -= 1
                k0 = k
                while k0 < e and norm[k0] in "・ー":
                    k0 += 1
                if self._latin_legal_re.fullmatch(norm[k0:e]) and (q := norm.rfind("「", 0, k0)) >= 0 \
                        and (t := self._latin_legal_tail(norm, q + 1, e)) is not None:
                    k = k0 = q + 1  # 「Aster Node Pte. Ltd.」と「…」の2社: the name before the legal form
                    e = t
                if e - k0 < 2 or not ctx.boundary[k0] or not ctx.boundary[e]:
                    items = []
                    break
                items.append((k0, e))
                while k > 0 and norm[k - 1] in "「『":
                    k -= 1
                if k >= 1 and norm[k - 1] in "、やと":
                    j = k - 1
                elif norm.endswith(("および", "及び"), 0, k):
                    j = k - (3 if norm.endswith("および", 0, k) else 2)
                else:
                    break
            if len(items) < 2:
                continue
            if m.group() == "各社" and items[0][1] == m.start() and \
                    all("普通名詞" in ctx.tok_tag[t] for t in ctx.tokens_covering(*items[0])):
                continue  # 減産、部品各社: a kind of company (parts makers) closes it, not a name
            for s0, e0 in items:
                toks = ctx.tokens_covering(s0, e0)
                if not toks or all("人名" in ctx.tok_tag[t] or "地名" in ctx.tok_tag[t] for t in toks):
                    continue
                if any("数詞" in ctx.tok_tag[t] or "副詞可能" in ctx.tok_tag[t] for t in toks):
                    continue  # 2015年2月、A、Bの3社: a date is no member
                name = norm[s0:e0]
                if self._valid_name(ctx, s0, e0) and not self._looks_generic(name) and name.lower() not in self._generic_heads:
                    out.append(_Cand(s0, e0, None, _P_SUFFIX))
        return out

    _ENUM_SEPS = ("、", "や", "と")
    _ENUM_FOLLOW = ("、", "や", "など", "なども", "の", "は", "が", "を", "に", "も", "と", "で", ")", "」", "。", "各社", "等")

    def _enum_item(self, ctx: _Context, s: int, e: int, sc: str) -> bool:
        """``norm[s:e]`` is one whole katakana or Latin word of script ``sc`` that can be a name:
        token boundaries at both ends, no person or place token, not generic, not a chip."""
        norm = ctx.norm.text
        name = norm[s:e]
        if e - s < 2 or not ctx.boundary[s] or not ctx.boundary[e]:
            return False
        if {script_of(c) for c in name if c not in "・ー&.-' "} != {sc}:
            return False
        if sc == "latin" and not name[0].isupper():
            return False
        toks = ctx.tokens_covering(s, e)
        if not toks or any("人名" in ctx.tok_tag[t] or "地名" in ctx.tok_tag[t] for t in toks):
            return False
        if name.lower() in self._stop or self._looks_generic(name) or not self._valid_name(ctx, s, e):
            return False
        if name.lower() in self._generic_heads or self.gazetteer.lookup(name, "CHIP") is not None:
            return False
        other = self.gazetteer.lookup(name)
        return other is None or other.label == LABEL

    def _enumerations(self, ctx: _Context, chosen: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Lists name companies of a kind: in ``A、B、Cなど`` / ``AやB`` where A is a company,
        a neighbour written in the same script (katakana or Latin) that is a whole word with no
        person or place signal is a company too."""
        norm = ctx.norm.text
        out: list[_Cand] = []

        def free(a: int, b: int) -> bool:
            return not any(taken[a:b]) and not any(o.start < b and a < o.end for o in out)

        queue = [c for c in chosen]
        seen = set()
        while queue:
            c = queue.pop()
            if (c.start, c.end) in seen:
                continue
            seen.add((c.start, c.end))
            sc = script_of(norm[c.start])
            if sc not in ("kata", "latin") or script_of(norm[c.end - 1]) != sc:
                continue
            # the known member is a whole list item itself (not Atari in "Atari ST")
            before = _ch(norm, c.start - 1)
            if not norm.startswith(self._ENUM_FOLLOW, c.end) or not (
                    c.start == 0 or before in "、や「(・ \n" or script_of(before) == "hira"):
                continue
            # forward: A、B
            if norm.startswith(self._ENUM_SEPS, c.end):
                i = c.end + 1
                k = self._katalatin_forward(norm, i)
                if k > i and norm.startswith(self._ENUM_FOLLOW, k) and free(i, k) and self._enum_item(ctx, i, k, sc):
                    n = _Cand(i, k, None, _P_GINZA)
                    out.append(n)
                    queue.append(n)
            # backward: B、A
            if c.start >= 1 and norm[c.start - 1] in self._ENUM_SEPS:
                j = c.start - 1
                k = self._katalatin_back(norm, j)
                before = _ch(norm, k - 1)
                if k < j and (k == 0 or before in "、「(・ \n" or script_of(before) == "hira") and free(k, j) \
                        and self._enum_item(ctx, k, j, sc):
                    n = _Cand(k, j, None, _P_GINZA)
                    out.append(n)
                    queue.append(n)
        return out

    def _propagate(self, ctx: _Context, chosen: list[_Cand], taken: list[bool]) -> list[_Cand]:
        """Document-level consistency: a name that a context rule found as a company (スタート
        アップ企業のミライチップ) is a company wherever else it stands as a word in the document
        (the heading ``## ミライチップ、シリーズBで...``), with the same canonical name."""
        norm = ctx.norm.text
        names: dict[str, str | None] = {}
        for c in chosen:
            name = norm[c.start:c.end]
            if c.priority == _P_GAZ:
                # a known Chinese firm's kanji head too (聯芸 of 聯芸科技, in the headline; a katakana
                # head such as アナログ of アナログ・デバイセズ is a word); the name itself follows the
                # gazetteer's own rules
                for head in self._short_forms(name):
                    if all(script_of(ch) == "kanji" for ch in head):
                        names.setdefault(head, c.canonical)
                continue
            if c.priority in (_P_GINZA, _P_MODEL):
                continue
            if len(name) < self._propagate_min or "\n" in name or name.lower() in self._stop:
                continue
            if self.gazetteer.lookup(name) is not None:
                continue  # known names follow the gazetteer's own rules
            names.setdefault(name, c.canonical)
            for head in self._short_forms(name):
                names.setdefault(head, c.canonical or name)  # カナデ・セミコンダクター, then カナデ alone
        out: list[_Cand] = []
        for name, canonical in names.items():
            fs, ls = script_of(name[0]), script_of(name[-1])
            pos = norm.find(name)
            while pos >= 0:
                e = pos + len(name)
                if not any(taken[pos:e]) and not any(o.start < e and pos < o.end for o in out):
                    prev, nxt = _ch(norm, pos - 1), _ch(norm, e)
                    ok = ctx.boundary[pos] and ctx.boundary[e]
                    ps, ns = script_of(prev), script_of(nxt)
                    if fs in ("kata", "latin") and ps == fs or ls in ("kata", "latin") and ns == ls:
                        ok = False
                    if fs == "kanji" and ps == "kanji" and prev not in self._country_chars:
                        ok = False
                    if ls == "kanji" and ns == "kanji" and nxt not in "社製株":
                        ok = False
                    if prev in "・" and ps != "other" or nxt == "・" and script_of(_ch(norm, e + 1)) != "other":
                        ok = False
                    if ok and self._free_standing(ctx, pos, e):
                        out.append(_Cand(pos, e, canonical, _P_PROPAGATED))
                pos = norm.find(name, pos + 1)
        return out

    def _short_forms(self, name: str) -> list[str]:
        """The heads a firm's name is shortened to later in an article: カナデ of
        カナデ・セミコンダクター, 聯陽 of 聯陽微電子 (a katakana or kanji head, and one
        of ``short_form_suffixes``); a Chinese 微電子 firm may also keep 微 (得一微 of 得一微電子, where
        得一 alone never stands). Empty when the name has none."""
        for suffix in self._short_form_suffixes:
            if not name.endswith(suffix) or len(name) == len(suffix):
                continue
            head = name[:-len(suffix)]
            if head.endswith("・"):
                head = head[:-1]
                if len(head) < self._propagate_min or not all(script_of(ch) == "kata" for ch in head):
                    return []
            elif all(script_of(ch) == "kata" for ch in head):
                if len(head) < self._propagate_min:
                    return []  # (ハヤテコンピュート, then ハヤテ alone)
            elif len(head) < 2 or not all(script_of(ch) == "kanji" for ch in head):
                return []
            heads = [head, head + "微"] if suffix == "微電子" else [head]
            return [h for h in heads if self.gazetteer.lookup(h) is None and h not in self._countries
                    and h.lower() not in self._stop and not self._looks_generic(h)]
        return []

    # --- 1. gazetteer --------------------------------------------------------------------
    def _gazetteer_matches(self, ctx: _Context) -> list[_Cand]:
        out: list[_Cand] = []
        text = ctx.low.text
        # context aliases (地平線, アルファベット) without their company word, kept for a second look
        waiting: list[tuple[int, int, Entry]] = []
        i = 0
        while i < ctx.n:
            hit = None
            found = self.gazetteer.candidates(text, i)
            country = self._prefix_country(ctx.norm.text, i) if _ch(ctx.norm.text, i - 1) in self._country_code_ends else None
            if country is not None:
                # 独メルク: of one alias's firms (Merck, Merck KGaA), the one of the prefix's country first
                found = sorted(found, key=lambda f: (-f[0], self._country_of(f[1].canonical) != country))
            for end, entry in found:
                if entry.label != LABEL:
                    continue
                if entry.context and not self._context_alias_ok(ctx.norm.text, i, end, entry.canonical):
                    waiting.append((i, end, entry))
                    continue
                longer = self._internal_extension(ctx, i, end, entry)
                if longer is not None and self._accept_alias(ctx, i, longer, entry):
                    hit = (longer, entry)
                    break
                if self._accept_alias(ctx, i, end, entry):
                    hit = (end, entry)
                    break
            if hit:
                ue = self._unit_extension(ctx, i, hit[0], hit[1])
                if ue is not None:
                    other = self.gazetteer.lookup(ctx.norm.text[i:ue], LABEL)
                    out.append(_Cand(i, ue, other.canonical if other else None, _P_GAZ))
                    i = ue
                    continue
                out.append(_Cand(i, hit[0], hit[1].canonical, _P_GAZ))
                i = hit[0]
            else:
                i += 1
        # ...which is enough where the document names the same company in full elsewhere:
        # 地平線機器人(ホライズン・ロボティクス) ... 香港上場の地平線
        named = {c.canonical for c in out}
        for s, e, entry in waiting:
            if entry.canonical in named and not any(c.start < e and s < c.end for c in out) \
                    and self._accept_alias(ctx, s, e, entry, named_in_document=True):
                out.append(_Cand(s, e, entry.canonical, _P_GAZ))
        return out

    def _unit_extension(self, ctx: _Context, s: int, e: int, entry: Entry) -> int | None:
        """A known alias directly followed by the name of one of its units: a katakana/Latin
        chunk glued to it that ends the noun phrase (NECキャピタルソリューション, カール・ツァイスSMT,
        東芝デバイス＆ストレージ), a capitalised unit word after a space (Mobileye Global) or a kanji
        unit word (関西電力送配電). Returns the end of the longer name, or None. Titles and words
        about the company (CEO, 社長, 工場, 向け...) never start such a chunk."""
        if not self.context_rules or entry.strict or entry.context:
            return None
        norm = ctx.norm.text
        if s > 0 and norm[s - 1] in "「『":
            return None  # 『日産アリア』: a product named after its maker, quoted
        nxt = _ch(norm, e)
        last = script_of(norm[e - 1])
        if norm.startswith(self._unit_excluded, e):
            return None
        k = None
        if nxt == " " and last == "latin":
            j = e
            while _ch(norm, j) == " " and script_of(_ch(norm, j + 1)) == "latin":
                w = re.match(r"[A-Za-z]+", norm[j + 1:])
                if not w or w.group() not in self._unit_latin:
                    break
                j = j + 1 + len(w.group())
            if j > e and script_of(_ch(norm, j)) != "latin":
                k = j
        elif script_of(nxt) in ("kata", "latin") and not (script_of(nxt) == last):
            j = self._katalatin_forward(norm, e)
            if j > e:
                chunk = norm[e:j]
                after = _ch(norm, j)
                if any(c.isdigit() for c in chunk) or chunk.lower() in self._generic_heads:
                    return None
                if chunk.endswith(self._product_nouns):
                    return None  # 味の素ビルドアップフィルム: a product of the company, not a unit
                if script_of(after) in ("kata", "latin", "kanji") and after not in "社製株":
                    return None
                if self.gazetteer.lookup(chunk, "CHIP") is not None or self.gazetteer.lookup(chunk, LABEL) is not None:
                    return None
                if len(chunk) >= 2 and (len(chunk) >= 3 or chunk.isupper()):
                    k = j
        elif script_of(nxt) == "kanji":
            for w in self._unit_kanji:
                if norm.startswith(w, e):
                    j = e + len(w)
                    if script_of(_ch(norm, j)) not in ("kanji", "kata", "latin") or _ch(norm, j) in "社製株":
                        k = j
                    break
        if k is None:
            return None
        if self.gazetteer.lookup(norm[s:k], "CHIP") is not None:
            return None
        return k

    def _internal_extension(self, ctx: _Context, s: int, e: int, entry: Entry) -> int | None:
        """The end of ``alias + name-internal words`` (騰訊控股, 長鑫存儲技術, 北方華創科技集団,
        キオクシアHD, Foo Holdings) with the alias's canonical name, or None. The longer string
        must not be another known company."""
        if entry.strict or not self._name_internal:
            return None
        norm = ctx.norm.text
        end = e
        for _ in range(3):  # 科技 + 集団
            step = self._internal_word_end(ctx, end)
            if step is None:
                break
            end = step
            if script_of(norm[end - 1]) == "latin":
                break  # one Latin word: Foo Global Systems is a longer name, decided below
        if end == e:
            return None
        if script_of(_ch(norm, end)) == script_of(norm[end - 1]) and not norm.startswith(self._internal_next_ok, end):
            return None  # 華為技術者: the word goes on
        if _ch(norm, end) == " " and _ch(norm, end + 1).isupper() and not self._latin_legal_re.match(norm, end):
            return None  # NEC Global Systems: a longer Latin name, another company (a unit)
        other = self.gazetteer.lookup(norm[s:end], LABEL)
        if other is not None and other.canonical != entry.canonical:
            return None
        if self.gazetteer.lookup(norm[s:end], "CHIP") is not None:
            return None
        return end

    def _internal_word_end(self, ctx: _Context, e: int) -> int | None:
        """The end of the name-internal word that starts at ``e`` (after a space or ・ where the
        scripts ask for one), or None."""
        norm, low = ctx.norm.text, ctx.low.text
        last = script_of(norm[e - 1])
        for w in self._name_internal:
            ws = script_of(w[0])
            gap = 1 if ws == "latin" and last == "latin" and _ch(norm, e) == " " else 0
            if ws == "kata" and last == "kata" and _ch(norm, e) == "・":
                gap = 1  # レノボ・グループ
            if ws == "latin" and (last == "latin" and not gap or last != "latin" and not (w.isupper() and len(w) <= 3)):
                continue  # Latin words after a space; an abbreviation glued to kana (キオクシアHD)
            if ws == "kanji" and last != "kanji":
                continue  # 技術, 控股 only after a Chinese-style name
            if low.startswith(w.lower(), e + gap):
                return e + gap + len(w)
        return None

    def _prefix_country(self, norm: str, s: int) -> str | None:
        """The country code of a country prefix right before ``s`` (独, ドイツの), if any."""
        before = norm[max(0, s - 6):s]
        if before.endswith("の"):
            before = before[:-1]
        return next((code for name, code in self._country_codes.items() if before.endswith(name)
                     and (len(name) > 1 or script_of(_ch(before, len(before) - 2)) != "kanji")), None)

    def _country_of(self, canonical: str) -> str | None:
        company = self.gazetteer.companies.get(canonical)
        return company.country if company is not None else None

    def _context_alias_ok(self, norm: str, s: int, e: int | None = None, canonical: str | None = None) -> bool:
        """A context alias (アルファベット) needs a company word right before it (親会社, 傘下の, 米)
        or one that makes it a parent right after it (アルファベット傘下の)."""
        before = norm[max(0, s - 12):s].rstrip(" 「『")
        if before.endswith(self._context_alias_triggers) or before.endswith(self._before):
            return True
        if canonical is not None and (country := self._country_of(canonical)) is not None \
                and self._prefix_country(norm, s) == country:
            return True  # 独メルク: the prefix's country is the firm's (Merck KGaA, not Merck of the US)
        if e is not None and norm.startswith(self._legal_suffixes, e):
            return True  # 丸文(株): a legal form makes the word a company
        if e is not None and _ch(norm, e) in "はがもの、 \u3000" and script_of(_ch(norm, s - 1)) not in ("kata", "kanji") \
                and _sentence_has(norm, s, e, self._context_alias_sentence_words):
            return True  # レスターは…営業利益が23億円: a firm's results (not アナログ部門の売上高)
        return e is not None and norm.startswith(self._context_alias_followers, e)

    def _accept_alias(self, ctx: _Context, s: int, e: int, entry: Entry, *, named_in_document: bool = False) -> bool:
        low, norm = ctx.low.text, ctx.norm.text
        surface = norm[s:e]
        if entry.strict and not strict_form_ok(entry, surface):
            return False
        if entry.context and not named_in_document and not self._context_alias_ok(norm, s, e, entry.canonical):
            return False
        prev, nxt = _ch(norm, s - 1), _ch(norm, e)
        if s > 0 and "\n" in ctx.text[ctx.low.ends[s - 1]:ctx.low.starts[s]]:
            prev = " "
        if e < ctx.n and "\n" in ctx.text[ctx.low.ends[e - 1]:ctx.low.starts[e]]:
            nxt = " "
        first, last = surface[0], surface[-1]
        fs, ls = script_of(first), script_of(last)
        ps, ns = script_of(prev), script_of(nxt)
        # Latin names need non-alphanumeric neighbours, and are not part of a URL or a model
        # name (www.xpert.digital, DeepSeek-R1).
        if fs == "latin" and ps == "latin":
            return False
        if entry.strict and fs == "latin" and prev == " " and script_of(_ch(norm, s - 2)) == "latin":
            return False  # Atari ST: an ambiguous short name at the end of a longer Latin name
        if ls == "latin" and ns == "latin":
            return False
        if prev in "./@_-" and script_of(_ch(norm, s - 2)) == "latin":
            return False
        n2 = _ch(norm, e + 1)
        if nxt in "./@_" and script_of(n2) == "latin" and (n2.isalpha() or ls == "latin"):
            return False  # not アドバンテスト/5,370億円 (a table row)
        if nxt == "-" and (script_of(_ch(norm, e + 1)) == "latin" or _ch(norm, e + 1).isdigit()) and fs == "latin":
            return False  # DeepSeek-R1, Hailo-10H: a product named after its maker
        if ls == "latin" and _PRODUCT_NUMBER.match(norm, e):
            return False  # Xiaomi 17, Intel 18A: a phone, a process node
        if ls == "kata" and _KATAKANA_PRODUCT.match(norm, e):
            return False  # シャオミ15 Ultra: a phone
        if norm.startswith(self._camp_suffixes, e):
            return False  # Arm勢: the companies of a camp
        if fs == "kata" and prev.isdigit():
            return False  # 32ギガバイトのメモリー: a unit after a number, not GIGABYTE
        if nxt == "・" and norm.endswith("ファンド", 0, self._katalatin_forward(norm, e + 1)):
            return False  # サムスン・カタリスト・ファンド: a fund named after the company
        if fs == "kata" and ps == "kata":
            return False
        if ls == "kata" and ns == "kata" and (entry.strict or not ctx.boundary[e]):
            return False
        if fs == "kanji" and ps == "kanji" and not ctx.boundary[s] and prev not in self._country_chars:
            return False
        if ls == "kanji" and ns == "kanji":
            if not ctx.boundary[e] or entry.strict:
                return False
        if ls in ("kanji", "kata") and norm.startswith(self._place_suffixes, e) and not norm.startswith("市場", e):
            return False
        if fs == "kanji" and ps == "kanji" and prev not in self._country_chars and \
                norm.startswith(self._person_titles, e + (nxt == "・")):
            return False  # 何小鵬・董事長: the given name of a person, who is named after the company
        if entry.strict and fs != "latin":
            # ambiguous words (メタ, アーム, ディスコ): no letters glued on either side
            # (a context alias comes right after its company word: 親会社アルファベット)
            country = prev in self._country_chars or norm.endswith(self._countries, 0, s)  # 米メタ, 韓国リベリオン
            if ps in ("kata", "kanji", "latin") and not country and not entry.context \
                    and not self._context_alias_ok(norm, s, e) and not norm.endswith(self._company_words, 0, s):
                return False  # but 調査会社バーンスタイン, 投資会社シルバーレイク: a company word right before it
            if ns in ("kata", "latin") or (ns == "kanji" and nxt not in "社製株" and not norm.startswith(self._after, e)
                                           and not (country and norm.startswith("向け", e))):
                return False  # (米コヒレント傘下の, アーム株: a company word after it; 米メタ向け)
        if self._listing_markers and norm.startswith(self._listing_markers, e):
            return True  # 東京エレクトロン(証券コード8035): a listed company, whatever follows
        if self._not_followed_any and norm.startswith(self._not_followed_any, e + (1 if nxt in "・ " else 0)):
            return False
        nf = self._not_followed.get(entry.canonical)
        if nf and (norm.startswith(nf, e) or nxt in "・ " and norm.startswith(self._not_followed_spaced[entry.canonical], e + 1)):
            return False
        snf = self._strict_not_followed.get(entry.canonical)
        if snf and entry.strict and norm.startswith(snf, e):
            return False
        npre = self._not_preceded.get(entry.canonical)
        if npre and norm[:s].rstrip().endswith(npre):
            return False
        if self._is_product_quote(norm, s, e) or norm.startswith(_BRAND_OPERATED, e):
            return False  # (ドスパラを展開するサードウェーブ: a shop brand, the firm is the one after)
        if _ch(norm, s - 1) in "「『" and _ch(norm, s - 2) == "の" and _ch(norm, e) in "」』":
            k = self._katalatin_back(norm, s - 2)
            owner = self.gazetteer.lookup(norm[k:s - 2], LABEL) if k < s - 2 else None
            if owner is not None and owner.canonical == entry.canonical:
                return False  # 英アームの「Arm」: the company's own product or architecture, not the company again
        if script_of(nxt) == "kata" and ls != "kata":
            j = self._katalatin_forward(norm, e)
            if norm[e:j].endswith(self._product_nouns) and script_of(_ch(norm, j)) not in ("kata", "latin", "kanji"):
                return False  # 味の素ビルドアップフィルム: the company's product, not the company
        return True

    def _is_product_quote(self, norm: str, s: int, e: int) -> bool:
        """AIチャットボット「DeepSeek」: a product named in quotes, not the company; so is a
        quoted name that goes on in capitalised words (「Nintendo Switch 2」, 「Xiaomi Pad 7 Ultra」)."""
        if _ch(norm, s - 1) in "「『\"“" and _ch(norm, e) in "」』\"”":
            # AIチャットボット「DeepSeek」, 「dynabook」ブランド, 「IOWN」構想
            return norm[:s - 1].rstrip().endswith(self._product_nouns) or norm.startswith(self._product_nouns, e + 1) \
                or norm.startswith(_BRAND_OPERATED, e + 1)  # 「ツクモ」を運営するヤマダデンキ: a shop brand
        if s > 0 and norm[s - 1] in "「『" and script_of(_ch(norm, e)) == "kata" \
                and (j := self._katalatin_forward(norm, e)) < len(norm) and norm[j] in "」』":
            return True  # 『日産アリア』: the maker's name and a katakana product name
        if s > 0 and norm[s - 1] in "「『" and script_of(norm[e - 1]) != "latin" \
                and (m := _QUOTED_MODEL_REST.match(norm, e)) is not None and any(c.isdigit() for c in m.group()):
            return True  # ファンド「ジャフコSV7」: the maker's name and a model or series id
        if _ch(norm, s - 1) in "「『" and _QUOTED_PRODUCT_REST.match(norm, e):
            vendors = self.chip_families.get(norm[e + 1:].split(" ", 1)[0].rstrip("」』"))
            if vendors is None:
                return True
            entry = self.gazetteer.lookup(norm[s:e], LABEL)
            return entry is not None and bool(vendors) and entry.canonical not in vendors
        return False

    # --- 2. legal forms ------------------------------------------------------------------
    # legal forms that are also ordinary words or initials (AG, SA...): a name before them must look like one
    _short_latin_legal = ("AG", "SA", "NV", "Co.", "SE")

    def _legal_forms(self, ctx: _Context) -> list[_Cand]:
        out: list[_Cand] = []
        norm = ctx.norm.text
        for m in self._legal_re.finditer(norm):
            # X株式会社 (name before) or 株式会社X (name after)
            bs = self._name_back(ctx, m.start())
            if bs is not None and bs < m.start():
                out.append(_Cand(bs, m.start(), None, _P_LEGAL))
                continue
            fe = self._name_forward(ctx, m.end())
            if fe is not None and fe > m.end():
                out.append(_Cand(m.end(), fe, None, _P_LEGAL))
        prev_end = -1
        for m in self._latin_legal_re.finditer(norm):
            j = m.start()
            follows_legal = norm[prev_end:j].strip(", ") == "" if prev_end >= 0 else False
            prev_end = m.end()
            if follows_legal:
                continue  # the Ltd. of "Inc., Ltd.": the name ended before the first legal form
            if norm.endswith(",", 0, j) or norm.endswith(", ", 0, j):
                j = norm.rindex(",", 0, j)  # "Square, Inc.": the comma belongs to neither
            form = m.group().strip(", ")
            if script_of(_ch(norm, j - 1)) == "kata" and form not in self._short_latin_legal:
                # クンストシュトフテクニークGmbH: a katakana name with its Latin legal form
                k = self._katalatin_back(norm, j)
                if k < j:
                    out.append(_Cand(k, j, None, _P_LEGAL))
                continue
            k = j
            # back over Latin words: "Moore Threads Technology Co., Ltd."
            while k > 0 and (script_of(norm[k - 1]) == "latin" or norm[k - 1] in _LATIN_INNER
                             or (norm[k - 1] == " " and script_of(_ch(norm, k - 2)) == "latin")):
                k -= 1
            while k < j and not (script_of(norm[k]) == "latin"):
                k += 1
            name = norm[k:j].strip()
            if len(name) >= 2 and (form not in self._short_latin_legal or name[:1].isupper()):
                if name.lower() not in self._stop and name[:1].isupper():
                    out.append(_Cand(k, k + len(norm[k:j].rstrip()), None, _P_LEGAL))
        return [c for c in out if self._valid_name(ctx, c.start, c.end)]

    def _interview_headline(self, ctx: _Context) -> list[_Cand]:
        """The firm an interview's headline names before its head: ``…　ミズナギ量子・高槻CEO``."""
        norm = ctx.norm.text
        first_line = norm.split("\n", 1)[0]
        m = _INTERVIEW_HEADLINE.search(first_line)
        if m is None:
            return []
        s, e = m.span("name")
        toks = ctx.tokens_covering(s, e)
        if not toks or all("人名" in ctx.tok_tag[t] or "地名" in ctx.tok_tag[t] for t in toks):
            return []  # 田中・山田社長: two people
        if not self._valid_name(ctx, s, e) or self._looks_generic(norm[s:e]):
            return []
        return [_Cand(s, e, None, _P_TRIGGER)]

    def _head_office_glosses(self, ctx: _Context) -> list[_Cand]:
        """A name followed by where it has its head office, as Japanese news introduces firms:
        北斗メモリ商事(東京・千代田), ミライモバイル(大阪市). Not a name GiNZA calls a person, a
        place, a facility, a school or a team."""
        out: list[_Cand] = []
        norm = ctx.norm.text
        for m in _HEAD_OFFICE.finditer(norm):
            j = m.start()
            # (東京・港): a place, then a ward GiNZA may not know as one
            dot = norm.find("・", j, m.end())
            inside = ctx.tokens_starting_in(j + 1, dot if dot >= 0 else m.end() - 1)
            if not inside or not all("地名" in ctx.tok_tag[t] or ctx.tok_pos[t] in ("PUNCT", "SYM")
                                     or ctx.tok_text[t] in ("市", "区", "町", "村") for t in inside):
                continue
            k = self._name_back(ctx, j)
            if k is None or not self._valid_name(ctx, k, j) or self._looks_generic(norm[k:j]):
                continue
            names = ctx.tokens_covering(k, j)
            if names and all("人名" in ctx.tok_tag[t] for t in names):
                continue  # 山田太郎(東京・港): a person's name by the dictionary
            # (otherwise a person is not introduced with a city and a ward: ヒカリダイン(東京・文京), which
            # GiNZA calls a person, is a firm)
            if any(e.label_ in self._head_office_veto and ctx.to_norm(e.start_char) < j and k < ctx.to_norm(e.end_char)
                   and not (dot >= 0 and e.label_ == "Person") for e in ctx.doc.ents):
                continue
            out.append(_Cand(k, j, None, _P_TRIGGER))
        return out

    def _name_back(self, ctx: _Context, j: int) -> int | None:
        """Start of the name that ends at ``j`` (normalised), by tokens: proper/common nouns,
        no numbers, dates or particles; None when there is none."""
        norm = ctx.norm.text
        k = j
        while k > 0 and (_is_name_char(norm[k - 1]) or norm[k - 1] in _LATIN_INNER
                         or (norm[k - 1] == " " and script_of(_ch(norm, k - 2)) == "latin" and script_of(_ch(norm, k)) == "latin")):
            k -= 1
        if k == j:
            return None
        # drop leading tokens that cannot start a name (dates, numbers, 同, country prefixes...)
        k = self._trim_leading(ctx, k, j)
        return k if k < j else None

    def _name_forward(self, ctx: _Context, i: int) -> int | None:
        norm = ctx.norm.text
        k = i
        while k < ctx.n and (_is_name_char(norm[k]) or norm[k] in "&'+"
                             or (norm[k] in " .-" and script_of(_ch(norm, k + 1)) == "latin" and script_of(_ch(norm, k - 1)) == "latin")):
            k += 1
        # cut at a trailing function word token (社長, 本社, 代表...)
        k = self._trim_trailing(ctx, i, k)
        return k if k > i else None

    _TRAIL = ("代表取締役社長", "代表取締役", "取締役", "社長", "会長", "代表", "本社", "工場", "社員", "子会社", "傘下", "製", "社", "株",
              "広報")

    def _trim_trailing(self, ctx: _Context, i: int, k: int) -> int:
        norm = ctx.norm.text
        changed = True
        while changed and k > i:
            changed = False
            for t in self._TRAIL:
                if norm.endswith(t, i, k) and k - len(t) > i and ctx.boundary[k - len(t)]:
                    k -= len(t)
                    changed = True
                    break
        # a legal form glued at the end (株式会社Xホールディングス株式会社 is rare): cut it
        for lf in self._legal_suffixes:
            if norm.endswith(lf, i, k) and k - len(lf) > i:
                k -= len(lf)
        return k

    def _trim_leading(self, ctx: _Context, k: int, j: int) -> int:
        norm = ctx.norm.text
        while k < j:
            tok = ctx.token_at(k)
            if tok is None:
                break
            tag = tok.tag_
            tstart = ctx.to_norm(tok.idx)
            tend = ctx.to_norm(tok.idx + len(tok.text))
            if tstart < k:  # token begins before the run: evaluate only the run part
                tstart = k
            drop = False
            if "数詞" in tag or "副詞可能" in tag or "助数詞" in tag:
                drop = True
            elif tok.pos_ in ("NUM", "ADP", "AUX", "VERB", "ADJ", "ADV", "DET", "PRON", "SCONJ", "CCONJ", "PUNCT"):
                # a katakana noun GiNZA calls a verb starts a name all the same: ヤマブキ計算機
                drop = not (tag.startswith("名詞") and script_of(tok.text[0]) == "kata")
            elif tok.text in self._anaphora or tok.text in self._company_words or \
                    tok.text in ("同", "旧", "元", "現", "新", "各", "両", "当", "前", "傘下"):
                drop = True
            else:
                for c in self._countries:
                    if norm.startswith(c, k) and k + len(c) < j and (tend - tstart <= len(c) or len(c) == 1):
                        if script_of(_ch(norm, k + len(c))) in ("kata", "latin") or tend - tstart <= len(c):
                            if tok.text == c or len(c) == 1 and tend - tstart == 1:
                                drop = True
                        break
            if not drop:
                break
            k = max(tend, k + 1)
        return k

    def _valid_name(self, ctx: _Context, s: int, e: int, research: bool = False) -> bool:
        norm = ctx.norm.text
        name = norm[s:e].strip()
        if len(name) < 2 and not (len(name) == 1 and script_of(name) == "kanji"):
            return False  # (「A社」, C社向け: a company the writer does not name)
        if name.lower() in self._stop or name in self._anaphora or name.lower() in self._exchanges \
                or name in self._definition_nouns:  # 調査会社, 投資会社: a kind of company
            return False
        if len(name) > 1 and name in self._country_names:
            return False  # オランダの子会社: a country
        if _HEADLINE_GAP.search(name):
            return False  # 東証前引け　半導体株が: two words of a headline, not one name
        if self._tech_words:
            # SiCパワー半導体, 車載半導体: technology words + an industry word
            head = name[:-len(suf)] if (suf := self._suffix_of(name)) else None
            while head:
                w = next((t for t in self._tech_words if head.startswith(t)), None)
                if w is None:
                    break
                head = head[len(w):].lstrip("・ ")
            if head == "":
                return False
        if name.endswith(self._not_company_suffixes) and not (research and name.endswith(self._research_suffixes)):
            # ...unless a longer company word ends it: エスト出版 (not 版), 東京電力 (not 力)
            bad = max(len(x) for x in self._not_company_suffixes if name.endswith(x))
            good = max((len(x) for x in self._name_suffixes if name.endswith(x)), default=0)
            if good <= bad:
                return False
        if name.endswith(self._part_words) and not research:
            return False  # カスタムSoC, EUVレジスト: a part or a material
        if name.endswith(self._relation_words) or name.startswith(self._not_name_starts):
            return False  # 米子会社 (a US subsidiary), 新型iPhone: words about a company or product
        if name[0].isdigit() and script_of(name[1:2]) in ("kata", "kanji"):
            return False  # 3メガバンク, 2大手: a count
        if all(not c.isalpha() for c in name) or _PROCESS_NODE_START.match(name) or PROCESS_NODE.fullmatch(name):
            return False  # 4ナノメートル品: a process node
        if all(ch.isdigit() or ch in ",.-" for ch in name):
            return False
        return True

    # --- 3. trigger words -----------------------------------------------------------------
    def _kanji_chunk(self, ctx: _Context, i: int) -> int | None:
        """End of the kanji noun chunk at ``i`` when its first token is a proper noun and the
        chunk (at most 4 tokens) ends before a particle or punctuation; else None."""
        norm = ctx.norm.text
        ti = ctx.tok_of_norm[i] if i < ctx.n else -1
        if ti < 0 or ctx.tok_ns[ti] != i or "固有名詞" not in ctx.tok_tag[ti]:
            return None
        end = i
        j = ti
        while j < ctx.n_toks and j - ti < 4:
            ts, te = ctx.tok_ns[j], ctx.tok_ne[j]
            t = norm[ts:te]
            if ts != end or not t or not all(script_of(c) == "kanji" for c in t):
                break
            if ctx.tok_pos[j] not in ("NOUN", "PROPN") or "数詞" in ctx.tok_tag[j]:
                break
            if j > ti and (t in self._chunk_followers or t in self._TRAIL):
                break
            end = te
            j += 1
        if end - i < 2 or script_of(_ch(norm, end)) in ("kanji", "kata", "latin"):
            return None
        return end

    def _trigger_rules(self, ctx: _Context) -> list[_Cand]:
        out: list[_Cand] = []
        research: set[tuple[int, int]] = set()
        norm = ctx.norm.text
        for m in self._before_re.finditer(norm):
            i = m.end()
            if script_of(norm[i - 1]) == "kata" and script_of(_ch(norm, i)) == "kata":
                continue  # ファウンドリ is the start of ファウンドリー: no trigger
            while i < ctx.n and norm[i] in " 「『":
                i += 1
            k = self._katalatin_forward(norm, i)
            if k > i:
                k = self._extend_suffix(norm, k)
                k = self._extend_nouns(ctx, k)
                out.append(_Cand(i, k, None, _P_TRIGGER))
                continue
            # a company-kind trigger (調査会社の, 財閥系, データセンター大手の) before a kanji chunk
            # that begins with a proper noun: the whole chunk up to a particle (調査会社の富士経済)
            if m.group() in self._firm_triggers:
                k = self._kanji_chunk(ctx, i)
                if k is not None:
                    if norm.endswith(self._research_suffixes, i, k):
                        research.add((i, k))
                    out.append(_Cand(i, k, None, _P_TRIGGER))
                    continue
            # after a kind of company and a comma (or ・, 「), a whole kanji name that is not made of
            # dictionary words only: 新興装置メーカー、晶拓微装の (Sudachi cuts an unknown
            # Chinese name into single characters, the first often a given name)
            if m.group().endswith(("、", "・", "「")):
                k = i
                while k < ctx.n and is_kanji(norm[k]):
                    k += 1
                # (a name of dictionary words only passes when it ends in a company word: 天穹微電子)
                if 2 <= k - i <= 8 and _ch(norm, k) in _KANJI_NAME_ENDS[m.group()[-1]] and (
                        any("普通名詞" not in ctx.tok_tag[t] for t in ctx.tokens_starting_in(i, k))
                        or any(norm.endswith(w, i, k) and k - i > len(w) + 1 for w in self._name_internal)):
                    out.append(_Cand(i, k, None, _P_TRIGGER))
                continue
            # a kanji proper noun: 傘下の華虹半導体
            tok = ctx.token_at(i)
            if tok is not None and ctx.to_norm(tok.idx) == i and "固有名詞" in tok.tag_ and "人名" not in tok.tag_ and "地名" not in tok.tag_:
                k = ctx.to_norm(tok.idx + len(tok.text))
                k = self._extend_suffix(norm, k)
                out.append(_Cand(i, k, None, _P_TRIGGER))
        for m in self._after_re.finditer(norm):
            j = m.start()
            trig = m.group()
            if trig.startswith("社"):
                # 社会, 社長... are excluded by the trigger list itself (社は, 社が, ...)
                pass
            k = self._katalatin_back(norm, j)
            if k < j:
                if trig.startswith("社") and self._is_count(norm, k, j):
                    continue  # ハイパースケーラー4社: a count, not a name
                inside = ctx.tokens_starting_in(k, j)
                if inside and all("地名" in ctx.tok_tag[t] for t in inside):
                    continue  # ペナンの工場, ドレスデンの工場: a place
                out.append(_Cand(k, j, None, _P_TRIGGER))
                continue
            tok = ctx.token_at(j - 1)
            if tok is not None and trig.startswith("社") and ctx.to_norm(tok.idx + len(tok.text)) == j:
                if "固有名詞" in tok.tag_ and "人名" not in tok.tag_ and "地名" not in tok.tag_:
                    out.append(_Cand(ctx.to_norm(tok.idx), j, None, _P_TRIGGER))
        out += self._sha_tokens(ctx)
        out += self._definitions(ctx)
        res = []
        for c in out:
            c.start, c.end = self._strip_country(norm, c.start, c.end, ctx)
            if (c.start, c.end) in research and self._valid_name(ctx, c.start, c.end, research=True):
                res.append(c)
            elif self._valid_name(ctx, c.start, c.end) and not self._looks_generic(norm[c.start:c.end]):
                res.append(c)
        return res

    _SHA_NOT_NAME = {"同", "各", "本", "当", "他", "自", "弊", "貴", "御", "全", "新", "旧", "両", "数", "前", "元", "現", "我",
                     "他の", "一", "二", "三", "某", "別", "親", "子", "関連", "大手", "競合", "外資", "日系", "米系", "中国系"}

    def _sha_tokens(self, ctx: _Context) -> list[_Cand]:
        """``X社`` with 社 as a token of its own: マカフィー社 -> [マカフィー] (社 outside), and a
        kanji name that is a word of its own with 社 (中央公論社, 主婦之友社) -> the whole word."""
        out: list[_Cand] = []
        norm = ctx.norm.text
        doc = ctx.doc
        for ti in [i for i, t in enumerate(ctx.tok_text) if t == "社" and i > 0]:
            tok = doc[ti]
            ts = ctx.to_norm(tok.idx)
            p = doc[tok.i - 1]
            if ctx.to_norm(p.idx + len(p.text)) != ts:
                continue
            # katakana / Latin run right before 社
            k = self._katalatin_back(norm, ts)
            if k < ts and (not any(c.isalpha() for c in norm[k:ts]) or self._is_count(norm, k, ts)):
                continue  # 3社, 10社, 大手クラウド4社
            if k < ts:
                if script_of(_ch(norm, k - 1)) == "kanji" and _ch(norm, k - 1) not in self._country_chars:
                    continue  # 米 is a prefix, 東京メトロ社 is a run of its own
                out.append(_Cand(k, ts, None, _P_TRIGGER))
                continue
            if not self._ends_chunk(ctx, ti):
                continue
            # kanji nouns before 社 (at most 3 tokens), starting after a particle, punctuation or quote
            i = tok.i - 1
            toks = []
            while i >= 0 and len(toks) < 4:
                q = doc[i]
                qt = norm[ctx.to_norm(q.idx):ctx.to_norm(q.idx + len(q.text))]
                if not qt or not all(script_of(c) == "kanji" or c in "之ノの" for c in qt):
                    break
                if q.pos_ not in ("NOUN", "PROPN", "ADP") or "数詞" in q.tag_ or (q.pos_ == "ADP" and qt not in ("之", "の")):
                    break
                toks.append(q)
                i -= 1
            if not toks or len(toks) > 3 or toks[-1].pos_ == "ADP" or any("サ変" in q.tag_ for q in toks):
                continue
            toks.reverse()
            if toks[0].text in self._SHA_NOT_NAME or toks[0].text in self._anaphora:
                continue
            if i >= 0 and doc[i].pos_ in ("NOUN", "PROPN") and ctx.to_norm(doc[i].idx + len(doc[i].text)) == ctx.to_norm(toks[0].idx):
                continue  # the run goes on with other nouns: not a name we can delimit
            s0 = ctx.to_norm(toks[0].idx)
            if ts + 1 - s0 >= 3 or any("固有名詞" in q.tag_ for q in toks):
                out.append(_Cand(s0, ts + 1, None, _P_TRIGGER))
        return out

    def _definitions(self, ctx: _Context) -> list[_Cand]:
        """``Xは、...の企業である。``: the subject of a sentence that defines a company."""
        out: list[_Cand] = []
        norm = ctx.norm.text
        if self._definition_re is None:
            return out
        for m in self._definition_re.finditer(norm):
            s, e = m.start("name"), m.end("name")
            if ctx.boundary[s] and ctx.boundary[e]:
                out.append(_Cand(s, e, None, _P_TRIGGER))
        return out

    def _extend_nouns(self, ctx: _Context, k: int) -> int:
        """After a trigger the name is the whole noun chunk: 新興企業のアマツ計算機は -> アマツ計算機
        (kanji nouns glued to the katakana run, up to a particle); words about the company
        (社, 本社, 社長, 工場...) and places stay outside. Unchanged when the chunk has no clear end."""
        norm = ctx.norm.text
        if script_of(_ch(norm, k)) != "kanji":
            return k
        ti = ctx.tok_of_norm[k]
        if ti < 0 or ctx.tok_ns[ti] != k:
            return k
        end = k
        while ti < ctx.n_toks and ti - ctx.tok_of_norm[k] < 3:
            ts, te = ctx.tok_ns[ti], ctx.tok_ne[ti]
            t, tag = norm[ts:te], ctx.tok_tag[ti]
            if ts != end or not t or not all(script_of(c) == "kanji" for c in t):
                break
            if ctx.tok_pos[ti] not in ("NOUN", "PROPN") or "数詞" in tag or "地名" in tag or "人名" in tag:
                break
            if t in self._chunk_followers or t in self._TRAIL or t.startswith(self._chunk_followers_long):
                break
            end = te
            ti += 1
        if end > k and script_of(_ch(norm, end)) in ("kanji", "kata", "latin"):
            return k
        return end

    @staticmethod
    def _is_count(norm: str, k: int, j: int) -> bool:
        """``norm[k:j]`` ends with digits that follow a non-Latin word (クラウド4 before 社): the
        digits count companies (N社); a name never ends so. Web3社, 3M社 are not counts."""
        d = j
        while d > k and norm[d - 1].isdigit():
            d -= 1
        return d < j and (d == k or not ("a" <= norm[d - 1].lower() <= "z"))

    def _katalatin_forward(self, norm: str, i: int) -> int:
        k = i
        n = len(norm)
        while k < n:
            ch = norm[k]
            sc = script_of(ch)
            if sc in ("kata", "latin") or (ch in "・ー&" and k > i):
                k += 1
            elif ch in " .-'" and k > i and script_of(_ch(norm, k - 1)) == "latin" and script_of(_ch(norm, k + 1)) == "latin":
                k += 1
            else:
                break
        while k > i and norm[k - 1] in "・&.-' ":
            k -= 1
        return k

    def _katalatin_back(self, norm: str, j: int) -> int:
        k = j
        while k > 0:
            ch = norm[k - 1]
            sc = script_of(ch)
            if sc in ("kata", "latin") or ch in "・ー&":
                k -= 1
            elif ch in " .-'" and script_of(_ch(norm, k - 2)) == "latin" and script_of(_ch(norm, k)) == "latin":
                k -= 1
            else:
                break
        while k < j and norm[k] in "・&.-' ー":
            k += 1
        return k

    def _extend_suffix(self, norm: str, k: int) -> int:
        for suf in self._name_suffixes:
            if norm.startswith(suf, k):
                return k + len(suf)
        return k

    def _strip_country(self, norm: str, s: int, e: int, ctx: _Context | None = None) -> tuple[int, int]:
        for c in self._countries:
            if norm.startswith(c, s) and e - s > len(c) + 1 and script_of(_ch(norm, s + len(c))) in ("kata", "latin"):
                return s + len(c), e
        # 独ボッシュ is handled above; 米系 / 中国 are words: a one-kanji prefix before a kanji
        # name only when the tokeniser split it off (英/アーム, 韓/三星電子)
        if ctx is not None and e - s > 2 and norm[s] in self._country_chars and ctx.boundary[s + 1] \
                and script_of(_ch(norm, s + 1)) == "kanji" and ctx.tok_of_norm[s] >= 0 \
                and ctx.tok_ne[ctx.tok_of_norm[s]] == s + 1:
            return s + 1, e
        return s, e

    def _looks_generic(self, name: str) -> bool:
        low = name.lower()
        if low in self._generic_words:
            return True
        if re.fullmatch(r"[a-z]{1,3}", low) and name.islower():
            return True
        if re.fullmatch(r"[A-Za-z]{1,2}\d{1,4}[A-Za-z]?", name):
            return True  # a model number (H20, M4, A100): the chip rules decide
        if len(name) > 2 and name.endswith(self._generic_endings):
            return True  # スマホ大手, サーバー各社, ビームフォーミング用: a kind of company or a use
        if any(x in name[1:-1] for x in self._generic_infixes):
            return True  # 台湾大手証券
        return False

    # --- 4. name suffixes ----------------------------------------------------------------
    def _suffix_of(self, ttext: str) -> str | None:
        """The longest name suffix that ends ``ttext`` (a dict look-up per suffix length)."""
        n = len(ttext)
        sufs = self._suffix_set
        for length in self._suffix_lengths:
            if length <= n and ttext[n - length:] in sufs:
                return ttext[n - length:]
        return None

    def _suffix_rules(self, ctx: _Context) -> list[_Cand]:
        out: list[_Cand] = []
        norm = ctx.norm.text
        tags, poss, tns, tne = ctx.tok_tag, ctx.tok_pos, ctx.tok_ns, ctx.tok_ne
        last_chars = self._suffix_last_chars
        for ti in range(ctx.n_toks):
            ts, te = tns[ti], tne[ti]
            if te <= ts or norm[te - 1] not in last_chars:
                continue
            ttext = norm[ts:te]
            suf = self._suffix_of(ttext)
            if suf is None:
                continue
            tag = tags[ti]
            if len(ttext) > len(suf):
                # one token carries name + suffix: 日本航空, 九州電力 (a proper noun), or a
                # katakana/Latin word: ワクイコーポレーション, フジサンケイグループ
                head = ttext[:-len(suf)].rstrip("・ ")
                hs = {script_of(c) for c in head if c not in "・ー"}
                foreign = (bool(hs) and hs <= {"kata", "latin"} and len(head) >= 2
                           and (suf in self._strong_suffixes or suf in self._foreign_suffixes)
                           and head.lower() not in self._generic_heads)
                if ("固有名詞" in tag and "地名" not in tag and "人名" not in tag) or foreign:
                    if not ttext.endswith(self._not_company_suffixes) and self._ends_chunk(ctx, ti):
                        out.append(_Cand(ts, te, None, _P_SUFFIX))
                continue
            # the industry word must end the noun chunk: 鉄道網, 航空機, 自動車産業 are no names
            if not self._ends_chunk(ctx, ti):
                continue
            # the suffix is its own token: take the noun run before it and start the name at
            # its first name-like token (a proper noun, a surname, a place for 電力/鉄道...)
            run = []
            k = ts
            i = ti - 1
            while i >= 0 and len(run) < 6:
                ps, pe = tns[i], tne[i]
                if pe != k and not (pe < k and norm[pe:k].strip(" \u3000") == ""):
                    break  # spaces may sit inside a name, a line break never
                ptext = norm[ps:pe]
                if not ptext.strip():
                    break  # a line break (GiNZA tags it a noun, 空白)
                if ptext == "・":
                    run.append((i, ps, False))
                    k = ps
                    i -= 1
                    continue
                ptag, ppos = tags[i], poss[i]
                sc = {script_of(c) for c in ptext if c not in "・ー"}
                foreign = bool(sc) and sc <= {"kata", "latin"}
                # katakana and Latin words count as nouns whatever their tag (ノース/ADJ ウェスト航空)
                if not foreign and ("数詞" in ptag or "副詞可能" in ptag or ppos not in ("NOUN", "PROPN", "X", "SYM")):
                    break
                if ctx.tok_text[i] in self._anaphora:
                    break
                country = "地名-国" in ptag
                if "固有名詞" in ptag and "人名" not in ptag and "地名" not in ptag:
                    name_like = True
                elif "人名-姓" in ptag:
                    name_like = suf in self._strong_suffixes or "人名" not in ptag
                elif country and suf in self._country_suffixes:
                    name_like = True  # オーストラリア航空, KLMオランダ航空
                elif "地名" in ptag:
                    # 東区バス, 浜松市自主運行バス: a municipality runs it (public, not a company)
                    name_like = (not country and not ptext.endswith(("市", "区", "町", "村", "県"))
                                 and (suf in self._regional_suffixes or suf in self._strong_suffixes))
                elif "人名" in ptag and suf in self._chinese_suffixes:
                    name_like = True  # 恒(given name)玄(surname)科技: Chinese names read as people's
                elif foreign:
                    name_like = (ptext.lower() not in self._generic_heads and suf != "会社"
                                 and (suf in self._strong_suffixes or suf in self._foreign_suffixes))
                else:
                    name_like = False
                run.append((i, ps, name_like))
                k = ps
                i -= 1
            run.reverse()
            first = next((j for j, (_, _, nl) in enumerate(run) if nl), None)
            # the word right before the industry word decides: ケーブルテレビ, LPレコード are generic
            if first is not None and run and norm[run[-1][1]:ts].strip().lower() in self._generic_heads:
                first = None
            if first is not None:
                s0, e0 = self._strip_country(norm, run[first][1], te)
                out.append(_Cand(s0, e0, None, _P_SUFFIX))
        return [c for c in out if self._valid_name(ctx, c.start, c.end) and not self._looks_generic(norm[c.start:c.end])]

    def _fragmented_chinese_names(self, ctx: _Context) -> list[_Cand]:
        """A Chinese firm's name in kanji before one of ``chinese_firm_suffixes`` that Sudachi cannot
        read: split into two or more single characters (加/特/蘭 微電子, 凱/世/通 半導体) or cut across
        the suffix (星/耀科/技, 芯/瀾微/電子), which Japanese compounds (先端技術, 次世代半導体) never are.
        A place written right before it (杭州芯瀾微電子) belongs to the name."""
        out: list[_Cand] = []
        if self._chinese_firm_re is None:
            return out
        norm = ctx.norm.text
        for m in self._chinese_firm_re.finditer(norm):
            p, q = m.start("suffix"), m.end()
            if not (ctx.boundary[q] or _ch(norm, q) == "(") or script_of(_ch(norm, q)) == "kanji":
                continue  # (GiNZA may glue a gloss to the suffix: 電子(カルテラ))
            k = m.start()
            t_p = ctx.tok_of_norm[p]
            # a token begun inside the name runs into the suffix (星/耀科/技); one word for all of it
            # (最先端技術) is a Japanese compound
            misaligned = not ctx.boundary[p] and t_p >= 0 and ctx.tok_ns[t_p] > k
            head_tokens = {ctx.tok_of_norm[i] for i in range(k, p)} - {-1}
            singles = [ctx.tok_text[t] for t in head_tokens if ctx.tok_ne[t] - ctx.tok_ns[t] == 1
                       and ctx.tok_ns[t] >= k and "接頭辞" not in ctx.tok_tag[t]]
            # (米中半導体, 日韓半導体: country prefixes are no name; 加/特/蘭 is one)
            if all(ch in self._country_chars or ch == "日" for ch in norm[k:p]):
                continue
            if not (misaligned or len(singles) >= 3 or sum(ch not in self._country_chars for ch in singles) >= 2):
                continue
            # the run starts at a token that starts there; a place token may sit right before it
            if not ctx.boundary[k]:
                continue
            t = ctx.tok_of_norm[k - 1] if k > 0 else -1
            if t >= 0 and "地名" in ctx.tok_tag[t] and ctx.tok_ns[t] >= k - 4 and script_of(_ch(norm, ctx.tok_ns[t] - 1)) != "kanji":
                k = ctx.tok_ns[t]
            elif script_of(_ch(norm, k - 1)) == "kanji":
                continue
            name = norm[k:q]
            if self.gazetteer.lookup(name) is None and not self._looks_generic(name):
                out.append(_Cand(k, q, None, _P_TRIGGER))  # before a context rule's cut of it (耀科技)
        return out

    def _dot_joined_names(self, ctx: _Context) -> list[_Cand]:
        """A katakana name joined by ・ to one of ``dot_joined_name_suffixes``: ヴァジュラ・シリコン,
        ミカヅキ・シリコン (the dot makes a name of it; ポリシリコン is a material)."""
        if self._dot_joined_re is None:
            return []
        norm = ctx.norm.text
        return [_Cand(m.start(), m.end(), None, _P_SUFFIX) for m in self._dot_joined_re.finditer(norm)
                if ctx.boundary[m.start()] and ctx.boundary[m.end()]
                and m.group().split("・", 1)[0].lower() not in self._generic_heads]  # not アモルファス・シリコン

    def _ends_chunk(self, ctx: _Context, ti: int) -> bool:
        """True when no common noun is glued after token ``ti`` (鉄道網, 航空機, 銀行業, 自動車産業),
        except words about the company itself (社長, 本社, 株, 傘下...)."""
        j = ti + 1
        if j >= ctx.n_toks:
            return True
        if ctx.tok_idx[j] != ctx.tok_idx[ti] + len(ctx.tok_text[ti]):
            return True  # a space or line break
        tag = ctx.tok_tag[j]
        if ctx.tok_pos[j] not in ("NOUN", "PROPN") or "固有名詞" in tag:
            return True
        text = unicodedata.normalize("NFKC", ctx.tok_text[j])
        if text in self._chunk_followers or text.startswith(self._chunk_followers_long):
            return True
        return False

    # --- 5. GiNZA entities ---------------------------------------------------------------
    def _ginza_entities(self, ctx: _Context) -> list[_Cand]:
        ents = [e for e in ctx.doc.ents if e.label_ in ("Company", "Company_Group")]
        return self._entity_candidates(ctx, ents, _P_GINZA)

    def _model_candidates(self, ctx: _Context) -> list[_Cand]:
        if self.candidates_key is None or self.candidates_key not in ctx.doc.spans:
            return []
        # GiNZA's NER as a veto: a span it calls a person, a place, a product, a team... is not
        # a company (its own Company label is too sparse to require, its other labels are a fair no)
        vetoes = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ in self._model_veto_labels]
        spans = [c for c in ctx.doc.spans[self.candidates_key]
                 if not any(a <= c.start_char and c.end_char <= b for a, b in vetoes)]
        return self._entity_candidates(ctx, spans, _P_MODEL)

    def _entity_candidates(self, ctx: _Context, ents, priority: int) -> list[_Cand]:
        """Spans a statistical model called companies, cleaned of legal forms, country
        prefixes and 社, and kept only when they look like a name."""
        out: list[_Cand] = []
        norm = ctx.norm.text
        for ent in ents:
            s, e = ctx.to_norm(ent.start_char), ctx.to_norm(ent.end_char)
            # legal forms and 社 stay outside
            changed = True
            while changed and e > s:
                changed = False
                for lf in self._legal_prefixes:
                    if norm.startswith(lf, s):
                        s += len(lf)
                        changed = True
                    if norm.endswith(lf, s, e):
                        e -= len(lf)
                        changed = True
                if e - s > 2 and norm[e - 1] in "社製株" and not norm.endswith(("会社", "新聞社", "通信社"), s, e):
                    e -= 1
                    changed = True
            # Latin legal forms too ("Eoptolink Technology Inc., Ltd.")
            tail = self._latin_legal_tail(norm, s, e)
            if tail is not None:
                e = tail
            s, e = self._strip_country(norm, s, e, ctx)
            while s < e and norm[s] in " 「『(・":
                s += 1
            while e > s and norm[e - 1] in " 」』)・":
                e -= 1
            if e <= s:
                continue
            name = norm[s:e]
            if name.endswith(self._not_company_suffixes) or self._looks_generic(name) or self._latin_legal_re.fullmatch(name):
                continue  # (B.V. alone: a legal form the model took for a name)
            if self.gazetteer.lookup(name, "CHIP") is not None or \
                    name in self.chip_families and self.gazetteer.lookup(name, LABEL) is None:
                continue  # トヨタはThor、ホンダは…: a chip or chip family, not a firm
            if any(q in name for q in "「」『』"):
                continue  # 絶縁フィルム「味の素…: a span across a quotation mark is no name
            if self._camp_suffixes and name.endswith(self._camp_suffixes):
                continue  # Arm勢, 中国勢: a camp of companies
            if _COUNT_AFTER.match(norm, e) or (_ch(norm, e) == "社" and self._is_count(norm, s, e)):
                continue  # ハイパースケーラー4社: a category and a count, not a name
            toks = [t for t in ent if ctx.to_norm(t.idx) < e and ctx.to_norm(t.idx + len(t.text)) > s]
            if toks and "地名" in toks[0].tag_ and toks[0].text.endswith(("市", "区", "町", "村", "県")):
                continue  # 浜松市自主運行バス, 東区バス: run by a municipality
            if not toks or all("人名" in t.tag_ for t in toks) or "人名" in toks[-1].tag_ or all("地名" in t.tag_ for t in toks):
                continue
            if any(t.tag_.startswith(("動詞", "助動詞")) or t.text in ("を", "が", "は", "に", "で") for t in toks):
                continue  # イオン注入装置を手がける北京: a clause, no name
            if len(toks) == 1 and "普通名詞" in toks[0].tag_ and _ch(norm, e) in ("「", "『"):
                continue  # エミュレーター「Palladium Z3」: the kind of product named in the quote
            if toks[-1].pos_ not in ("PROPN", "NOUN") or "普通名詞" in toks[-1].tag_ and len(toks) > 1 and not name.endswith(tuple(self._name_suffixes)):
                continue
            if not self._valid_name(ctx, s, e):
                continue
            if priority == _P_MODEL and not name.endswith(tuple(self._strong_suffixes)):
                # the model also tags terms: an acronym glossing a term (大規模言語モデル(LLM)) and
                # phrases of common nouns (国民成長ファンド, エッジAI半導体); a glossed company
                # comes back through the gloss rule when its other side is found
                if _ch(norm, s - 1) == "(" and _ch(norm, e) == ")":
                    if re.fullmatch(r"[A-Z0-9&]{2,6}", name):
                        continue
                    before = ctx.token_at(s - 2)
                    if before is not None and ("普通名詞" in before.tag_ or before.tag_.startswith("接尾辞-名詞的")):
                        continue  # 感光材(フォトレジスト): the reading of a term
                close = norm.find(")", e, e + 30)
                if _ch(norm, e) == "(" and close > 0 and re.fullmatch(r"[A-Z0-9&]{2,6}", name):
                    inside = ctx.tokens_starting_in(e + 1, close)
                    if inside and all("普通名詞" in ctx.tok_tag[t] for t in inside):
                        continue  # DSP(デジタル信号処理): an acronym of a term
                if len(toks) > 1 and all("普通名詞" in t.tag_ or t.tag_.startswith("接尾辞") or t.pos_ in ("PUNCT", "SYM")
                                         for t in toks):
                    continue
                if all("地名" in t.tag_ or t.pos_ in ("PUNCT", "SYM") for t in toks):
                    continue  # 東京・渋谷 after a company: its head office
                if len(toks) == 1 and "普通名詞" in toks[0].tag_ and all(script_of(c) == "kanji" for c in name):
                    continue  # 感光材: a kanji word from the dictionary, not an unknown name
            # GiNZA is unreliable on bare acronyms (NPB, WBO, SEC) and on common nouns
            # (ローカライズ, サウンドトラック): keep those only when a name suffix ends them.
            # The company model was trained on just this decision, so its spans are kept.
            if priority == _P_GINZA and not name.endswith(tuple(self._name_suffixes)):
                if re.fullmatch(r"[A-Z0-9&]{2,4}", name):
                    continue
                if all("普通名詞" in t.tag_ for t in toks):
                    continue
            out.append(_Cand(s, e, None, priority))
        return out
