/**
 * One record's SHAP values as waterfall steps, in the manner of Observable Plot's stack
 * transform: running sums from the base value (the model's average log-odds) to the
 * record's log-odds score. The largest |φ| come first; beyond `maxBars` the rest are one
 * "other features" step, so the chart stays readable and still adds up exactly.
 */
export interface WaterfallStep {
  /** Feature index in card order, or −1 for the remaining features together. */
  feature: number;
  /** How many features the step stands for (1, or more for the remainder). */
  count: number;
  /** Log-odds before and after this step. */
  start: number;
  end: number;
}

export interface Waterfall {
  /** Expected log-odds over the training data (the model's base rate). */
  base: number;
  steps: WaterfallStep[];
  /** The record's log-odds score: base + Σφ. */
  total: number;
}

/** `contrib` holds F values of φ then the base value (F + 1 numbers, log-odds). */
export function waterfall(contrib: ArrayLike<number>, f: number, maxBars: number): Waterfall {
  const base = contrib[f];
  const order = Array.from({ length: f }, (_, i) => i)
    .filter((i) => contrib[i] !== 0 && !Number.isNaN(contrib[i]))
    .sort((a, b) => Math.abs(contrib[b]) - Math.abs(contrib[a]) || a - b);
  const shown = order.length > maxBars ? order.slice(0, Math.max(0, maxBars - 1)) : order;
  const steps: WaterfallStep[] = [];
  let at = base;
  for (const i of shown) {
    steps.push({ feature: i, count: 1, start: at, end: at + contrib[i] });
    at += contrib[i];
  }
  if (shown.length < order.length) {
    let rest = 0;
    for (const i of order.slice(shown.length)) rest += contrib[i];
    steps.push({ feature: -1, count: order.length - shown.length, start: at, end: at + rest });
    at += rest;
  }
  return { base, steps, total: at };
}

export const logistic = (z: number): number => 1 / (1 + Math.exp(-z));
