import type { OutputSpace } from '../model/card';

/**
 * The self-check against the engine that scored, in the model's output space: base + Σφ
 * must equal the log-odds of the probability onnxruntime returned for a log-odds model,
 * and the probability itself for a probability-space model (an averaged forest, one tree),
 * within SCORE_TOLERANCE. onnxruntime writes probabilities in float32,
 * whose spacing near 1 (6e-8) makes logit(p) coarse once p(1−p) is small; there the check
 * compares probabilities within float32 rounding instead of log-odds, so a correct row is
 * never flagged for the output format and a wrong one still is.
 */
export const SCORE_TOLERANCE = 1e-4;

export function checkAgainstScore(
  contrib: Float32Array,
  n: number,
  f: number,
  probability: ArrayLike<number>,
  failed: Uint8Array,
  space: OutputSpace,
): number {
  const stride = f + 1;
  let failures = 0;
  for (let i = 0; i < n; i++) {
    const p = probability[i];
    if (Number.isNaN(p)) continue;
    let sum = 0;
    for (let k = 0; k <= f; k++) sum += contrib[i * stride + k];
    const conditioned = p * (1 - p) > 1e-3;
    const ok =
      space === 'probability'
        ? Math.abs(sum - p) <= SCORE_TOLERANCE
        : conditioned
      ? Math.abs(sum - Math.log(p / (1 - p))) <= SCORE_TOLERANCE
      : Math.abs(1 / (1 + Math.exp(-sum)) - p) <= 2 ** -23 + SCORE_TOLERANCE * p * (1 - p);
    if (!ok) {
      failed[i] = 1;
      failures++;
    }
  }
  return failures;
}
