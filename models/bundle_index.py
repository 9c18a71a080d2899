"""Writes public/model/index.json: the models that come with the app, one entry each, read
from the cards inside the .onnx files (so the page's model picker shows a line per model
without fetching every model). Rerun after any bundled model changes (models/build.py does).

    python3 models/bundle_index.py
"""

from __future__ import annotations

import hashlib
import json
import pathlib

import onnx

REPO = pathlib.Path(__file__).resolve().parents[1]
PUBLIC = REPO / "public"
INDEX = PUBLIC / "model" / "index.json"

# (file, demo sample, the model it challenges): the primary models first, the default first of all.
BUNDLE: list[tuple[str, str | None, str | None]] = [
    ("model/deduction-risk.onnx", "demo/demo-sample.csv", None),
    ("model/inactive-business.onnx", "demo/inactive-business-sample.csv", None),
    ("model/vat-remarks.onnx", "demo/vat-remarks-sample.csv", None),
    ("model/deduction-risk-prefiling.onnx", "demo/demo-sample.csv", "deduction-risk"),
]


def card_of(path: pathlib.Path) -> dict:
    model = onnx.load(str(path), load_external_data=False)
    (text,) = [p.value for p in model.metadata_props if p.key == "model_card"]
    return json.loads(text)


def entry(file: str, demo: str | None, challenger_of: str | None) -> dict:
    path = PUBLIC / file
    card = card_of(path)
    if demo is not None and not (PUBLIC / demo).is_file():
        raise SystemExit(f"{demo} is missing")
    recall = {round(r["share"], 6): r["recall"] for r in card["metrics"]["at_share"]}
    return {
        "id": card["model"]["id"],
        "file": file,
        "demo": demo,
        "task": card["vocabulary"]["task"],
        "notice": card["model"]["notice"],
        "challenger_of": challenger_of,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "roc_auc": card["metrics"]["roc_auc"],
        "recall_at_25": recall[0.25],
    }


def index() -> str:
    return json.dumps({"models": [entry(*b) for b in BUNDLE]}, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    INDEX.write_text(index(), encoding="utf-8")
    print(f"wrote {INDEX.relative_to(REPO)} ({len(BUNDLE)} models)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
