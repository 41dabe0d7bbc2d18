"""Quotes: who said what, as spans into the document text.

Direct quotes in «», „“, “”, "" (nested marks inside are part of the quote),
with the cue and speaker after ("«…», — зазначив Рютте") or before ("заявив
X: «…»", "X: «…»"), over several sentences and paragraphs; dialogue dashes
("— …, — сказав він."); indirect speech ("X заявив, що …", "Про це заявив X",
"За словами X, …", "Як повідомив X, …", "X вважає, що …", "…, заявив X.");
mixed quotes (indirect speech holding a quoted fragment).

The speaker is the entity whose mention — a name, or a role, pronoun or
surname mention added by coreference — is the subject next to the cue. When
no entity names the speaker, ``speaker`` is None and ``speaker_text`` holds the
words that do ("джерело в уряді"). Cues and markers are per-language data
(``lang/<code>/speech.py``), verbs matched by lemma so that every form counts.
A medium reporting the story ("повідомляє кореспондент Укрінформу") is not a
speaker: such attributions give no quote.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .. import lang
from ..analysis.morphology import has_morphology, parse
from ..analysis.tree import DependencyTree, rel
from ..model import Document, Entity, Mention, Offsets, Quote
from .outlets import is_outlet, media_names
from .roles import MentionIndex, Tok, normalise, regions, sentences_in, tokens

_OPENERS = {"«": "»", "„": "“”", "“": "”", '"': '"', "‹": "›"}
_END = ".!?…"
_DASHES = "—–-"


# --------------------------------------------------------------------------- quotation marks

def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (opening mark to closing mark, inclusive) of quotations in ``text[start:end]``,
    nested ones included. A quotation left open at a paragraph's end continues when the
    next paragraph opens with the same mark (the typographic convention for long
    quotes), else it ends with its paragraph."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch == "\n":
            if stack:
                j = i + 1
                while j < end and text[j] in " \t\r\n":
                    j += 1
                if j < end and text[j] == stack[0][0]:  # the quotation goes on
                    i = j + 1
                    continue
                line_end = i
                while stack:
                    mark, pos = stack.pop()
                    out.append((pos, line_end))
        elif ch == '"':
            if stack and stack[-1][0] == '"':
                out.append((stack.pop()[1], i + 1))
            elif (prev.isspace() or prev in "([—–-«„:") and not nxt.isspace():
                stack.append((ch, i))
        elif ch in "«„‹":
            stack.append((ch, i))
        elif ch == "“":
            if stack and stack[-1][0] == "„":
                out.append((stack.pop()[1], i + 1))
            elif (prev.isspace() or prev in "([—–-«:") and not nxt.isspace():
                stack.append((ch, i))
        elif ch == "”":
            if stack and stack[-1][0] in "“„":
                out.append((stack.pop()[1], i + 1))
        elif ch in "»›":
            opener = "«" if ch == "»" else "‹"
            if any(m == opener for m, _ in stack):
                while stack:
                    mark, pos = stack.pop()
                    if mark == opener:
                        out.append((pos, i + 1))
                        break
        i += 1
    while stack:
        mark, pos = stack.pop()
        j = text.find("\n", pos, end)
        out.append((pos, j if j >= 0 else end))
    return sorted(out)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


def _runs(doc: Document) -> list[tuple[int, int, str | None]]:
    """Consecutive article segments joined: a quotation may run over paragraphs."""
    runs: list[list] = []
    for start, end, language, _ in regions(doc):
        if runs and not doc.text[runs[-1][1] : start].strip() and runs[-1][2] == language:
            runs[-1][1] = end
        else:
            runs.append([start, end, language])
    return [tuple(r) for r in runs]


def _inner(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The content of a quotation: without its marks and outer spaces."""
    s, e = span
    s += 1
    if e > s and text[e - 1] in "»”“\"›":
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# --------------------------------------------------------------------------- the stage

class _Context:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.index = MentionIndex(doc.entities)
        self.quoted: list[tuple[int, int]] = []
        names = [(m.start, m.end) for e in doc.entities for m in e.mentions]
        for start, end, _ in _runs(doc):
            # a name in quotation marks ("У “Газпромі” стверджують", "ПАТ «Газпром»") is a
            # name, not a quotation: its words can speak
            self.quoted.extend(q for q in quoted_spans(doc.text, start, end)
                               if not any(a <= q[0] + 1 and q[1] - 1 <= b for a, b in names))
        self.used_cues: set[int] = set()
        self.quotes: list[Quote] = []
        self._trees: dict[int, DependencyTree] = {}
        # what the parse says of each word, by where it starts: finite verbs, verbs whose
        # subject follows them, and where each word's head starts (None for a root)
        self._finite: set[int] = set()
        self._inverted: set[int] = set()
        self._heads: dict[int, int | None] = {}
        for sent in doc.sentences:
            for t in sent.tokens:
                if t.upos in ("VERB", "AUX") and t.feature("VerbForm") == "Fin":
                    self._finite.add(t.start)
                if t.head is None:
                    continue
                head = sent.tokens[t.head - 1] if 0 < t.head <= len(sent.tokens) else None
                self._heads[t.start] = head.start if head is not None else None
                if t.deprel == "nsubj" and head is not None and head.id < t.id:
                    self._inverted.add(head.start)

    def finite(self, start: int) -> bool:
        """Whether the word at ``start`` is a finite verb by the parse."""
        return start in self._finite

    def inverted(self, start: int) -> bool:
        """Whether the verb at ``start`` has its subject after it ("сказал О'Лири")."""
        return start in self._inverted

    def head(self, start: int) -> int | None:
        """Where the head of the word at ``start`` begins; None for a root or without a parse."""
        return self._heads.get(start)

    def tree(self, sentence) -> DependencyTree | None:
        """The parse of a sentence, built once for every reader of it; None without a parse."""
        if not _parsed(sentence):
            return None
        if sentence.start not in self._trees:
            self._trees[sentence.start] = DependencyTree(sentence)
        return self._trees[sentence.start]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(a < start and end <= b for a, b in self.quoted)

    def covered(self, start: int, end: int, cue: int | None = None) -> bool:
        """Already the content of a quote found; not when the cue of this one stands inside
        that content ("ЗМІ повідомили, що Барньє запропонував продовжити …": Barnier's own
        proposal inside the media's report, a quote of its own)."""
        for q in self.quotes:
            a, b = q.content.start, q.content.end
            if cue is not None and a <= cue < b and a <= start and end <= b:
                continue
            if min(b, end) - max(a, start) > 0.5 * (end - start):
                return True
        return False


def quotes(doc: Document) -> Document:
    """Return ``doc`` with ``quotes`` filled (direct, indirect, mixed)."""
    ctx = _Context(doc)
    for start, end, language in _runs(doc):
        _direct(ctx, start, end, language)
        _dialogue(ctx, start, end, language)
    for start, end, language, kind in regions(doc):
        for s_start, s_end in sentences_in(doc, start, end):
            _indirect(ctx, s_start, s_end, language, start, kind)
    for start, end, language, kind in regions(doc, frozenset({"title"})):
        _headline(ctx, start, end, language)
    by_span = {(s.start, s.end): s for s in doc.sentences}
    for start, end, language, kind in regions(doc):
        for s_start, s_end in sentences_in(doc, start, end):
            if (s_start, s_end) in by_span:
                _syntactic(ctx, by_span[(s_start, s_end)], language)
    found = sorted(ctx.quotes, key=lambda q: q.content.start)
    return replace(doc, quotes=found)


def _headline(ctx: _Context, start: int, end: int, language) -> None:
    """"Тереза Мей: Brexit відбудеться вчасно", "«Нафтогаз»: …": a headline that opens
    with a person's or an organisation's name and a colon gives what they said (the
    colon is the cue). A place before the colon is the story's setting ("Пакистан: …"),
    not a speaker, and an outlet's name is the report, not the source."""
    text = ctx.text
    head = len(text[start:end]) - len(text[start:end].lstrip(" «\"“„'"))
    first = None
    for e in ctx.doc.entities:
        if e.type in ("PER", "ORG"):
            for m in e.mentions:
                if m.start == start + head:
                    first = (e, m)
    if first is None:
        return
    entity, m = first
    k = m.end
    while k < end and text[k] in " »\"”'":
        k += 1
    if k >= end or text[k] != ":" or ctx.in_quote(k):
        return
    rest = text[k + 1:end]
    if len(rest.split()) < 3 or ctx.covered(k + 1, end):
        return
    _emit(ctx, "indirect", (k, k + 1), (k + 1, end), _who(ctx, entity, m), 0.7, language)


def _cues(language) -> tuple[frozenset, frozenset]:
    speech = lang.of(language).speech
    return speech.SPEECH_VERBS, speech.OPINION_WORDS


def _is_cue(tok: Tok, language, opinion: bool = True) -> bool:
    if not tok.is_word:
        return False
    verbs, opinions = _cues(language)
    if tok.lemma in verbs or tok.low in verbs:
        if has_morphology(language):
            # a noun homonym is no cue
            return any(p.tag.POS in {"VERB", "GRND", "PRTS"} for p in parse(tok.low, language))
        return True
    return opinion and (tok.lemma in opinions or tok.low in opinions)


def _emit(ctx: _Context, kind: str, cue: tuple[int, int], content: tuple[int, int], who, confidence: float,
          language) -> None:
    s, e = content
    text = ctx.text
    while s < e and (text[s].isspace() or text[s] in ",:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",:;—–-"):
        e -= 1
    if e - s < 3:
        return
    entity, words, span, via = who[:4]
    if via == "media":
        return
    if kind == "indirect" and any(s <= a and b <= e and b - a > 3 for a, b in ctx.quoted):
        kind = "mixed"
    if entity is None:
        confidence = min(confidence, 0.5)
    elif via in {"pronoun", "role", "surname"}:
        confidence -= 0.05
    ctx.quotes.append(Quote(
        kind=kind,
        speaker=entity,
        speaker_text=words if entity is None else None,
        speaker_mention=Offsets(*span) if span else None,
        cue=Offsets(*cue),
        content=Offsets(s, e),
        confidence=round(confidence, 2),
        language=language,
    ))
    ctx.used_cues.add(cue[0])


# --------------------------------------------------------------------------- speakers

def _plural_verb(tok: Tok, language) -> bool:
    if not has_morphology(language):
        return False
    verbs = [p for p in parse(tok.low, language) if p.tag.POS == "VERB"]
    return bool(verbs) and all("plur" in p.tag for p in verbs)


def _oblique_modifier(tok: Tok, language) -> bool:
    """An adjective or participle that cannot be nominative ("40-летнюю Гиффордс")."""
    if not tok.is_word or not has_morphology(language):
        return False
    ps = parse(tok.low, language)
    return bool(ps) and all(p.tag.POS in {"ADJF", "PRTF"} for p in ps) and \
        not any(p.tag.case == "nomn" for p in ps)


def _noun(tok: Tok, language) -> bool:
    if not tok.is_word or not has_morphology(language):
        return False
    ps = parse(tok.low, language)
    return bool(ps) and ps[0].tag.POS == "NOUN"


_NOBODY = (None, None, None, None)


def _nominative(ctx: _Context, m: Mention, language) -> bool:
    if normalise(m.text) == normalise(m.lemma or m.text):
        return True
    if not has_morphology(language):
        return True
    head = m.text.split()[0].lower()
    return any(p.tag.case == "nomn" for p in parse(head, language))


def _candidates(ctx: _Context, toks: list[Tok], lo: int, hi: int, language, any_case: bool = False) -> list:
    """Mentions inside toks[lo:hi] that may be a subject: (position, priority, item)."""
    if lo >= hi:
        return []
    speech = lang.of(language).speech
    out = []
    seen_ends = []
    for start, end, entity, m in ctx.index.within(toks[lo].start, toks[hi - 1].end):
        if ctx.in_quote(start, end):
            continue
        if any(a <= start and end <= b for a, b in seen_ends):
            continue  # "НАТО" inside "генеральний секретар НАТО"
        k = next(i for i in range(lo, hi) if toks[i].end > start)
        prev = toks[k - 1].low if k > 0 else ""
        after_prep = prev in speech.PREPOSITIONS
        if any_case:
            seen_ends.append((start, end))
            out.append((start, end, 0 if entity.type == "PER" else 1, entity, m))
            continue
        if entity.type == "PER":
            seen_ends.append((start, end))
            if after_prep or not _nominative(ctx, m, language):
                continue
            if k > 0 and _oblique_modifier(toks[k - 1], language):
                continue
            rank = 0
        else:
            if after_prep and prev not in speech.LOCATIVE_SPEAKER_PREPOSITIONS:
                continue
            if not after_prep and not _nominative(ctx, m, language):
                continue
            if not after_prep and k > 0 and _noun(toks[k - 1], language):
                continue  # a genitive complement: "канцлером ФРН", "міністр оборони Японії"
            rank = 2 if after_prep else 1
        seen_ends.append((start, end))
        out.append((start, end, rank, entity, m))
    return out


def _who(ctx: _Context, entity: Entity, m: Mention) -> tuple:
    if is_outlet(entity, m.text):
        return (None, m.text, (m.start, m.end), "media", entity.id)
    return (entity.id, m.text, (m.start, m.end), m.kind)


def _cited(who: tuple) -> tuple:
    """An outlet named by a citing form ("За даними Reuters", "Как отмечает Reuters, …")
    is a source the story quotes, not the outlet that reports the story."""
    if who[3] != "media":
        return who
    return (who[4], who[1], who[2], "name") if len(who) > 4 else (None, who[1], who[2], "text")


def _relays(ctx: _Context, who: tuple, content: tuple[int, int], language) -> bool:
    """An outlet that relays what someone else said ("Как передает ТАСС, она сообщила,
    что …", "Як повідомляють ЗМІ, ФБР попередило …"): the one who spoke is the speaker
    (GUIDELINES: "цитує X" gives the quoted person), so the outlet gives no quote."""
    if who[3] != "media":
        return False
    return any(_is_cue(t, language, opinion=False) for t in tokens(ctx.doc, *content, language))


def _citing(ctx: _Context, who: tuple, content: tuple[int, int], language) -> tuple | None:
    """The speaker of a citing form ("За словами X", "Як повідомив X"): an outlet as the
    source it is (``_cited``), or None when it only relays someone speaking in the content."""
    return None if _relays(ctx, who, content, language) else _cited(who)


def _possessor(ctx: _Context, toks: list[Tok], lo: int, hi: int, language) -> tuple | None:
    """The speaker a marker names by its possessive ("по *его* словам"), when coreference
    resolved the pronoun to an entity; None otherwise."""
    possessives = lang.of(language).pronouns.POSSESSIVE_PRONOUNS
    for t in toks[lo:hi]:
        if t.low in possessives:
            for start, end, entity, m in ctx.index.within(t.start, t.end):
                return _who(ctx, entity, m)
    return None


def _speaker(ctx: _Context, toks: list[Tok], cue: int, lo: int, hi: int, language,
             prefer: str = "auto", any_case: bool = False) -> tuple:
    """(entity id, words, span, via) of the subject of the cue at toks[cue]
    (``any_case``: of the marker, "За словами Рютте")."""
    left = _candidates(ctx, toks, lo, cue, language)
    right = _candidates(ctx, toks, cue + 1, hi, language, any_case)
    if cue < len(toks) and _plural_verb(toks[cue], language):
        # "говорят", "заявили": a person alone is not the subject
        left = [c for c in left if c[3].type != "PER"]
        right = [c for c in right if c[3].type != "PER"]
    best_right = min(right, key=lambda c: (c[2] > 0, c[2], c[0])) if right else None
    best_left = min(left, key=lambda c: (c[2] > 0, c[2], -c[1])) if left else None
    if best_left is not None and prefer != "right":
        gap = sum(1 for t in toks[lo:cue] if t.start >= best_left[1] and t.is_word)
        if gap <= 2 or prefer == "left" or best_right is None:
            return _who(ctx, best_left[3], best_left[4])
    if best_right is not None and best_right[2] < 2:
        return _who(ctx, best_right[3], best_right[4])
    if best_left is not None:
        return _who(ctx, best_left[3], best_left[4])
    if best_right is not None:
        return _who(ctx, best_right[3], best_right[4])
    # no entity: the noun phrase naming the speaker ("джерело в уряді")
    if prefer != "left":
        np = _noun_phrase(ctx, toks[cue + 1 : hi], language)
        if np:
            return np
    if prefer != "right":
        return _noun_phrase(ctx, toks[lo:cue], language, left=True) or _NOBODY
    return _NOBODY


def _noun_phrase(ctx: _Context, toks: list[Tok], language, left: bool = False) -> tuple | None:
    speech = lang.of(language).speech
    words: list[Tok] = []
    for t in toks:
        if not t.is_word or t.low in speech.COMPLEMENTIZERS:
            break
        words.append(t)
    if left:
        # the subject before the cue: the words after the last clause mark
        words = []
        for t in reversed(toks):
            if not t.is_word:
                break
            words.insert(0, t)
    if not words or len(words) > 6:
        return None
    if has_morphology(language) and any(parse(t.low, language)[0].tag.POS == "VERB" for t in words):
        return None
    head = words[0]
    if head.low in lang.of(language).pronouns.RELATIVE_PRONOUNS:
        return None  # a relative pronoun: its antecedent is not resolved here
    if has_morphology(language):
        ps = parse(head.low, language)
        if not any(p.tag.POS in {"NOUN", "ADJF", "NPRO", "PRTF"} and p.tag.case == "nomn" for p in ps):
            return None
        if ps and ps[0].tag.POS == "CONJ":
            return None  # "… та висловила": a conjunction, the subject is the first conjunct's
        if head.low in speech.PREPOSITIONS:
            return None
    span = (words[0].start, words[-1].end)
    text = ctx.text[span[0] : span[1]]
    nouns = {t.lemma for t in words}
    if nouns & speech.MEDIA_HEADS:
        return (None, text, span, "media")
    return (None, text, span, "text")


# --------------------------------------------------------------------------- direct quotes

def _clause_tokens(ctx: _Context, start: int, limit: int, language) -> list[Tok]:
    """Tokens from ``start`` to the end of the sentence (or line), not past ``limit``."""
    toks = []
    for t in tokens(ctx.doc, start, limit, language):
        if t.text[0] in _END or t.text[0] in "«„“\"" or "\n" in ctx.text[toks[-1].end if toks else start : t.start]:
            break
        toks.append(t)
    return toks


def _direct(ctx: _Context, start: int, end: int, language) -> None:
    text = ctx.text
    for span in _outermost([q for q in ctx.quoted if start <= q[0] < end]):
        content = _inner(text, span)
        if len(re.findall(r"\w+", text[content[0] : content[1]])) < 3:
            continue  # a name or a term in quotes, not a quotation
        if _inner_attribution(ctx, content, language):
            continue
        if _after_quote(ctx, span, content, end, language):
            continue
        _before_quote(ctx, span, content, start, language)


def _inner_attribution(ctx: _Context, content, language) -> bool:
    """"«Это шаг вперёд, — сказал Эрдоган. — Мы хотим …»": the attribution inside the marks."""
    text = ctx.text
    for m in re.finditer(r"[,.!?…][ \t]+[—–][ \t]+", text[content[0] : content[1]]):
        pos = content[0] + m.end()
        toks = _clause_tokens(ctx, pos, content[1], language)
        if not toks:
            continue
        after = text[toks[-1].end : toks[-1].end + 4]
        if not re.match(r"[.,:!?]?[ \t]+[—–]", after):
            continue
        words = [i for i, t in enumerate(toks) if t.is_word]
        cue = next((i for i in words[:4] if _is_cue(toks[i], language)), None)
        if cue is None:
            continue
        saved = ctx.quoted  # the attribution stands inside the marks of this very quotation
        ctx.quoted = [q for q in saved if not (q[0] < content[0] and content[1] <= q[1])]
        try:
            who = _speaker(ctx, toks, cue, 0, len(toks), language)
        finally:
            ctx.quoted = saved
        _emit(ctx, "direct", (toks[cue].start, toks[cue].end), content, who, 0.85, language)
        return True
    return False


def _after_quote(ctx: _Context, span, content, limit: int, language) -> bool:
    text = ctx.text
    m = re.compile(r"[ \t]*([,.!?…]?)[ \t]*([—–-]?)[ \t]*").match(text, span[1], limit)
    pos = m.end()
    inner_comma = text[span[1] - 2 : span[1] - 1] in {",", "!", "?"} if span[1] - span[0] > 2 else False
    if not (m.group(1) == "," or m.group(2) or inner_comma):
        return False
    toks = _clause_tokens(ctx, pos, min(limit, pos + 300), language)
    words = [i for i, t in enumerate(toks) if t.is_word]
    cue = next((i for i in words[:5] if _is_cue(toks[i], language)), None)
    if cue is None:
        return False
    who = _speaker(ctx, toks, cue, 0, len(toks), language)
    if who[0] is None and who[1] is None:
        # the speaker is the subject of the cue's verb ("Речник Єврокомісії заявив про
        # «…», утім додав, що …": of "заявив"), else of the sentence the quotation stands in
        subject = _cue_subject(ctx, toks[cue], language)
        who = subject if subject is not None and (subject[0] or subject[1]) else _left_of_quote(ctx, span, language)
    _emit(ctx, "direct", (toks[cue].start, toks[cue].end), content, who, 0.9, language)
    return True


def _cue_subject(ctx: _Context, cue: Tok, language) -> tuple | None:
    """The speaker the parse gives a cue word: its verb's subject, or that of the verb it is
    coordinated with; None without a parse or a subject."""
    sent = next((s for s in ctx.doc.sentences if s.start <= cue.start < s.end), None)
    tree = ctx.tree(sent) if sent is not None else None
    if tree is None:
        return None
    verb = next((t for t in tree.tokens if t.start == cue.start), None)
    who = _subject_speaker(ctx, tree, verb, language) if verb is not None else None
    relative = lang.of(language).pronouns.RELATIVE_PRONOUNS
    if who is not None and who[0] is None and who[1] is not None and normalise(who[1]) in relative:
        return None  # "хто": the antecedent is not resolved here; the words before the quotation may name it
    return who


def _left_of_quote(ctx: _Context, span, language) -> tuple:
    text = ctx.text
    line_start = text.rfind("\n", 0, span[0]) + 1
    toks = tokens(ctx.doc, line_start, span[0], language)
    return _speaker(ctx, toks, len(toks), 0, len(toks), language, prefer="left") if toks else _NOBODY


def _before_quote(ctx: _Context, span, content, run_start: int, language) -> bool:
    """"Рютте заявив: «…»", "Рютте: «…»", or that clause ending the previous paragraph."""
    text = ctx.text
    j = span[0]
    while j > run_start and text[j - 1] in " \t\r\n—–":
        j -= 1
    if j <= run_start or text[j - 1] != ":":
        return False
    colon = j - 1
    k = colon
    while k > run_start and text[k - 1] not in ".!?\n»”":
        k -= 1
    toks = tokens(ctx.doc, k, colon, language)
    if not toks:
        return False
    cue = next((i for i in range(len(toks) - 1, -1, -1) if _is_cue(toks[i], language)), None)
    if cue is not None:
        who = _speaker(ctx, toks, cue, 0, len(toks), language)
        _emit(ctx, "direct", (toks[cue].start, toks[cue].end), content, who, 0.9, language)
        return True
    # "Рютте: «…»": the clause is the speaker's name alone
    words = [t for t in toks if t.is_word]
    if 0 < len(words) <= 6:
        cands = _candidates(ctx, toks, 0, len(toks), language)
        per = [c for c in cands if c[3].type == "PER" and c[1] == toks[-1].end]
        if per:
            who = _who(ctx, per[0][3], per[0][4])
            _emit(ctx, "direct", (colon, colon + 1), content, who, 0.8, language)
            return True
    return False


def _dialogue(ctx: _Context, start: int, end: int, language) -> None:
    """"— Ми готові, — сказав він.": a paragraph of direct speech opened by a dash."""
    text = ctx.text
    for line in re.finditer(r"(?m)^[ \t]*[—–][ \t]+(.+)$", text[start:end]):
        s = start + line.start(1)
        e = start + line.end(1)
        for m in re.finditer(r"[,.!?…][ \t]+[—–][ \t]+", text[s:e]):
            pos = s + m.end()
            toks = _clause_tokens(ctx, pos, e, language)
            words = [i for i, t in enumerate(toks) if t.is_word]
            cue = next((i for i in words[:4] if _is_cue(toks[i], language)), None)
            if cue is None or toks[cue].start in ctx.used_cues or ctx.in_quote(pos):
                continue
            content = (s, s + m.start() + (0 if text[s + m.start()] == "," else 1))
            who = _speaker(ctx, toks, cue, 0, len(toks), language)
            _emit(ctx, "direct", (toks[cue].start, toks[cue].end), content, who, 0.85, language)
            break


# --------------------------------------------------------------------------- indirect speech

def _strip_end(text: str, end: int, start: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in _END):
        end -= 1
    return end


def _starts(toks: list[Tok], i: int, seq: tuple[str, ...]) -> bool:
    return i + len(seq) <= len(toks) and all(toks[i + k].low == w for k, w in enumerate(seq))


def _clause_start(toks: list[Tok], i: int) -> int:
    """Index of the first token of the clause holding toks[i]."""
    k = i
    while k > 0 and toks[k - 1].text not in {",", ";", ":", "—", "–", "(", ")"}:
        k -= 1
    return k


def _indirect(ctx: _Context, s_start: int, s_end: int, language, seg_start: int, seg_kind: str) -> None:
    text = ctx.text
    if ctx.covered(s_start, s_end):
        return
    speech = lang.of(language).speech
    toks = tokens(ctx.doc, s_start, s_end, language)
    end = _strip_end(text, s_end, s_start)
    n = len(toks)
    done = False
    # "За словами X, …" / "…, за словами X."
    for i in range(n):
        for marker in speech.ACCORDING_TO:
            if not _starts(toks, i, marker) or ctx.in_quote(toks[i].start):
                continue
            j = i + len(marker)
            stop = next((k for k in range(j, n) if toks[k].text in {",", ";", ":"} or toks[k].text[0] in _END), n)
            who = _possessor(ctx, toks, i, j, language) \
                or _speaker(ctx, toks, j - 1, j, stop, language, prefer="right", any_case=True)
            if who[0] is None and who[1] is None:
                continue
            cue = (toks[i].start, toks[j - 1].end)
            after = [x for x in toks[stop + 1 :] if x.is_word] if stop < n and toks[stop].text == "," else []
            if i == 0 or toks[i - 1].is_word or len(after) >= 3:
                content = (toks[stop].end if stop < n else end, end)
            else:  # "…, за словами X."
                content = (s_start, toks[i - 1].start)
            if (source := _citing(ctx, who, content, language)) is None:
                continue
            _emit(ctx, "indirect", cue, content, source, 0.75, language)
            done = True
            break
        if done:
            return
    for i, t in enumerate(toks):
        if t.start in ctx.used_cues or ctx.in_quote(t.start) or not _is_cue(t, language):
            continue
        clause = _clause_start(toks, i)
        # "Про це заявив X" / "Об этом сообщил X": the content went before
        anaphoric = any(_starts(toks, 0, a) for a in speech.ANAPHORIC) and i < 30
        # "Як повідомив X, …"
        as_word = i >= 1 and toks[i - 1].low in speech.AS_WORDS and _clause_start(toks, i - 1) == i - 1
        comp = next((k for k in range(i + 1, min(n, i + 9)) if toks[k].low in speech.COMPLEMENTIZERS
                     and (toks[k - 1].text == "," or not speech.COMPLEMENTIZER_AFTER_COMMA)), None)
        if comp is not None and any(toks[k].text[0] in _END or toks[k].text == ":" for k in range(i + 1, comp)):
            comp = None
        if anaphoric:
            stop = next((k for k in range(i + 1, n) if toks[k].text in {",", ";", ":"}), n)
            who = _speaker(ctx, toks, i, len(speech.ANAPHORIC[0]), stop, language, prefer="right")
            content = _previous(ctx, s_start, seg_start, seg_kind)
            if content and (who[0] or who[1]):
                _emit(ctx, "indirect", (t.start, t.end), content, who, 0.75, language)
                return
            continue
        if as_word:
            stop = next((k for k in range(i + 1, n) if toks[k].text in {",", ";", ":"}), n)
            who = _speaker(ctx, toks, i, i + 1, stop, language, prefer="right")
            if who[0] is None and who[1] is None:
                continue
            if i - 1 == 0 or toks[i - 2].text != ",":
                content = (toks[stop].end if stop < n else end, end)
            else:  # "…, як заявив X."
                content = (s_start, toks[i - 2].start)
            if (source := _citing(ctx, who, content, language)) is None:
                continue
            _emit(ctx, "indirect", (toks[i - 1].start, t.end), content, source, 0.75, language)
            return
        if comp is not None:
            who = _speaker(ctx, toks, i, 0, comp - 1 if toks[comp - 1].text == "," else comp,
                           language)
            if who[0] is None and who[1] is None:
                continue
            _emit(ctx, "indirect", (t.start, t.end), (toks[comp].end, end), who, 0.75, language)
            return
        # "…, заявив X." — the cue after the content
        if i >= 3 and toks[i - 1].text in {",", "—", "–"}:
            rest = [x for x in toks[i + 1 :] if x.is_word]
            # "Эта забастовка, сказал О'Лири, совершенно необоснованна": a cue set off inside
            # a statement (its subject after it, as a parenthesis has it) whose predicate
            # comes after it (the cue's head, or, with the cue as the root, no finite verb
            # before it); the statement is the whole sentence around it
            close = next((k for k in range(i + 1, min(n, i + 10)) if toks[k].text in {",", "—", "–"}), None)
            head = ctx.head(t.start)
            inside = close is not None and ctx.inverted(t.start) and (
                    head > toks[close].start if head is not None
                    else not any(ctx.finite(x.start) for x in toks[: i - 1])) \
                and sum(x.is_word for x in toks[close + 1 :]) >= 2 \
                and not any(x.low in speech.COMPLEMENTIZERS for x in toks[i + 1 : close + 2])
            if inside or 0 < len(rest) <= 8 and not any(x.low in speech.COMPLEMENTIZERS for x in rest):
                who = _speaker(ctx, toks, i, i, close if inside else n, language, prefer="right")
                if who[0] is None and who[1] is None:
                    continue
                k = i - 1
                while k > 0 and toks[k - 1].text in {",", "—", "–"}:
                    k -= 1
                content = (s_start, end) if inside else (s_start, toks[k].start)
                if ctx.covered(*content):
                    continue
                _emit(ctx, "indirect", (t.start, t.end), content, who, 0.7, language)
                return
    # a headline "Рютте: НАТО має …"
    if seg_kind == "title":
        for k, t in enumerate(toks[:8]):
            if t.text == ":" and k > 0:
                cands = [c for c in _candidates(ctx, toks, 0, k, language) if c[3].type == "PER"]
                if cands and cands[-1][1] == toks[k - 1].end:
                    _emit(ctx, "indirect", (t.start, t.end), (t.end, end),
                          _who(ctx, cands[-1][3], cands[-1][4]), 0.7, language)
                break


def _previous(ctx: _Context, s_start: int, seg_start: int, seg_kind: str) -> tuple[int, int] | None:
    """What "це" in "Про це заявив X" refers to: the sentences before, in the paragraph,
    or the last sentence of the previous paragraph (not a headline)."""
    doc = ctx.doc
    before = [(s.start, s.end) for s in doc.sentences if seg_start <= s.start and s.end <= s_start]
    if before:
        before = before[-3:]
        return before[0][0], _strip_end(ctx.text, before[-1][1], before[0][0])
    prev = [seg for seg in doc.segments if seg.end <= seg_start and seg.kind in {"lead", "body"}]
    if not prev:
        return None
    seg = prev[-1]
    sents = [(s.start, s.end) for s in doc.sentences if seg.start <= s.start and s.end <= seg.end]
    if not sents:
        return seg.start, _strip_end(ctx.text, seg.end, seg.start)
    return sents[-1][0], _strip_end(ctx.text, sents[-1][1], sents[-1][0])


# --------------------------------------------------------------------------- from syntax

#: the relations of a speech predicate's content: a clause ("заявив, що …") or
#: a clause joined without a conjunction ("…, заявив він" parses as parataxis).
_CLAUSE_RELS = frozenset({"ccomp"})
_SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})
#: relations that join a name to the noun it describes ("глава Минздрава Максим Степанов").
_NAME_RELS = frozenset({"appos", "flat", "flat:name", "nmod"})


def _lemma(t) -> str:
    return normalise(t.lemma or "")


def _parsed(sentence) -> bool:
    return bool(sentence.tokens) and all(t.head is not None for t in sentence.tokens)


def _syntactic(ctx: _Context, sentence, language) -> None:
    """Reported speech read from the dependency tree, for what the patterns above missed:
    a speech (or opinion) predicate with a clausal complement gives the content, its
    subject the speaker; "за словами X" / "по его словам" give the speaker in the
    marker noun's dependent and the content in the clause the marker modifies."""
    tree = ctx.tree(sentence)
    if tree is None or ctx.covered(sentence.start, sentence.end):
        return
    verbs, opinions = _cues(language)
    naming = lang.of(language).speech.NAMING_VERBS
    for t in tree.tokens:
        if t.start in ctx.used_cues or ctx.in_quote(t.start):
            continue
        lem = _lemma(t)
        if t.upos in {"VERB", "ADJ", "AUX"} and (lem in verbs or lem in opinions or lem in naming
                                                 or _reports(ctx, tree, t, language)):
            _from_predicate(ctx, tree, t, language)
        elif t.upos in {"NOUN", "PROPN"}:
            _from_marker(ctx, tree, t, language)


def _reports(ctx: _Context, tree: DependencyTree, verb, language) -> bool:
    """A predicate outside the lists that still reports: a finite verb with a subject
    and a clause after it opened by the language's complementiser ("Мей застерегла,
    що …", "Проверяющие признали, что …")."""
    if verb.upos != "VERB" or verb.feature("VerbForm") not in {None, "Fin"}:
        return False
    if not tree.children(verb, _SUBJECT_RELS):
        return False
    comps = lang.of(language).speech.COMPLEMENTIZERS
    for c in tree.children(verb, _CLAUSE_RELS):
        marks = tree.children(c, {"mark"})
        if c.start > verb.start and marks and normalise(ctx.text[marks[0].start:marks[0].end]) in comps:
            return True
    return False


def _content_of(ctx: _Context, tree: DependencyTree, clause, drop=()) -> tuple[int, int] | None:
    toks = [x for x in tree.subtree(clause) if x not in drop]
    marks = {x.id for x in tree.children(clause, {"mark"}) if x.start < clause.start}
    toks = [x for x in toks if x.id not in marks]
    while toks and not ctx.text[toks[0].start].isalnum() and ctx.text[toks[0].start] not in "«„“\"":
        toks = toks[1:]
    while toks and toks[-1].upos == "PUNCT" and ctx.text[toks[-1].end - 1] not in "»“”\")":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].start, toks[-1].end


def _from_predicate(ctx: _Context, tree: DependencyTree, verb, language) -> None:
    if any(c.feature("Polarity") == "Neg" for c in tree.children(verb, {"advmod", "discourse"})):
        return  # "не уточнив, чи …": nothing was said
    speech = lang.of(language).speech
    # a clause that opens outside quotation marks is reported speech, quoted words inside it
    # or not ("заявил, что королевство «движется к статусу колонии»": a mixed quote)
    clauses = [c for c in tree.children(verb, _CLAUSE_RELS) if c.start > verb.start
               and not ctx.in_quote(tree.subtree(c)[0].start)]
    if not clauses:
        clauses = _misattached_clause(ctx, tree, verb, speech)
    drop: set = set()
    if not clauses and _lemma(verb) in _cues(language)[0]:
        # "пообіцяла досягти угоди", "предложил продлить переходный период": what a speech
        # verb's infinitive says was promised, proposed or urged is what was said (GUIDELINES)
        # (the parser may hang it on the addressee: "пообіцяв виборцям знизити")
        addressees = [o for o in tree.children(verb, {"obj", "iobj"}) if o.start > verb.start]
        clauses = [c for c in [*tree.children(verb, {"xcomp"}), *(a for o in addressees for a in tree.children(o, {"acl"}))]
                   if c.start > verb.start and c.feature("VerbForm") == "Inf" and not ctx.in_quote(c.start)][:1]
    if not clauses and _lemma(verb) in _cues(language)[0]:
        # "заявив про …", "сообщил о …": the topic of the statement
        for obl in tree.children(verb, {"obl"}):
            case = tree.children(obl, {"case"})
            if obl.start > verb.start and case and \
                    normalise(ctx.text[case[0].start:case[0].end]) in speech.TOPIC_PREPOSITIONS:
                clauses, drop = [obl], set(case)
                break
    content = None
    if not clauses and (_lemma(verb) in _cues(language)[1] or _lemma(verb) in speech.NAMING_VERBS):
        # "Маас считает санкции неверным путём", "назвал забастовку «несправедливой»": an
        # object and what it is judged to be (a predicative complement) are the opinion
        objs = [c for c in tree.children(verb, {"obj"}) if c.start > verb.start]
        preds = [c for c in tree.children(verb, {"xcomp", "obl"}) if c.start > (objs[0] if objs else verb).start
                 and (rel(c) == "xcomp" or c.feature("Case") == "Ins") and not tree.children(c, {"case"})]
        if objs and not preds and _lemma(verb) in speech.NAMING_VERBS:
            # "назвал забастовку «несправедливой»": the parser hung the predicative on the object
            preds = [c for c in tree.children(objs[0]) if c.start > objs[0].start and c.upos in {"ADJ", "NOUN"}
                     and c.feature("Case") == "Ins" and not tree.children(c, {"case"})]
        if preds and (objs or _lemma(verb) in speech.NAMING_VERBS):
            # "Сам Brexit он назвал «умирающей мечтой»": the object before the verb is the topic
            span = (tree.subtree(objs[0]) if objs else []) + tree.subtree(preds[-1])
            content = (min(x.start for x in span), max(x.end for x in span))
    host = None
    if not clauses and content is None and _lemma(verb) in _cues(language)[0]:
        host = _host_clause(ctx, tree, verb)
        if _anaphoric(ctx, tree, verb, language):
            # "Об этом сообщили источники …": what was said is the text before
            seg = next((x for x in ctx.doc.segments if x.start <= verb.start < x.end), None)
            if seg is not None:
                content = _previous(ctx, tree.sent.start, seg.start, seg.kind)
        elif host is not None:
            content = _content_of(ctx, tree, host, drop=set(tree.subtree(verb)))
        else:
            # "Информацию об освобождении подтвердил ее адвокат": a speech verb's noun object
            # is what was said (GUIDELINES: "подтвердил информацию" is a quote)
            # a verb of confirming takes any noun as the fact confirmed ("Компания подтвердила
            # прогноз", "У Джорджії підтвердили перемогу Байдена")
            confirming = _lemma(verb) in speech.CONFIRMING_VERBS
            objs = [c for c in tree.children(verb, {"obj"}) if not ctx.in_quote(c.start) and (
                _lemma(c) in speech.INFORMATION_NOUNS or (confirming and c.upos == "NOUN"))]
            if objs:
                span = tree.subtree(objs[0])
                content = (span[0].start, span[-1].end)
    if not clauses and content is None:
        return
    content = content or _content_of(ctx, tree, clauses[0], drop)
    if content is None or ctx.covered(*content, cue=verb.start):
        return
    who = _subject_speaker(ctx, tree, verb, language)
    if who is None:
        return
    cited = (clauses and who[2][1] <= verb.start and clauses[0].deprel == "ccomp") or \
        verb.feature("Tense") == "Past"
    if cited:
        # "WSJ сообщила, что …", "Как сообщало ИА REGNUM, …": an outlet cited as a source (an
        # earlier report), not the outlet reporting this story ("…, повідомляє Укрінформ")
        who = _cited(who)
    _emit(ctx, "indirect", (verb.start, verb.end), content, who, 0.7, language)


def _misattached_clause(ctx: _Context, tree: DependencyTree, verb, speech) -> list:
    """The clause a speech verb reports when the parser hung it elsewhere: the first clause
    opened by the complementiser after the verb and reached from it through nouns and
    adjectives only ("считают, что проект экономический" with the clause as an adjective;
    "заявила в інтерв'ю BBC, що повернеться" with it as a relative clause of "BBC"). A
    complementiser is not a relative pronoun, so a "що"-clause under a noun a speech verb
    governs is that verb's content. Not after a topic ("заявили о сложении полномочий, что
    удивило Мэй": there "что" stands for the whole statement)."""
    topics = [x.start for x in tree.children(verb, {"obl"}) if x.start > verb.start and any(
        normalise(ctx.text[c.start:c.end]) in speech.TOPIC_PREPOSITIONS for c in tree.children(x, {"case"}))]
    todo = [c for c in tree.children(verb) if c.start > verb.start]
    while todo:
        c = min(todo, key=lambda x: x.start)
        todo.remove(c)
        marks = [m for m in tree.children(c, {"mark"}) if m.start > verb.start
                 and normalise(ctx.text[m.start:m.end]) in speech.COMPLEMENTIZERS]
        if not marks and c.upos in {"VERB", "AUX"}:
            # "заявив, що даний підрахунок нічого не змінює" as parataxis, the "що" hung on a
            # word inside: the clause's first word is the complementiser
            first = next((x for x in tree.subtree(c) if x.upos != "PUNCT"), None)
            if first is not None and first.upos == "SCONJ" and first.start > verb.start \
                    and normalise(ctx.text[first.start:first.end]) in speech.COMPLEMENTIZERS:
                marks = [first]
        if marks and c.upos in {"VERB", "ADJ", "NOUN", "AUX"} and not any(t < marks[0].start for t in topics):
            if not ctx.in_quote(tree.subtree(c)[0].start):
                return [c]
        if c.upos in {"NOUN", "PROPN", "ADJ", "X"} and not marks:
            todo.extend(tree.children(c))
    return []


def _anaphoric(ctx: _Context, tree: DependencyTree, verb, language) -> bool:
    """The predicate has "об этом" / "про це" as its topic: an oblique whose words are one
    of the language's ANAPHORIC phrases."""
    phrases = lang.of(language).speech.ANAPHORIC
    for obl in tree.children(verb, {"obl"}):
        words = tuple(normalise(ctx.text[x.start:x.end]) for x in tree.subtree(obl) if x.upos != "PUNCT")
        if words in phrases:
            return True
    return False


def _host_clause(ctx: _Context, tree: DependencyTree, verb):
    """The clause a speech predicate is parenthetical to ("Как отмечает Reuters, забастовка
    затронула …", "…, зауважив обраний президент, …", "…, сообщает Independent"): what it
    reports is that clause without the parenthesis. None when the verb heads its own clause."""
    head = tree.head(verb)
    if rel(verb) == "conj" and head is not None and head.start < verb.start:
        # "27 країн домовилися …, заявив міністр": a conjunct with a subject of its own after
        # it and a comma before it is a parenthesis the parser joined to the clause
        before = [x for x in tree.tokens if x.end <= verb.start][-1:]
        if not (before and ctx.text[before[0].start:before[0].end] in {",", "—", "–", "-"}
                and (tree.children(verb, _SUBJECT_RELS) or _inverted_subject(ctx, tree, verb))
                and all(c.start > verb.start for c in tree.children(verb, _SUBJECT_RELS))):
            return None
    elif rel(verb) not in {"parataxis", "advcl"}:
        return None
    if head is None or head.upos not in {"VERB", "AUX", "ADJ", "NOUN", "PRON"}:
        return None
    if head.upos in {"NOUN", "PRON"} and not tree.children(head, {"cop", "nsubj"}):
        return None
    return head


def _subject_speaker(ctx: _Context, tree: DependencyTree, verb, language) -> tuple | None:
    """The speaker of a predicate: its subject, a coordinated predicate's subject
    ("… заявив і додав, що"), or an organisation where it speaks ("В оперштабе заверили")."""
    v = verb
    for _ in range(3):
        subj = tree.children(v, _SUBJECT_RELS) or _inverted_subject(ctx, tree, v)
        if subj:
            if subj[0].feature("Person") in {"1", "2"}:
                return None  # "ми вважаємо", "Ви погоджуєтесь": the text's own voice
            return _phrase_speaker(ctx, tree, subj[0], language)
        if (v.deprel == "conj" or (rel(v) == "advcl" and v.feature("VerbForm") == "Conv")) \
                and tree.head(v) is not None:
            # "… заявив і додав, що", "заявляла Москва, отмечая, что": the head's subject
            head = tree.head(v)
            if ctx.in_quote(head.start, head.end) and not ctx.in_quote(v.start, v.end):
                # «…», - заявив Зедер і запропонував: the parser joined the verb to the
                # quotation's predicate; its subject is that of the cue outside the quotation
                cues = [c for c in tree.children(head, {"parataxis"})
                        if c.start < v.start and not ctx.in_quote(c.start, c.end)]
                if not cues:
                    break
                head = cues[-1]
            v = head
            continue
        break
    speech = lang.of(language).speech
    for obl in tree.children(verb, {"obl"}):
        if obl.start > verb.start and verb.feature("Number") != "Plur":
            continue  # "…, стверджують в «Газпромі»": after a plural verb with no subject, a named one
        case = tree.children(obl, {"case"})
        if not case:  # the parser attached the preposition elsewhere: the word before the noun
            case = [x for x in tree.tokens if x.end <= obl.start and x.upos == "ADP"][-1:]
            case = [x for x in case if not any(y.upos != "PUNCT" and x.end <= y.start < obl.start
                                                for y in tree.tokens)]
        if case and normalise(ctx.text[case[0].start:case[0].end]) in speech.LOCATIVE_SPEAKER_PREPOSITIONS:
            found = _mention_at(ctx, tree, obl, types={"ORG", "GPE", "LOC"})
            if found is None and verb.feature("Number") == "Plur" and obl.upos == "NOUN" and obl.start < verb.start:
                # "В оперштабе заверили": an organisation the recogniser did not name
                found = _phrase_speaker(ctx, tree, obl, language)
            if found is not None:
                return found
    return None


def _inverted_subject(ctx: _Context, tree: DependencyTree, verb) -> list:
    """A nominative after a speech verb that the parser took for its object ("заявив міністр",
    "сказав Масіх"): a speech verb's object is not nominative, so it is the subject."""
    for c in tree.children(verb, {"obj"}):
        if c.start > verb.start and c.upos in {"NOUN", "PROPN"} and c.feature("Case") == "Nom" \
                and verb.feature("Number") in {None, c.feature("Number")}:
            return [c]
    return []


def _mention_at(ctx: _Context, tree: DependencyTree, head, types=None) -> tuple | None:
    """The entity mention naming the phrase headed by ``head``: one that covers the head
    word, else a person named beside the head noun ("глава Минздрава Максим Степанов")."""
    items = [x for x in ctx.index.covering(head.start, head.end, types) if not ctx.in_quote(x[0], x[1])]
    if items:
        start, end, entity, m = max(items, key=lambda x: (x[2].type == "PER", x[1] - x[0]))
        return _who(ctx, entity, m)
    for c in tree.children(head, _NAME_RELS):
        if c.deprel == "nmod" and c.upos != "PROPN":
            continue
        items = [x for x in ctx.index.covering(c.start, c.end, {"PER"}) if not ctx.in_quote(x[0], x[1])]
        if items:
            start, end, entity, m = max(items, key=lambda x: x[1] - x[0])
            return _who(ctx, entity, m)
    if head.upos == "NOUN":
        # "міністр Австрії у справах ЄС Гернот Блюмель": the person the title phrase ends with
        words = [x for x in tree.subtree(head) if not any(
            x in tree.subtree(c) for c in tree.children(head, {"acl", "parataxis", "conj"}))]
        last = [x for x in words if x.upos == "PROPN"][-1:]
        if last and last[0] is words[-1]:
            items = [x for x in ctx.index.covering(last[0].start, last[0].end, {"PER"})
                     if not ctx.in_quote(x[0], x[1])]
            if items:
                start, end, entity, m = max(items, key=lambda x: x[1] - x[0])
                return _who(ctx, entity, m)
    return None


def _phrase_speaker(ctx: _Context, tree: DependencyTree, head, language) -> tuple | None:
    found = _mention_at(ctx, tree, head)
    if found is not None:
        return found
    if head.upos in {"PRON", "DET"} and head.feature("PronType") in {"Rel", "Int"}:
        return None  # "який", "кто": the antecedent is not resolved here
    if head.upos not in {"NOUN", "PROPN", "PRON", "NUM", "X"}:
        return None
    # no entity: the words of the subject ("джерело в уряді", "Английские СМИ")
    words = [x for x in tree.subtree(head) if x.deprel not in {"acl", "acl:relcl", "punct", "parataxis"}]
    words = [x for x in words if not any(x in tree.subtree(c) for c in tree.children(head, {"acl", "parataxis"}))]
    if not words or len(words) > 8:
        return None
    span = (words[0].start, words[-1].end)
    text = ctx.text[span[0]:span[1]]
    speech = lang.of(language).speech
    if _lemma(head) in speech.MEDIA_HEADS or normalise(text) in media_names():
        return (None, text, span, "media")
    return (None, text, span, "text")


def _from_marker(ctx: _Context, tree: DependencyTree, noun, language) -> None:
    """"За його словами, …", "По словам источника CNN, …": a marker of the language's
    ACCORDING_TO whose first word is the noun's preposition and last its noun."""
    speech = lang.of(language).speech
    case = tree.children(noun, {"case"})
    if not case:
        return
    pair = (normalise(ctx.text[case[0].start:case[0].end]), normalise(ctx.text[noun.start:noun.end]))
    if not any(len(m) >= 2 and (m[0], m[-1]) == pair for m in speech.ACCORDING_TO):
        return
    if ctx.in_quote(noun.start) or case[0].start in ctx.used_cues:
        return
    who = None
    for c in tree.children(noun, {"nmod", "det", "amod", "appos"}):
        if c.deprel == "amod" and c.upos != "DET":
            continue
        who = _phrase_speaker(ctx, tree, c, language)
        if who is None and c.upos in {"DET", "PRON"} and c.deprel == "det":
            # "по его словам": the possessive stands for the speaker
            found = _mention_at(ctx, tree, c) or _last_person_subject(ctx, tree.sent)
            if found is not None and found[0] is not None:
                found = (found[0], ctx.text[c.start:c.end], (c.start, c.end), "pronoun")
            who = found or (None, ctx.text[c.start:c.end], (c.start, c.end), "pronoun")
        if who is not None:
            break
    if who is None:
        return
    head = tree.head(noun)
    if head is None:
        return
    marker = tree.subtree(noun)
    content = _content_of(ctx, tree, head, drop=set(marker))
    if content is None:
        return
    if marker[0].start > content[0] and marker[-1].end < content[1]:
        return  # the marker inside the clause: leave it to the patterns
    if ctx.covered(*content) or (source := _citing(ctx, who, content, language)) is None:
        return
    _emit(ctx, "indirect", (case[0].start, noun.end), content, source, 0.7, language)


def _last_person_subject(ctx: _Context, sentence) -> tuple | None:
    """The person who is the subject of the sentence before (its antecedent for "по его
    словам"), when that sentence is in the same paragraph and parsed."""
    before = [x for x in ctx.doc.sentences if x.end <= sentence.start]
    prev = ctx.tree(before[-1]) if before and "\n\n" not in ctx.text[before[-1].end:sentence.start] else None
    if prev is None:
        return None
    for t in reversed(prev.tokens):
        if t.deprel in _SUBJECT_RELS:
            items = [x for x in ctx.index.covering(t.start, t.end, {"PER"}) if not ctx.in_quote(x[0], x[1])]
            if items:
                return _who(ctx, items[0][2], items[0][3])
    return None
