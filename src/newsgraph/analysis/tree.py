"""Navigation of one parsed sentence's dependency tree, shared by every stage that reads syntax.

The events and the quotes stages used to keep a tree helper each, and the two
had drifted apart (one bounds-checked heads, the other did not; one guarded
against a cyclic head graph, the other did not). One class keeps what is true
of any sentence; a stage subclasses it for what only its rules need.
"""
from __future__ import annotations

from ..model import Sentence, Token
from .morphology import normalise


def rel(t: Token) -> str:
    """The universal part of a relation ("nsubj:pass" -> "nsubj"): the parsers'
    subtypes vary by language and model, the rules mostly should not."""
    return (t.deprel or "").split(":")[0]


class DependencyTree:
    """One parsed sentence with its tokens' dependents at hand."""

    #: how many levels below a token its phrase reaches; None for all of them. A
    #: stage may cap it to keep phrases as short as its rules were tuned on.
    depth: int | None = None

    def __init__(self, sent: Sentence):
        self.sent = sent
        self.tokens = sent.tokens
        # children in document order, as the rules that take "the first" one expect
        self.kids: dict[int, list[Token]] = {}
        for u in sent.tokens:
            if u.head:
                self.kids.setdefault(u.head, []).append(u)

    def head(self, u: Token) -> Token | None:
        """None for the root and for a head outside the sentence, which a repaired
        parse should not have but a hand-built or foreign one may."""
        if u.head and 0 < u.head <= len(self.tokens):
            return self.tokens[u.head - 1]
        return None

    def children(self, u: Token, rels=None) -> list[Token]:
        """``rels`` may name a full relation ("nsubj:pass") or only its universal
        part ("nsubj" takes both)."""
        return [c for c in self.kids.get(u.id, ()) if rels is None or c.deprel in rels or rel(c) in rels]

    def walk(self, u: Token) -> list[Token]:
        """``u``'s phrase, each word before its dependents (the order a rule that
        takes the first match was written for). A malformed head graph with a
        cycle must not hang the analysis, so no word is visited twice."""
        out: list[Token] = []
        seen: set[int] = set()
        todo = [(u, 0)]
        while todo:
            x, level = todo.pop()
            if x.id in seen:
                continue
            seen.add(x.id)
            out.append(x)
            if self.depth is None or level < self.depth:
                todo.extend((c, level + 1) for c in reversed(self.kids.get(x.id, ())))
        return out

    def subtree(self, u: Token) -> list[Token]:
        """``u``'s phrase in document order, so that its first and last words give its span."""
        return sorted(self.walk(u), key=lambda x: x.start)

    def first(self, u: Token) -> Token:
        """The first word of ``u``'s phrase: a preposition the parser did not attach as
        ``case`` still opens it."""
        return self.subtree(u)[0]

    def prep(self, u: Token) -> tuple[str, ...]:
        """The preposition of a nominal, with the words fixed to it ("з боку", "за
        участю"), as normalised lemmas so the languages' lists can be matched."""
        words = []
        for c in self.children(u):
            if rel(c) == "case":
                words.append(normalise(c.lemma or ""))
                words += [normalise(f.lemma or "") for f in self.children(c) if rel(f) == "fixed"]
        return tuple(words)

    def has_subject(self, u: Token) -> bool:
        """A copula counts: a nominal predicate ("є партнером") is a clause of its own."""
        return any(rel(c) in ("nsubj", "cop") for c in self.children(u))
