"""The Spark job against the CLI on the same files: the demo sample, its Norwegian Excel
variant (windows-1252, ';', decimal commas, spaces in numbers), a file of bad rows and the
demo as a 3-part Parquet directory, and a typed Parquet file (the list). Scores within 1e-6, contributions within 1e-5,
row_status and row_issues exactly, rows in = rows out, and the control list, manifest and
outcomes form byte for byte (the manifest but its timestamp)."""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from batch.job import run
from batch.tests.conftest import ROOT, make_spec, tsx

DEMO = os.path.join(ROOT, "public/demo/demo-sample.csv")
EXCEL = os.path.join(ROOT, "test/fixtures/excel/demo-sample-excel-nb.csv")
LIST_FLAGS = ["--capacity", "40", "--control-share", "0.25", "--seed", "7"]


def bad_rows_file(path: str, quotes: bool = True) -> None:
    """The demo's first 40 rows with one fault each in some, written by hand so the expected sentences come from the CLI.
    Without `quotes` the file has no '"', so the job reads it in parallel splits instead of multiLine."""
    with open(DEMO, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header, rows = lines[0], [r.split(",") for r in lines[1:41]]
    rows[1][3] = "4O"  # a letter in a number: rejected
    rows[3][8] = ""  # lonnsinntekt missing, not nullable: warned
    rows[5][8] = "-5000"  # negative where the card forbids it: rejected
    rows[7] = rows[7][:30]  # a short row: rejected
    rows[9] = rows[9] + ["", " "]  # blank extra fields: Excel's padding, fine
    rows[11] = rows[11] + ["x"]  # an extra field with text: rejected
    rows[13][0] = rows[2][0]  # a duplicate id: warned
    rows[15][0] = ""  # no id: warned
    rows[17][3] = "150"  # outside the training range: warned
    rows[19][9] = "80 %"  # percent on a percent feature
    rows[21][8] = "kr 5 000"  # kroner on a NOK feature
    rows[23][15] = "1.234"  # ambiguous: the column's convention decides
    rows[25][12] = "ja"  # a yes/no word on a binary feature
    rows[27][12] = "2"  # not 0/1 on a binary feature: rejected
    rows[29][37] = "kanskje"  # an unreadable label: warned
    rows[31][1] = "50\x0106"  # a control character in a passthrough column
    if quotes:
        rows[33][2] = '"gift\nmed linjeskift"'  # a quoted line break: the lines after shift
        rows[35][15] = '"2,5"'  # a decimal comma in a comma-separated file, quoted
    rows[37][8] = "12.5"  # not a whole number in an integer feature: warned
    out = [header]
    for k, r in enumerate(rows):
        out.append(",".join(r))
        if k == 20:
            out.append("")  # an empty line: skipped, but counted in line numbers
        if k == 24:
            out.append(",,,,")  # a blank record: skipped
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")


def cli(work, name: str, input_path: str, *flags: str) -> str:
    out = str(work / f"{name}.cli.csv")
    if not os.path.exists(out):
        tsx("src/cli/score.ts", "--input", input_path, "--output", out, "--lang", "nb", *flags)
    return out


def job(spark, work, name: str, input_path: str, *flags: str) -> tuple[str, dict]:
    out = str(work / f"{name}.parquet")
    spec = make_spec(input_path, out, *flags, spec_path=str(work / f"{name}.spec.json"))
    if not os.path.exists(out):
        run(spec, spark)
    return out, spec


@pytest.fixture(scope="session")
def demo(spark, work):
    return cli(work, "demo", DEMO, "--explain"), job(spark, work, "demo", DEMO, "--explain")


@pytest.fixture(scope="session")
def excel(spark, work):
    return cli(work, "excel", EXCEL, "--explain"), job(spark, work, "excel", EXCEL, "--explain")


@pytest.fixture(scope="session", params=[True, False], ids=["multiline", "splits"])
def bad(spark, work, request):
    name = "bad" if request.param else "bad-unquoted"
    path = str(work / f"{name}.csv")
    bad_rows_file(path, quotes=request.param)
    return cli(work, name, path), job(spark, work, name, path)


def read_cli(path: str) -> pd.DataFrame:
    # The CLI's output dialect follows the input's; sniff it rather than assume.
    with open(path, encoding="utf-8-sig") as f:
        first = f.readline()
    sep = ";" if first.count(";") > first.count(",") else ","
    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def number(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series.str.replace(",", ".", regex=False).replace("", np.nan)).to_numpy(float)


def compare(cli_path: str, parquet_path: str, features: list[str], explained: bool) -> pd.DataFrame:
    c = read_cli(cli_path)
    d = pq.read_table(parquet_path).to_pandas()
    assert len(d) == len(c)
    assert list(d["row_status"]) == list(c["row_status"])
    assert list(d["row_issues"]) == list(c["row_issues"])
    p = number(c["risk_probability"])
    assert np.array_equal(np.isnan(p), d["risk_probability"].isna().to_numpy())
    assert np.nanmax(np.abs(d["risk_probability"].to_numpy(float) - p)) <= 1e-6
    rank = number(c["risk_rank"])
    assert np.array_equal(np.nan_to_num(rank, nan=0), d["risk_rank"].fillna(0).to_numpy(float))
    if explained:
        for name in ["contrib_base"] + [f"contrib_{f}" for f in features]:
            expected = number(c[name])
            got = d[name].to_numpy(float)
            assert np.array_equal(np.isnan(expected), np.isnan(got)), name
            assert np.nanmax(np.abs(got - expected)) <= 1e-5, name
    return d


def test_demo_scores_and_explanations_match_the_cli(demo):
    (cli_out, (out, spec)) = demo
    d = compare(cli_out, out, spec["features"], True)
    c = read_cli(cli_out)
    n_input = len(spec["csv"]["header"])
    # The input columns: the cell text unchanged, in order, under their own names.
    assert list(d.columns[:n_input]) == spec["csv"]["header"]
    assert (d.iloc[:, :n_input] == c.iloc[:, :n_input]).all().all()


def test_demo_probabilities_are_onnxruntime_webs_float32_values(demo):
    """The CLI prints the float32 shortest text; the job holds the float32 widened: the same float32 bit for bit."""
    (cli_out, (out, _)) = demo
    c = number(read_cli(cli_out)["risk_probability"]).astype(np.float32)
    d = pq.read_table(out).column("risk_probability").to_numpy().astype(np.float32)
    assert np.array_equal(c.view(np.uint32), d.view(np.uint32))


def test_excel_variant_matches_the_cli(excel):
    (cli_out, (out, spec)) = excel
    assert spec["csv"]["encoding"] == "windows-1252" and spec["csv"]["delimiter"] == ";"
    compare(cli_out, out, spec["features"], True)


def test_bad_rows_have_the_clis_status_and_sentences(bad):
    (cli_out, (out, spec)) = bad
    d = compare(cli_out, out, spec["features"], False)
    assert len(d) == 40
    statuses = d["row_status"].value_counts().to_dict()
    assert statuses["rejected"] >= 4 and statuses["scored_with_warnings"] >= 5
    # The short row keeps its 30 cells; the fields it lacks are null, not text.
    assert not pd.isna(d.iloc[7, 29]) and pd.isna(d.iloc[7, 30])


def test_output_file_carries_the_contract_metadata(demo):
    (_, (out, spec)) = demo
    f = pq.ParquetFile(out)
    meta = {k.decode(): v.decode() for k, v in f.metadata.metadata.items() if k.startswith(b"fradragsrisiko.")}
    import hashlib

    with open(spec["model"]["path"], "rb") as fh:
        model_sha = hashlib.sha256(fh.read()).hexdigest()
    with open(DEMO, "rb") as fh:
        input_sha = hashlib.sha256(fh.read()).hexdigest()
    assert meta == {
        "fradragsrisiko.format": "1",
        "fradragsrisiko.model_sha256": model_sha,
        "fradragsrisiko.model_name": "deduction-risk.onnx",
        "fradragsrisiko.model_card": spec["model"]["card"],
        "fradragsrisiko.output_space": "log-odds",
        "fradragsrisiko.input_name": "demo-sample.csv",
        "fradragsrisiko.input_sha256": input_sha,
        "fradragsrisiko.rows": "2000",
        "fradragsrisiko.explained": "true",
        "fradragsrisiko.features": json.dumps(spec["features"]),
    }
    assert json.loads(meta["fradragsrisiko.model_card"])["features"][0]["name"] == spec["features"][0]
    schema = f.schema_arrow
    assert schema.field("risk_probability").type == pa.float64()
    assert schema.field("risk_rank").type == pa.int64()
    assert schema.field("row_status").type == pa.string() and schema.field("row_issues").type == pa.string()
    assert all(schema.field(f"contrib_{n}").type == pa.float64() for n in spec["features"])
    assert f.metadata.row_group(0).column(0).compression == "SNAPPY"


def test_parquet_directory_input_keeps_order_and_scores(spark, work, demo):
    (cli_out, _) = demo
    frame = pd.read_csv(DEMO, dtype={"skattyter_id": str, "sivilstand": str})
    parts = work / "demo-in-3-parts.parquet"
    parts.mkdir(exist_ok=True)
    cuts = [0, 700, 1300, len(frame)]
    for k in range(3):
        piece = frame.iloc[cuts[k] : cuts[k + 1]]
        pq.write_table(pa.Table.from_pandas(piece, preserve_index=False), str(parts / f"part-{k:05d}.parquet"))
    out, spec = job(spark, work, "demo-parts", str(parts))
    d = pq.read_table(out).to_pandas()
    c = read_cli(cli_out)
    assert list(d["skattyter_id"]) == list(c["skattyter_id"])
    assert d["alder"].dtype.kind == "i"  # the columns as they were
    assert np.nanmax(np.abs(d["risk_probability"].to_numpy(float) - number(c["risk_probability"]))) <= 1e-6
    assert list(d["row_status"]) == list(c["row_status"])
    import hashlib

    h = hashlib.sha256()
    for name in sorted(os.listdir(parts)):
        h.update((parts / name).read_bytes())
    assert pq.ParquetFile(out).metadata.metadata[b"fradragsrisiko.input_sha256"].decode() == h.hexdigest()


@pytest.mark.parametrize("which", ["demo", "excel"])
def test_control_list_is_byte_identical_to_the_clis(which, request, work):
    (_, (out, _)) = request.getfixturevalue(which)
    source = DEMO if which == "demo" else EXCEL
    made = {}
    for who in ("cli", "batch"):
        folder = work / f"list-{which}-{who}"
        folder.mkdir(exist_ok=True)
        made[who] = folder
    tsx("src/cli/score.ts", "--input", source, "--list", str(made["cli"] / "liste.csv"), "--lang", "nb", *LIST_FLAGS)
    tsx("src/cli/batch.ts", "--input", source, "--output", out, "--list", str(made["batch"] / "liste.csv"), "--list-only", "--lang", "nb", *LIST_FLAGS)
    names = sorted(os.listdir(made["cli"]))
    assert names == sorted(os.listdir(made["batch"])) and len(names) == 3  # list, manifest, outcomes form
    for name in names:
        a, b = (made["cli"] / name).read_bytes(), (made["batch"] / name).read_bytes()
        if name.endswith(".manifest.json"):
            # The same manifest but its timestamp (control-list.ts).
            ma, mb = json.loads(a), json.loads(b)
            assert ma.pop("created_at") and mb.pop("created_at")
            assert ma == mb
            assert a.replace(json.loads(a)["created_at"].encode(), b"") == b.replace(json.loads(b)["created_at"].encode(), b"")
        else:
            assert a == b, name


def test_control_list_of_a_parquet_input_is_byte_identical_to_the_clis(spark, work):
    """`npm run batch -- --list` on one Parquet file: the list built over the CLI's Parquet intake
    with the job's probabilities, the same bytes as `npm run score -- --list` on that file."""
    plain = os.path.join(ROOT, "test/fixtures/parquet/plain.parquet")
    out, _ = job(spark, work, "plain-parquet", plain)
    made = {}
    for who in ("cli", "batch"):
        made[who] = work / f"list-plain-parquet-{who}"
        made[who].mkdir(exist_ok=True)
    tsx("src/cli/score.ts", "--input", plain, "--list", str(made["cli"] / "liste.csv"), "--lang", "nb", *LIST_FLAGS)
    tsx("src/cli/batch.ts", "--input", plain, "--output", out, "--list", str(made["batch"] / "liste.csv"), "--list-only", "--lang", "nb", *LIST_FLAGS)
    names = sorted(os.listdir(made["cli"]))
    assert names == sorted(os.listdir(made["batch"])) and len(names) == 3
    for name in names:
        a, b = (made["cli"] / name).read_bytes(), (made["batch"] / name).read_bytes()
        if name.endswith(".manifest.json"):
            ma, mb = json.loads(a), json.loads(b)
            assert ma.pop("created_at") and mb.pop("created_at")
            assert ma == mb and ma["input"]["file_name"] == "plain.parquet"
        else:
            assert a == b, name


def test_list_of_a_parquet_directory_is_refused(work):
    parts = work / "two-parts.parquet"
    parts.mkdir(exist_ok=True)
    r = tsx("src/cli/batch.ts", "--input", str(parts), "--output", str(work / "x.parquet"), "--list", str(work / "x.csv"), "--capacity", "5", "--lang", "en", check=False)
    assert r.returncode == 2
    assert "--list needs one file as --input, CSV or Parquet, not a directory of Parquet parts" in r.stderr
