/**
 * The results table's query — search text, sort column and direction, filters by status,
 * segment and reason — and the table's rows derived from it as one index array. Beside the
 * Explorer (its `table`), reading the open file and explanations from it; everything here is
 * $derived, each step only recomputed when its own inputs change.
 */
import type { Explorer } from './explorer.svelte';
import { segmentColumn, segmentMask, segmentSources, type SegmentSource } from '../core/evaluate/segment-columns';
import { distinctValues, featureValue, filterRows, reasonMask, searchIds, sortRows, statusMask } from '../core/table';
import { topReasons } from '../core/explain/top-reasons';

/** A column to sort by: the four shown ones, or a feature by its index in the card. */
export type SortKey = 'rank' | 'risk' | 'id' | 'line' | number;

/** Reasons a row shows in the table, and the filter by reason asks among. */
export const TABLE_REASONS = 3;

export class TableQuery {
  search = $state('');
  sortKey = $state<SortKey>('rank');
  sortDescending = $state(false);
  /** Row status to keep (row-status.ts), −1 for every status. */
  status = $state(-1);
  /** Index into `segmentSources`, −1 for no segment filter. */
  segment = $state(-1);
  /** The segment value to keep (as the column names it); null for every value. */
  segmentValue = $state<string | null>(null);
  /** Feature (card order) a row must have among its top reasons, −1 for none. */
  reason = $state(-1);
  /** Decision to keep: −1 every row, 0 rows with any decision, else KEEP, REMOVE or ADD (core/decisions). */
  decision = $state(-1);

  #explorer: Explorer;

  constructor(explorer: Explorer) {
    this.#explorer = explorer;
  }

  /** Columns the segment filter offers (segmentSources: text columns with few values, coded features). */
  segmentSources = $derived.by<SegmentSource[]>(() => {
    const { result, model } = this.#explorer;
    return result && model ? segmentSources(result.ingest, model.card) : [];
  });

  #segmentColumn = $derived.by(() => {
    const { result, model } = this.#explorer;
    const source = this.segmentSources[this.segment];
    return result && model && source ? segmentColumn(source, result.ingest, model.card) : null;
  });

  /** The chosen segment column's values. */
  segmentValues = $derived.by<readonly string[]>(() => {
    const column = this.#segmentColumn;
    if (!column) return [];
    return 'codes' in column ? column.names : distinctValues(column, new Intl.Collator(this.#explorer.locale, { numeric: true }));
  });

  /** Every row's top reasons (rows × TABLE_REASONS, −1 for none), once the filter by reason asks. */
  #top = $derived.by(() => {
    const e = this.#explorer.explanations;
    const f = this.#explorer.model?.card.features.length ?? 0;
    return e ? topReasons(e.contrib, e.total, f, TABLE_REASONS) : null;
  });

  #reason = $derived.by(() => {
    const { result, explanations: e, model } = this.#explorer;
    if (!result || this.reason < 0 || !model) return null;
    if (!e) return { mask: new Uint8Array(result.ingest.rows), unexplained: result.ingest.rows };
    return reasonMask(e.contrib, e.explained, model.card.features.length, this.reason, TABLE_REASONS, this.#top!);
  });

  /** Rows the reason filter left out because they are not explained yet (0 without that filter). */
  unexplained = $derived(this.#reason?.unexplained ?? 0);

  /** Every row of the file in the chosen sort order. */
  sorted = $derived.by(() => {
    const explorer = this.#explorer;
    const result = explorer.result;
    if (!result) return new Uint32Array(0);
    const n = result.probability.length;
    const key = this.sortKey;
    const down = this.sortDescending;
    if (key === 'rank') return down ? explorer.order.slice().reverse() : explorer.order;
    if (key === 'line') {
      const base = Uint32Array.from({ length: n }, (_, i) => i);
      return down ? base.reverse() : base;
    }
    if (key === 'risk') return sortRows(n, (r) => result.probability[r], down);
    if (key === 'id') {
      const ids = result.ingest.ids;
      const collator = new Intl.Collator(explorer.locale, { numeric: true });
      const base = Uint32Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => collator.compare(ids[a], ids[b]) || a - b);
      return down ? base.reverse() : base;
    }
    const card = explorer.model!.card;
    return sortRows(n, featureValue(result.ingest.features, card.features.length, card.features[key].index), down);
  });

  /** The rows the filters keep, in sort order. */
  filtered = $derived.by(() => {
    const result = this.#explorer.result;
    if (!result) return new Uint32Array(0);
    const column = this.#segmentColumn;
    return filterRows(this.sorted, [
      this.status >= 0 ? statusMask(result.ingest.status, this.status) : null,
      column && this.segmentValue !== null ? segmentMask(column, this.segmentValue, result.ingest.rows) : null,
      this.#reason?.mask ?? null,
      this.decision >= 0 ? decisionMask(this.#explorer.decisions.final.code, this.decision) : null,
    ]);
  });

  /** The table's rows: the filtered rows, narrowed by the id search (exact matches first). */
  view = $derived.by(() => {
    const ids = this.#explorer.result?.ingest.ids;
    return ids && this.search.trim() ? searchIds(ids, this.search, this.filtered) : this.filtered;
  });

  /** A filter or a search is narrowing the table. */
  narrowed = $derived(this.search.trim() !== '' || this.status >= 0 || (this.segment >= 0 && this.segmentValue !== null) || this.reason >= 0 || this.decision >= 0);

  /** Sorts by `key`; the same key again turns the direction. Risk starts highest first. */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDescending = !this.sortDescending;
    else {
      this.sortKey = key;
      this.sortDescending = key === 'risk';
    }
  }

  /** Chooses the segment column (index into segmentSources, −1 for none); its value starts unset. */
  chooseSegment(index: number): void {
    this.segment = index;
    this.segmentValue = null;
  }

  /** Clears search and filters (a new file's columns and rows are not the last one's); the sort stays. */
  reset(): void {
    this.search = '';
    this.status = -1;
    this.segment = -1;
    this.segmentValue = null;
    this.reason = -1;
    this.decision = -1;
  }
}

/** 1 for rows whose current decision is `code` (0: any decision). */
function decisionMask(codes: Uint8Array, code: number): Uint8Array {
  const mask = new Uint8Array(codes.length);
  for (let r = 0; r < codes.length; r++) mask[r] = code === 0 ? (codes[r] > 0 ? 1 : 0) : codes[r] === code ? 1 : 0;
  return mask;
}
