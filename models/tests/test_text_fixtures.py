"""The char_wb TF-IDF fixture the TypeScript featurizer is held to is what scikit-learn gives today."""

import json

import text_fixtures


def test_committed_fixture_is_scikit_learns_current_output():
    committed = json.loads(text_fixtures.OUT.read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(text_fixtures.fixtures(), ensure_ascii=False, allow_nan=False))
    assert committed["source"] == fresh["source"]
    for got, want in zip(committed["cases"], fresh["cases"], strict=True):
        assert got["spec"]["vocabulary"] == want["spec"]["vocabulary"]
        assert got["ngrams"] == want["ngrams"]
        for row_got, row_want in zip(got["rows"], want["rows"], strict=True):
            assert [j for j, _ in row_got] == [j for j, _ in row_want]
            assert all(abs(a - b) < 1e-15 for (_, a), (_, b) in zip(row_got, row_want))


def test_short_words_and_astral_characters_are_in_the_fixture():
    case = text_fixtures.fixtures()["cases"][0]
    assert case["ngrams"][case["texts"].index("a")] == [" a", "a ", " a "]
    assert any("🚗" in g for g in case["spec"]["vocabulary"])
