import type { onnx } from 'onnx-proto';
import type { Link } from './ensemble';
import { NodeAttributes } from './node-attributes';

/** A binary linear classifier's positive-class score: raw = w·x + b, P(class 1) = link(raw). */
export interface LinearModel {
  nFeatures: number;
  /** w, the positive class's coefficients, float64 as the file holds them. */
  weights: Float64Array;
  intercept: number;
  link: Link;
}

/**
 * Reads an ai.onnx.ml LinearClassifier (skl2onnx's logistic regression). skl2onnx writes
 * one row of coefficients per class (class 0's = −class 1's for a binary model) and
 * onnxruntime scores each row, then applies post_transform; column 1 of the probabilities
 * is link(x·w₁ + b₁). With a single row, that row is class 1's score. LOGISTIC gives
 * log-odds, NONE the raw score itself. A string describing why not, for anything else.
 */
export function readLinear(node: onnx.INodeProto, width: number): LinearModel | string {
  const a = new NodeAttributes(node);
  const classes = Math.max(a.ints('classlabels_ints').length, a.strings('classlabels_strings').length);
  if (classes !== 2) return `${classes} classes (only binary classifiers are read)`;
  const coefficients = a.reals('coefficients');
  const intercepts = a.reals('intercepts');
  if (!(width > 0) || coefficients.length % width !== 0) return `${coefficients.length} coefficients for ${width} inputs`;
  const rows = coefficients.length / width;
  if (rows !== 1 && rows !== 2) return `${rows} rows of coefficients`;
  const post = a.string('post_transform', 'NONE');
  if (post !== 'LOGISTIC' && post !== 'NONE') return `post_transform ${post}`;
  const row = rows - 1;
  return {
    nFeatures: width,
    weights: coefficients.slice(row * width, (row + 1) * width),
    intercept: intercepts.length > row ? intercepts[row] : 0,
    link: post === 'LOGISTIC' ? 'logistic' : 'identity',
  };
}
