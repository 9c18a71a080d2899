import type { ModelCard, OutputSpace } from '../model/card';

/** The views an answer can link to (the app's tabs; `record` opens that row's record view). */
export type AnswerTab = 'results' | 'explain' | 'planner' | 'evaluation' | 'compare' | 'fairness' | 'outcomes';

/** One row of the open file as the assistant speaks of it. */
export interface RecordSnapshot {
  id: string;
  /** Row index in the file (0-based). */
  row: number;
  /** 1 = highest risk; 0 for a rejected row. */
  rank: number;
  /** P(positive), 0–1; NaN for a rejected row. */
  probability: number;
  rejected: boolean;
  /** Its reasons as the app computes them (core/export/reasons.ts, in the asking language); null while its explanation is not in. */
  reasons: string[] | null;
}

/**
 * A plain snapshot of what the app knows, built by the state layer (or the CLI) for one
 * question: every number an answer gives comes from here.
 */
export interface AssistantContext {
  locale: 'nb' | 'nn' | 'en';
  /** The active model's card; null while no model is loaded. */
  card: ModelCard | null;
  /** How the model's explanations are computed: TreeSHAP for trees, linear SHAP for a linear model. */
  explainer: { kind: 'trees' | 'linear'; space: OutputSpace } | null;
  /** The scored file; null before one is scored. */
  file: {
    name: string;
    rows: number;
    scored: number;
    rejected: number;
    /** Header of the id column, null when the file has none. */
    idColumn: string | null;
    /** Id of the highest-ranked row, for an example. */
    topId: string | null;
    /** True when the file has an outcome column (the planner then shows what the list found). */
    labelled: boolean;
  } | null;
  /** The row the question names (or the open one when it names none); null when none. */
  record: RecordSnapshot | null;
  /** An id the question named that the file does not hold. */
  unknownId: string | null;
  /** The planner's running sums of expected finds by capacity (capacityPlan: expected[k], k = 0..scored). */
  plan: { scored: number; expected: ArrayLike<number> } | null;
  /** The planner's current choices. */
  capacity: number;
  controlShare: number;
  /** The drift table's reading (core/evaluate fileDriftRows, most worrying first): card indices of features that moved. */
  drift: { moved: number[]; worrying: boolean } | null;
  /** Rejected rows by problem code, most first, with one sentence each (describe-problem). */
  rejected: { total: number; reasons: { code: string; count: number; text: string }[] } | null;
}

/** A context with nothing loaded: the CLI's and the page's starting point. */
export function emptyContext(locale: AssistantContext['locale']): AssistantContext {
  return { locale, card: null, explainer: null, file: null, record: null, unknownId: null, plan: null, capacity: 0, controlShare: 0, drift: null, rejected: null };
}
