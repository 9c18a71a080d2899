"""The metrics fixtures are reproducible from the script, and its PRNG is the published one."""

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("write_fixtures", HERE / "write_fixtures.py")
wf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wf)


def test_committed_fixtures_are_what_the_script_writes(tmp_path):
    for path in wf.write(tmp_path):
        committed = wf.DEFAULT_OUT / path.name
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is stale: rerun write_fixtures.py"


def test_splitmix64_gives_the_reference_stream():
    # Vigna's splitmix64.c, as recorded in rand_xoshiro's `reference` test.
    g = wf.splitmix64(1477776061723855037)
    assert [next(g) for _ in range(3)] == [1985237415132408290, 2979275885539914483, 13511426838097143398]


def test_xoshiro128starstar_gives_the_reference_stream():
    # xoshiro128** 1.1 from state [1, 2, 3, 4], as recorded in rand_xoshiro's `reference` test.
    rng = wf.Xoshiro128StarStar([1, 2, 3, 4])
    assert [rng.next_u32() for _ in range(10)] == [
        11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]


def test_average_precision_is_zero_in_scikit_learn_without_positives():
    # The TypeScript side answers NaN here on purpose; this pins the behaviour it departs from.
    import json

    cases = json.loads((wf.DEFAULT_OUT / "binary_cases.json").read_text())
    assert cases["all_negative"]["expected"]["average_precision"] == 0.0
