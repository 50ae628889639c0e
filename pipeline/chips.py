"""CHIP mentions: model-number patterns per vendor and named chips from the gazetteer.

Canonical = vendor canonical + ' ' + model as written in English: ``H20`` -> ``NVIDIA H20``,
``昇騰910C`` -> ``Huawei Ascend 910C``, bare ``Ascend`` -> ``Huawei Ascend``. The vendor comes
from the pattern, or (for vendor-neutral parts such as HBM3E) from a company mention just
before it (``SKハイニックスのHBM3E``). Patterns that are ambiguous on their own (Apple ``M4``,
MetaX ``C500``) need the vendor next to them, a chip word after them (``M4チップ``) or a chip
word right before them (``チップ「P800」``); patterns with ``context`` words (Apple ``A18 Pro``)
are also accepted when one of those words or the vendor is mentioned in the same sentence or
the two before it.

Named by a chip word: a model id (Latin letters, digits, hyphens, with at least one digit)
quoted or written right after a chip word (``推論チップ「HX-7」``, ``SoC X1``) is a CHIP of the
company that the sentence is about: the company joined to the chip word by の/製, else the
subject (``Xは``) of the sentence, else the nearest company mention before it in the same
sentence or the two before it. Without such a company it is not a mention. A quoted id may
also start with digits when letters and digits follow (CPU「3A6000」; not 「5G」, 「18A」, 「2025」),
a short の-phrase may sit between the chip word and the quote (SoCの新製品「X」), and a process
node right before a quote introduces a chip as well (5ナノメートルの「S32N55」). Process-node
names (N2, SF2, 18A) are never taken this way.

Document consistency: once a model id is a CHIP in a document, its other occurrences there
are CHIPs with the same canonical (``推論チップ「MC-1」を開発。MC-1は…``).

Rack systems (NVL72), architectures (Blackwell) and other non-chips match no pattern; a
chip never overlaps a company mention (``NVIDIA H20`` = COMPANY NVIDIA + CHIP H20).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NamedTuple, Sequence

from .gazetteer import Gazetteer, script_of, strict_form_ok
from .mention import Mention
from .resources import load_json
from .textnorm import char_at as _ch, normalize_with_map

LABEL = "CHIP"
_LEFT = r"(?<![A-Za-z0-9\-_./])"
_LEFT_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./")  # the same set
_RIGHT = r"(?![A-Za-z0-9_])(?!-[A-Za-z0-9])(?!\.\d)"
# a model id: starts with a Latin letter, Latin letters/digits joined by '-', '.', ' ', '/' (RZ/V2H), maybe a
# final '+' (V3+)
_MODEL_ID = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-. /][A-Za-z0-9]+)*\+?")
# a quoted model id may start with digits when letters and then digits follow (``3A6000``,
# ``2K1000``); not ``5G``, ``3nm``, ``18A``, ``2025``
_DIGIT_MODEL_ID = re.compile(r"\d+[A-Za-z]+\d+[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
# process nodes are neither chips (``2ナノの「N2」``, ``SF2``, ``18A``) nor companies
# (ファウンドリーの18A); the company finder uses it too
PROCESS_NODE = re.compile(r"(?:N\d{1,2}[A-Z]?|SF\d{1,2}[A-Z]?|\d{1,2}A|A1[46]|Intel ?\d{1,2}[A-Z]?)", re.I)
# a process node written right before a quoted model id: ``5ナノメートルの「S32N55」``
_NODE_INTRO = re.compile(r"(?<![0-9.])\d{1,2}(?:\.\d)?\s?(?:ナノメートル|ナノ|nm)(?:世代)?(?:の|品)?(?:「(?P<q1>[^」\n]{1,40})」|『(?P<q2>[^』\n]{1,40})』)")
# what says a quoted id is a licensed CPU core: 「C930」などのコア, 「P870」のCPUコア
_CORE_AFTER = re.compile(r"(?:など|等)?の?(?:CPU|RISC-V)?コア(?!部品|技術|事業|顧客|ユーザー)")
# a quoted model id named as a generation of products: ``第2世代品「SL-N2」`` (a chip maker's only)
_GENERATION_INTRO = re.compile(r"第[0-9一二三四五六七八九]世代(?:品|製品)?の?(?:「(?P<q1>[^」\n]{1,40})」|『(?P<q2>[^』\n]{1,40})』)")
# a quoted name made in a process node: ``「Ara」は3ナノで製造``
_NODE_AFTER = re.compile(r"「(?P<q1>[^」\n]{1,30})」(?:は|を|も|が)[^。\n「]{0,12}?(?<![0-9.])\d{1,2}(?:\.\d)?\s?"
                         r"(?:ナノメートル|ナノ|nm)(?:級|世代)?(?:の?プロセス)?(?:で|を使って|を用いて)(?:製造|量産|生産|試作)")
# a company, の and a quoted model id without spaces: ``(Hygon)の「C86-7390」``
_OWNED_ID = re.compile(r"(?<=の)「(?P<q1>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)」")
# the same anywhere: a chip maker's part number (ナビタスは…向けに「NV6169」を売り込み)
_QUOTED_ID = re.compile(r"「(?P<q1>[A-Za-z][A-Za-z0-9]*(?:[- ][A-Za-z0-9]+)*)」|『(?P<q2>[A-Za-z][A-Za-z0-9]*(?:[- ][A-Za-z0-9]+)*)』")
# a quoted name in Latin letters: a family's pattern may sit inside it with model ids around
_QUOTED_LATIN = re.compile(r"([「『])([A-Za-z0-9][A-Za-z0-9 ./+-]{0,39})[」』]")
# a memory size or a mobile generation after a chip name makes a module, a board or a modem
# feature (「Jetson AGX Orin 64GB」, Exynos 5G)
_SIZE = re.compile(r"\d+(?:GB|TB|MB|G)")
# the next Latin word after a family name, ending there: AURIX TC4D7
_NEXT_WORD = re.compile(r" ([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)" + _RIGHT)
# a model id right after a company and の, not quoted: メディアテック(聯発科技)のMT7925、
_OWNED_BARE_ID = re.compile(r"(?<=の)(?P<b>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?=[はがをもやとだで、。)]|の)")
# or right after a Latin maker's name and a space: Intel N100, Qualcomm QCS6490
_SPACED_BARE_ID = re.compile(r"(?<=[A-Za-z] )(?P<b>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?=[はがをもやとだで、。)]|の)")
# between a chip word and a quoted name: ``SoCの新製品「X」``, ``CPUの上位品「X」``, ``LPDDR5X製品「X」``
# (and the chip word's acronym: プロセッサー(IPU)「Bow」)
_INTRO_GAP = r"(?:\([A-Z]{2,5}\))?(?:の(?:新製品|新型品?|最新品?|次世代品?|第\d世代品?|上位品|最上位品|新モデル|新作)?|製品)?"
# the same, unquoted (after a chip word): spaces only before a grade word
_BARE_MODEL = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?: (?:Pro|Max|Ultra|Plus|Elite|Lite|Mini))?"
_SENT_END = "。!?\n"
# a repetition is not the start of a longer name (``M4`` in ``M4 Max``)
# grade words after a model: Orin Nano, M4 Max
_GRADE_WORDS = "Pro|Max|Ultra|Plus|Mini|Nano|Lite|Elite|Super"
_NO_GRADE = r"(?! (?:" + _GRADE_WORDS + r"|Bionic|Ti|SUPER)(?![A-Za-z]))"
_QUOTES = {"「": "」", "『": "』"}
_CODE_NAME_WORDS = re.compile(r"[A-Za-z]{4,}")
# a quoted chip name with its katakana reading: ``RNGD(レニゲード)``
_READING = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z0-9]+)*)\((?P<reading>[\u30a1-\u30fa\u30fc・]{2,})\)")
# the same with its abbreviation: ``WiseEye2(WE2)``
_ABBREVIATED = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9\-]*(?: [A-Za-z0-9]+)*)\((?P<reading>[A-Z][A-Za-z0-9]{1,7})\)")
# a model id behind a name in Chinese characters: 瀾舟A1
_KANJI_MODEL = re.compile(r"[\u4e00-\u9fff]{1,4}[A-Za-z]{1,3}\d{1,4}[A-Za-z]?")
# the name of a chip maker no list knows
_CHIP_MAKER_NAME = re.compile(r"(?:Semiconductors?|Silicon|Microelectronics|半導体|微電子|セミコンダクター|シリコン)$")
# a model id's letters and its final number: KND-A|2, MI|300X
_SERIES_PREFIX = re.compile(r"(.*[A-Za-z-])\d+[A-Za-z]{0,2}")
# a family name that goes on with another capitalised word names something else
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]+")
# a chip name without digits, quoted after a chip word: ``Metis``, ``AmpereOne``, ``Snapdragon Ride Elite``
_NAME_ONLY = re.compile(r"[A-Z][A-Za-z]+(?:[ /-][A-Z][A-Za-z0-9]*)*")
# what may sit between a company mention and は/が when it is the subject
_AFTER_NAME = r"\)?(?:\s*(?:Inc\.?|Corp\.?|Ltd\.?|Co\.,? Ltd\.?|社|\([^()]{1,40}\)))*\)?\s*"
# (or the focus of a cleft sentence: ``…で存在感を高めるのが芯馳科技(セミドライブ)だ。``)
_SUBJECT_GAP = re.compile(_AFTER_NAME + r"(?:[はが]|も(?![のう])|だ(?=[。\n]))")
_ANAPHOR_SUBJECT = re.compile(r"同社[はがも]")
_ANAPHOR = re.compile(r"同社(?=[のはがも])")
# a company as the topic of its sentence (Xは), which 同社 later refers to
_TOPIC_GAP = re.compile(_AFTER_NAME + "は")
# the same, or a second topic (Xも)
_MAIN_TOPIC_GAP = re.compile(_AFTER_NAME + r"(?:は|も(?![のう]))")
# a company that makes another's chip: ``台湾の聯華電子(UMC)が製造する画像処理SoC``
_MAKES_FOR = re.compile(r"\)?(?:\([^()]{1,20}\))?(?:(?:が|で)(?:受託)?(?:製造|生産|量産|試作)(?:する|した|される|し、)|に(?:生産|製造|試作)?委託)")
# a chip followed by its maker: ``「Corsair」を手がける[d-Matrix]``
_MAKER_AFTER = re.compile(r"[」』]?(?:を|も)(?:手がける|手掛ける|開発する|開発した|設計する|設計した|展開する|販売する|製造する)")
# a company joined to the chip word: ``Xの新型AIチップ``, ``X製SoC``, ``X社の推論チップ``; not across
# an object (``アンデスのコアを使ったMPU``: a part the chip's maker used)
# (a short gloss may sit in the の-phrase: ``Xのデジタル信号処理(DSP)チップ``)
_OWNER_GAP = re.compile(r"\)?(?:\([^()]{1,20}\))?(?:社|製|社製)?の[^\s、。,!?「」()を]{0,12}(?:\([A-Za-z]{2,8}\))?|社|製|社製|")

# a chip's successor or predecessor: 後継となる「Europa」, 前世代の「Wormhole」, 前世代のC500
_LINEAGE = re.compile(r"(?:後継|前世代|旧世代|次世代|次期|先代|改良|現行)(?:品|機|版|モデル)?(?:となる|にあたる|である|の)?"
                      r"(?:「(?P<q1>[^」\n]{1,30})」|『(?P<q2>[^』\n]{1,30})』|(?P<b>" + _LEFT + _BARE_MODEL + _RIGHT + "))")
# the same, named before the word: 現行品「V4H」の後継で
_LINEAGE_BEFORE = re.compile(r"「(?P<q1>[^」\n]{1,30})」の(?:後継|前世代|次世代)(?!機)")  # 「OmniBook X」の後継機: a PC
# and the next product after a quoted chip: 推論チップ「Metis」に続き、データセンター向けの「Europa」
_FOLLOWS = re.compile(r"」に続(?:き|いて)、?[^「」。\n]{0,16}「(?P<q1>[^」\n]{1,30})」")
_GRADE = re.compile(_GRADE_WORDS)
# a model that is a code name, said alone once its family has been written: DRIVE Thor ... Thor
_CODE_NAME = re.compile(r"(?!(?:" + _GRADE_WORDS + r"|Auto|Edge|Cloud|One)$)[A-Z][a-z]{3,}")
# a Latin word and a space right before a position: 「Galaxy A16」
_LATIN_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9]*) \Z")
# a bare model id as a subject or object (910Cが, 950は, 910Bも), not an amount (950億)
_BARE_ID = re.compile(_LEFT + r"([A-Za-z]{0,3}\d{2,4}[A-Za-z]{0,2})(?=[はがをもとや、。])")
# a model id of a series: two or more capitals (and a hyphen), then digits: KM-30, MI300X, QCS6490
_SERIES_ID = re.compile(r"([A-Z]{2,}-?)(\d{2,})[A-Z]{0,2}")
# (one digit after a hyphen too: MQ-1 found, then 第2世代の『MQ-2』)
_HYPHEN_SERIES_ID = re.compile(r"([A-Z]{2,}-)(\d)[A-Z]{0,2}")
# what opens an interview's question line: ――第2弾のAIチップ「MK-2」の狙いは。
_QUESTION_MARKS = ("――", "——", "—")
# a quoted name: 「Kagura K3」, 『Kagura K3』
_QUOTED = re.compile(r"([「『])([A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)+)[」』]")
# a chip's katakana reading right after it, and the next quoted item of a list of chips
_READING_AFTER = re.compile(r"\(([\u30a1-\u30fa\u30fc・]{2,})\)")
_LIST_NEXT = re.compile(r"(?:や|と|、|および|及び|,)(?:上位品|最上位品|下位品|廉価版|普及版|姉妹品|新製品)?「([^」\n]{1,30})」")
# a quoted chip name in Chinese characters with its Latin name: 「図霊(Turing)」, and the Latin
# name alone right after a chip found
_LATIN_WORDS = r"[A-Za-z][A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*"
_LATIN_GLOSS_AFTER = re.compile(r"\((" + _LATIN_WORDS + r")\)")
_LATIN_GLOSS = re.compile(r"(?P<name>[^()\s][^()]{0,19})\((?P<gloss>" + _LATIN_WORDS + r")\)")
# candidate priorities: named chips and patterns compete by length; chips named by a chip
# word and repetitions come after them
_NAMED, _PATTERN, _INTRO, _REPEAT = 0, 1, 2, 3


class _Candidate(NamedTuple):
    """A possible chip in normalised offsets; ``strength``: how well the context supports the vendor
    (0-2); ``repeatable``: its other occurrences in the document are the same chip."""
    start: int
    end: int
    canonical: str
    vendor: str
    priority: int
    strength: int
    repeatable: bool


class _Chosen(NamedTuple):
    start: int
    end: int
    canonical: str
    vendor: str
    repeatable: bool


@dataclass(frozen=True, slots=True)
class _Pattern:
    vendor: str | None
    family: str
    sep: str
    regex: re.Pattern  # without the left boundary: see _left_bounded
    needs_context: bool
    context: re.Pattern | None


def _left_bounded(regex: re.Pattern, text: str) -> Iterator[re.Match]:
    """What ``re.compile(_LEFT + regex.pattern).finditer(text)`` gives, about six times faster.

    A look-behind at the start of a pattern stops ``re`` from skipping ahead to the characters a
    match can begin with, so it tries every position; with the boundary checked here it can.
    A match with a Latin letter or digit before it is tried again one character further on,
    which is what the look-behind version does.
    """
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        s, e = m.span()
        if s > 0 and text[s - 1] in _LEFT_CHARS:
            pos = s + 1
            continue
        yield m
        pos = e if e > s else e + 1


class ChipFinder:
    """Finds CHIP mentions; ``companies`` (already found) help resolve and bound them."""

    def __init__(self, *, gazetteer: Gazetteer, patterns: dict) -> None:
        self.gazetteer = gazetteer
        self._chip_names = gazetteer.restricted_to(LABEL)  # the named-chip scan
        self._chip_first_chars = self._chip_names.first_chars
        self.patterns = [
            _Pattern(p.get("vendor"), p.get("family", ""), p.get("sep", " "),
                     re.compile("(?:" + p["regex"] + ")" + _RIGHT), bool(p.get("needs_context")),
                     _word_regex(p["context"]) if p.get("context") else None)
            for p in patterns["patterns"]
        ]
        self.chip_words = tuple(patterns.get("chip_words", ()))
        self.vendor_gap = set(patterns.get("vendor_gap", ())) | {""}
        self.not_followed_by = tuple(patterns.get("not_followed_by", ()))
        self.stop = {s.lower() for s in patterns.get("stop", ())}
        self._stop_phrases = tuple(s for s in self.stop if " " in s)  # Vera Rubin: a generation, not Vera
        self.intro_words = tuple(patterns.get("intro_words", ()))
        self.not_model_prefixes = tuple(s.lower() for s in patterns.get("not_model_prefixes", ()))
        self.chip_maker_kinds = frozenset(patterns.get("chip_maker_kinds", ()))
        not_owners = frozenset(patterns.get("not_chip_owner_kinds", ()))
        self._not_owners = frozenset(c.canonical for c in gazetteer.companies.values() if c.kind in not_owners)
        self.not_part_words = frozenset(patterns.get("not_part_words", ()))
        self.intro_regex = None
        not_intro = patterns.get("not_intro_words", ())
        self._not_intro_re = _word_regex(not_intro) if not_intro else None
        self._intro_word_re = _word_regex(self.intro_words) if self.intro_words else None
        if self.intro_words:
            ordered = sorted(self.intro_words, key=len, reverse=True)
            words = "|".join(re.escape(w) for w in ordered)
            # a Latin chip word starts a word (not the IC of ASIC); a Japanese one may follow Latin (AIチップ)
            latin = "|".join(re.escape(w) for w in ordered if w[:1].isascii())
            other = "|".join(re.escape(w) for w in ordered if not w[:1].isascii())
            self.intro_regex = re.compile(
                "(?:(?<![A-Za-z])(?:" + latin + ")|(?:" + other + r"))(?: ?|" + _INTRO_GAP + r")(?:「(?P<q1>[^」\n]{1,40})」|『(?P<q2>[^』\n]{1,40})』"
                # a bare id is not another chip word (リタイマーIC「Aries 6」)
                r"|(?P<b>" + _LEFT + "(?!(?:" + words + r")(?![A-Za-z0-9]))" + _BARE_MODEL + _RIGHT + "))")

    @classmethod
    def from_config(cls, config_dir: str | Path | None = None) -> "ChipFinder":
        return cls(gazetteer=Gazetteer.from_config(config_dir), patterns=load_json("chip_patterns.json", config_dir))

    def find(self, doc, companies: Sequence[Mention] = ()) -> list[Mention]:
        text = doc if isinstance(doc, str) else doc.text  # Doc.text is rebuilt on every access: once
        if not text:
            return []
        nt = normalize_with_map(text)
        norm = nt.text
        low = nt.lowercased().text
        comp = sorted((m for m in companies if m.label == "COMPANY"), key=lambda m: m.start)
        # company mentions in normalised offsets: (start, end, canonical)
        comp_ranges = [(nt.to_normalized(c.start), nt.to_normalized(c.end), c.canonical) for c in comp]
        sents = _sentence_starts(norm)
        # investors, banks and research firms named near a chip are never its maker
        ctx = _Context(norm, sents, [c for c in comp_ranges if c[2] not in self._not_owners])
        known = self.gazetteer.companies.get(ctx.interviewee) if ctx.interviewee is not None else None
        if known is not None and known.kind not in self.chip_maker_kinds:
            ctx.interviewee = None  # an interview at a carmaker: the chips it names are its suppliers'
        cands = self._named_candidates(norm, low)
        found, bare_models, family_alone = self._pattern_candidates(text, nt, comp, ctx)
        cands += found
        cands += self._models_after_family(norm, sents, family_alone)
        cands += self._quoted_parts(norm, cands)
        named_by_word: set[str] = set()
        cands = self._intro_candidates(norm, low, ctx, cands, named_by_word)
        # a chip never overlaps a company mention: their characters start out taken
        taken = [False] * (len(norm) + 1)
        for cs, ce, _ in comp_ranges:
            for k in range(cs, ce):
                taken[k] = True
        out: list[_Chosen] = []
        self._choose(cands, taken, out)
        _headline_follows_body(norm, out)
        # a successor or predecessor named next to a chip: 「Metis」の後継となる「Europa」,
        # 「Blackhole」は、前世代の「Wormhole」に比べ, 新型GPU「C600」…前世代のC500
        self._choose(self._lineage(norm, sents, out, named_by_word), taken, out)
        _follow_family(norm, out)
        self._choose(self._repeats(norm, ctx, out, bare_models, named_by_word, comp_ranges), taken, out)
        return _to_mentions(text, nt, out)

    def _named_candidates(self, norm: str, low: str) -> list[_Candidate]:
        """Named chips from the gazetteer, longest first at each position, not inside a Latin word."""
        cands = []
        i = 0
        while i < len(low):
            step = 1
            if low[i] not in self._chip_first_chars:
                i += 1
                continue
            for end, entry in self._chip_names.candidates(low, i):
                if entry.strict and not strict_form_ok(entry, norm[i:end]):
                    continue
                if script_of(_ch(norm, i - 1)) == "latin" or script_of(_ch(norm, end)) == "latin":
                    continue
                if entry.strict and _NAME_GOES_ON.match(norm, end):
                    continue  # 「Grace Blackwell」: a longer name
                cands.append(_Candidate(i, end, entry.canonical, entry.vendor, _NAMED, 2, True))
                step = end - i
                break
            i += step
        return cands

    def _pattern_candidates(self, text: str, nt, comp: Sequence[Mention], ctx: "_Context"):
        """Vendors' model-number patterns, with how well the context supports the vendor; also
        the canonical of each family model's bare id (B580 of Arc B580) and the families named
        without a model (Ascend, 昇騰)."""
        norm = nt.text
        comp_orig_ends = [c.end for c in comp]
        cands: list[_Candidate] = []
        bare_models: dict[str, str] = {}
        family_alone: list[tuple[int, _Pattern]] = []
        for pat in self.patterns:
            for m in _left_bounded(pat.regex, norm):
                s, e = m.span()
                if norm.startswith(self.not_followed_by, e):
                    continue
                if m.group().lower() in self.stop:
                    continue
                model = m.groupdict().get("model")
                if not model and _NAME_GOES_ON.match(norm, e):
                    continue  # Snapdragon Digital Chassis: a platform that extends the family name
                if not model and (_ch(norm, e) in _QUOTES or norm.startswith(("の「", "の『"), e)):
                    continue  # TPU「Ironwood」, 第6世代TPUの「Trillium」: the family name works as a chip word
                near = self._vendor_before(text, nt, s, comp, comp_orig_ends)
                vendor = pat.vendor
                strength = 0
                # a vendor-neutral part (HBM3E) is one company's chip only where that company is named
                repeatable = vendor is not None
                if vendor is None:
                    vendor = near
                    if vendor is None and self._after_intro(norm, s):
                        vendor = ctx.owner(s, s)  # サムスン電子は新型チップ「HBM4」
                    if vendor is None:
                        continue
                    strength = 2
                elif near == vendor:
                    strength = 2
                elif pat.needs_context and ctx.sentence_owner(s) == vendor:
                    strength = 2  # 紫光展鋭(UNISOC)は低価格機向けのT606で: the vendor is the sentence's subject
                elif pat.needs_context or pat.context is not None:
                    if ctx.company_in_window(s, vendor) or (pat.context is not None and ctx.words_in_window(s, pat.context)):
                        strength = 1
                    elif _ch(norm, s - 1) in _QUOTES and _CODE_NAME_WORDS.search(m.group()) and ctx.company_before(s, vendor):
                        # 「Clearwater Forest」 further on in an article about Intel (a code name; a
                        # short id such as 「L600」 may well be another maker's)
                        strength = 1
                if pat.needs_context and strength < 2 and not self._chip_word_after(norm, e) \
                        and not self._after_intro(norm, s) \
                        and not (strength == 1 and self._named_like(norm, s, e)):
                    continue
                if pat.needs_context and strength < 2 and ctx.quoted_for_another(s, vendor):
                    continue  # 独BMWのスポーツカー「M4」 in an article that names Apple's M4
                if pat.needs_context and strength == 0 and ctx.owner(s, s) not in (None, vendor):
                    continue  # ネトラセミは…SoC「A2000」を開発中: the chip of the company it is about
                if model:
                    model = re.sub(r"\s+", " ", model)
                    canonical = _model_canonical(vendor, pat, model)
                    bare = _bare_model(model) if pat.family else None
                    if bare is None and m.group() != model and _has_letter_and_digit(model) and not model[:1].isdigit():
                        bare = model  # 曦雲C500, later C500 alone
                    if bare is not None:
                        bare_models[canonical] = bare
                else:
                    canonical = f"{vendor} {pat.family}"
                    part = _NEXT_WORD.match(norm, e) if pat.vendor is not None else None
                    if part is not None and _has_letter_and_digit(part.group(1)) and self._part_word(part.group(1)):
                        # a family and a part number: インフィニオンのAURIX TC4D7
                        canonical, e = f"{canonical} {part.group(1)}", part.end()
                    elif pat.vendor is not None:
                        family_alone.append((s, pat))
                cands.append(_Candidate(s, e, canonical, vendor, _PATTERN, strength, repeatable))
        return cands, bare_models, family_alone

    def _intro_matches(self, norm: str, ctx: "_Context") -> tuple[list[re.Match], dict[int, str]]:
        """Where a chip is introduced rather than recognised by its form: an id after a chip word
        (推論チップ「HX-7」, SoC X1), a process node (5ナノメートルの「S32N55」, 「Ara」は3ナノで製造し),
        a company's quoted id in a sentence about chips, a chip maker's part number (with its maker,
        by the match's start)."""
        matches = list(self.intro_regex.finditer(norm)) if self.intro_regex is not None else []
        if self._not_intro_re is not None and matches:
            # ワイヤレスコントローラー「…」: a compound that names something else
            blocked = [w.span() for w in self._not_intro_re.finditer(norm)]
            matches = [m for m in matches if not any(i <= m.start() < j for i, j in blocked)]
        matches += list(_NODE_INTRO.finditer(norm))
        matches += list(_NODE_AFTER.finditer(norm))
        matches += list(_GENERATION_INTRO.finditer(norm))
        # a company's quoted model id in a sentence about chips: 海光信息技術(Hygon)の「C86-7390」
        for m in _OWNED_ID.finditer(norm):
            _, sent_start, sent_end = ctx._bounds(m.start())
            # the company ends right before の, or before the ) of its gloss
            owned = any(c[1] in (m.start() - 1, m.start() - 2) for c in ctx._companies(sent_start, m.start()))
            if owned and self._intro_word_re is not None and self._intro_word_re.search(norm, sent_start, sent_end):
                matches.append(m)
        makers = self._maker_part_numbers(norm, ctx, {m.start() for m in matches})
        matches += [m for m, _ in makers]
        return matches, {m.start(): maker for m, maker in makers}

    def _intro_candidates(self, norm: str, low: str, ctx: "_Context", cands: list[_Candidate],
                          named_by_word: set[str]) -> list[_Candidate]:
        """``cands`` and the chips introduced (see _intro_matches), with the company the sentence is
        about as vendor; a quoted name that holds a pattern's match replaces it. Names without a
        digit taken this way are added to ``named_by_word``."""
        matches, makers = self._intro_matches(norm, ctx)
        for m in matches:
            group = next(g for g in ("q1", "q2", "b") if m.groupdict().get(g) is not None)
            model = m.group(group)
            s, e = m.span(group)
            quoted_after_word = group != "b" and (m.re is self.intro_regex or m.re is _NODE_AFTER)
            if m.re is _OWNED_ID and not _has_letter_and_digit(model):
                continue
            # 「RNGD(レニゲード)」: the name and its katakana reading are one chip
            reading = None
            glossed = False
            if quoted_after_word:
                model, e, reading = _split_reading(model, s)
                g = _LATIN_GLOSS.fullmatch(model) if reading is None and script_of(model[:1]) != "latin" else None
                if g and self._latin_gloss_ok(g.group("gloss")):
                    # 「図霊(Turing)」, 「馬赫100(M100)」: two names of one chip, the Latin one its canonical
                    model, e, reading = g.group("gloss"), s + g.end("name"), (s + g.start("gloss"), s + g.end("gloss"))
                    glossed = True
            if norm.startswith(self.not_followed_by, e) or PROCESS_NODE.fullmatch(model):
                continue  # 2ナノの「N2」 is a process, not a chip
            if not self._model_like(model, quoted=group != "b") and not glossed:
                # a quoted name with no digit is a chip only right after a chip word: 推論チップ「Metis」,
                # and so is a model id behind a Chinese name: 推論チップ「瀾舟A1」
                if not (quoted_after_word and (self._name_like(model) or _KANJI_MODEL.fullmatch(model))):
                    continue
                named_by_word.add(model)
            vendor, rest = self._company_prefix(low, norm, s, e)
            if vendor is not None:  # マイクロプロセッサIntel8080: the vendor is written in the name
                model = rest
            else:
                # a maker's part number is the maker's that made it one
                vendor = makers.get(m.start()) or ctx.owner(s, m.start(), e)
            if vendor is None or m.re is _GENERATION_INTRO and not self._is_chip_maker(vendor):
                continue  # (第3世代の「AirPods Pro」: a product generation of a firm that makes no chips)
            model = re.sub(r"\s+", " ", model)
            # a quoted name that begins with a vendor's pattern is that vendor's chip, whole:
            # SoC「Snapdragon Ride Elite」, not the family name Snapdragon alone
            if quoted_after_word:
                inner = [c for c in cands if c.priority == _PATTERN and c.start == s and c.end < e]
                if inner:
                    vendor = inner[0].vendor
                    cands = [c for c in cands if c not in inner]
            cands.append(_Candidate(s, e, f"{vendor} {model}", vendor, _INTRO, 1, True))
            if reading:
                cands.append(_Candidate(*reading, f"{vendor} {model}", vendor, _INTRO, 1, False))
        return cands

    def _repeats(self, norm: str, ctx: "_Context", out: list[_Chosen], bare_models: dict[str, str],
                 named_by_word: set[str], comp_ranges) -> list[_Candidate]:
        """Document consistency: the other occurrences of an id that is a chip here (and of the
        bare id or the model of a family chip: 「Kagura K2」, later K2 alone), where one chip has it."""
        seen: dict[str, set[tuple[str, str]]] = {}
        for s, e, canonical, vendor, repeatable in out:
            if not repeatable:
                continue
            surface = norm[s:e]
            if (_has_letter_and_digit(surface) or surface in named_by_word) and surface.lower() not in self.stop:
                seen.setdefault(surface, set()).add((canonical, vendor))
            if canonical in bare_models:
                seen.setdefault(bare_models[canonical], set()).add((canonical, vendor))
            family_model = _family_and_model(surface)
            if family_model is not None and family_model[1].lower() not in self.stop:
                seen.setdefault(family_model[1], set()).add((canonical, vendor))
        repeats = []
        comp_ends = {ce for _, ce, _ in comp_ranges}
        for surface, norms in seen.items():
            if len(norms) != 1:
                continue
            (canonical, vendor), = norms
            for m in re.finditer(_LEFT + re.escape(surface) + _RIGHT + _NO_GRADE, norm):
                if norm.startswith(self.not_followed_by, m.end()) or self._ends_longer_name(norm, m.start(), comp_ends):
                    continue
                if _ch(norm, m.start() - 1) in _QUOTES and PROCESS_NODE.fullmatch(surface):
                    continue  # 「A16」 quoted alone may be TSMC's process as well as Apple's chip
                if norm[m.start():m.start() + 40].lower().startswith(self._stop_phrases):
                    continue  # 「Vera Rubin」世代 after CPU「Vera」: the start of a longer non-chip name
                if ctx.quoted_for_another(m.start(), vendor):
                    continue  # 独BMWのスポーツカー「M4」: another company's thing
                repeats.append(_Candidate(m.start(), m.end(), canonical, vendor, _REPEAT, 0, False))
        return repeats

    def _maker_part_numbers(self, norm: str, ctx: "_Context", listed: set[int]) -> list[tuple[re.Match, str]]:
        """A chip maker's quoted part number needs no chip word: テキサス・インスツルメンツ(TI)の
        「TPS65988」, ウルフスピードは…主力の「C3M0016120K」の値下げで (the maker joined by の or the
        subject of the sentence, or, in a sentence that names no company before the part, of the
        sentences before it; filed under one of ``chip_maker_kinds``)."""
        out = []
        if not self.chip_maker_kinds:
            return out
        for m in _QUOTED_ID.finditer(norm):
            name = m.group("q1") or m.group("q2")
            if m.start() in listed or len(name) < 3 or not _has_letter_and_digit(name.rpartition(" ")[2]):
                continue
            if script_of(_ch(norm, m.start() - 1)) in ("kanji", "kata", "latin"):
                continue  # SSD「PM1763」, 新工場「Fab9」, コア「P870-D」: the word before says what it is
            if script_of(_ch(norm, m.end())) in ("kanji", "kata", "latin") and not self._chip_word_after(norm, m.end()) \
                    and not (self._intro_word_re is not None and self._intro_word_re.match(norm, m.end())):
                continue  # 「RVA23」プロファイル: the word after says what it is (unless a chip word)
            if _CORE_AFTER.match(norm, m.end()):
                continue  # 「C930」などのコアを公開: a licensed core, not a chip
            owner = ctx.sentence_owner(m.start())
            if owner is None and ctx.names_no_company_before(m.start()):
                # 英諾賽科は…。「INN650D080BS」など650V品で; an interview's answers: its company
                owner = ctx.main_subject_before(m.start()) or ctx._document_subject(m.start())
            if self._is_chip_maker(owner):
                out.append((m, owner))
        # unquoted, right after the maker and の: インテル製のBE200, グリーンウェーブス・テクノロジーズのGAP9は;
        # or after its Latin name and a space: Intel N100と比べ
        for m in _OWNED_BARE_ID.finditer(norm):
            owner = ctx.joined_owner(m.start())
            if m.start() not in listed and _has_letter_and_digit(m.group("b")) and self._is_chip_maker(owner):
                out.append((m, owner))
        for m in _SPACED_BARE_ID.finditer(norm):
            owner = ctx.company_ending_at(m.start() - 1)
            if m.start() not in listed and _has_letter_and_digit(m.group("b")) and self._is_chip_maker(owner) \
                    and not PROCESS_NODE.fullmatch(m.group("b")):
                out.append((m, owner))
        return out

    def _is_chip_maker(self, canonical: str | None) -> bool:
        """A company filed under ``chip_maker_kinds``, or one no list knows that is named as a chip
        maker (Astraview Semiconductor, 聯陽微電子)."""
        if canonical is None:
            return False
        company = self.gazetteer.companies.get(canonical)
        if company is not None:
            return company.kind in self.chip_maker_kinds
        return _CHIP_MAKER_NAME.search(canonical) is not None

    def _quoted_parts(self, norm: str, cands: Sequence[_Candidate]) -> list[_Candidate]:
        """A quoted name that holds a vendor's pattern with model ids or short capitals around
        it is that chip, whole: 「Agilex 5 A5ED065」, 「RT PolarFire RTPF500T」, 「PIC32CZ CA」
        (not 「GB200 NVL72」, a rack; not 「Jetson AGX Orin 64GB」, a module)."""
        out = []
        patterns = [c for c in cands if c.priority == _PATTERN and c.repeatable]  # a vendor's own pattern
        if not patterns:
            return out
        for q in _QUOTED_LATIN.finditer(norm):
            qs, qe = q.span(2)
            for s, e, canonical, vendor, prio, strength, repeatable in patterns:
                if not (qs <= s and e <= qe and (qs, qe) != (s, e)) or not canonical.startswith(vendor + " "):
                    continue
                before, after = norm[qs:s], norm[e:qe]
                if (before and not before.endswith(" ")) or (after and not after.startswith(" ")):
                    continue
                extra = (before + after).split()
                if extra and all(self._part_word(w) for w in extra):
                    whole = f"{vendor} {before}{canonical[len(vendor) + 1:]}{after}"
                    out.append(_Candidate(qs, qe, whole, vendor, prio, strength, repeatable))
        return out

    def _part_word(self, word: str) -> bool:
        """A word of a part's name besides its family: a model id (A5ED065, X1P-42-100) or a short
        capital grade (RT, CA); not a size, a rack (NVL72), a standard or software."""
        low = word.lower()
        if low in self.stop or low.startswith(self.not_model_prefixes) or _SIZE.fullmatch(word):
            return False
        if _has_letter_and_digit(word):
            return _MODEL_ID.fullmatch(word) is not None
        return word.isascii() and word.isupper() and 2 <= len(word) <= 3 and word not in self.not_part_words

    def _lineage(self, norm: str, sents: list[int], out: Sequence[_Chosen], named_by_word: set[str]) -> list[_Candidate]:
        """Chips named next to a chip already found, with its vendor: its katakana reading, the
        next item of a quoted list, and successors or predecessors in the same sentence or the
        one before it."""
        found = sorted(out)
        cands = []
        for cs, ce, canonical, vendor, _ in found:
            close = 1 if _ch(norm, ce) in _QUOTES.values() else 0
            # its katakana reading: 「Shinebolt（シャインボルト）」
            r = _READING_AFTER.match(norm, ce)
            if r is None and script_of(norm[ce - 1]) != "latin":
                # or its Latin name after a name in Chinese characters: 図霊(Turing), 「星辰一号」(AD1000)
                r = _LATIN_GLOSS_AFTER.match(norm, ce) or _LATIN_GLOSS_AFTER.match(norm, ce + close)
                r = r if r is not None and self._latin_gloss_ok(r.group(1)) else None
            if r:
                cands.append(_Candidate(r.start(1), r.end(1), canonical, vendor, _INTRO, 1, False))
            # the next item of a quoted list: SoC「CV72S」や「N1-655」
            li = _LIST_NEXT.match(norm, ce + close) if close else None
            if li and self._another_vendors(li.group(1), vendor):
                li = None  # 「R-Car X5H」と「Thor」: the next item is another maker's chip
            if li:
                name = li.group(1)
                completed = self._family_completion(canonical, vendor, name)
                if completed is not None:  # 「Snapdragon X Elite」と「X Plus」: the family said once
                    cands.append(_Candidate(li.start(1), li.end(1), completed, vendor, _INTRO, 1, True))
                elif self._model_like(name, quoted=True) or self._name_like(name):
                    if not _has_letter_and_digit(name):
                        named_by_word.add(name)
                    cands.append(_Candidate(li.start(1), li.end(1), f"{vendor} {name}", vendor, _INTRO, 1, True))
        # a sibling: another quoted model of a family a chip found here belongs to, written the
        # same way (「Kagura K2」, later 『Kagura K3』; not 『Kagura SDK 2.0』)
        families: dict[tuple[str, str], set[str]] = {}
        for cs, ce, canonical, vendor, _ in found:
            family_model = _family_and_model(norm[cs:ce])
            if family_model is not None:
                family, model = family_model
                families.setdefault((family, _shape(model)), set()).add(vendor)
        if families:
            for m in _QUOTED.finditer(norm):
                family, _, model = m.group(2).rpartition(" ")
                vendors = families.get((family, _shape(model))) if family else None
                if vendors is not None and len(vendors) == 1:
                    vendor = next(iter(vendors))
                    cands.append(_Candidate(m.start(2), m.end(2), f"{vendor} {m.group(2)}", vendor, _INTRO, 1, True))
        # and the same maker's ids written like a chip found here (KM-30 found: KM-20, KM-40, KM-10L;
        # MI300X found: MI355X), the letters of a series and as many digits
        series: dict[tuple[str, int], set[str]] = {}
        for cs, ce, canonical, vendor, _ in found:
            last = norm[cs:ce].rpartition(" ")[2]
            m = _SERIES_ID.fullmatch(last) or _HYPHEN_SERIES_ID.fullmatch(last)
            if m is not None:
                series.setdefault((m.group(1), len(m.group(2))), set()).add(vendor)
        for (prefix, digits), vendors in series.items():
            if len(vendors) != 1:
                continue
            vendor = next(iter(vendors))
            pattern = re.compile(_LEFT + re.escape(prefix) + r"\d{" + str(digits) + r"}[A-Z]{0,2}" + _RIGHT)
            for m in pattern.finditer(norm):
                cands.append(_Candidate(m.start(), m.end(), f"{vendor} {m.group()}", vendor, _INTRO, 1, True))
        for m in [*_LINEAGE.finditer(norm), *_LINEAGE_BEFORE.finditer(norm), *_FOLLOWS.finditer(norm)]:
            group = next(g for g in ("q1", "q2", "b") if m.groupdict().get(g) is not None)
            name = m.group(group)
            s, e = m.span(group)
            quoted = group != "b"
            reading = None
            if quoted:  # 次世代品「Blackhole(ブラックホール)」
                name, e, reading = _split_reading(name, s)
            if norm.startswith(self.not_followed_by, e) or PROCESS_NODE.fullmatch(name):
                continue
            if not self._model_like(name, quoted=quoted) and not (quoted and self._name_like(name)):
                continue
            if m.re is _FOLLOWS and not any(c.end == m.start() for c in found):
                continue  # スマホ「Xiaomi 17」に続いてEV「YU7」: what it follows is no chip
            k = bisect_right(sents, s) - 1
            start = sents[k] if sents else 0
            lo = sents[max(0, k - 1)] if sents else 0
            # the chips of the same sentence, else of the one before
            near = [c for c in found if start <= c.start < s or s < c.start < _sentence_end(norm, e)] or \
                [c for c in found if lo <= c.start < start]
            vendors = {c.vendor for c in near}
            if not vendors:
                # no chip nearby: one of the same series found elsewhere (次世代品「KND-A2」 after KND-A1)
                prefix = _series_prefix(name)
                vendors = {c.vendor for c in found if prefix is not None and _series_prefix(norm[c.start:c.end]) == prefix}
            if len(vendors) != 1:
                continue
            vendor = vendors.pop()
            if not _has_letter_and_digit(name):
                named_by_word.add(name)
            cands.append(_Candidate(s, e, f"{vendor} {name}", vendor, _INTRO, 1, True))
            if reading:
                cands.append(_Candidate(*reading, f"{vendor} {name}", vendor, _INTRO, 1, False))
        return cands

    def _another_vendors(self, name: str, vendor: str) -> bool:
        """``name`` is written as a model of another vendor's pattern (Thor: NVIDIA's DRIVE)."""
        return any(p.vendor not in (None, vendor) and _first_match_is_whole(p.regex, name) for p in self.patterns)

    @staticmethod
    def _models_after_family(norm: str, sents: list[int], family_alone: list[tuple[int, _Pattern]]) -> list[_Candidate]:
        """Bare ids right after a family is named alone, in its sentence or the next, that the
        family's pattern takes: 昇騰です。Ascendの中では今は910Cが…来年は950が…910Bも."""
        cands = []
        for fs, pat in family_alone:
            k = bisect_right(sents, fs) - 1
            end = _sentence_end(norm, sents[k + 1]) if k + 1 < len(sents) else len(norm)
            for m in _BARE_ID.finditer(norm, fs, end):
                canonical = _family_model(pat, pat.vendor, m.group(1))
                if canonical is not None:
                    cands.append(_Candidate(m.start(1), m.end(1), canonical, pat.vendor, _INTRO, 1, True))
        return cands

    def _family_completion(self, canonical: str, vendor: str, name: str) -> str | None:
        """The canonical of ``name`` read as a model of the family ``canonical`` belongs to, if the
        family's pattern takes it (X Plus after Snapdragon X Elite → Qualcomm Snapdragon X Plus)."""
        for pat in self.patterns:
            if pat.vendor != vendor or not pat.family or name.startswith(pat.family):
                continue
            if not canonical.startswith(f"{vendor} {pat.family}{pat.sep}"):
                continue
            completed = _family_model(pat, vendor, name)
            if completed is not None:
                return completed
        return None

    @staticmethod
    def _choose(cands: Sequence[_Candidate], taken: list[bool], out: list[_Chosen]) -> None:
        """Named chips and patterns before chips named by a chip word or repeated; then the
        longest, named before pattern, earliest, best-supported vendor. No overlap with
        companies or with each other."""
        for c in sorted(cands, key=lambda c: (c.priority >= _INTRO, -(c.end - c.start), c.priority, c.start, -c.strength)):
            if any(taken[c.start:c.end]):
                continue
            for k in range(c.start, c.end):
                taken[k] = True
            out.append(_Chosen(c.start, c.end, c.canonical, c.vendor, c.repeatable))

    @staticmethod
    def _ends_longer_name(norm: str, s: int, comp_ends: set[int]) -> bool:
        """An id at ``s`` that ends a longer Latin name, no company's: 「Galaxy A16」 (not NVIDIA H20)."""
        before = _LATIN_WORD_BEFORE.search(norm, max(0, s - 30), s)
        return before is not None and before.end(1) not in comp_ends

    def _chip_word_after(self, norm: str, e: int) -> bool:
        return norm.startswith(self.chip_words, e) or norm[e:e + 2].lstrip().startswith(self.chip_words)

    def _company_prefix(self, low: str, norm: str, s: int, e: int) -> tuple[str | None, str]:
        """(vendor, rest of the name) when norm[s:e] starts with a company alias followed by a
        model number (``Intel8080`` -> ``Intel``, ``8080``), else (None, '')."""
        for end, entry in self.gazetteer.candidates(low, s):
            if entry.label != "COMPANY" or end >= e or entry.context:
                continue  # (a common word or acronym is part of the id: EPC2218)
            if entry.strict and not strict_form_ok(entry, norm[s:end]):
                continue
            rest = norm[end:e].strip(" -")
            if rest and rest[0].isdigit():
                return entry.canonical, rest
        return None, ""

    def _named_like(self, norm: str, s: int, e: int) -> bool:
        """Written as a product name: with a grade word (``A17 Pro``), quoted (``「A18」``) or
        followed closely by a chip word (``A17以降のチップ``, ``A18を搭載``); not ``会議室A12``."""
        if " " in norm[s:e] or (norm[s - 1:s] in _QUOTES and norm[e:e + 1] == _QUOTES[norm[s - 1]]):
            return True
        tail = re.split(r"[、。,!?\n]", norm[e:e + 10], maxsplit=1)[0]
        return any(w in tail for w in self.chip_words)

    def _after_intro(self, norm: str, s: int) -> bool:
        """A chip word right before ``s``: ``チップ「P800」``, ``チップ P800``."""
        if not self.intro_words:
            return False
        j = s
        if j > 0 and norm[j - 1] in "「『 ":
            j -= 1
        return norm.endswith(self.intro_words, max(0, j - 12), j)

    def _latin_gloss_ok(self, gloss: str) -> bool:
        """The Latin name in 「図霊(Turing)」 or 馬赫100(M100): a model id or a capitalised name, not a
        company, a chip word (GPU) or a process node."""
        if not (self._model_like(gloss, quoted=True) or _NAME_ONLY.fullmatch(gloss)) or PROCESS_NODE.fullmatch(gloss):
            return False
        if gloss in self.intro_words or gloss in self.chip_words:
            return False
        entry = self.gazetteer.lookup(gloss)
        return entry is None or entry.label == LABEL

    def _name_like(self, name: str) -> bool:
        """A product name without digits (Metis, AmpereOne, RNGD): Latin, capitalised, not a
        word this project knows as something else (a company, an architecture, software)."""
        if len(name) < 3 or len(name) > 24 or not _NAME_ONLY.fullmatch(name):
            return False
        low = name.lower()
        if low in self.stop or low.startswith(self.not_model_prefixes) or any(tok in self.stop for tok in low.split()):
            return False
        return self.gazetteer.lookup(name) is None

    def _model_like(self, model: str, quoted: bool = False) -> bool:
        if len(model) > 24 or not _has_letter_and_digit(model):
            return False
        if not _MODEL_ID.fullmatch(model) and not (quoted and _DIGIT_MODEL_ID.fullmatch(model)):
            return False
        low = model.lower()
        if low in self.stop or low.startswith(self.not_model_prefixes):
            return False
        return not any(tok in self.stop for tok in low.split())

    def _vendor_before(self, text: str, nt, s: int, comp: Sequence[Mention], ends: Sequence[int]) -> str | None:
        """The canonical of a company mention that ends right before normalised ``s``
        (``NVIDIAのH20``, ``Apple M4``, ``ファーウェイ製のAscend``); ``ends`` = their end offsets."""
        start = nt.starts[s] if s < len(nt.starts) else len(text)
        k = bisect_right(ends, start) - 1
        while k >= 0 and start - ends[k] <= 40:
            c = comp[k]
            if c.start < start:
                gap = text[c.end:start].strip()
                if gap in self.vendor_gap or (len(gap) <= 4 and gap.startswith("の")):
                    return c.canonical
            k -= 1
        return None


class _Context:
    """Sentence windows over the normalised text and the company mentions in them."""

    def __init__(self, norm: str, sents: list[int], comp_ranges: list[tuple[int, int, str]]) -> None:
        self.norm = norm
        self.sents = sents
        self.comp = comp_ranges
        self.comp_starts = [cs for cs, _, _ in comp_ranges]
        # questions set off by dashes (――第2弾のチップ「MK-2」の狙いは。): an interview, whose
        # interviewee's firm is the one in the headline (not 元エルピーダ技術者, a former one), else
        # the last one named before the first question (…ハルカ・シリコン(東京・港)でCTOを務める佐伯氏に聞いた)
        first_question = min((i for i in (norm.find("\n" + m) for m in _QUESTION_MARKS) if i >= 0), default=-1)
        self.interview = first_question >= 0
        self.interviewee: str | None = None
        if self.interview:
            head_end = norm.find("\n")
            in_headline = [c for cs, ce, c in comp_ranges if ce <= head_end and not norm.endswith("元", 0, cs)]
            before_questions = [c for _, ce, c in comp_ranges if ce <= first_question]
            self.interviewee = in_headline[0] if in_headline else (before_questions[-1] if before_questions else None)

    def _bounds(self, pos: int, back: int = 2) -> tuple[int, int, int]:
        """(window start, sentence start, sentence end) for the sentence holding ``pos``."""
        k = max(0, bisect_right(self.sents, pos) - 1)
        sent_start = self.sents[k] if self.sents else 0
        sent_end = self.sents[k + 1] if k + 1 < len(self.sents) else len(self.norm)
        win = self.sents[max(0, k - back)] if self.sents else 0
        return win, sent_start, sent_end

    def _companies(self, lo: int, hi: int):
        """Company mentions that start in [lo, hi) and end by ``hi``."""
        i = bisect_right(self.comp_starts, lo - 1)
        while i < len(self.comp) and self.comp[i][0] < hi:
            if self.comp[i][1] <= hi:
                yield self.comp[i]
            i += 1

    def company_in_window(self, pos: int, canonical: str) -> bool:
        win, _, end = self._bounds(pos)
        return any(c == canonical for _, _, c in self._companies(win, end))

    def _document_subject(self, pos: int) -> str | None:
        """No company near a chip named by a chip word: in an interview the interviewee's firm;
        else the last company before it that was a subject, else the first company of the document."""
        if self.interviewee is not None:
            return self.interviewee  # an interview's chips are the interviewee's
        earlier = [c for c in self.comp if c[1] <= pos]
        subject = self._last_subject(earlier)
        if subject is None and earlier:
            subject = earlier[0][2]
        return subject

    def _last_with(self, companies: Sequence[tuple[int, int, str]], gap: re.Pattern) -> str | None:
        """The last of ``companies`` followed by ``gap`` (_SUBJECT_GAP: Xは, Xが; _TOPIC_GAP: Xは), if any."""
        return next((c for _, ce, c in reversed(companies) if gap.match(self.norm, ce)), None)

    def _first_with(self, companies: Sequence[tuple[int, int, str]], gap: re.Pattern) -> str | None:
        return next((c for _, ce, c in companies if gap.match(self.norm, ce)), None)

    def _last_subject(self, companies: Sequence[tuple[int, int, str]]) -> str | None:
        """The last of ``companies`` written as the subject of its sentence (Xは, Xが), if any."""
        return self._last_with(companies, _SUBJECT_GAP)

    def company_ending_at(self, pos: int) -> str | None:
        """The company mention that ends at ``pos``, if any."""
        return next((c for _, ce, c in self._companies(max(0, pos - 60), pos) if ce == pos), None)

    def company_before(self, pos: int, canonical: str) -> bool:
        return any(c == canonical for _, ce, c in self.comp if ce <= pos)

    def words_in_window(self, pos: int, regex: re.Pattern) -> bool:
        win, _, end = self._bounds(pos)
        return regex.search(self.norm, win, end) is not None

    def _joins(self, company: tuple[int, int, str], pos: int) -> bool:
        """``company`` is joined to what is named at ``pos``: ``Xの推論チップ``, ``X製の「…」``,
        ``Xのスポーツカー「…」``."""
        return _OWNER_GAP.fullmatch(self.norm[company[1]:pos].rstrip("「『")) is not None

    def joined_owner(self, pos: int) -> str | None:
        """The company of the sentence joined to what is named at ``pos``, else None."""
        _, sent_start, _ = self._bounds(pos)
        before = list(self._companies(sent_start, pos))
        return before[-1][2] if before and self._joins(before[-1], pos) else None

    def quoted_for_another(self, pos: int, vendor: str) -> bool:
        """A quoted name at ``pos`` that another company than ``vendor`` owns by の."""
        return _ch(self.norm, pos - 1) in _QUOTES and self.joined_owner(pos) not in (None, vendor)

    def sentence_owner(self, pos: int) -> str | None:
        """The company of the sentence that owns what is named at ``pos``: joined to it, else
        the sentence's subject (``Xは…「…」``, or the company 同社は refers to); None without one."""
        _, sent_start, _ = self._bounds(pos)
        before = list(self._companies(sent_start, pos))
        if before and self._joins(before[-1], pos):
            return before[-1][2]
        # the last topic (Xは, Xも) over a subject of a clause after it (パラゴンは、聯陽が…採用した後、自社の
        # 「PX-400」), but NXPは…、インフィニオンも「CTRX8191」を: the second topic
        subject = self._last_with(before, _MAIN_TOPIC_GAP) or self._last_subject(before)
        if subject is None and not before and (m := _ANAPHOR_SUBJECT.search(self.norm, sent_start, pos)):
            subject = self._antecedent(m.start())
        return subject

    def names_no_company_before(self, pos: int) -> bool:
        """The sentence holding ``pos`` names no company before it."""
        _, sent_start, _ = self._bounds(pos)
        return next(self._companies(sent_start, pos), None) is None

    def main_subject_before(self, pos: int) -> str | None:
        """The main subject (the first topic Xは, else the first subject Xが/Xも) of the sentence
        holding ``pos`` before it, or of the nearest of the two sentences before that has one."""
        k = max(0, bisect_right(self.sents, pos) - 1)
        for j in range(k, max(-1, k - 3), -1):
            lo = self.sents[j] if self.sents else 0
            hi = min(pos, self.sents[j + 1]) if j + 1 < len(self.sents) else pos
            named = list(self._companies(lo, hi))
            main = self._first_with(named, _TOPIC_GAP) or self._first_with(named, _SUBJECT_GAP)
            if main is not None:
                return main
        return None

    def _antecedent(self, pos: int) -> str | None:
        """The company 同社 at ``pos`` refers to: the main subject nearby (main_subject_before);
        else the last company named in its sentence and the two before; else the last topic or
        subject before it."""
        main = self.main_subject_before(pos)
        if main is not None:
            return main
        win, _, _ = self._bounds(pos)
        near = list(self._companies(win, pos))
        if near:
            return near[-1][2]
        earlier = [c for c in self.comp if c[1] <= pos]
        return self._last_with(earlier, _TOPIC_GAP) or self._last_subject(earlier)

    def owner(self, s: int, intro: int, end: int | None = None) -> str | None:
        """The company a chip named at ``s`` (chip word at ``intro``, name ending at ``end``)
        belongs to."""
        win, sent_start, sent_end = self._bounds(s)
        if self.interview:
            # a question, or an answer and the question before it: not the paragraphs before those
            para = self.norm.rfind("\n", 0, s) + 1
            prev = self.norm.rfind("\n", 0, max(0, para - 1)) + 1
            if self.norm.startswith(_QUESTION_MARKS, prev) and not self.norm.startswith(_QUESTION_MARKS, para):
                para = prev
            win = max(win, para)
        # the maker named right after the chip: ``カード「Corsair」を手がけるd-Matrixは``
        if end is not None and (m := _MAKER_AFTER.match(self.norm, end)):
            after = next(self._companies(m.end(), sent_end), None)
            if after is not None and after[0] <= m.end() + 2:
                return after[2]
        # a foundry that makes the chip is not its owner
        before = [c for c in self._companies(win, intro) if not _MAKES_FOR.match(self.norm, c[1])]
        # 同社の新型チップ, 同社が設計した…SoC: the company 同社 refers to, unless one is named after it
        anaphors = list(_ANAPHOR.finditer(self.norm, sent_start, intro))
        anaphor = anaphors[-1] if anaphors else None
        if anaphor is not None and (not before or before[-1][1] <= anaphor.start()):
            antecedent = self._antecedent(anaphor.start())
            if antecedent is not None:
                return antecedent
        if not before:
            return self._document_subject(intro)
        # joined to the chip word: ``Xの推論チップ``, ``X製SoC``
        last = before[-1]
        if last[1] >= sent_start and self._joins(last, intro):
            return last[2]
        # the subject of the sentence, else of the last sentence before it that names a company:
        # ``Xは、…チップ「…」``; ``ルネサスは…米ウルフスピード…。…MPU「RZ/V2H」``
        _, last_sent, _ = self._bounds(last[0])
        bound = min(sent_start, last_sent)
        subject = self._last_subject([c for c in before if c[0] >= bound])
        # a sentence about 同社 is about the last company that was a subject before it
        if subject is None and _ANAPHOR_SUBJECT.search(self.norm, sent_start, intro):
            subject = self._last_subject([c for c in before if c[1] <= sent_start])
        if subject is None and len({c[2] for c in self._companies(last_sent, sent_end)}) >= 3:
            # the last company is one of a list (サムスン電子、SKハイニックス、マイクロンの3強を追う):
            # the chip is more likely the document's subject's
            return self._document_subject(intro)
        if subject is None and self.interviewee is not None and last[0] > self.norm.rfind("\n", 0, s):
            return self.interviewee  # an answer names its own chip beside a foundry or a rival it mentions
        return subject if subject is not None else last[2]


def _first_match_is_whole(regex: re.Pattern, text: str) -> bool:
    """``regex``'s match at the start of ``text`` (as _left_bounded finds it) covers all of it."""
    m = regex.match(text)
    return m is not None and m.end() == len(text)


def _follow_family(norm: str, out: list[_Chosen]) -> None:
    """A bare id is the chip the document names with its family: B580 after 「Arc B580」 is
    Intel's, whatever a vendor-less pattern guessed from the context."""
    with_family: dict[str, set[tuple[str, str]]] = {}
    for c in out:
        family_model = _family_and_model(norm[c.start:c.end])
        if family_model is not None:
            with_family.setdefault(family_model[1], set()).add((c.canonical, c.vendor))
    _take_the_one_name(norm, out, with_family, range(len(out)))


def _headline_follows_body(norm: str, out: list[_Chosen]) -> None:
    """A chip in the headline is the one the body names with the same id: the headline has too
    little context to find the owner (元東芝の技術者が起業　エッジAI半導体「YOMI-1」 is not Toshiba's)."""
    head_end = norm.find("\n")
    if head_end < 0:
        return
    in_body: dict[str, set[tuple[str, str]]] = {}
    for c in out:
        if c.start > head_end:
            in_body.setdefault(norm[c.start:c.end], set()).add((c.canonical, c.vendor))
    _take_the_one_name(norm, out, in_body, [k for k, c in enumerate(out) if c.end <= head_end])


def _take_the_one_name(norm: str, out: list[_Chosen], named: dict[str, set[tuple[str, str]]], which) -> None:
    """``out[k]`` for each k of ``which`` takes the (canonical, vendor) that ``named`` gives its
    surface, where it gives exactly one."""
    for k in which:
        c = out[k]
        names = named.get(norm[c.start:c.end])
        if names is not None and len(names) == 1 and (c.canonical, c.vendor) not in names:
            (canonical, vendor), = names
            out[k] = c._replace(canonical=canonical, vendor=vendor)


def _to_mentions(text: str, nt, out: Sequence[_Chosen]) -> list[Mention]:
    """The chips chosen, in original offsets and without trailing space, in text order."""
    mentions = []
    for s, e, canonical, vendor, _ in out:
        os_, oe = nt.to_original(s, e)
        surface = text[os_:oe]
        while surface and surface[-1].isspace():
            oe -= 1
            surface = surface[:-1]
        mentions.append(Mention(os_, oe, LABEL, surface, canonical=canonical, vendor=vendor))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _split_reading(name: str, s: int) -> tuple[str, int, tuple[int, int] | None]:
    """A quoted name written with its katakana reading or its abbreviation (``RNGD(レニゲード)``,
    ``WiseEye2(WE2)`` at ``s``): the name, its end, and the span of the reading; the name
    unchanged and None when it has none."""
    r = _READING.fullmatch(name)
    if r is None:
        r = _ABBREVIATED.fullmatch(name)
        if r is None or not _abbreviates(r.group("reading"), r.group("name")):
            return name, s + len(name), None
    return r.group("name"), s + r.end("name"), (s + r.start("reading"), s + r.end("reading"))


def _abbreviates(short: str, name: str) -> bool:
    """``short`` is made of ``name``'s characters in order, starting with its first: WE2 of WiseEye2
    (not 64GB of Jetson AGX Orin)."""
    if short[0] != name[0]:
        return False
    rest = iter(name)
    return all(ch in rest for ch in short)


def _series_prefix(model: str) -> str | None:
    """The letters of a model id before its final number: KND-A of KND-A2; None when shorter than
    two characters (C of C600 says little)."""
    m = _SERIES_PREFIX.fullmatch(model)
    return m.group(1) if m is not None and len(m.group(1)) >= 2 else None


def _sentence_starts(norm: str) -> list[int]:
    """Start offsets of the non-empty sentences (split after 。!? and at line breaks)."""
    starts = []
    begin = 0
    n = len(norm)
    for i, ch in enumerate(norm):
        if ch in _SENT_END or i == n - 1:
            if norm[begin:i + 1].strip(_SENT_END + " \t\u3000"):
                starts.append(begin)
            begin = i + 1
    return starts or [0]


def _sentence_end(norm: str, pos: int) -> int:
    ends = [k for k in (norm.find(ch, pos) for ch in _SENT_END) if k >= 0]
    return min(ends) if ends else len(norm)


def _word_regex(words: Sequence[str]) -> re.Pattern:
    alts = "|".join(re.escape(unicodedata.normalize("NFKC", w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z])(?:" + alts + r")(?![a-z])")


def _model_canonical(vendor: str, pat: _Pattern, model: str) -> str:
    """``vendor`` + the family and model as the pattern writes them: AMD MI355X, NVIDIA DRIVE Thor."""
    return f"{vendor} {pat.family}{pat.sep}{model}" if pat.family else f"{vendor} {model}"


def _family_model(pat: _Pattern, vendor: str, name: str) -> str | None:
    """The canonical of ``name`` read as a model of ``pat``'s family (950 after 昇騰, X Plus after
    Snapdragon X Elite), if the family's pattern takes it."""
    m = pat.regex.fullmatch(f"{pat.family}{pat.sep}{name}")
    if m is None or not m.groupdict().get("model"):
        return None
    return _model_canonical(vendor, pat, re.sub(r"\s+", " ", m.group("model")))


def _bare_model(model: str) -> str | None:
    """How an article names a family's model again without the family: MTT S4000 → S4000,
    XRING O1 → O1, DRIVE Thor → Thor, Jetson AGX Thor → Thor (the last word, a code name)."""
    if _has_letter_and_digit(model):
        return model
    words = model.split(" ")
    if len(words) >= 2 and _GRADE.fullmatch(words[-1]) and _CODE_NAME.fullmatch(words[-2]):
        return " ".join(words[-2:])  # Jetson Orin Nano → Orin Nano
    return words[-1] if _CODE_NAME.fullmatch(words[-1]) else None


def _family_and_model(name: str) -> tuple[str, str] | None:
    """Kagura K2 → (Kagura, K2): a name whose last word is a model id after a family."""
    family, _, model = name.rpartition(" ")
    return (family, model) if family and _has_letter_and_digit(model) else None


def _shape(model: str) -> str:
    """K2 → A9, MI355X → AA999A: how a model id is written, letters and digits apart."""
    return re.sub(r"[0-9]", "9", re.sub(r"[A-Za-z]", "A", model))


def _has_letter_and_digit(s: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in s) and any(c.isdigit() for c in s)


