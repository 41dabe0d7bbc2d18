"""Pipeline.run: documents analysed in batches, in order, one bad one never costing the rest."""
from __future__ import annotations

from newsgraph import pipeline as pipeline_module
from newsgraph.model import Failure, RawDocument, Source
from newsgraph.pipeline import Pipeline

TEXTS = [
    "Зеленський зустрівся з Макроном у Парижі\nПрезидент України Володимир Зеленський обговорив з Емманюелем Макроном постачання ППО.",
    "Лавров прибыл в Анкару\nМинистр иностранных дел России Сергей Лавров провел переговоры с Хаканом Фиданом.",
    "Кличко: Київ отримав генератори від Японії\nМіський голова Києва Віталій Кличко подякував уряду Японії за допомогу.",
]


def stream():
    for i, text in enumerate(TEXTS):
        yield RawDocument(source=Source(path=f"doc-{i}"), text=text)
        if i == 0:
            yield Failure(Source(path="broken.warc"), "truncated WARC record")


def names(doc):
    return sorted((e.name, e.type) for e in doc.entities)


def test_batched_run_keeps_order_and_equals_one_by_one():
    batched = list(Pipeline(batch=16).run(stream()))
    single = list(Pipeline(batch=1).run(stream()))
    assert [getattr(x, "source").path for x in batched] == ["doc-0", "broken.warc", "doc-1", "doc-2"]
    assert isinstance(batched[1], Failure)
    for a, b in zip(batched, single):
        if not isinstance(a, Failure):
            assert names(a) == names(b) and a.values == b.values and a.quotes == b.quotes
    assert any("Кличко" in name for name, kind in names(batched[3]) if kind == "PER")


def test_a_document_that_breaks_the_analysis_does_not_cost_its_batch(monkeypatch):
    real = pipeline_module.annotate_many

    def fragile(docs):
        if any(d.source.path == "doc-1" for d in docs):
            raise ValueError("model crashed")
        return real(docs)

    monkeypatch.setattr(pipeline_module, "annotate_many", fragile)
    out = [x for x in Pipeline(batch=16).run(stream()) if not isinstance(x, Failure)]
    assert [d.source.path for d in out] == ["doc-0", "doc-1", "doc-2"]
    assert out[0].entities and out[2].entities
    assert not out[1].entities and "model crashed" in out[1].warnings[0]
