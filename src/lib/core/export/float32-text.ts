/**
 * The shortest decimal text that reads back as the same float32: onnxruntime computes
 * probabilities in float32, so printing more digits invents precision and printing fewer
 * loses the exact value the browser shows. (As ECMAScript's Number::toString does for
 * doubles, but for binary32.)
 */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return '';
  const target = Math.fround(x);
  if (target === 0) return '0';
  for (let digits = 1; digits <= 9; digits++) {
    const text = target.toPrecision(digits);
    if (Math.fround(Number(text)) === target) return String(Number(text));
  }
  return String(target);
}
