import { Mode, type TreeEnsemble } from '../../src/lib/core/model/ensemble';

/** What randomEnsemble draws; every field has a default. */
export interface RandomEnsembleOptions {
  nFeatures?: number;
  nTrees?: number;
  /** Deepest root-to-leaf path, in edges. */
  maxDepth?: number;
  /** Chance that a node above maxDepth is a leaf anyway (0 = full trees). */
  leafChance?: number;
  /** Draw EQ and set-membership rules as well as LEQ. */
  mixedModes?: boolean;
  /** Chance that a leaf has no training rows (cover 0). */
  emptyLeafChance?: number;
}

/**
 * A random ensemble with consistent covers (every branch's cover is the sum of its
 * children's), for tests and benchmarks. Deterministic for a seed (mulberry32).
 * Thresholds are multiples of 0.5 in −2…2 so rows drawn with `randomRows` land on them.
 */
export function randomEnsemble(seed: number, options: RandomEnsembleOptions = {}): TreeEnsemble {
  const { nFeatures = 5, nTrees = 3, maxDepth = 4, leafChance = 0.2, mixedModes = false, emptyLeafChance = 0 } = options;
  const random = mulberry32(seed);
  const feature: number[] = [];
  const threshold: number[] = [];
  const mode: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const missingLeft: number[] = [];
  const memberSet: number[] = [];
  const cover: number[] = [];
  const value: number[] = [];
  const setStart = [0];
  const setValues: number[] = [];
  const treeStart: number[] = [];
  let deepest = 0;

  const grow = (depth: number): number => {
    const at = feature.length;
    for (const column of [feature, threshold, mode, left, right, missingLeft, memberSet, cover, value]) column.push(0);
    deepest = Math.max(deepest, depth);
    if (depth === maxDepth || (at > treeStart[treeStart.length - 1] && random() < leafChance)) {
      feature[at] = -1;
      mode[at] = Mode.LEAF;
      left[at] = right[at] = memberSet[at] = -1;
      value[at] = Math.fround(random() * 4 - 2);
      cover[at] = random() < emptyLeafChance ? 0 : 1 + Math.floor(random() * 30);
      return at;
    }
    feature[at] = Math.floor(random() * nFeatures);
    missingLeft[at] = random() < 0.5 ? 1 : 0;
    memberSet[at] = -1;
    const pick = mixedModes ? random() : 0;
    if (pick < 0.7) {
      mode[at] = Mode.LEQ;
      threshold[at] = Math.round(random() * 8 - 4) / 2;
    } else if (pick < 0.85) {
      mode[at] = Mode.EQ;
      threshold[at] = Math.round(random() * 8 - 4) / 2;
    } else {
      mode[at] = Mode.MEMBER;
      memberSet[at] = setStart.length - 1;
      for (const v of [-1, 0, 1.5]) if (random() < 0.6) setValues.push(v);
      setStart.push(setValues.length);
    }
    left[at] = grow(depth + 1);
    right[at] = grow(depth + 1);
    cover[at] = cover[left[at]] + cover[right[at]];
    return at;
  };
  for (let t = 0; t < nTrees; t++) {
    treeStart.push(feature.length);
    grow(0);
  }
  treeStart.push(feature.length);
  return {
    nFeatures,
    nTrees,
    treeStart: Int32Array.from(treeStart),
    feature: Int32Array.from(feature),
    threshold: Float32Array.from(threshold),
    mode: Uint8Array.from(mode),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    missingLeft: Uint8Array.from(missingLeft),
    memberSet: Int32Array.from(memberSet),
    setStart: Int32Array.from(setStart),
    setValues: Float32Array.from(setValues),
    cover: Float64Array.from(cover),
    covers: 'model',
    value: Float64Array.from(value),
    base: Math.fround(random() - 0.5),
    link: 'logistic',
    maxDepth: deepest,
  };
}

/** n random rows (row-major float32) on and between the thresholds of randomEnsemble, a share of them missing. */
export function randomRows(seed: number, n: number, nFeatures: number, missing = 0.1): Float32Array {
  const random = mulberry32(seed);
  const x = new Float32Array(n * nFeatures);
  for (let i = 0; i < x.length; i++) {
    const u = random();
    x[i] = u < missing ? NaN : u < 0.5 ? Math.round(random() * 8 - 4) / 2 : random() * 5 - 2.5;
  }
  return x;
}

/** A small, fast 32-bit generator (Tommy Ettinger's mulberry32), enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
