#!/usr/bin/env bash
# `npm test`: every test of the project, in the order that fails fastest. Installs the two
# things npm cannot (Debian's Chromium, the pinned Python requirements) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's Chromium for the end-to-end tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's 'chromium' package (or set CHROMIUM_PATH) and run again." >&2
    exit 1
  fi
fi
if ! command -v java >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's Java runtime for the Spark batch path"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  else
    echo "Java is missing: install Debian's 'openjdk-17-jre-headless' package and run again." >&2
    exit 1
  fi
fi
if ! python3 -c "import lightgbm, onnxruntime, onnxmltools, skl2onnx, shap, xgboost, catboost, jsonschema, pyspark, pyarrow, pytest" 2>/dev/null; then
  echo "== installing the model pipeline's pinned Python requirements"
  python3 -m pip install -q --disable-pip-version-check -r models/requirements.txt
fi

echo "== types (svelte-check)"
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --output machine | tail -n 3
echo "== model pipeline and the Spark batch path (pytest)"
python3 -m pytest models batch -q -p no:cacheprovider
echo "== core, oracle and i18n tests (vitest)"
npx vitest run
echo "== production build"
npx vite build --logLevel warn
echo "== end-to-end tests in Chromium (Playwright)"
npx playwright test
