import * as v from 'valibot';
import type { onnx } from 'onnx-proto';
import { MODEL_CARD_KEY, MODEL_CARD_VERSION, type ModelCard, type PartialModelCard } from './card';
import { modelCardSchema, partialCardSchema } from './card-schema';
import { completeCard, type CardGap } from './complete-card';
import { decodeModel, metadataProps } from './onnx';
import { readEnsemble } from './read-ensemble';
import { readLinear, type LinearModel } from './linear-model';
import { graphInputs, scoringModel } from './scoring-model';
import { NodeAttributes } from './node-attributes';
import { outputSpaceOf, type ModelFile } from './model-file';
import type { TreeEnsemble } from './ensemble';
import { problem, type Problem } from '../problems';
import { prohibitedFeatures } from '../fairness/prohibited';
import { foldTextFeatures, hasTextFeatures, inputWidth, type TextFeature } from './text-feature';

export interface ReadModelOptions {
  /**
   * A card to use instead of the file's (a JSON value or its text): for a model that has
   * none, or to override the file card's fields (top-level keys of this card replace the
   * file card's; `features` is replaced whole).
   */
  card?: unknown;
}

export interface ReadModelResult {
  /** The decoded protobuf, for the tree reader; null when the bytes are not an ONNX model. */
  proto: onnx.ModelProto | null;
  /** The complete card; null when any error problem is present. */
  card: ModelCard | null;
  /** The model as the app uses it; null when any error problem is present. */
  model: ModelFile | null;
  /** Problems that stop the model from being used (errors) or that the user should know (warnings); see model.explainProblems for those about explaining only. */
  problems: Problem[];
}

/** ONNX TensorProto.DataType names, for a sentence about an input that is not float. */
const ELEM_TYPES: Record<number, string> = { 2: 'uint8', 3: 'int8', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 10: 'float16', 11: 'double', 12: 'uint32', 13: 'uint64' };
const MODEL_OPS = new Set(['TreeEnsembleClassifier', 'TreeEnsembleRegressor', 'TreeEnsemble', 'LinearClassifier']);
/**
 * Operators the converters put around the model operator, which onnxruntime-web runs and
 * which leave P(class 1) as the model operator defines it (ZipMap is dropped before
 * scoring; Sigmoid after a single-target ensemble is its link). Anything else is refused:
 * the explanation would not be of the score.
 */
const AROUND_OPS = new Set(['ZipMap', 'Identity', 'Cast', 'Mul', 'Sigmoid', 'Sub', 'Concat']);

/**
 * Reads and checks an ONNX model file: the graph, the card (the file's or `options.card`),
 * the trees or the linear model, the output space and the covers. The one entry point for
 * the worker, the CLI and the tests. Never throws on bad bytes: every failure is a problem
 * with a stable code, and a model too big to lay out is refused here, before any engine
 * sees it.
 */
export function readModel(bytes: Uint8Array, options: ReadModelOptions = {}): ReadModelResult {
  let proto: onnx.ModelProto;
  try {
    proto = decodeModel(bytes);
  } catch {
    return refuse(null, problem('model.not_onnx', 'error'));
  }
  const graph = proto.graph;
  if (!graph || (graph.node ?? []).length === 0) return refuse(null, problem('model.not_onnx', 'error'));

  const inputs = graphInputs(graph);
  if (inputs.length !== 1) return refuse(proto, problem('model.inputs', 'error', { params: { count: inputs.length } }));
  const elem = inputs[0].type?.tensorType?.elemType ?? 0;
  if (elem !== 1) return refuse(proto, problem('model.input_not_float', 'error', { params: { name: inputs[0].name ?? '', type: ELEM_TYPES[elem] ?? String(elem) } }));
  const dim = inputs[0].type?.tensorType?.shape?.dim?.[1]?.dimValue;
  const width = dim == null ? 0 : Number(dim);

  const modelNodes = (graph.node ?? []).filter((n) => MODEL_OPS.has(n.opType ?? ''));
  for (const n of graph.node ?? []) {
    const op = n.opType ?? '';
    if (!MODEL_OPS.has(op) && !AROUND_OPS.has(op)) return refuse(proto, problem('model.unsupported_op', 'error', { params: { op } }));
  }
  if (modelNodes.length !== 1) return refuse(proto, problem('model.unsupported_op', 'error', { params: { op: modelNodes.length === 0 ? '(none)' : `${modelNodes.length} × ${modelNodes[0].opType}` } }));
  const node = modelNodes[0];
  const operator = node.opType!;
  const a = new NodeAttributes(node);
  const classes = Math.max(a.ints('classlabels_int64s').length, a.strings('classlabels_strings').length, a.ints('classlabels_ints').length);
  if (classes > 2) return refuse(proto, problem('model.multiclass', 'error', { params: { classes } }));

  // The trees or the linear model. Too big is refused outright; other tree problems leave
  // a model that scores but is not explained.
  const explainProblems: Problem[] = [];
  let trees: TreeEnsemble | null = null;
  let linear: LinearModel | null = null;
  let fileCovers: ModelFile['fileCovers'] = 'none';
  if (operator === 'LinearClassifier') {
    const read = readLinear(node, width);
    if (typeof read === 'string') explainProblems.push(problem('trees.unsupported', 'error', { params: { detail: read } }));
    else linear = read;
  } else {
    const read = readEnsemble(proto);
    const tooBig = read.problems.find((p) => p.code === 'model.too_big');
    if (tooBig) return refuse(proto, tooBig);
    trees = read.ensemble;
    explainProblems.push(...read.problems);
    if (trees?.covers === 'model') fileCovers = 'counts';
    else if (read.problems.some((p) => p.code === 'trees.placeholder_covers')) fileCovers = 'placeholder';
  }
  const link = trees?.link ?? linear?.link ?? (a.string('post_transform', 'NONE') === 'LOGISTIC' ? 'logistic' : 'identity');

  const fileText = metadataProps(proto).get(MODEL_CARD_KEY);
  const given = options.card;
  if (fileText === undefined && given === undefined) return refuse(proto, problem('model.no_card', 'error'));
  const json = mergeCards(fileText, given);
  if (json === NOT_JSON) return refuse(proto, problem('model.card_not_json', 'error'));

  const scoring = scoringModel(bytes, proto, (json as { io?: { probabilities?: unknown } } | null)?.io?.probabilities as string | undefined);
  if (!scoring) return refuse(proto, problem('model.no_probabilities', 'error'));

  const info = {
    input: scoring.input,
    probabilities: scoring.probabilities,
    outputSpace: outputSpaceOf(link),
    covers: fileCovers === 'counts' ? ('nodes_hitrates' as const) : ('none' as const),
    algorithm: operator,
    nTrees: trees?.nTrees ?? 0,
    maxDepth: trees?.maxDepth ?? 0,
  };
  const checked = checkCard(json, proto, info);
  if (!checked.card) return { proto, card: null, model: null, problems: checked.problems };
  const card = checked.card;
  const problems = checked.problems;
  const described = inputWidth(card);
  const fileWidth = width || trees?.nFeatures || described;
  if (described > fileWidth) problems.push(problem('model.card_too_many_features', 'error', { params: { features: described, width: fileWidth } }));
  if (described < fileWidth) problems.push(problem('model.card_too_few_features', 'error', { params: { features: described, width: fileWidth } }));
  // A text feature's slots are folded into one input (text-feature.ts): the app's rows hold one value per card feature.
  let text: TextFeature[] = [];
  if (!problems.some((p) => p.severity === 'error') && hasTextFeatures(card)) {
    const folded = operator === 'LinearClassifier' ? foldTextFeatures(bytes, card) : 'text features need a LinearClassifier';
    if (typeof folded === 'string') problems.push(problem('model.text_feature', 'error', { params: { detail: folded } }));
    else {
      text = folded.text;
      const node = (decodeModel(folded.bytes).graph?.node ?? []).find((n) => n.opType === 'LinearClassifier')!;
      const read = readLinear(node, card.features.length);
      if (typeof read === 'string') problems.push(problem('model.text_feature', 'error', { params: { detail: read } }));
      else linear = read;
    }
  }
  const nFeatures = card.features.length;
  if (problems.some((p) => p.severity === 'error')) return { proto, card: null, model: null, problems };
  // A warning, not a refusal: a feature may name a characteristic to rule it out, but someone must look (models/MODEL_CARD.md).
  for (const hit of prohibitedFeatures(card.features)) {
    problems.push(problem('model.prohibited_feature', 'warning', { field: hit.feature, params: { feature: hit.feature, matched: hit.matched } }));
  }

  const model: ModelFile = {
    card,
    missing: checked.missing,
    input: scoring.input,
    probabilities: scoring.probabilities,
    nFeatures,
    operator,
    outputSpace: outputSpaceOf(link),
    link,
    trees,
    linear,
    text,
    fileCovers,
    explainProblems,
  };
  return { proto, card, model, problems };
}

function refuse(proto: onnx.ModelProto | null, p: Problem): ReadModelResult {
  return { proto, card: null, model: null, problems: [p] };
}

const NOT_JSON = Symbol('not json');

/** The card's JSON: the file's, with the given card's top-level fields over it. */
function mergeCards(fileText: string | undefined, given: unknown): unknown {
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return NOT_JSON;
    }
  };
  const givenJson = typeof given === 'string' ? parse(given) : given;
  if (givenJson === NOT_JSON) return NOT_JSON;
  if (fileText === undefined) return givenJson;
  const fileJson = parse(fileText);
  if (given === undefined) return fileJson;
  // A broken card in the file does not matter when a whole card is given instead.
  if (fileJson === NOT_JSON || !isObject(fileJson) || !isObject(givenJson)) return givenJson;
  return { ...fileJson, ...givenJson };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A full card (the bundled model's, the kit's) is taken as it is; a partial one is
 * completed from what the file says (completeCard). The first issue of the partial schema
 * names what is wrong with a card that is neither.
 */
function checkCard(
  json: unknown,
  proto: onnx.ModelProto,
  info: Parameters<typeof completeCard>[1],
): { card: ModelCard | null; missing: CardGap[]; problems: Problem[] } {
  const full = v.safeParse(modelCardSchema, json);
  let card: ModelCard;
  let missing: CardGap[] = [];
  const problems: Problem[] = [];
  if (full.success) {
    card = full.output;
    const graph = proto.graph!;
    const names = new Set([...(graph.output ?? []).map((o) => o.name), info.probabilities]);
    if (!(graph.input ?? []).some((i) => i.name === card.io.input)) {
      problems.push(problem('model.io_missing', 'error', { params: { name: card.io.input } }));
    }
    if (!names.has(card.io.probabilities)) problems.push(problem('model.io_missing', 'error', { params: { name: card.io.probabilities } }));
  } else {
    const partial = v.safeParse(partialCardSchema, json);
    if (!partial.success) {
      const issue = partial.issues[0];
      const path = v.getDotPath(issue) ?? '(root)';
      return { card: null, missing, problems: [problem('model.card_invalid', 'error', { params: { path, message: issue.message } })] };
    }
    const p: PartialModelCard = partial.output;
    p.features.forEach((f, i) => {
      if (f.index !== undefined && f.index !== i) problems.push(problem('model.feature_order', 'error', { field: f.name, params: { index: f.index, position: i } }));
    });
    ({ card, missing } = completeCard(p, info));
  }
  if (card.card_version > MODEL_CARD_VERSION) {
    problems.push(problem('model.card_newer', 'warning', { params: { version: card.card_version, supported: MODEL_CARD_VERSION } }));
  }
  // A feature's index is its first slot in the input: its position, after any wider text feature's slots.
  let slot = 0;
  card.features.forEach((f) => {
    if (f.index !== slot) problems.push(problem('model.feature_order', 'error', { field: f.name, params: { index: f.index, position: slot } }));
    slot += inputWidth({ features: [f] });
  });
  const errors = problems.some((p) => p.severity === 'error');
  return { card: errors ? null : card, missing, problems };
}
