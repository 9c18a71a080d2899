"""write_report: models/PREFILING.md, the pre-filing variant against the bundled model, from build_prefiling's figures.

Generated so the figures in it are always those of the committed files; the text around them
says what the comparison answers and which inputs the variant reads, feature by feature.
"""

from __future__ import annotations

import pipeline_config as C
from feature_catalogue import FEATURES
from prefiling import DERIVED_FROM_REGISTERS, EXCLUDED, PREFILING


def pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def metric_rows(post: dict, pre: dict) -> list[str]:
    rows = [
        f"| Trees | {post['model']['n_trees']} | {pre['model']['n_trees']} |",
        f"| Features | {len(post['features'])} | {len(pre['features'])} |",
    ]
    for title, key, fmt in (("ROC AUC", "roc_auc", "{:.3f}"), ("PR AUC (average precision)", "pr_auc", "{:.3f}"), ("Brier score", "brier", "{:.4f}")):
        rows.append(f"| {title} | {fmt.format(post['metrics'][key])} | {fmt.format(pre['metrics'][key])} |")
    for a, b in zip(post["metrics"]["at_share"], pre["metrics"]["at_share"], strict=True):
        rows.append(
            f"| Top {a['share']:.0%}: precision / recall / lift | {pct(a['precision'])} / {pct(a['recall'])} / {a['lift']:.1f}"
            f" | {pct(b['precision'])} / {pct(b['recall'])} / {b['lift']:.1f} |"
        )
    return rows


def why(feature) -> tuple[str, str]:
    """(used?, reason) for one catalogue feature."""
    if feature.name in EXCLUDED:
        return "no", EXCLUDED[feature.name]
    if feature.source == "taxpayer":
        return "no", "taxpayer: entered in the return being filed"
    if feature.name in DERIVED_FROM_REGISTERS:
        return "yes", "derived from register data alone"
    return "yes", "register: held by the administration before filing"


def gain_shares(booster) -> dict[str, float]:
    """Each feature's share of the booster's total split gain."""
    gain = booster.feature_importance("gain")
    return {name: float(g / gain.sum()) for name, g in zip(booster.feature_name(), gain)}


def write_report(post_card: dict, pre_card: dict, reach: dict, post_gain: dict, pre_gain: dict, path=C.PREFILING_REPORT_PATH) -> str:
    m = pre_card["metrics"]
    used = [f["name"] for f in pre_card["features"]]
    assert used == list(PREFILING.names), "the card's features are the spec's"
    k, share = reach["n_selected"], reach["share"]
    lines = [
        "# The pre-filing variant of the deduction model",
        "",
        "<!-- Written by models/build_prefiling.py (prefiling_report.py); edit those, not this file. -->",
        "",
        f"`public/model/{PREFILING.onnx_path.name}` (model id `{PREFILING.id}`) predicts the same label as the",
        "bundled deduction model, an incorrect deduction found by a control, but only from what exists",
        "before the return is filed: the registers, the pre-filled return and last year's assessment.",
        "It is for **guidance before filing** (a reminder in the pre-filled return about the rule a",
        "taxpayer is likely to get wrong), **not for selecting returns for control**: its card's notice",
        "says so in bokmål, nynorsk and English. The tax administration's hackathon built such a",
        "variant (`/work/shared/DOMAIN.md`, \"What the agencies have published\"). **Both models are",
        "trained on synthetic data**; no figure here says anything about real taxpayers.",
        "",
        f"Same generated data, split and seeds as the bundled model (`train.training_data`, seed {C.TRAINING_SEED});",
        "same LightGBM parameters with early stopping on the validation split; same export recipe.",
        "",
        f"## Test split ({m['n']:,} synthetic returns, {m['positives']:,} incorrect, {pct(m['base_rate'])})",
        "",
        f"| | `{post_card['model']['id']}` (after filing) | `{PREFILING.id}` (before filing) |",
        "|---|---|---|",
        *metric_rows(post_card, pre_card),
        "",
        f"## Whom a reminder reaches that a control would not (each model's top {share:.0%}, {k:,} returns)",
        "",
        "| | returns |",
        "|---|---|",
        f"| In both top-{share:.0%} lists (overlap) | {reach['overlap']:,} ({pct(reach['overlap_share'])} of each list) |",
        f"| Incorrect returns in the test split | {reach['positives']:,} |",
        f"| … in the pre-filing list | {reach['positives_a']:,} |",
        f"| … in the post-filing list | {reach['positives_b']:,} |",
        f"| … in both lists | {reach['positives_both']:,} |",
        f"| **… in the pre-filing list and not the post-filing list** | **{reach['positives_only_a']:,}** |",
        f"| … in the post-filing list and not the pre-filing list | {reach['positives_only_b']:,} |",
        "",
        f"The {reach['positives_only_a']:,} are incorrect returns a pre-filing reminder to the top {share:.0%} would reach and",
        f"a control of the post-filing top {share:.0%} would not. The post-filing model sees the claim itself,",
        "so it ranks better; the pre-filing model can only say who is likely to make which mistake.",
        "",
        "## Inputs, feature by feature",
        "",
        "A feature is used when its value exists before filing (catalogue `source`, `models/feature_catalogue.py`):",
        "`register` features are used unless listed below as excluded; `taxpayer` features never;",
        "`derived` features only when computed from register data alone (none of today's three is).",
        "",
        "| Feature | Source | Used | Why |",
        "|---|---|---|---|",
        *(f"| `{f.name}` | {f.source} | {why(f)[0]} | {why(f)[1]} |" for f in FEATURES),
        "",
        "## Caveats",
        "",
        "- `har_enk` is a register flag (Enhetsregisteret), but the generator sets it for a hobby only",
        "  when the hobby claims a loss (`mechanisms.m9_hobby_loss`: `has_enk = business | side_real |",
        "  hobby_claims`). On this synthetic data the flag therefore partly echoes the filing for M9; in",
        "  the register a hobby registered as a business would show before filing whether it claims or not.",
        "- Without the claim, the ranking leans on who the taxpayer is: `alder` (age) has "
        f"{pct(pre_gain['alder'])} of the pre-filing model's split gain against {pct(post_gain['alder'])} in the bundled",
        f"  model, `hovedinntektskilde` {pct(pre_gain['hovedinntektskilde'])} against {pct(post_gain['hovedinntektskilde'])}. Both touch grounds equality law",
        "  protects (`models/MODEL_CARD.md`). A reminder is low-stakes; a control selection on such a ranking is not.",
        "- Largest shares of the pre-filing model's split gain: "
        + ", ".join(f"`{n}` {pct(g)}" for n, g in sorted(pre_gain.items(), key=lambda kv: -kv[1])[:5]) + ".",
        "",
        "Rebuild: `python3 models/build_prefiling.py` (also the last step of `python3 models/build.py`).",
        "",
    ]
    report = "\n".join(lines)
    path.write_text(report, encoding="utf-8")
    return report
