"""English speech and opinion cues (data for ``newsgraph.extract.quotes``).

English has no pymorphy3 dictionary: every form is listed.
"""

SPEECH_VERBS = frozenset({
    "said", "say", "says", "told", "tell", "tells", "added", "adds", "stressed", "stresses",
    "noted", "notes", "stated", "states", "announced", "announces", "explained", "explains",
    "warned", "warns", "insisted", "insists", "claimed", "claims", "declared", "declares",
    "emphasized", "emphasised", "emphasizes", "emphasises", "underlined", "underlines",
    "reminded", "reminds", "wrote", "writes", "confirmed", "confirms", "denied", "denies",
    "argued", "argues", "acknowledged", "acknowledges", "admitted", "admits", "replied",
    "replies", "remarked", "remarks", "commented", "comments", "urged", "urges",
    "pointed", "points", "asserted", "asserts",
})
OPINION_WORDS = frozenset({"believes", "believed", "thinks", "thought", "expects", "expected",
                           "hopes", "hoped", "fears", "feared"})
COMPLEMENTIZERS = ("that",)
#: "said that ...": no comma before the complementiser.
COMPLEMENTIZER_AFTER_COMMA = False
ANAPHORIC = ()
AS_WORDS = ("as",)
ACCORDING_TO = (("according", "to"), ("in", "the", "words", "of"))
STATEMENT_VERBS = frozenset()
STATEMENT_NOUNS = frozenset({"statement", "report", "post", "interview", "letter", "speech"})
MEDIA_HEADS = frozenset({"correspondent", "agency", "outlet", "website", "newspaper", "channel"})
MEDIA_NAMES = frozenset({"reuters", "bloomberg", "cnn", "bbc", "afp", "dpa", "associated press", "ap"})
CLAUSE_OPENERS = frozenset({"and", "but", "also", "however", "then", "later", "earlier", "so"})
PREPOSITIONS = frozenset({"with", "to", "for", "from", "about", "on", "at", "by", "in", "of",
                          "under", "over", "between", "through", "after", "before", "without",
                          "against", "among"})
LOCATIVE_SPEAKER_PREPOSITIONS = frozenset()
#: "заявив про …": the topic of a statement, its content when no clause follows.
TOPIC_PREPOSITIONS = frozenset({"about", "of"})
