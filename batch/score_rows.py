"""Scores and explanations inside the executors: one onnxruntime session and one TreeSHAP
explainer per Python worker, built on first use from the .onnx file and cached in module
globals (Spark reuses its Python workers, so each executor pays the set-up once).

Scores: onnxruntime's float32 probability tensor, class 1 (a ZipMap output, a list of
dicts, is read per row instead). Explanations: exact path-dependent TreeSHAP of the file's
own trees and covers (nodes_hitrates), by shap's TreeExplainer over models/onnx_trees.py's
custom trees, in the model's output space.
"""

from __future__ import annotations

import numpy as np

_sessions: dict = {}
_explainers: dict = {}


def session(path: str):
    if path not in _sessions:
        import onnxruntime as ort

        options = ort.SessionOptions()
        # One thread per session: Spark runs one task per core, and onnxruntime-web in the browser sums on one thread too.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        s = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        outputs = s.get_outputs()
        prob = next((o for o in outputs if o.type == "tensor(float)" and len(o.shape) == 2), None) or outputs[-1]
        _sessions[path] = (s, s.get_inputs()[0].name, prob.name, prob.type.startswith("tensor"))
    return _sessions[path]


def score(path: str, x: np.ndarray) -> np.ndarray:
    """P(positive) as onnxruntime's float32 value, widened to float64 without change."""
    if len(x) == 0:
        return np.zeros(0)
    s, name, out, tensor = session(path)
    (p,) = s.run([out], {name: np.ascontiguousarray(x, np.float32)})
    if tensor:
        return np.asarray(p, np.float32)[:, 1].astype(np.float64)
    return np.array([float(np.float32(row[1])) for row in p])


def explainer(path: str):
    """(shap explainer on the file's trees, set features, base value) — built once per worker."""
    if path not in _explainers:
        import onnx
        import shap  # noqa: F401  (fails here, once, when shap is missing)

        from onnx_trees import read_ensemble

        e = read_ensemble(onnx.load(path))
        if e.file_covers is None or not np.any(e.file_covers > 0):
            raise ValueError("batch.no_covers")
        _explainers[path] = e
    return _explainers[path]


def explain(path: str, x: np.ndarray) -> np.ndarray:
    """[rows, F + 1]: each feature's contribution, then the base value (output space)."""
    from onnx_trees import shap_values

    e = explainer(path)
    if len(x) == 0:
        return np.zeros((0, x.shape[1] + 1))
    return shap_values(e, e.file_covers, x)
