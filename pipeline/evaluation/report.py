"""Reports a person reads: scores, every false positive / negative in its sentence, wrong norms.

``markdown_report`` gives Markdown (spans marked ⟦like this⟧); ``html_report`` a self-contained
HTML page with the spans highlighted the way displaCy's ``ent`` style does (no external assets).
``text_table`` is the plain summary that ``technews eval`` prints.
"""

from __future__ import annotations

import bisect
import html
import json
from collections import defaultdict
from typing import Any, Iterator, Mapping, Sequence

from ..chunking import sentence_bounds
from .gold import GoldDocument
from .scoring import Counts, Evaluation, SpanError

CONTEXT_CHARS = 120  # at most this many characters of the sentence on each side of a span
OPEN, CLOSE = "⟦", "⟧"

# displaCy's default entity colours for the nearest spaCy labels.
COLORS = {"COMPANY": "#7aecec", "CHIP": "#bfeeb7", "MONEY": "#e4e7d2", "PERCENT": "#e4e7d2"}
DEFAULT_COLOR = "#ddd"


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _value(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return repr(value)
    return str(value)


class _Contexts:
    """Sentence context of spans, from the gold text (sentence bounds computed once per document)."""

    def __init__(self, gold_docs: Sequence[GoldDocument]) -> None:
        self.docs = {d.id: d for d in gold_docs}
        self._bounds: dict[str, tuple[list[tuple[int, int]], list[int], list[int]]] = {}

    def around(self, doc_id: str, start: int, end: int) -> tuple[str, str, str]:
        """(text before the span, the span, text after) inside its sentence, clipped."""
        doc = self.docs[doc_id]
        text = doc.text
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if doc_id not in self._bounds:
            bounds = sentence_bounds(text)
            self._bounds[doc_id] = (bounds, [b[0] for b in bounds], [b[1] for b in bounds])
        bounds, starts, ends = self._bounds[doc_id]
        i = bisect.bisect_right(ends, start)
        k = bisect.bisect_left(starts, end) - 1
        first = bounds[i] if i < len(bounds) else None
        last = bounds[k] if k >= 0 else None
        s_start = min(first[0], start) if first else start
        s_end = max(last[1], end) if last else end
        before = text[max(s_start, start - CONTEXT_CHARS):start]
        after = text[end:min(s_end, end + CONTEXT_CHARS)]
        if start - CONTEXT_CHARS > s_start:
            before = "…" + before
        if end + CONTEXT_CHARS < s_end:
            after = after + "…"
        return before, text[start:end], after


def _rows(evaluation: Evaluation) -> list[tuple[str, Counts, Counts]]:
    rows = [(label, evaluation.exact[label], evaluation.overlap[label]) for label in evaluation.labels]
    if len(rows) > 1:
        rows.append(("all (micro)", evaluation.micro("exact"), evaluation.micro("overlap")))
    return rows


def text_table(evaluation: Evaluation, *, title: str | None = None) -> str:
    """A plain-text summary table (exact and overlap) for the terminal."""
    head = (f"{'label':<12} {'gold':>6} {'pred':>6} {'tp':>6} {'fp':>6} {'fn':>6} {'P':>6} {'R':>6} {'F1':>6}"
            f" | {'P~':>6} {'R~':>6} {'F1~':>6} | {'norm':>6}")
    lines = [title] if title else []
    lines += [head, "-" * len(head)]
    for label, ex, ov in _rows(evaluation):
        norm = _fmt(ex.norm_accuracy)
        if ex.norm_total:
            norm += f" ({ex.norm_correct}/{ex.norm_total})"
        lines.append(f"{label:<12} {ex.tp + ex.fn:>6} {ex.tp + ex.fp:>6} {ex.tp:>6} {ex.fp:>6} {ex.fn:>6} "
                     f"{_fmt(ex.precision):>6} {_fmt(ex.recall):>6} {_fmt(ex.f1):>6} | {_fmt(ov.precision):>6} "
                     f"{_fmt(ov.recall):>6} {_fmt(ov.f1):>6} | {norm:>6}")
    lines.append("P R F1: exact span match; P~ R~ F1~: overlap match; norm: normalisation accuracy on exact "
                 "matches with gold norm")
    return "\n".join(lines)


def _notes(evaluation: Evaluation) -> list[str]:
    notes = []
    if not evaluation.labels:
        notes.append("The gold uses none of the labels to score: nothing was scored.")
    if evaluation.ignored_documents:
        shown = ", ".join(evaluation.ignored_documents[:5])
        more = " …" if len(evaluation.ignored_documents) > 5 else ""
        notes.append(f"{len(evaluation.ignored_documents)} predicted document(s) not in the gold were ignored "
                     f"({shown}{more}).")
    if evaluation.text_mismatches:
        p, there = evaluation.text_mismatches[0]
        notes.append(f"{len(evaluation.text_mismatches)} prediction(s) whose text differs from the gold text at "
                     f"their offsets (first: {p.doc_id} [{p.start}, {p.end}) predicted {p.text!r}, gold text "
                     f"{there!r}): was the run made on the same texts?")
    return notes


def _nearby_text(error: SpanError) -> str:
    if not error.nearby:
        return ""
    side = "gold" if error.kind == "FP" else "predicted"
    parts = [f"{label} {text!r} [{s}, {e})" for s, e, label, text in error.nearby]
    return f"{side} here: " + "; ".join(parts)


def _errors_by_label(evaluation: Evaluation) -> Iterator[tuple[str, int, int, list[SpanError]]]:
    """(label, false positives, false negatives, errors) for each scored label that has errors."""
    grouped: dict[str, list[SpanError]] = defaultdict(list)
    for error in evaluation.errors:
        grouped[error.label].append(error)
    for label in evaluation.labels:
        errors = grouped.get(label, [])
        if errors:
            n_fp = sum(e.kind == "FP" for e in errors)
            yield label, n_fp, len(errors) - n_fp, errors


# --------------------------------------------------------------------------- Markdown


def _md_escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for ch in "`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r", " ").replace("\n", " ⏎ ")


def markdown_report(evaluation: Evaluation, gold_docs: Sequence[GoldDocument], *, title: str = "Evaluation report",
                    source: Mapping[str, str] | None = None) -> str:
    ctx = _Contexts(gold_docs)
    out = [f"# {title}", ""]
    for key, value in (source or {}).items():
        out.append(f"- {key}: `{value}`")
    out.append(f"- gold documents: {evaluation.n_documents}; labels scored: {', '.join(evaluation.labels) or 'none'}")
    for note in _notes(evaluation):
        out.append(f"- note: {_md_escape(note)}")
    out += ["", "## Scores", "",
            "| label | gold | predicted | tp | fp | fn | precision | recall | F1 | overlap P | overlap R | overlap F1 "
            "| norm accuracy |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, ex, ov in _rows(evaluation):
        norm = _fmt(ex.norm_accuracy) + (f" ({ex.norm_correct}/{ex.norm_total})" if ex.norm_total else "")
        out.append(f"| {label} | {ex.tp + ex.fn} | {ex.tp + ex.fp} | {ex.tp} | {ex.fp} | {ex.fn} | "
                   f"{_fmt(ex.precision)} | {_fmt(ex.recall)} | {_fmt(ex.f1)} | {_fmt(ov.precision)} | "
                   f"{_fmt(ov.recall)} | {_fmt(ov.f1)} | {norm} |")
    out += ["", "Exact: same start, end and label. Overlap: same label and at least one shared character "
                "(one-to-one). Norm accuracy: exact matches whose gold has `norm`, all its fields equal.", ""]

    out += ["## False positives and false negatives", ""]
    if not evaluation.errors:
        out += ["None.", ""]
    for label, n_fp, n_fn, errors in _errors_by_label(evaluation):
        out += [f"### {label}: {n_fp} false positive(s), {n_fn} false negative(s)", ""]
        for e in errors:
            before, span, after = ctx.around(e.doc_id, e.start, e.end)
            what = "predicted, not in gold" if e.kind == "FP" else "in gold, not predicted"
            line = (f"- **{e.kind}** ({what}) `{_md_escape(e.doc_id)}` [{e.start}, {e.end}): "
                    f"{_md_escape(before)}**{OPEN}{_md_escape(span)}{CLOSE}**{_md_escape(after)}")
            nearby = _nearby_text(e)
            if nearby:
                line += f"  \n  ↳ {_md_escape(nearby)}"
            out.append(line)
        out.append("")

    out += ["## Wrong normalisations", ""]
    if not evaluation.norm_errors:
        out += ["None.", ""]
    else:
        out += ["| document | label | span | field | gold | predicted |", "|---|---|---|---|---|---|"]
        for n in evaluation.norm_errors:
            for name in n.gold:
                mark = " ✗" if name in n.fields else ""
                out.append(f"| {_md_escape(n.doc_id)} [{n.start}, {n.end}) | {n.label} | {_md_escape(n.text)} | "
                           f"{name}{mark} | {_md_escape(_value(n.gold[name]))} | "
                           f"{_md_escape(_value(n.predicted.get(name)))} |")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- HTML

_CSS = """
body { font-family: -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", sans-serif; margin: 2em;
       color: #222; max-width: 70em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: right; }
th:first-child, td:first-child, td.l { text-align: left; }
.entities { line-height: 2.5; direction: ltr; margin: 0.3em 0 1.2em 0; }
.entity { padding: 0.45em 0.6em; margin: 0 0.25em; line-height: 1; border-radius: 0.35em; }
.entity .tag { font-size: 0.8em; font-weight: bold; line-height: 1; border-radius: 0.35em;
               vertical-align: middle; margin-left: 0.5rem; }
.FP { outline: 2px solid #d33; }
.FN { outline: 2px dashed #36c; }
.kind-FP { color: #d33; font-weight: bold; }
.kind-FN { color: #36c; font-weight: bold; }
.meta { color: #666; font-size: 0.9em; }
.wrong { background: #fdd; }
"""


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _mark(span: str, label: str, kind: str) -> str:
    color = COLORS.get(label, DEFAULT_COLOR)
    return (f'<mark class="entity {kind}" style="background: {color};">{_esc(span)}'
            f'<span class="tag">{_esc(label)} · {kind}</span></mark>')


def html_report(evaluation: Evaluation, gold_docs: Sequence[GoldDocument], *, title: str = "Evaluation report",
                source: Mapping[str, str] | None = None) -> str:
    ctx = _Contexts(gold_docs)
    out = ["<!DOCTYPE html>", '<html lang="ja">', "<head>", '<meta charset="utf-8">', f"<title>{_esc(title)}</title>",
           f"<style>{_CSS}</style>", "</head>", "<body>", f"<h1>{_esc(title)}</h1>", "<ul>"]
    for key, value in (source or {}).items():
        out.append(f"<li>{_esc(key)}: <code>{_esc(value)}</code></li>")
    out.append(f"<li>gold documents: {evaluation.n_documents}; labels scored: "
               f"{_esc(', '.join(evaluation.labels) or 'none')}</li>")
    for note in _notes(evaluation):
        out.append(f"<li>note: {_esc(note)}</li>")
    out += ["</ul>", "<h2>Scores</h2>", "<table>",
            "<tr><th>label</th><th>gold</th><th>predicted</th><th>tp</th><th>fp</th><th>fn</th><th>precision</th>"
            "<th>recall</th><th>F1</th><th>overlap P</th><th>overlap R</th><th>overlap F1</th>"
            "<th>norm accuracy</th></tr>"]
    for label, ex, ov in _rows(evaluation):
        norm = _fmt(ex.norm_accuracy) + (f" ({ex.norm_correct}/{ex.norm_total})" if ex.norm_total else "")
        cells = [ex.tp + ex.fn, ex.tp + ex.fp, ex.tp, ex.fp, ex.fn, _fmt(ex.precision), _fmt(ex.recall),
                 _fmt(ex.f1), _fmt(ov.precision), _fmt(ov.recall), _fmt(ov.f1), norm]
        out.append(f"<tr><td>{_esc(label)}</td>" + "".join(f"<td>{_esc(c)}</td>" for c in cells) + "</tr>")
    out += ["</table>",
            '<p class="meta">Exact: same start, end and label. Overlap: same label and at least one shared '
            "character (one-to-one). Norm accuracy: exact matches whose gold has a norm, all its fields equal. "
            '<span class="kind-FP">FP</span> (solid red outline): predicted, not in the gold. '
            '<span class="kind-FN">FN</span> (dashed blue outline): in the gold, not predicted.</p>',
            "<h2>False positives and false negatives</h2>"]
    if not evaluation.errors:
        out.append("<p>None.</p>")
    for label, n_fp, n_fn, errors in _errors_by_label(evaluation):
        out.append(f"<h3>{_esc(label)}: {n_fp} false positive(s), {n_fn} false negative(s)</h3>")
        for e in errors:
            before, span, after = ctx.around(e.doc_id, e.start, e.end)
            nearby = _nearby_text(e)
            out.append(f'<div class="meta"><span class="kind-{e.kind}">{e.kind}</span> {_esc(e.doc_id)} '
                       f"[{e.start}, {e.end})" + (f" — {_esc(nearby)}" if nearby else "") + "</div>")
            out.append(f'<div class="entities">{_esc(before)}{_mark(span, e.label, e.kind)}{_esc(after)}</div>')

    out.append("<h2>Wrong normalisations</h2>")
    if not evaluation.norm_errors:
        out.append("<p>None.</p>")
    else:
        out += ["<table>", "<tr><th>document</th><th>label</th><th>span</th><th>field</th><th>gold</th>"
                           "<th>predicted</th></tr>"]
        for n in evaluation.norm_errors:
            for name in n.gold:
                cls = ' class="l wrong"' if name in n.fields else ' class="l"'
                out.append(f'<tr><td>{_esc(n.doc_id)} [{n.start}, {n.end})</td><td class="l">{_esc(n.label)}</td>'
                           f'<td class="l">{_esc(n.text)}</td><td{cls}>{_esc(name)}</td>'
                           f"<td{cls}>{_esc(_value(n.gold[name]))}</td>"
                           f"<td{cls}>{_esc(_value(n.predicted.get(name)))}</td></tr>")
        out.append("</table>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def json_report(evaluation: Evaluation) -> str:
    return json.dumps(evaluation.to_json(), ensure_ascii=False, indent=2, sort_keys=False)
