/**
 * Points of a curve to draw. A ROC or PR curve of a million rows can have as many points as
 * distinct scores; an SVG path of that size stalls the page while the chart is ~500 px wide.
 * Keeping every `stride`-th point plus the last one keeps the shape to well under a pixel at
 * that width, because the curves are monotone in at least one coordinate. NaN points are dropped.
 */
export function thinCurve(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints = 1000): { x: Float64Array; y: Float64Array } {
  const n = Math.min(xs.length, ys.length);
  const stride = Math.max(1, Math.ceil(n / Math.max(2, maxPoints)));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % stride !== 0 && i !== n - 1) continue;
    if (Number.isNaN(xs[i]) || Number.isNaN(ys[i])) continue;
    x.push(xs[i]);
    y.push(ys[i]);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}

/** An SVG path through the points, already in pixels; '' for none. Steps draw horizontal then vertical (a PR curve's precision holds until recall changes). */
export function linePath(px: ArrayLike<number>, py: ArrayLike<number>, step = false): string {
  let d = '';
  for (let i = 0; i < px.length; i++) {
    const x = px[i].toFixed(1);
    const y = py[i].toFixed(1);
    if (i === 0) d += `M${x},${y}`;
    else if (step) d += `H${x}V${y}`;
    else d += `L${x},${y}`;
  }
  return d;
}

/** Up to `rows` evenly spaced indices of an n-point curve, first and last included: the rows of a chart's table alternative. */
export function tableRows(n: number, rows = 11): number[] {
  if (n <= 0) return [];
  if (n <= rows) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let i = 0; i < rows; i++) out.add(Math.round((i * (n - 1)) / (rows - 1)));
  return [...out];
}
