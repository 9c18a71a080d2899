/**
 * The comparison's figures off the page's thread: two sorts of a million rows, DeLong and the
 * bootstrap take a few hundred milliseconds, which on the page would freeze the view.
 * One request at a time per id; the reply carries the Comparison (typed arrays cloned).
 */
import { compareModels, type CompareInput, type Comparison } from '../core/compare';

export type CompareRequest = { id: number; input: CompareInput };
export type CompareReply = { id: number; comparison: Comparison } | { id: number; error: string };

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  const { id, input } = event.data;
  try {
    (self as unknown as Worker).postMessage({ id, comparison: compareModels(input) } satisfies CompareReply);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) } satisfies CompareReply);
  }
};
