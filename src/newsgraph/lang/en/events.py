"""English knowledge for finding events (PLOVER types), read by ``newsgraph.extract.events``.

The same shape as ``newsgraph.lang.uk.events``. English has no pymorphy3
dictionary here, so words are listed in the forms they take (the extractor
compares lower-case words); roles come from word order and prepositions.
"""

def _v(*stems):
    """Regular verb forms: provide -> provide, provides, provided, providing."""
    out = []
    for s in stems:
        base = s[:-1] if s.endswith("e") else s
        out += [s, s + "s", base + "ed", base + "ing"]
    return tuple(out)


TRIGGERS = [
    ("AID", "personnel", _v("deploy", "dispatch") + ("send", "sends", "sent", "sending"),
     ("troops", "soldiers", "forces", "personnel", "instructors", "units"), ()),
    ("AID", None, _v("provide", "deliver", "supply", "allocate", "approve", "announce", "pledge")
     + ("give", "gives", "gave", "given", "send", "sends", "sent", "supplies", "supplied",
        "delivery", "deliveries"),
     ("aid", "assistance", "package", "weapons", "arms", "ammunition", "missiles", "tanks",
      "jets", "loan", "grant", "funding", "goods", "equipment", "drones"), ()),
    ("AID", None, ("help", "helps", "helped", "helping", "aid", "aids", "aided"), (), ("recipient",)),
    ("COOPERATE", None, _v("strengthen", "deepen", "expand"),
     ("ties", "cooperation", "partnership"), ()),
    ("COOPERATE", None, _v("cooperate"), (), ()),
    ("CONSULT", "phone", ("spoke", "talked", "call"), ("phone", "telephone"), ()),
    ("CONSULT", None, ("hold", "holds", "held", "holding"),
     ("talks", "meeting", "consultations", "press", "summit"), ()),
    ("CONSULT", "visit", ("visit", "visits", "visited", "visiting"), (), ()),
    ("CONSULT", None, ("meet", "meets", "met", "meeting", "talks"), (), ()),
    ("AGREE", None, ("sign", "signs", "signed", "signing"), ("agreement", "memorandum", "treaty", "deal"), ()),
    ("SUPPORT", None, ("back", "backs", "backed", "endorse", "endorsed", "endorses"), (), ()),
    ("REQUEST", None, _v("demand", "urge") + ("call", "calls", "called", "asked", "asks"), (), ()),
    ("ACCUSE", None, _v("accuse", "condemn", "criticize", "blame"), (), ()),
    ("REJECT", None, _v("reject", "refuse") + ("refused",), (), ()),
    ("THREATEN", None, _v("threaten") + ("threatened",), (), ()),
    ("PROTEST", "demo", _v("protest", "rally"), (), ()),
    ("SANCTION", None, _v("impose", "extend", "announce", "adopt") + ("new",), ("sanctions", "embargo"), ()),
    ("SANCTION", "expel", _v("expel") + ("expelled",), ("diplomats", "ambassador"), ()),
    ("MOBILIZE", "troops", _v("mobilize", "mass") + ("massed",), (), ()),
    ("COERCE", "arrest", _v("arrest", "detain"), (), ()),
    ("ASSAULT", "aerial", ("launched", "launch", "launches"), ("strike", "strikes", "attack"), ()),
    ("ASSAULT", "aerial", _v("attack", "strike", "bomb") + ("struck", "airstrike", "airstrikes"), (), ()),
    ("ASSAULT", "heavy-weapons", _v("shell") + ("shelled", "shelling"), (), ()),
    ("ASSAULT", None, _v("invade", "occupy") + ("invaded", "occupied", "invasion"), (), ()),
]

MODE_WORDS = {
    "AID": [
        (("troops", "soldiers", "personnel", "instructors", "units"), "personnel"),
        (("humanitarian", "food", "medical"), "humanitarian"),
        (("military", "weapons", "arms", "ammunition", "missiles", "tanks", "jets", "drones",
          "defense", "defence"), "military"),
        (("financial", "economic", "budget", "loan", "grant", "funding"), "economic"),
        (("goods", "equipment", "components", "fuel"), "material"),
        (("asylum",), "asylum"),
    ],
    "CONSULT": [(("phone", "telephone", "video"), "phone"), (("visit",), "visit"),
                (("summit", "ministers"), "multilateral")],
    "COOPERATE": [(("military", "defense", "defence", "security"), "military"),
                  (("economic", "trade"), "economic")],
}

PREPOSITIONS = [
    (("to", "into"), (), "recipient", ("AID", "MOBILIZE")),
    (("in", "at"), (), "location", ()),
    (("against",), (), "recipient", ("AID", "ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE",
                                     "MOBILIZE", "PROTEST")),
    (("on",), (), "recipient", ("SANCTION", "ASSAULT")),
    (("with",), (), "recipient", ("COOPERATE", "CONSULT", "AGREE")),
]

ACTOR_HEADS = ()
HEAD_LINKS = ()
PRONOUNS = ("he", "she", "it", "they", "we")
CONJUNCTIONS = ("and", "as well as")
CIRCUMSTANTIAL = ("during", "after", "before", "on the sidelines of")

NEGATION = ("not", "never", "no", "didn't", "won't", "wouldn't", "doesn't", "don't")
DEMAND = ("must", "should", "need", "needs", "ought", "urged", "urge", "called", "demanded")
FUTURE = ("plans", "plan", "planned", "intends", "going", "ready", "will", "shall")
FUTURE_AUX = ()
HYPOTHETICAL = ("if", "would", "could", "might", "unless")
CONDITIONAL_PARTICLES = ("would", "could")
PARTNER_PREPOSITIONS = ("with",)
