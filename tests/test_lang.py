"""The language interface: typed sections filled from ``lang/<code>/``, no
silent defaults for misspelt constants, nothing Ukrainian for an unknown
language, and no language-code branches outside ``lang/``."""
import ast
import importlib
import sys
import types
from dataclasses import fields
from pathlib import Path

import pytest

from newsgraph import lang
from newsgraph.lang import SECTIONS, Language, SectionError, load_section

SRC = Path(lang.__file__).resolve().parent.parent


@pytest.mark.parametrize("code", lang.CODES)
def test_every_section_of_every_language_loads(code):
    language = lang.get(code)
    assert language.code == code
    sections = language.sections()
    assert set(sections) == set(SECTIONS)
    for name, section in sections.items():
        assert isinstance(section, SECTIONS[name])
    # the data is there, under the module constants' names
    assert language.names.FIRST_NAMES and language.speech.SPEECH_VERBS and language.titles.TITLES
    assert language.cleaning.MONTHS and language.cleaning.BOILERPLATE_PATTERNS and language.names.AND_WORDS


@pytest.mark.parametrize("code", lang.CODES)
def test_every_constant_of_a_section_module_is_declared(code):
    """Each UPPERCASE constant of ``lang/<code>/<section>.py`` is a field of its
    section and reaches it unchanged (a section module a language lacks is empty)."""
    for name, cls in SECTIONS.items():
        try:
            module = importlib.import_module(f"newsgraph.lang.{code}.{cls.module}")
        except ModuleNotFoundError:
            assert not getattr(lang.get(code), name)
            continue
        declared = {f.name for f in fields(cls)}
        constants = {k for k in vars(module) if k.isupper() and not k.startswith("_")}
        assert constants <= declared, (module.__name__, constants - declared)
        section = getattr(lang.get(code), name)
        for k in constants:
            assert getattr(section, k) is getattr(module, k)


def test_no_section_module_is_left_unread():
    """Every module in a language's folder is one of the sections."""
    modules = {cls.module for cls in SECTIONS.values()}
    for code in lang.CODES:
        language = lang.get(code)
        components = {language.parser, language.recogniser} - {None}
        found = {p.stem for p in (SRC / "lang" / code).glob("*.py") if p.stem != "__init__"}
        assert found <= modules | components, (code, found - modules - components)


def test_a_misspelt_constant_is_an_error():
    fake = types.ModuleType("newsgraph.lang.xx.speech")
    fake.SPEECH_VERBS = frozenset({"said"})
    fake.SPECH_VERBS = frozenset({"told"})  # misspelt
    fake._PRIVATE_HELPER = ["not", "data"]  # module-private names are the module's own
    with pytest.raises(SectionError, match="SPECH_VERBS"):
        load_section(lang.Speech, fake)
    del fake.SPECH_VERBS
    assert load_section(lang.Speech, fake).SPEECH_VERBS == {"said"}


def test_a_misspelt_constant_in_a_language_folder_fails_when_its_section_loads(monkeypatch):
    fake = types.ModuleType("newsgraph.lang.uk.titles")
    fake.TITLE = ("президент",)
    monkeypatch.setitem(sys.modules, "newsgraph.lang.uk.titles", fake)
    fresh = Language(code="uk")  # a new object: its sections are not cached yet
    with pytest.raises(SectionError, match="TITLE"):
        fresh.titles


def test_a_misspelt_section_is_an_attribute_error():
    with pytest.raises(AttributeError):
        lang.get("uk").speach
    with pytest.raises(AttributeError):
        lang.get("uk").speech.SPEACH_VERBS
    with pytest.raises(AttributeError):  # frozen: data is read, not written
        lang.get("uk").names = None


@pytest.mark.parametrize("code", [None, "xx", "pl", ""])
def test_an_unknown_language_gets_empty_sections_not_ukrainian(code):
    language = lang.of(code)
    assert language is lang.NEUTRAL
    assert language.code is None
    assert (language.morphology, language.parser, language.recogniser) == (None, None, None)
    for name, section in language.sections().items():
        assert section == SECTIONS[name](), name
        assert not section
    uk = lang.get("uk")
    assert not set(uk.speech.SPEECH_VERBS) & set(language.speech.SPEECH_VERBS)


def test_get_is_strict_and_of_is_not():
    with pytest.raises(KeyError):
        lang.get("xx")
    with pytest.raises(KeyError):
        lang.get(None)
    assert lang.of("ru") is lang.get("ru")


def test_capabilities():
    assert lang.get("uk").morphology == "uk" and lang.get("ru").morphology == "ru"
    assert lang.get("en").morphology is None
    assert lang.get("uk").recogniser and lang.get("ru").recogniser and lang.get("en").recogniser is None
    assert lang.get("uk").parser and lang.get("ru").parser


def test_language_specific_behaviour_is_data():
    assert lang.get("en").titles.ORG_BEFORE_TITLE and not lang.get("uk").titles.ORG_BEFORE_TITLE
    assert not lang.get("en").speech.COMPLEMENTIZER_AFTER_COMMA and lang.get("ru").speech.COMPLEMENTIZER_AFTER_COMMA
    assert lang.get("uk").transliteration.TABLE and lang.get("ru").transliteration.FALLBACK
    assert not lang.get("en").transliteration  # written in Latin letters already


def test_unknown_language_reads_no_ukrainian_words():
    from newsgraph.analysis.morphology import lemma
    from newsgraph.extract.roles import _titles

    assert _titles(None) == [] and _titles("xx") == []
    assert _titles("uk")
    assert lemma("міністра", None) == "міністра" and lemma("міністра", "uk") == "міністр"


# --------------------------------------------------------------------------- no branches on codes

#: files outside lang/ that may name language codes, and why.
ALLOWED = {
    # data keyed by language code
    "link/data/countries.py": "country names and aliases per language",
    # the rows of link/data (cities, organisations, people) hold one column per
    # language; person ids are spelt from the Ukrainian name, the country list is CLDR's English one
    "link/kb.py": "reads the per-language columns of link/data rows",
}


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _code_literals(path: Path) -> list[tuple[int, str]]:
    """(line, code) of every string literal equal to a language code, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value in lang.CODES and id(node) not in skip]


def test_no_language_codes_outside_lang():
    """No ``language == "en"``, no ``("uk", "ru")``, no ``data("ru", ...)``: the
    pipeline asks ``lang`` for a language's data and capabilities instead."""
    found = []
    for path in sorted((SRC).rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("lang/") or rel in ALLOWED:
            continue
        found += [f"{rel}:{line}: {code!r}" for line, code in _code_literals(path)]
    assert not found, "language codes outside newsgraph/lang/:\n" + "\n".join(found)


def test_the_check_sees_branches(tmp_path):
    path = tmp_path / "probe.py"
    path.write_text('"""uk"""\nif language == "en":\n    MORPH = ("uk", "ru")\n', encoding="utf-8")
    assert sorted(c for _, c in _code_literals(path)) == ["en", "ru", "uk"]
