import type { CompareInput } from '../core/compare';
import type { CompareReply } from './compare-worker';
import { requestsTo } from './requests-to';

export type Computed = Extract<CompareReply, { comparison: unknown }>;
/** What the Comparison state asks for: the figures, and both models' curves when `curves` is set. */
export type Compute = (input: CompareInput, curves: boolean) => Promise<Omit<Computed, 'id'>>;

/** The page's side of compare-worker.ts. */
export function compareIn(worker: Worker): Compute {
  const send = requestsTo<{ input: CompareInput; curves: boolean }, CompareReply>(worker);
  return (input, curves) => send({ input, curves });
}
