import pytest

from newsgraph.clean.language import detect


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Написать комментарий", "ru"),
        ("Еще никто не комментировал данный материал.", "ru"),
        ("Поділитися", "uk"),
        ("Підписуйтесь на наш канал", "uk"),
        ("Уряд ухвалив рішення про додаткове фінансування громад", "uk"),
        ("Правительство одобрило дополнительное финансирование регионов", "ru"),
        ("The minister said talks would resume next week.", "en"),
        ("Share this article", "en"),
    ],
)
def test_short_lines_get_the_right_language(text, expected):
    assert detect(text) == expected


def test_no_letters_no_language():
    assert detect("12.10.2024 — 15:30") is None
