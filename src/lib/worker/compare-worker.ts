/**
 * The comparison off the page's thread: two sorts of a million rows, DeLong, the bootstrap, and
 * (when asked, once per pair of rankings) both models' ROC and gains curves — about a second
 * each at 10^6 rows, which on the page froze the view for seconds (npm run bench, 5 Dec 2026).
 * One reply per request id; its typed arrays are transferred (buffersOf).
 */
import { compareModels, type CompareInput, type Comparison } from '../core/compare';
import { evaluateCurves, type Curves } from '../core/evaluate';
import { buffersOf } from './buffers-of';

export type CompareRequest = { id: number; input: CompareInput; curves: boolean };
export type CompareReply = { id: number; comparison: Comparison; curves: [Curves, Curves] | null } | { id: number; error: string };

self.onmessage = (event: MessageEvent<CompareRequest>) => {
  const { id, input, curves } = event.data;
  try {
    const comparison = compareModels(input);
    const label = input.label;
    const both: [Curves, Curves] | null =
      curves && label && input.championOrder && input.challengerOrder
        ? [evaluateCurves(input.champion, label, input.championOrder), evaluateCurves(input.challenger, label, input.challengerOrder)]
        : null;
    const reply = { id, comparison, curves: both } satisfies CompareReply;
    // Transferred, not cloned: copying them is the page's work when it reads the reply.
    (self as unknown as Worker).postMessage(reply, buffersOf(reply));
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) } satisfies CompareReply);
  }
};
