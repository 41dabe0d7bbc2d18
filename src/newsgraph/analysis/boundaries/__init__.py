"""Where one name ends and the next begins, and what kind of name it is.

A recogniser trained on a few hundred documents gets the edges of names
wrong in ways the words themselves settle:

- it runs an organisation on into the person after it when no comma parts
  them ("глава Ленінської райадміністрації Максим Мусєєв"): a first name in
  the nominative after the lower-case end of an organisation starts a person
  (a name the organisation bears is in the genitive: "Блок Петра Порошенка");
- it cuts an institution named after a person in two ("К-ПНУ ім. Івана
  Огієнка"), a name with particles ("Урсула фон дер Ляєн") or a nickname
  ("Дмитро «Бобін» Александров"), and an
  organisation from its country ("МИД Турции", which factRuEval and BSNLP
  annotate whole), from the authority it is a unit of ("Департамент
  соціальної політики КМДА"), from the region it serves ("ДСНС України в
  Житомирській області") or from its company form ("MAKO Trading SA");
- it takes a capitalised title at the start of a sentence for the start of
  a name ("Прем'єр-міністр Великої Британії") and a verb after a name for its
  end ("Європейська комісія нагадала");
- it takes a woman for a place ("Марта Кос") and a foreign company's name
  for a person ("авіакомпанія Ryanair"), and
  misses a quoted name after such a word ("компанії «Арс», «Ніка» і «Некст»":
  NER-UK marks 208 of 217 such names ORG).

The rules live by what they do: ``edges`` (where a name starts and ends),
``joins`` (two spans that are one name), ``kinds`` (what kind of name a span
is) and ``splits`` (one span that is two names); ``fix`` runs them in that
order, and last the edges a final span settles (legal forms, brackets,
closing quotes, abbreviation dots). The words are language data: ``NAMED_AFTER_WORDS``,
``NAME_PARTICLES``, ``ORGANISATION_WORDS``, ``LEGAL_FORMS``, ``COMPANY_FORMS``,
``COMPANY_WORDS``, ``SUBDIVISION_WORDS`` and ``LOCAL_AUTHORITY_WORDS`` in
``newsgraph/lang/<code>/names.py``, region and feature words and
``OFFICE_PREPOSITIONS`` in ``places.py``, and the titles of ``titles.py``.
"""
from __future__ import annotations

from ...model import Span
from ..morphology import has_morphology
from . import edges, joins, kinds, splits


def fix(text: str, spans: list[Span], language: str | None) -> list[Span]:
    """The recogniser's spans with their edges and types mended: edges first
    (a title or verb cut off may leave a span that then joins its neighbour),
    then joins, then types, and a person split off an organisation last."""
    if not has_morphology(language):
        return spans
    spans = edges.whole_words(text, sorted(spans, key=lambda s: s.start))
    spans = [t for s in spans if (t := edges.trim(text, s, language)) is not None]
    spans = joins.named_after(text, spans, language)
    spans = joins.particles(text, spans, language)
    spans = joins.nickname(text, spans)
    spans = joins.country(text, spans, language)
    spans = joins.subdivision(text, spans, language)
    spans = joins.regional_office(text, spans, language)
    spans = joins.company_form(text, spans, language)
    spans = kinds.quoted_organisations(text, spans, language)
    out: list[Span] = []
    for s in spans:
        s = kinds.person_by_first_name(text, kinds.organisation_by_word(text, s, language), language)
        s = kinds.place_by_region_word(text, kinds.organisation_by_head(text, s, language), language)
        out.extend(splits.person_after_organisation(text, s, language) if s.type == "ORG"
                   else splits.two_people(text, s, language) if s.type == "PER"
                   else splits.settlement_and_region(text, s, language) if s.type == "LOC" else [s])
    out = [edges.closing_quote(text, edges.balanced(text, edges.with_legal_form(text, s, language))) for s in out]
    return [edges.abbreviation_dot(text, s, language) for s in out]
