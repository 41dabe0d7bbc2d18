import codecs

import pytest

from newsgraph.ingest.encoding import NotText, decode

UK = ("Міністр оборони України заявив, що Збройні сили отримають нові системи ППО ще до зими. "
      "Їхня поставка стала можливою завдяки ґрунтовній домовленості з партнерами, повідомляє агентство.")
RU = ("Министр иностранных дел заявил журналистам, что переговоры продолжатся в следующем месяце. "
      "По его словам, стороны ещё не согласовали ключевые условия соглашения.")


@pytest.mark.parametrize("text", [UK, RU])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_u"])
def test_cyrillic_single_byte_and_utf8_are_detected(text, encoding):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding.replace("-", "_") == encoding.replace("-", "_")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(encoding):
    decoded = decode(UK.encode(encoding))
    assert decoded.text == UK
    assert decoded.encoding.startswith("utf-16")


def test_utf8_bom_is_not_part_of_the_text():
    assert decode(codecs.BOM_UTF8 + RU.encode()).text == RU


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (bytes([0x00, 0x01, 0x02, 0x9f, 0x98, 0x00, 0x03]) * 200, "binary"),
    ],
)
def test_binary_content_is_refused_with_its_kind(data, reason):
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_random_high_bytes_are_not_passed_off_as_cyrillic():
    import random

    rng = random.Random(7)
    junk = bytes(rng.choice([0x98, 0x81, 0x83, 0x8d, 0x8f, 0x90, 0x07, 0x1b]) for _ in range(3000))
    with pytest.raises(NotText):
        decode(junk)
