"""The dependency-tree navigation every syntactic stage shares (newsgraph.analysis.tree)."""
from newsgraph.analysis.tree import DependencyTree, rel
from newsgraph.extract.events import Tree
from newsgraph.model import Sentence, Token


def sentence(rows) -> Sentence:
    """A sentence from (word, lemma, upos, head, deprel) rows, words one space apart."""
    toks, pos = [], 0
    for k, (word, lemma, upos, head, deprel) in enumerate(rows, 1):
        toks.append(Token(pos, pos + len(word), k, lemma, upos, "", head, deprel))
        pos += len(word) + 1
    return Sentence(0, pos - 1, tuple(toks))


# "Посли з боку ЄС зустрілися з Мей ."
SENT = sentence([
    ("Посли", "посол", "NOUN", 5, "nsubj"),
    ("з", "З", "ADP", 4, "case"),
    ("боку", "бік", "NOUN", 2, "fixed"),
    ("ЄС", "ЄС", "PROPN", 1, "nmod"),
    ("зустрілися", "зустрітися", "VERB", 0, "root"),
    ("з", "з", "ADP", 7, "case"),
    ("Мей", "Мей", "PROPN", 5, "obl:arg"),
    (".", ".", "PUNCT", 5, "punct"),
])


def ids(tokens) -> list[int]:
    return [t.id for t in tokens]


def test_children_filter_takes_a_subtype_by_its_universal_relation():
    tree = DependencyTree(SENT)
    verb = SENT.tokens[4]
    assert ids(tree.children(verb)) == [1, 7, 8]
    assert ids(tree.children(verb, {"obl"})) == [7]
    assert ids(tree.children(verb, {"obl:arg"})) == [7]
    assert tree.children(verb, {"obl:tmod"}) == []
    assert rel(SENT.tokens[6]) == "obl" and rel(Token(0, 1, 1, "x")) == ""


def test_subtree_is_in_document_order_and_walk_puts_heads_first():
    tree = DependencyTree(SENT)
    subj = SENT.tokens[0]
    assert ids(tree.walk(subj)) == [1, 4, 2, 3]
    assert ids(tree.subtree(subj)) == [1, 2, 3, 4]
    assert tree.first(SENT.tokens[3]).id == 2  # the preposition opens "з боку ЄС"
    assert ids(tree.subtree(SENT.tokens[4])) == list(range(1, 9))


def test_prep_includes_fixed_words_normalised():
    tree = DependencyTree(SENT)
    assert tree.prep(SENT.tokens[3]) == ("з", "бік")
    assert tree.prep(SENT.tokens[6]) == ("з",)
    assert tree.prep(SENT.tokens[0]) == ()


def test_head_of_root_and_out_of_range_is_none():
    tree = DependencyTree(SENT)
    assert tree.head(SENT.tokens[4]) is None
    assert tree.head(SENT.tokens[0]) is SENT.tokens[4]
    stray = Token(0, 1, 9, "x", head=99, deprel="dep")
    assert tree.head(stray) is None
    assert tree.has_subject(SENT.tokens[4]) and not tree.has_subject(SENT.tokens[0])


def test_cyclic_head_graph_terminates():
    cyclic = sentence([("a", "a", "X", 2, "dep"), ("b", "b", "X", 1, "dep"), ("c", "c", "X", 3, "dep")])
    tree = DependencyTree(cyclic)
    assert ids(tree.subtree(cyclic.tokens[0])) == [1, 2]
    assert ids(tree.walk(cyclic.tokens[1])) == [2, 1]
    assert ids(tree.subtree(cyclic.tokens[2])) == [3]  # its own head
    assert tree.first(cyclic.tokens[1]).id == 1


def test_depth_cap_of_a_subclass():
    class Shallow(DependencyTree):
        depth = 1

    assert ids(Shallow(SENT).subtree(SENT.tokens[4])) == [1, 5, 7, 8]
    assert Tree.depth == 12 and isinstance(Tree.of(SENT, []), DependencyTree)


def test_events_tree_needs_a_parse():
    unparsed = Sentence(0, 5, (Token(0, 5, 1, "посли"),))
    assert Tree.of(unparsed, []) is None
    assert Tree.of(Sentence(0, 0, ()), []) is None
