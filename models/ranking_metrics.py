"""How well a risk ranking finds incorrect deductions: the figures the model card reports.

Because errors are rare, the card leads with what a control unit plans by: checking a share
of the returns, how many of the incorrect ones does it find (recall), how many of the checked
are incorrect (precision), and how much better than random that is (lift = precision / base
rate). ROC AUC, average precision and the Brier score come from scikit-learn.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

CARD_SHARES = (0.05, 0.10, 0.25)
GAINS_SHARES = tuple(round(k / 100, 2) for k in range(1, 101))


def count_for_share(share: float, n: int) -> int:
    """Rows in a share of n, rounded half up, as src/lib/core/metrics/count-for-share.ts."""
    if not share > 0 or n <= 0:
        return 0
    if share >= 1:
        return n
    return min(n, int(np.floor(share * n + 0.5)))


def rank_order(prob: np.ndarray) -> np.ndarray:
    """Row indices, highest probability first; ties keep row order."""
    return np.argsort(-np.asarray(prob, float), kind="stable")


def at_share(label: np.ndarray, prob: np.ndarray, share: float) -> dict:
    label = np.asarray(label, int)
    n = len(label)
    k = count_for_share(share, n)
    positives = int(label.sum())
    found = int(label[rank_order(prob)[:k]].sum())
    precision = found / k if k else float("nan")
    base_rate = positives / n if n else float("nan")
    return {
        "share": share,
        "n_selected": k,
        "precision": precision,
        "recall": found / positives if positives else float("nan"),
        "lift": precision / base_rate if positives else float("nan"),
    }


def gains(label: np.ndarray, prob: np.ndarray, shares=GAINS_SHARES) -> dict:
    rows = [at_share(label, prob, s) for s in shares]
    return {
        "shares": list(shares),
        "recall": [r["recall"] for r in rows],
        "precision": [r["precision"] for r in rows],
    }


def evaluate(label: np.ndarray, prob: np.ndarray, shares=CARD_SHARES) -> dict:
    """The card's `metrics` block (split 'test')."""
    label = np.asarray(label, int)
    prob = np.asarray(prob, float)
    return {
        "split": "test",
        "n": int(len(label)),
        "positives": int(label.sum()),
        "base_rate": float(label.mean()),
        "roc_auc": float(roc_auc_score(label, prob)),
        "pr_auc": float(average_precision_score(label, prob)),
        "brier": float(brier_score_loss(label, prob)),
        "at_share": [at_share(label, prob, s) for s in shares],
    }


def format_metrics(metrics: dict, gains_table: dict | None = None) -> str:
    lines = [
        f"test split: n = {metrics['n']:,}, positives = {metrics['positives']:,}, base rate = {metrics['base_rate']:.2%}",
        f"ROC AUC {metrics['roc_auc']:.4f}   PR AUC (average precision) {metrics['pr_auc']:.4f}   Brier {metrics['brier']:.5f}",
        "share  selected  precision  recall   lift",
    ]
    for row in metrics["at_share"]:
        lines.append(
            f"{row['share']:>5.0%}  {row['n_selected']:>8,}  {row['precision']:>9.3f}  {row['recall']:>6.3f}  {row['lift']:>5.2f}"
        )
    if gains_table is not None:
        lines.append("gains (share: recall / precision)")
        picks = [0, 1, 2, 4, 9, 14, 19, 24, 29, 39, 49, 74, 99]
        lines.append("  ".join(
            f"{gains_table['shares'][i]:.0%}: {gains_table['recall'][i]:.3f}/{gains_table['precision'][i]:.3f}" for i in picks
        ))
    return "\n".join(lines)


def top_share_reach(label: np.ndarray, prob_a: np.ndarray, prob_b: np.ndarray, share: float) -> dict:
    """Two rankings of the same rows, each checking its top share: what A's list holds that B's does not.

    `positives_only_a` are the incorrect returns A's list reaches and B's misses (for a pre-filing
    model A against the post-filing model B: returns a reminder would reach that a control would
    not); `overlap` is how many rows the two lists share.
    """
    label = np.asarray(label, int)
    k = count_for_share(share, len(label))
    top_a = np.zeros(len(label), bool)
    top_b = np.zeros(len(label), bool)
    top_a[rank_order(prob_a)[:k]] = True
    top_b[rank_order(prob_b)[:k]] = True
    positive = label == 1
    return {
        "share": share,
        "n_selected": k,
        "positives": int(positive.sum()),
        "positives_a": int((top_a & positive).sum()),
        "positives_b": int((top_b & positive).sum()),
        "positives_both": int((top_a & top_b & positive).sum()),
        "positives_only_a": int((top_a & ~top_b & positive).sum()),
        "positives_only_b": int((top_b & ~top_a & positive).sum()),
        "overlap": int((top_a & top_b).sum()),
        "overlap_share": float((top_a & top_b).sum() / k) if k else float("nan"),
    }


def format_side_by_side(named: dict[str, dict]) -> str:
    """The card metrics of several models on the same test split, one column each."""
    names = list(named)
    rows = [("ROC AUC", "roc_auc", "{:.4f}"), ("PR AUC", "pr_auc", "{:.4f}"), ("Brier", "brier", "{:.5f}")]
    lines = [f"{'':<26}" + "".join(f"{n:>28}" for n in names)]
    for title, key, fmt in rows:
        lines.append(f"{title:<26}" + "".join(f"{fmt.format(named[n][key]):>28}" for n in names))
    for i, row in enumerate(named[names[0]]["at_share"]):
        cells = [named[n]["at_share"][i] for n in names]
        lines.append(f"{'top ' + format(row['share'], '.0%') + ' prec/recall/lift':<26}" + "".join(
            f"{c['precision']:.3f} / {c['recall']:.3f} / {c['lift']:5.2f}".rjust(28) for c in cells
        ))
    return "\n".join(lines)
