import fc from 'fast-check';
import { onnx } from 'onnx-proto';
import { describe, expect, it } from 'vitest';
import { predictRaw } from './predict-raw';
import { nextDown32, readEnsemble } from './read-ensemble';

type Value = number[] | string[] | number | string;

/** A model whose one node is `op` (ai.onnx.ml) on a float input of `width` columns. */
function treeModel(op: string, attributes: Record<string, Value>, width = 2, mlOpset = 1): onnx.IModelProto {
  const attribute = Object.entries(attributes).map(([name, v]) => {
    if (typeof v === 'number') return { name, type: onnx.AttributeProto.AttributeType.INT, i: v };
    if (typeof v === 'string') return { name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(v) };
    if (typeof v[0] === 'string') return { name, type: onnx.AttributeProto.AttributeType.STRINGS, strings: (v as string[]).map((s) => new TextEncoder().encode(s)) };
    const floats = name.endsWith('values') || name.endsWith('weights') || name.endsWith('hitrates');
    return floats
      ? { name, type: onnx.AttributeProto.AttributeType.FLOATS, floats: v as number[] }
      : { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v as number[] };
  });
  const input = { name: 'input', type: { tensorType: { elemType: 1, shape: { dim: [{ dimParam: 'N' }, { dimValue: width }] } } } };
  return {
    opsetImport: [{ domain: 'ai.onnx.ml', version: mlOpset }],
    graph: { node: [{ opType: op, domain: 'ai.onnx.ml', input: ['input'], output: ['y'], attribute }], input: [input] },
  };
}

/**
 * One regression tree: node 0 `mode` on feature 0 at `split` → true: leaf 1 (value 1),
 * false: leaf 2 (value 10). Overrides replace any attribute.
 */
function stump(mode: string, split: number, overrides: Record<string, Value> = {}): onnx.IModelProto {
  return treeModel('TreeEnsembleRegressor', {
    n_targets: 1,
    nodes_treeids: [0, 0, 0],
    nodes_nodeids: [0, 1, 2],
    nodes_featureids: [0, 0, 0],
    nodes_modes: [mode, 'LEAF', 'LEAF'],
    nodes_values: [split, 0, 0],
    nodes_truenodeids: [1, 0, 0],
    nodes_falsenodeids: [2, 0, 0],
    nodes_hitrates: [10, 4, 6],
    target_treeids: [0, 0],
    target_nodeids: [1, 2],
    target_ids: [0, 0],
    target_weights: [1, 10],
    ...overrides,
  });
}

const outputs = (model: onnx.IModelProto, xs: number[]) => {
  const { ensemble, problems } = readEnsemble(model);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return Array.from(predictRaw(ensemble!, Float32Array.from(xs.flatMap((v) => [v, 0])), xs.length));
};

describe('readEnsemble split rules', () => {
  const at = Math.fround(0.1);
  const below = nextDown32(at);
  const above = -nextDown32(-at);

  it.each([
    ['BRANCH_LEQ', [1, 1, 10, 10]],
    ['BRANCH_LT', [1, 10, 10, 10]],
    ['BRANCH_GTE', [10, 1, 1, 10]],
    ['BRANCH_GT', [10, 10, 1, 10]],
    ['BRANCH_EQ', [10, 1, 10, 10]],
    ['BRANCH_NEQ', [1, 10, 1, 1]],
  ])('%s compares float32 values one step either side of the threshold exactly; NaN follows onnxruntime', (mode, expected) => {
    expect(outputs(stump(mode, 0.1), [below, at, above, NaN])).toEqual(expected);
  });

  it('sends NaN to the true branch where nodes_missing_value_tracks_true is 1', () => {
    expect(outputs(stump('BRANCH_GT', 0.1, { nodes_missing_value_tracks_true: [1, 0, 0] }), [NaN, 0])).toEqual([1, 10]);
  });

  it('never takes the true branch of an ordered rule against a NaN threshold', () => {
    for (const mode of ['BRANCH_LEQ', 'BRANCH_LT', 'BRANCH_GTE', 'BRANCH_GT']) {
      expect(outputs(stump(mode, NaN), [-1e30, 0, 1e30])).toEqual([10, 10, 10]);
    }
  });

  it('adds AVERAGE trees divided by their number, plus the base value', () => {
    const two = stump('BRANCH_LEQ', 0, {
      aggregate_function: 'AVERAGE',
      base_values: [0.5],
      nodes_treeids: [0, 0, 0, 1],
      nodes_nodeids: [0, 1, 2, 0],
      nodes_featureids: [0, 0, 0, 0],
      nodes_modes: ['BRANCH_LEQ', 'LEAF', 'LEAF', 'LEAF'],
      nodes_values: [0, 0, 0, 0],
      nodes_truenodeids: [1, 0, 0, 0],
      nodes_falsenodeids: [2, 0, 0, 0],
      nodes_hitrates: [10, 4, 6, 10],
      target_treeids: [0, 0, 1],
      target_nodeids: [1, 2, 0],
      target_ids: [0, 0, 0],
      target_weights: [1, 10, 3],
    });
    expect(outputs(two, [-1, 1])).toEqual([0.5 + (1 + 3) / 2, 0.5 + (10 + 3) / 2]);
  });
});

describe('readEnsemble structure', () => {
  it('lays each tree out in preorder with the root first and the covers of its nodes', () => {
    const { ensemble } = readEnsemble(stump('BRANCH_LEQ', 0, { nodes_nodeids: [2, 0, 1], nodes_truenodeids: [0, 0, 0], nodes_falsenodeids: [1, 0, 0], target_nodeids: [0, 1] }));
    expect(Array.from(ensemble!.treeStart)).toEqual([0, 3]);
    expect(Array.from(ensemble!.left)).toEqual([1, -1, -1]);
    expect(Array.from(ensemble!.value)).toEqual([0, 1, 10]);
    expect(Array.from(ensemble!.cover)).toEqual([10, 4, 6]);
    expect(ensemble!.covers).toBe('model');
    expect(ensemble!.nFeatures).toBe(2);
  });

  it('lays out a node reached along two branches once per branch', () => {
    const dag = stump('BRANCH_LEQ', 0, {
      nodes_treeids: [0, 0, 0, 0],
      nodes_nodeids: [0, 1, 2, 3],
      nodes_featureids: [0, 1, 0, 0],
      nodes_modes: ['BRANCH_LEQ', 'BRANCH_LEQ', 'LEAF', 'LEAF'],
      nodes_values: [0, 0, 0, 0],
      nodes_truenodeids: [1, 2, 0, 0],
      nodes_falsenodeids: [2, 3, 0, 0],
      nodes_hitrates: [10, 6, 4, 2],
      target_treeids: [0, 0],
      target_nodeids: [2, 3],
    });
    const { ensemble } = readEnsemble(dag);
    expect(ensemble!.feature.length).toBe(5);
    expect(outputs(dag, [-1, 1])).toEqual([1, 1]);
  });

  it.each([
    ['a cycle', { nodes_truenodeids: [1, 0, 0], nodes_modes: ['BRANCH_LEQ', 'BRANCH_LEQ', 'LEAF'], nodes_falsenodeids: [2, 0, 0] }],
    ['a child that does not exist', { nodes_truenodeids: [7, 0, 0] }],
    ['a tree whose nodes are listed apart', { nodes_treeids: [0, 1, 0] }],
    ['attribute lists of different lengths', { nodes_values: [0, 0] }],
    ['a leaf without a weight', { target_nodeids: [1, 1] }],
    ['a feature beyond the input width', { nodes_featureids: [5, 0, 0] }],
    ['an unknown mode', { nodes_modes: ['BRANCH_SOMETIMES', 'LEAF', 'LEAF'] }],
  ])('refuses %s as malformed', (_, overrides) => {
    const { ensemble, problems } = readEnsemble(stump('BRANCH_LEQ', 0, overrides as Record<string, Value>));
    expect(ensemble).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(['trees.malformed']);
  });

  it('refuses a model with two tree ensembles, or with an opset it does not know', () => {
    const one = stump('BRANCH_LEQ', 0);
    const two = { ...one, graph: { ...one.graph, node: [...one.graph!.node!, ...one.graph!.node!] } };
    expect(readEnsemble(two).problems).toEqual([{ code: 'trees.several', severity: 'error', params: { count: 2 } }]);
    const newer = { ...one, opsetImport: [{ domain: 'ai.onnx.ml', version: 5 }] };
    expect(readEnsemble(newer).problems).toEqual([
      { code: 'trees.opset', severity: 'error', params: { op: 'TreeEnsembleRegressor', version: 5 } },
    ]);
  });

  it('warns and keeps no covers when hitrates are absent, are the converters\' placeholder 1.0, or do not add up', () => {
    const none = readEnsemble(stump('BRANCH_LEQ', 0, { nodes_hitrates: [] }));
    expect(none.ensemble!.covers).toBe('none');
    expect(none.problems).toEqual([{ code: 'trees.no_covers', severity: 'warning' }]);
    const ones = readEnsemble(stump('BRANCH_LEQ', 0, { nodes_hitrates: [1, 1, 1] }));
    expect(ones.ensemble!.covers).toBe('none');
    expect(ones.problems).toEqual([{ code: 'trees.placeholder_covers', severity: 'warning' }]);
    const wrong = readEnsemble(stump('BRANCH_LEQ', 0, { nodes_hitrates: [10, 3, 3] }));
    expect(wrong.ensemble!.covers).toBe('none');
    expect(wrong.problems).toEqual([{ code: 'trees.covers_inconsistent', severity: 'warning', params: { tree: 0 } }]);
  });

  it('reads a one-leaf tree and an ensemble with no trees', () => {
    const leaf = stump('LEAF', 0, {
      nodes_treeids: [0],
      nodes_nodeids: [0],
      nodes_featureids: [0],
      nodes_modes: ['LEAF'],
      nodes_values: [0],
      nodes_truenodeids: [0],
      nodes_falsenodeids: [0],
      nodes_hitrates: [3],
      target_treeids: [0],
      target_nodeids: [0],
      target_ids: [0],
      target_weights: [2.5],
    });
    expect(outputs(leaf, [NaN])).toEqual([2.5]);
    const empty = readEnsemble(
      treeModel('TreeEnsembleRegressor', { n_targets: 1, base_values: [0.25], nodes_treeids: [], nodes_nodeids: [], target_ids: [] }),
    ).ensemble!;
    expect(empty.nTrees).toBe(0);
    expect(Array.from(predictRaw(empty, Float32Array.of(1, 2), 1))).toEqual([0.25]);
  });
});

describe('readEnsemble for other exporters', () => {
  /** x0 ∈ {1, 2, 3} as onnxmltools writes it: EQ 1 → leaf 3, else EQ 2 → leaf 3, else EQ 3 → leaf 3, else leaf 4. */
  const chain = (tracks = [0, 0, 0, 0, 0]) =>
    stump('BRANCH_EQ', 1, {
      nodes_treeids: [0, 0, 0, 0, 0],
      nodes_nodeids: [0, 1, 2, 3, 4],
      nodes_featureids: [0, 0, 0, 0, 0],
      nodes_modes: ['BRANCH_EQ', 'BRANCH_EQ', 'BRANCH_EQ', 'LEAF', 'LEAF'],
      nodes_values: [1, 2, 3, 0, 0],
      nodes_truenodeids: [3, 3, 3, 0, 0],
      nodes_falsenodeids: [1, 2, 4, 0, 0],
      nodes_missing_value_tracks_true: tracks,
      nodes_hitrates: [10, 7, 5, 6, 4],
      target_treeids: [0, 0],
      target_nodeids: [3, 4],
    });

  it('reads a chain of BRANCH_EQ nodes sharing one true child as one set split, with the head\'s cover', () => {
    const { ensemble } = readEnsemble(chain());
    expect(ensemble!.feature.length).toBe(3);
    expect(Array.from(ensemble!.setValues)).toEqual([1, 2, 3]);
    expect(Array.from(ensemble!.cover)).toEqual([10, 6, 4]);
    expect(ensemble!.covers).toBe('model');
    expect(outputs(chain(), [1, 2, 3, 4, 0, NaN])).toEqual([1, 1, 1, 10, 10, 10]);
    expect(outputs(chain([1, 1, 1, 0, 0]), [NaN, 2.5])).toEqual([1, 10]);
  });

  it('stops a chain where the missing-value direction changes, so NaN still goes where onnxruntime sends it', () => {
    expect(outputs(chain([0, 1, 1, 0, 0]), [NaN, 3, 5])).toEqual([1, 1, 10]);
  });

  it('takes a Sigmoid after a one-target ensemble as its logistic link', () => {
    const model = stump('BRANCH_LEQ', 0);
    expect(readEnsemble(model).ensemble!.link).toBe('identity');
    model.graph!.node!.push({ opType: 'Identity', input: ['y'], output: ['z'] }, { opType: 'Sigmoid', input: ['z'], output: ['p'] });
    expect(readEnsemble(model).ensemble!.link).toBe('logistic');
  });

  it('refuses up front a small DAG that would unfold into more than 2^24 nodes', () => {
    const depth = 30;
    const ids = Array.from({ length: depth + 1 }, (_, i) => i);
    const model = stump('BRANCH_LEQ', 0, {
      nodes_treeids: ids.map(() => 0),
      nodes_nodeids: ids,
      nodes_featureids: ids.map(() => 0),
      nodes_modes: ids.map((i) => (i === depth ? 'LEAF' : 'BRANCH_LEQ')),
      nodes_values: ids.map(() => 0),
      nodes_truenodeids: ids.map((i) => Math.min(i + 1, depth)),
      nodes_falsenodeids: ids.map((i) => Math.min(i + 1, depth)),
      nodes_hitrates: [],
      target_treeids: [0],
      target_nodeids: [depth],
      target_ids: [0],
      target_weights: [1],
    });
    expect(readEnsemble(model).problems).toEqual([{ code: 'model.too_big', severity: 'error', params: { limit: 2 ** 24 } }]);
  });
});

describe('nextDown32', () => {
  it('is the largest float32 below t, so that x < t ⇔ x ≤ nextDown32(t)', () => {
    fc.assert(
      // Above the lowest float32, whose step down is −∞ (checked on its own below).
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true, min: -3.4028232635611926e38 }), (t) => {
        const d = nextDown32(t);
        return d < t && Math.fround(d) === d && (Math.fround(d + (t - d) / 2) === d || Math.fround(d + (t - d) / 2) === t);
      }),
    );
  });

  it('handles zero, the infinities and NaN', () => {
    expect(nextDown32(0)).toBe(-(2 ** -149));
    expect(nextDown32(-0)).toBe(-(2 ** -149));
    expect(nextDown32(Infinity)).toBe(3.4028234663852886e38);
    expect(nextDown32(-3.4028234663852886e38)).toBe(-Infinity);
    expect(nextDown32(-Infinity)).toBeNaN();
    expect(nextDown32(NaN)).toBeNaN();
  });
});
