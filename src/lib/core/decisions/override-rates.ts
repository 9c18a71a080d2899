import { factorizeSegments, type SegmentColumn } from '../metrics/factorize-segments';
import { NOT_SELECTED, RANDOM_CONTROL } from '../select/control-sample';
import { wilsonInterval } from '../fairness/wilson';
import { ADD, REMOVE, type FinalDecisions } from './final-decisions';

/** Overrides per segment as columns (index = segment code), and the whole file in `all`. */
export interface OverrideRates {
  names: readonly string[];
  /** Rows on the list as made (model and control). */
  listed: Uint32Array;
  /** Listed rows taken off by a reviewer, and of those the random control rows (they bias the control estimate). */
  removed: Uint32Array;
  removedControl: Uint32Array;
  /** Rows not on the list added by hand. */
  added: Uint32Array;
  /** (removed + added) / (listed + added); NaN with no rows. */
  share: Float64Array;
  /** Wilson score 95 % interval of `share`. */
  low: Float64Array;
  high: Float64Array;
  all: { listed: number; removed: number; removedControl: number; added: number; share: number; low: number; high: number };
}

/**
 * How often reviewers overrode the list, per segment: of the rows the list held or a reviewer
 * added (listed + added), the share whose place a reviewer changed (removed + added), with a
 * Wilson score interval (Wilson 1927, JASA 22:209–212; Brown, Cai & DasGupta 2001 recommend it
 * for small n) so a segment of five rows does not look like a finding.
 * `decisions`: finalDecisions(…) or its `code` column (per row); `kindByRow`: the selection's, per row.
 */
export function overrideRates(decisions: FinalDecisions | ArrayLike<number>, kindByRow: ArrayLike<number>, segment: SegmentColumn): OverrideRates {
  const decisionCode = 'latest' in decisions ? decisions.code : decisions;
  const n = kindByRow.length;
  const { codes, names } = factorizeSegments(segment, n);
  const k = names.length;
  const listed = new Uint32Array(k);
  const removed = new Uint32Array(k);
  const removedControl = new Uint32Array(k);
  const added = new Uint32Array(k);
  for (let r = 0; r < n; r++) {
    const s = codes[r];
    if (!(s >= 0 && s < k)) continue;
    const d = decisionCode[r];
    if (kindByRow[r] !== NOT_SELECTED) {
      listed[s]++;
      if (d === REMOVE) {
        removed[s]++;
        if (kindByRow[r] === RANDOM_CONTROL) removedControl[s]++;
      }
    } else if (d === ADD) added[s]++;
  }
  const share = new Float64Array(k);
  const low = new Float64Array(k);
  const high = new Float64Array(k);
  for (let s = 0; s < k; s++) [share[s], low[s], high[s]] = wilson(removed[s] + added[s], listed[s] + added[s]);
  const sum = (a: Uint32Array) => a.reduce((x, y) => x + y, 0);
  const all = { listed: sum(listed), removed: sum(removed), removedControl: sum(removedControl), added: sum(added), share: 0, low: 0, high: 0 };
  [all.share, all.low, all.high] = wilson(all.removed + all.added, all.listed + all.added);
  return { names, listed, removed, removedControl, added, share, low, high, all };
}

/** Share x/n and its Wilson score 95 % interval (fairness/wilson.ts); NaN for n = 0. */
export function wilson(x: number, n: number): [number, number, number] {
  if (n === 0) return [NaN, NaN, NaN];
  const [low, high] = wilsonInterval(x, n);
  return [x / n, low, high];
}
