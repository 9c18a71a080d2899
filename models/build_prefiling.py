"""Builds the pre-filing variant of the deduction model (prefiling.py) and compares it with the bundled one.

1. the same 200,000 generated returns and 60/20/20 split as the bundled model (train.training_data);
2. LightGBM on the features known before filing, early-stopped on the validation split (train.train);
3. the bundled model's export recipe (export_with_card with the PREFILING spec): no ZipMap,
   float32-safe thresholds, training counts in nodes_hitrates, full card with the test metrics;
4. onnxruntime against LightGBM on the whole test split (|Δp| ≤ 1e-5);
5. both models' test metrics side by side, and the reach and overlap of their top 25 %,
   printed and written to models/PREFILING.md.

Reads the bundled model from public/model/deduction-risk.onnx, so run it after build.py
(build.py calls it last).

    python3 models/build_prefiling.py
"""

from __future__ import annotations

import sys

import numpy as np
import onnx

import pipeline_config as C
from export import predict_onnx, read_card, session
from export_with_card import export_with_card
from feature_catalogue import LABEL_COLUMN
from model_spec import DEDUCTION
from prefiling import PREFILING
from prefiling_report import gain_shares, write_report
from ranking_metrics import format_side_by_side, top_share_reach
from train import feature_matrix, load_booster, save_booster, train, training_data

PARITY_TOLERANCE = 1e-5
# The capacity the comparison is read at: the share the card's headline recall uses.
COMPARED_SHARE = 0.25


def main() -> int:
    frame, splits = training_data()
    booster = train(frame, splits, names=PREFILING.names)
    save_booster(booster, PREFILING.booster_path)
    print(f"{PREFILING.id}: {booster.num_trees()} trees on {len(PREFILING.names)} features known before filing")
    _, card, prob_pre = export_with_card(booster, frame, splits, PREFILING)
    print(f"wrote {PREFILING.onnx_path.relative_to(C.REPO)} ({PREFILING.onnx_path.stat().st_size / 1e6:.2f} MB)")

    test = frame.iloc[splits.test]
    gap = float(np.max(np.abs(booster.predict(feature_matrix(test, PREFILING.names)) - prob_pre)))
    print(f"onnxruntime vs LightGBM on {len(test):,} test rows: max |Δp| = {gap:.2e}")
    if gap > PARITY_TOLERANCE:
        raise SystemExit(f"parity broken: {gap} > {PARITY_TOLERANCE}")

    bundled = onnx.load(str(DEDUCTION.onnx_path))
    bundled_card = read_card(bundled)
    prob_post = predict_onnx(session(bundled), feature_matrix(test, DEDUCTION.names))
    reach = top_share_reach(test[LABEL_COLUMN].to_numpy(), prob_pre, prob_post, COMPARED_SHARE)
    print(format_side_by_side({DEDUCTION.id: bundled_card["metrics"], PREFILING.id: card["metrics"]}))
    print(
        f"top {COMPARED_SHARE:.0%} ({reach['n_selected']:,} returns each): {reach['overlap']:,} returns in both lists "
        f"({reach['overlap_share']:.1%}); of {reach['positives']:,} incorrect returns, pre-filing finds "
        f"{reach['positives_a']:,}, post-filing {reach['positives_b']:,}, both {reach['positives_both']:,}; "
        f"{reach['positives_only_a']:,} only in the pre-filing list"
    )
    write_report(bundled_card, card, reach, gain_shares(load_booster(DEDUCTION.booster_path)), gain_shares(booster))
    print(f"wrote {C.PREFILING_REPORT_PATH.relative_to(C.REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
