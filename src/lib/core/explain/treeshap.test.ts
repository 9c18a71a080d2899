import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goesLeft, Mode, type TreeEnsemble } from '../model/ensemble';
import { estimateCovers } from '../model/estimate-covers';
import { predictRaw } from '../model/predict-raw';
import { randomEnsemble, randomRows } from '../../../../test/explain/random-ensemble';
import { explain, explainRow, prepareExplainer } from './treeshap';

/**
 * The definition, computed by brute force: Shapley values of the game
 * v(T) = E[f(x) | x_T] where the expectation follows the covers down every split on a
 * feature outside T (Lundberg et al. 2020, Algorithm 1 EXPVALUE), summed over all 2^F
 * coalitions. Exponential, independent of the tables and polynomials under test.
 */
function bruteForce(e: TreeEnsemble, row: Float32Array): Float64Array {
  const f = e.nFeatures;
  const expectation = (n: number, known: number): number => {
    if (e.left[n] < 0) return e.value[n];
    if (known & (1 << e.feature[n])) return expectation(goesLeft(e, n, row[e.feature[n]]) ? e.left[n] : e.right[n], known);
    const c = e.cover[n];
    const l = expectation(e.left[n], known);
    const r = expectation(e.right[n], known);
    return c > 0 ? (e.cover[e.left[n]] * l + e.cover[e.right[n]] * r) / c : (l + r) / 2;
  };
  const game = new Float64Array(1 << f);
  for (let known = 0; known < 1 << f; known++) {
    game[known] = e.base;
    for (let t = 0; t < e.nTrees; t++) game[known] += expectation(e.treeStart[t], known);
  }
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Float64Array(f + 1);
  for (let i = 0; i < f; i++) {
    for (let known = 0; known < 1 << f; known++) {
      if (known & (1 << i)) continue;
      let size = 0;
      for (let u = known; u; u &= u - 1) size++;
      phi[i] += ((factorial(size) * factorial(f - 1 - size)) / factorial(f)) * (game[known | (1 << i)] - game[known]);
    }
  }
  phi[f] = game[0];
  return phi;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return a.length === b.length ? worst : Infinity;
}

describe('path-dependent TreeSHAP', () => {
  it('equals the brute-force Shapley values of the path-dependent game, with tables and without', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        fc.constantFrom(0, 0.3),
        (seed, nFeatures, mixedModes, emptyLeafChance) => {
          const e = randomEnsemble(seed, { nFeatures, nTrees: 3, maxDepth: 5, mixedModes, emptyLeafChance });
          const x = randomRows(seed + 1, 6, nFeatures, 0.2);
          for (const memoryBudgetBytes of [undefined, 0]) {
            const ex = prepareExplainer(e, { memoryBudgetBytes }).explainer!;
            const { contrib } = explain(ex, x, 6, { blockRows: 4 });
            for (let r = 0; r < 6; r++) {
              const expected = bruteForce(e, x.subarray(r * nFeatures, (r + 1) * nFeatures));
              const got = contrib.subarray(r * (nFeatures + 1), (r + 1) * (nFeatures + 1));
              if (maxDiff(got, expected) > 1e-5) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equals the brute-force values by quadrature on deep trees with repeated features and rows no tree saw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 9 }), fc.constantFrom(0, 0.3), (seed, nFeatures, emptyLeafChance) => {
        const e = randomEnsemble(seed, { nFeatures, nTrees: 2, maxDepth: 12, leafChance: 0.25, mixedModes: true, emptyLeafChance });
        const x = randomRows(seed + 1, 4, nFeatures, 0.2);
        const ex = prepareExplainer(e, { memoryBudgetBytes: 0 }).explainer!;
        const { contrib } = explain(ex, x, 4);
        for (let r = 0; r < 4; r++) {
          const expected = bruteForce(e, x.subarray(r * nFeatures, (r + 1) * nFeatures));
          if (maxDiff(contrib.subarray(r * (nFeatures + 1), (r + 1) * (nFeatures + 1)), expected) > 1e-5) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('counts the leaves it computed, not those of rows that repeat a split pattern', () => {
    const e = randomEnsemble(41, { nFeatures: 3, nTrees: 2, maxDepth: 3, leafChance: 0 });
    const ex = prepareExplainer(e).explainer!;
    const row = randomRows(42, 1, 3);
    const same = new Float32Array(30);
    for (let r = 0; r < 10; r++) same.set(row, r * 3);
    expect(explain(ex, same, 10).leafVisits).toBe(16);
    expect(explain(ex, same, 10, { blockRows: 5 }).leafVisits).toBe(32);
  });

  it('adds up to the raw margin on every row of a deep ensemble, with no row flagged', () => {
    const e = randomEnsemble(11, { nFeatures: 12, nTrees: 20, maxDepth: 10, leafChance: 0.1, mixedModes: true });
    const x = randomRows(12, 500, 12);
    const result = explain(prepareExplainer(e).explainer!, x, 500, { blockRows: 128 });
    expect(result.failures).toBe(0);
    expect(result.problems).toEqual([]);
    expect(maxDiff(result.raw, predictRaw(e, x, 500))).toBe(0);
  });

  it('puts the expected value in the last column of every row: the cover-weighted mean of the leaves', () => {
    const e = randomEnsemble(3, { nFeatures: 4, nTrees: 2 });
    const x = randomRows(4, 3, 4);
    const { contrib } = explain(prepareExplainer(e).explainer!, x, 3);
    const mean = bruteForce(e, x.subarray(0, 4))[4];
    for (let r = 0; r < 3; r++) expect(contrib[r * 5 + 4]).toBeCloseTo(mean, 6);
  });

  it('has the mean raw margin of the rows as expected value when covers are counted on those rows', () => {
    const e = randomEnsemble(5, { nFeatures: 6, nTrees: 8, maxDepth: 6 });
    const x = randomRows(6, 300, 6);
    const ex = prepareExplainer(estimateCovers(e, x, 300)).explainer!;
    const raw = predictRaw(e, x, 300);
    expect(ex.expected).toBeCloseTo(raw.reduce((s, v) => s + v, 0) / 300, 10);
  });

  it('explains no rows as empty arrays', () => {
    const e = randomEnsemble(1);
    const result = explain(prepareExplainer(e).explainer!, new Float32Array(0), 0);
    expect([result.contrib.length, result.raw.length, result.failed.length, result.failures]).toEqual([0, 0, 0, 0]);
  });

  it('gives a one-leaf tree nothing but its share of the expected value', () => {
    const e = randomEnsemble(2, { nFeatures: 3, nTrees: 1, maxDepth: 0 });
    const row = Float32Array.of(1, NaN, -1);
    const { contrib, ok } = explainRow(prepareExplainer(e).explainer!, row);
    expect(Array.from(contrib)).toEqual([0, 0, 0, e.base + e.value[0]]);
    expect(ok).toBe(true);
  });

  it('explains one record as the batch explains the same row, in float64', () => {
    const e = randomEnsemble(8, { nFeatures: 5, nTrees: 6, maxDepth: 6, mixedModes: true });
    const x = randomRows(9, 40, 5, 0.3);
    const ex = prepareExplainer(e).explainer!;
    const batch = explain(ex, x, 40);
    for (const r of [0, 17, 39]) {
      const one = explainRow(ex, x.subarray(r * 5, r * 5 + 5));
      expect(one.ok).toBe(true);
      expect(one.raw).toBe(batch.raw[r]);
      expect(maxDiff(one.contrib, batch.contrib.subarray(r * 6, r * 6 + 6))).toBeLessThan(1e-6);
    }
  });

  it('gives the same values without its own check, which then flags nothing and reports no raw score', () => {
    const e = randomEnsemble(23, { nFeatures: 5, nTrees: 4, maxDepth: 4 });
    const ex = prepareExplainer(e).explainer!;
    const x = randomRows(24, 40, 5);
    const checked = explain(ex, x, 40);
    const unchecked = explain(ex, x, 40, { check: false });
    expect(Array.from(unchecked.contrib)).toEqual(Array.from(checked.contrib));
    expect(unchecked.failures).toBe(0);
    expect(Array.from(unchecked.raw).every(Number.isNaN)).toBe(true);
  });

  it('flags rows whose contributions do not add up instead of hiding them', () => {
    const e = randomEnsemble(21, { nFeatures: 4, nTrees: 2, maxDepth: 3, leafChance: 0 });
    const ex = prepareExplainer(e).explainer!;
    ex.tables.fill(0);
    const x = randomRows(22, 50, 4);
    const result = explain(ex, x, 50);
    expect(result.failures).toBeGreaterThan(0);
    expect(result.failures).toBe(result.failed.reduce((s, v) => s + v, 0));
    expect(result.problems).toEqual([{ code: 'explain.sum_mismatch', severity: 'warning', params: { count: result.failures } }]);
  });

  it('builds tables for the smallest trees first and explains the rest by quadrature', () => {
    const small = randomEnsemble(31, { nFeatures: 6, nTrees: 1, maxDepth: 2, leafChance: 0 });
    const large = randomEnsemble(32, { nFeatures: 6, nTrees: 1, maxDepth: 6, leafChance: 0 });
    const both = joinTrees(large, small);
    const smallBytes = prepareExplainer(small).explainer!.tableBytes;
    const ex = prepareExplainer(both, { memoryBudgetBytes: smallBytes }).explainer!;
    expect(Array.from(ex.tableTrees)).toEqual([0, 1]);
    expect(ex.tableBytes).toBe(smallBytes);
    expect(Array.from(ex.quadrature.points)).toEqual([3, 0]);
  });

  it('explains a tree by quadrature when a leaf no training row reached would need a division by zero in its table', () => {
    const e = randomEnsemble(51, { nFeatures: 4, nTrees: 1, maxDepth: 4, leafChance: 0, emptyLeafChance: 0.5 });
    expect(Array.from(prepareExplainer(e).explainer!.tableTrees)).toEqual([0]);
  });

  it('refuses a path with more distinct features than a 32-bit mask holds', () => {
    const e = chain(33);
    const { explainer, problems } = prepareExplainer(e);
    expect(explainer).toBeNull();
    expect(problems).toEqual([{ code: 'explain.path_too_deep', severity: 'error', params: { tree: 0, limit: 32 } }]);
    expect(prepareExplainer(chain(32)).explainer).not.toBeNull();
  });

  it('is a programmer error to explain without covers', () => {
    expect(() => prepareExplainer({ ...randomEnsemble(1), covers: 'none' })).toThrow(/estimateCovers/);
  });
});

/** Two one-tree ensembles as one (same features). */
function joinTrees(a: TreeEnsemble, b: TreeEnsemble): TreeEnsemble {
  const shift = a.feature.length;
  const moved = (v: Int32Array) => Int32Array.from(v, (c) => (c < 0 ? c : c + shift));
  const cat = <T extends Int32Array | Float32Array | Float64Array | Uint8Array>(x: T, y: T): T => {
    const out = new (x.constructor as new (n: number) => T)(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    ...a,
    nTrees: 2,
    treeStart: Int32Array.of(0, shift, shift + b.feature.length),
    feature: cat(a.feature, b.feature),
    threshold: cat(a.threshold, b.threshold),
    mode: cat(a.mode, b.mode),
    left: cat(a.left, moved(b.left)),
    right: cat(a.right, moved(b.right)),
    missingLeft: cat(a.missingLeft, b.missingLeft),
    memberSet: cat(a.memberSet, Int32Array.from(b.memberSet).fill(-1)),
    cover: cat(a.cover, b.cover),
    value: cat(a.value, b.value),
    base: a.base + b.base,
    maxDepth: Math.max(a.maxDepth, b.maxDepth),
  };
}

/** One tree that splits on features 0, 1, …, d−1 in turn down its left edge. */
function chain(d: number): TreeEnsemble {
  const size = 2 * d + 1;
  const feature = new Int32Array(size).fill(-1);
  const left = new Int32Array(size).fill(-1);
  const right = new Int32Array(size).fill(-1);
  const cover = new Float64Array(size);
  const value = new Float64Array(size);
  // Preorder: branch k at 2k, its right leaf at 2k + 1 comes after the left subtree, so lay out
  // branches 0…d−1 first along the left edge, then the last left leaf, then the right leaves.
  for (let k = 0; k < d; k++) {
    feature[k] = k;
    left[k] = k + 1;
    right[k] = 2 * d - k;
  }
  for (let n = d; n < size; n++) value[n] = n;
  for (let n = size - 1; n >= 0; n--) cover[n] = left[n] < 0 ? 1 : cover[left[n]] + cover[right[n]];
  return {
    nFeatures: d,
    nTrees: 1,
    treeStart: Int32Array.of(0, size),
    feature,
    threshold: new Float32Array(size),
    mode: Uint8Array.from(feature, (f) => (f < 0 ? Mode.LEAF : Mode.LEQ)),
    left,
    right,
    missingLeft: new Uint8Array(size),
    memberSet: new Int32Array(size).fill(-1),
    setStart: Int32Array.of(0),
    setValues: new Float32Array(0),
    cover,
    covers: 'model',
    value,
    base: 0,
    link: 'identity',
    maxDepth: d,
  };
}
