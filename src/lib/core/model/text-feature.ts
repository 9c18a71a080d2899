import onnxProto from 'onnx-proto';
import type { onnx } from 'onnx-proto';
import type { FeatureCard, ModelCard } from './card';
import { NodeAttributes } from './node-attributes';
import { compileCharTfidf, type CharTfidf } from '../text/char-tfidf';

const { ModelProto } = onnxProto.onnx;

/**
 * A text feature of a linear model (models/MODEL_CARD.md, "Text features"): the file's input
 * holds the text's TF-IDF in `width` slots from the feature's index on, and the card carries
 * the vectorizer. The model is linear in those slots, so all the app needs per row is the
 * text's own part of the raw score, s = Σ_j w_j·tfidf_j: the app keeps s as the feature's one
 * value per row (one column, like any other feature), and scores with the file's graph folded
 * to read s with weight 1 (foldTextFeatures). Same log-odds, same linear SHAP: the feature's
 * φ = s − mean(s) = Σ_j w_j (x_j − mean_j), the sum of its slots' φ.
 */
export interface TextFeature {
  /** Position in card.features: the column of the app's feature rows that holds s. */
  feature: number;
  /** The feature's first slot in the file's input. */
  slot: number;
  tfidf: CharTfidf;
  /** w_j of slot j: the positive class's coefficients as the file holds them (float32 values). */
  weights: Float64Array;
}

/** Slots a feature takes in the file's input: a text feature's vocabulary size, else 1. */
export function featureWidth(f: Pick<FeatureCard, 'kind' | 'width' | 'text'>): number {
  return f.kind === 'text' ? (f.width ?? f.text?.vocabulary.length ?? 1) : 1;
}

/** The file's input width the card describes: Σ featureWidth. */
export function inputWidth(card: Pick<ModelCard, 'features'>): number {
  let w = 0;
  for (const f of card.features) w += featureWidth(f);
  return w;
}

export const hasTextFeatures = (card: Pick<ModelCard, 'features'>): boolean => card.features.some((f) => f.kind === 'text');

/** A text's own part of the raw score, Σ_j w_j·tfidf_j, in float64; 0 for an empty text. `scratch` holds width values. */
export function textScore(t: Pick<TextFeature, 'tfidf'> & { weights: ArrayLike<number> }, text: string, scratch: Float64Array = new Float64Array(t.tfidf.width)): number {
  if (text.trim() === '') return 0;
  t.tfidf.transform(text, scratch, 0);
  let s = 0;
  for (let j = 0; j < scratch.length; j++) if (scratch[j] !== 0) s += t.weights[j] * scratch[j];
  return s;
}

export interface FoldedModel {
  /** The file with its LinearClassifier reading one column per card feature (s for a text feature). */
  bytes: Uint8Array;
  text: TextFeature[];
}

/**
 * The file's graph with each text feature's slots folded into one input of weight 1 (−1 in
 * class 0's row, which skl2onnx writes as the negation of class 1's), so onnxruntime scores
 * the app's rows of s: z = Σ_numeric w_i x_i + Σ_text s + b, the file's own log-odds up to
 * float32 rounding. A string saying why not when the file is not one LinearClassifier whose
 * input is as wide as the card says. Returns the bytes unchanged (text: []) for a card without text features.
 */
export function foldTextFeatures(bytes: Uint8Array, card: ModelCard): FoldedModel | string {
  if (!hasTextFeatures(card)) return { bytes, text: [] };
  const proto: onnx.ModelProto = ModelProto.decode(bytes);
  const graph = proto.graph;
  const nodes = (graph?.node ?? []).filter((n) => n.opType === 'LinearClassifier');
  if (!graph || nodes.length !== 1) return 'text features need one LinearClassifier';
  const node = nodes[0];
  const a = new NodeAttributes(node);
  const coefficients = a.reals('coefficients');
  const width = inputWidth(card);
  if (coefficients.length % width !== 0) return `${coefficients.length} coefficients for an input of ${width}`;
  const rows = coefficients.length / width;
  if (rows !== 1 && rows !== 2) return `${rows} rows of coefficients`;
  const positive = (rows - 1) * width;
  const text: TextFeature[] = [];
  const folded: number[] = [];
  for (let r = 0; r < rows; r++) {
    const sign = r === rows - 1 ? 1 : -1;
    card.features.forEach((f, i) => {
      if (f.kind !== 'text') return void folded.push(coefficients[r * width + f.index]);
      if (!f.text) return;
      const w = featureWidth(f);
      if (r === rows - 1) {
        text.push({ feature: i, slot: f.index, tfidf: compileCharTfidf(f.text), weights: coefficients.slice(positive + f.index, positive + f.index + w) });
      } else {
        for (let j = 0; j < w; j++) if (coefficients[r * width + f.index + j] !== -coefficients[positive + f.index + j]) return void folded.push(NaN);
      }
      folded.push(sign);
    });
  }
  if (text.length !== card.features.filter((f) => f.kind === 'text').length) return 'a text feature without its vectorizer';
  if (folded.some((c) => Number.isNaN(c))) return "class 0's text coefficients are not the negation of class 1's";
  const attribute = (node.attribute ?? []).find((x) => x.name === 'coefficients');
  if (!attribute) return 'no coefficients';
  attribute.floats = folded;
  const dim = graph.input?.find((i) => i.name === node.input?.[0])?.type?.tensorType?.shape?.dim?.[1];
  if (dim) {
    dim.dimValue = card.features.length;
    dim.dimParam = undefined;
  }
  return { bytes: ModelProto.encode(proto).finish(), text };
}
