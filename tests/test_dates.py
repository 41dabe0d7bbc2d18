from newsgraph.dates import describe


def test_partial_dates_read_as_words():
    assert describe("--10-17") == "17 October (year unknown)"
    assert describe("--10-17/--10-18") == "17–18 October (year unknown)"
    assert describe("--10-31/--11-02") == "31 October – 2 November (year unknown)"
    assert describe("2024-10") == "October 2024"


def test_full_dates_stay_iso():
    assert describe("2024-10-17") == "2024-10-17"
    assert describe("2024-10-17/2024-10-18") == "2024-10-17 – 2024-10-18"
    assert describe(None) == "" and describe("2024") == "2024"
