"""Seeds, sizes and paths of the models the product ships. Change a seed, rebuild everything."""

from __future__ import annotations

from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent
REPO = MODELS_DIR.parent

TRAINING_SEED = 20240101
TRAINING_ROWS = 200_000
# Shares of the generated rows (train, validation, test).
SPLIT = (0.6, 0.2, 0.2)
DEMO_SEED = 20240202
DEMO_ROWS = 2_000
DRIFT_SEED = 20240303
DRIFT_ROWS = 2_000
GOLDEN_ROWS = 300

MODEL_ID = "deduction-risk"
MODEL_VERSION = "1.0.0"

ONNX_PATH = REPO / "public/model/deduction-risk.onnx"
# LightGBM's own text model (gzip), kept so tests can compare onnxruntime with LightGBM
# on the whole test split without retraining.
BOOSTER_PATH = MODELS_DIR / "artifacts/deduction-risk.lgbm.txt.gz"
SCHEMA_PATH = MODELS_DIR / "model_card.schema.json"
DEMO_PATH = REPO / "public/demo/demo-sample.csv"
GOLDEN_JSON = REPO / "test/fixtures/golden/lgbm-golden.json"
GOLDEN_CSV = REPO / "test/fixtures/golden/lgbm-golden.csv"
DRIFT_PATH = REPO / "test/fixtures/drift/commute-doubled.csv"
DRIFT_BASELINE_PATH = REPO / "test/fixtures/drift/commute-baseline.csv"

# The pre-filing variant (prefiling.py): same data and split, inputs known before filing.
PREFILING_MODEL_ID = "deduction-risk-prefiling"
PREFILING_ONNX_PATH = REPO / "public/model/deduction-risk-prefiling.onnx"
PREFILING_BOOSTER_PATH = MODELS_DIR / "artifacts/deduction-risk-prefiling.lgbm.txt.gz"
PREFILING_REPORT_PATH = MODELS_DIR / "PREFILING.md"

# The inactive-business model: is a sole proprietorship inactive? (build_enk.py, ENK_DATA.md)
ENK_SEED = 20240401
ENK_ROWS = 100_000
ENK_DEMO_SEED = 20240402
ENK_ONNX_PATH = REPO / "public/model/inactive-business.onnx"
ENK_BOOSTER_PATH = MODELS_DIR / "artifacts/inactive-business.lgbm.txt.gz"
ENK_DEMO_PATH = REPO / "public/demo/inactive-business-sample.csv"

# The VAT-remarks model: incorrect input VAT deductions read from a VAT return's figures and remark (build_vat.py, VAT_DATA.md)
VAT_SEED = 20240501
VAT_ROWS = 60_000
VAT_DEMO_SEED = 20240502
VAT_DEMO_ROWS = 3_000
VAT_ONNX_PATH = REPO / "public/model/vat-remarks.onnx"
VAT_DEMO_PATH = REPO / "public/demo/vat-remarks-sample.csv"
VAT_TFIDF_FIXTURE = REPO / "test/fixtures/vat/tfidf-rows.json"
VAT_ORACLE_FIXTURE = REPO / "test/fixtures/vat/oracle.json"
