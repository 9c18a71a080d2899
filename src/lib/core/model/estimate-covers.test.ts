import { describe, expect, it } from 'vitest';
import { randomEnsemble } from '../../../../test/explain/random-ensemble';
import { Mode, type TreeEnsemble } from './ensemble';
import { estimateCovers } from './estimate-covers';

/** x0 ≤ 0.5 ? (x1 ≤ 0 ? A : B) : C, NaN on x0 goes right; nodes 0, 1, A=2, B=3, C=4. */
function stump(): TreeEnsemble {
  const e = randomEnsemble(1, { nFeatures: 2, nTrees: 1, maxDepth: 0 });
  return {
    ...e,
    treeStart: Int32Array.of(0, 5),
    feature: Int32Array.of(0, 1, -1, -1, -1),
    threshold: Float32Array.of(0.5, 0, 0, 0, 0),
    mode: Uint8Array.of(Mode.LEQ, Mode.LEQ, Mode.LEAF, Mode.LEAF, Mode.LEAF),
    left: Int32Array.of(1, 2, -1, -1, -1),
    right: Int32Array.of(4, 3, -1, -1, -1),
    missingLeft: Uint8Array.of(0, 1, 0, 0, 0),
    memberSet: new Int32Array(5).fill(-1),
    cover: new Float64Array(5),
    value: Float64Array.of(0, 0, 1, 2, 3),
    covers: 'none',
  };
}

describe('estimateCovers', () => {
  it('counts the rows through every node, missing values following the tree', () => {
    const x = Float32Array.of(0, -1, 0.5, 3, 9, 0, NaN, 0, 0.25, NaN);
    const e = estimateCovers(stump(), x, 5);
    expect(Array.from(e.cover)).toEqual([5, 3, 2, 1, 2]);
    expect(e.covers).toBe('estimated');
  });

  it('leaves every cover 0 when there are no rows, and does not touch the original', () => {
    const original = stump();
    const e = estimateCovers(original, new Float32Array(0), 0);
    expect(Array.from(e.cover)).toEqual([0, 0, 0, 0, 0]);
    expect(original.covers).toBe('none');
  });

  it('counts one row along one path', () => {
    expect(Array.from(estimateCovers(stump(), Float32Array.of(1, 0), 1).cover)).toEqual([1, 0, 0, 0, 1]);
  });
});
