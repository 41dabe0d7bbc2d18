"""Dictionary readings the stages share (newsgraph.analysis.morphology)."""
from newsgraph.analysis.morphology import participle_verbs


def test_a_ukrainian_passive_participle_leads_back_to_its_verb():
    # the dictionary gives "укладена" the adjective "укладений" as its lemma
    assert participle_verbs("укладена", "uk") == {"укласти"}
    assert participle_verbs("підписаний", "uk") == {"підписати"}


def test_other_words_have_no_participle_verb():
    assert participle_verbs("стіна", "uk") == frozenset()
    assert participle_verbs("новий", "uk") == frozenset()
    # Russian's dictionary already gives the verb as a participle's lemma
    assert participle_verbs("заключено", "ru") == frozenset()
    assert participle_verbs("signed", "en") == frozenset()
