"""A recognised name is one subtree of the parse, whatever the parser made of it."""
from __future__ import annotations

from newsgraph.analysis.syntax import whole_names
from newsgraph.model import Sentence, Token


def _sentence(rows):
    """Tokens from (word, upos, head, deprel), one space apart."""
    toks, pos = [], 0
    for k, (word, upos, head, deprel) in enumerate(rows, 1):
        toks.append(Token(pos, pos + len(word), k, word.lower(), upos, "", head, deprel))
        pos += len(word) + 1
    return Sentence(0, pos - 1, tuple(toks))


# "Вищий суд швейцарського кантону Цуг відновив арешт": the court an oblique, its canton the subject
COURT = [("Вищий", "ADJ", 2, "amod"), ("суд", "NOUN", 6, "obl"), ("швейцарського", "ADJ", 4, "amod"),
         ("кантону", "NOUN", 2, "nmod"), ("Цуг", "PROPN", 6, "nsubj"), ("відновив", "VERB", 0, "root"),
         ("арешт", "NOUN", 6, "obj")]


def test_a_name_parsed_as_two_arguments_becomes_one_with_the_more_telling_relation():
    sent = _sentence(COURT)
    court = (0, sent.tokens[4].end, "ORG")
    fixed = whole_names(sent, [court])
    heads = [(t.head, t.deprel) for t in fixed.tokens]
    assert heads[1] == (6, "nsubj")                 # the court is the subject
    assert heads[4] == (4, "flat")                  # the canton's name hangs on "кантону"
    assert heads[:1] + heads[2:4] + heads[5:] == [(2, "amod"), (4, "amod"), (2, "nmod"), (0, "root"), (6, "obj")]


def test_a_parse_that_already_keeps_the_name_whole_is_left_alone():
    sent = _sentence(COURT)
    assert whole_names(sent, [(4, 7, "ORG")]) is sent                     # "суд" alone
    assert whole_names(sent, []) is sent


def test_lists_and_unsure_names_are_no_reason_to_change_the_parse():
    # "Львівська , Волинська області": the recogniser's span runs over a list
    rows = [("Львівська", "ADJ", 4, "amod"), (",", "PUNCT", 3, "punct"), ("Волинська", "ADJ", 1, "conj"),
            ("області", "NOUN", 5, "nsubj"), ("мають", "VERB", 0, "root")]
    sent = _sentence(rows)
    assert whole_names(sent, [(0, sent.tokens[3].end, "LOC")]) is sent
    sent = _sentence(COURT)
    assert whole_names(sent, [(0, sent.tokens[4].end, "MISC")]) is sent


def test_a_repair_that_would_make_a_cycle_is_not_made():
    # the name's second word heads the verb its first word hangs on
    rows = [("Nord", "PROPN", 3, "nsubj"), ("Stream", "PROPN", 0, "root"), ("будує", "VERB", 2, "acl")]
    sent = _sentence(rows)
    fixed = whole_names(sent, [(0, sent.tokens[1].end, "ORG")])
    ids = {t.id: t.head for t in fixed.tokens}
    for t in fixed.tokens:      # still a tree
        seen, k = set(), t.id
        while k:
            assert k not in seen
            seen.add(k)
            k = ids[k]


def test_a_hyphen_inside_a_name_is_no_list_mark():
    # "Жан-Клод Юнкер заявив": the parser hangs "Жан" and "Юнкер" on the verb
    text = "Жан-Клод Юнкер заявив"
    rows = [("Жан", 0, 3, "PROPN", 5, "nsubj"), ("-", 3, 4, "PUNCT", 3, "punct"), ("Клод", 4, 8, "PROPN", 1, "flat:name"),
            ("Юнкер", 9, 14, "PROPN", 5, "obl"), ("заявив", 15, 21, "VERB", 0, "root")]
    toks = tuple(Token(s, e, k, w.lower(), upos, "", head, rel) for k, (w, s, e, upos, head, rel) in enumerate(rows, 1))
    sent = Sentence(0, len(text), toks)
    fixed = whole_names(sent, [(0, 14, "PER")])
    assert [(t.head, t.deprel) for t in fixed.tokens][3] == (3, "flat:name")
    # a dash with a space either side ("Жан - Клод") is a list mark: nothing is joined
    apart = tuple(Token(t.start + min(t.id - 1, 2), t.end + min(t.id - 1, 2), t.id, t.lemma, t.upos, "", t.head,
                        t.deprel) for t in toks)
    sent_apart = Sentence(0, len(text) + 2, apart)
    assert whole_names(sent_apart, [(0, 16, "PER")]) is sent_apart


def _tagged(rows):
    """Tokens from (word, upos, case, head, deprel), one space apart, and their text."""
    toks, pos = [], 0
    for k, (word, upos, case, head, deprel) in enumerate(rows, 1):
        lemma = {"президента": "президент", "президентом": "президент"}.get(word, word.lower())
        toks.append(Token(pos, pos + len(word), k, lemma, upos, f"Case={case}" if case else "", head, deprel))
        pos += len(word) + 1
    return Sentence(0, pos - 1, tuple(toks)), " ".join(r[0] for r in rows)


def test_a_name_after_a_title_is_the_title_s_holder():
    from newsgraph.analysis.syntax import titled_names
    # "зустріч президента США Джо Байдена": "Джо" read as a nominative, the name as the verb's subject
    sent, text = _tagged([("відбулася", "VERB", None, 0, "root"), ("зустріч", "NOUN", "Nom", 1, "nsubj"),
                          ("президента", "NOUN", "Gen", 2, "nmod"), ("США", "PROPN", "Gen", 3, "nmod"),
                          ("Джо", "PROPN", "Nom", 1, "nsubj"), ("Байдена", "PROPN", "Gen", 5, "flat:name")])
    name = (sent.tokens[4].start, sent.tokens[5].end, "PER")
    fixed = titled_names(sent, [name], text, "uk")
    assert (fixed.tokens[4].head, fixed.tokens[4].deprel) == (3, "flat:title")
    assert titled_names(sent, [name], text, "ru").tokens[4].deprel == "appos"   # SynTagRus' relation


def test_a_subject_after_a_title_in_another_case_stays_the_subject():
    from newsgraph.analysis.syntax import titled_names
    # "після зустрічі з президентом Путін заявив": Putin speaks
    sent, text = _tagged([("після", "ADP", None, 2, "case"), ("зустрічі", "NOUN", "Gen", 6, "obl"),
                          ("з", "ADP", None, 4, "case"), ("президентом", "NOUN", "Ins", 2, "nmod"),
                          ("Путін", "PROPN", "Nom", 6, "nsubj"), ("заявив", "VERB", None, 0, "root")])
    name = (sent.tokens[4].start, sent.tokens[4].end, "PER")
    assert titled_names(sent, [name], text, "uk") is sent
