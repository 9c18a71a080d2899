/**
 * The control-list planner's state: the control share, the seed, the export dialect and the
 * open case sheet. Capacity itself lives on the Explorer (shared with the evaluation view).
 * Everything else — the capacity plan, the figures at the chosen capacity and the list —
 * is $derived from the Explorer's result, so moving the slider recomputes in O(1) (figures)
 * and O(capacity) (the list).
 */
import type { Explorer } from './explorer.svelte';
import { capacityAt, capacityPlan } from '../core/select/capacity-plan';
import { selectWithControl } from '../core/select/control-sample';
import { listFigures } from '../core/select/list-figures';
import { clampCapacity } from '../core/metrics/clamp-capacity';
import { nationalIdColumns } from '../core/csv/nationalId';
import { EXCEL_NORWEGIAN, RFC_4180, type CsvDialect } from '../core/export/csv-writer';
import type { AuditManifest } from '../core/export/manifest';

export type DialectId = CsvDialect['id'];
export const DIALECTS: Record<DialectId, CsvDialect> = { 'excel-nb': EXCEL_NORWEGIAN, 'rfc4180': RFC_4180 };

/** Largest seed selectWithControl accepts: seeds are unsigned 64-bit (SplitMix64 state). */
const MAX_SEED = (1n << 64n) - 1n;

/** A seed typed by a person: decimal digits only, 0 … 2^64 − 1; null otherwise. */
export function parseSeed(text: string): bigint | null {
  const s = text.trim();
  if (!/^\d{1,20}$/.test(s)) return null;
  const seed = BigInt(s);
  return seed <= MAX_SEED ? seed : null;
}

/** A fresh seed from the platform's CSPRNG, below 2^53 so it reads and types as a plain number. */
export function randomSeed(): string {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return String((words[0] & 0x1fffff) * 2 ** 32 + words[1]);
}

export class Planner {
  /** Share of the capacity given to the random control group, 0–1. */
  controlShare = $state(0);
  /** The seed as typed; `seed` is its value, or the last valid one. */
  seedText = $state(randomSeed());
  dialect = $state<DialectId>('excel-nb');
  /** The result for which the user chose to export national ids as written; any other result exports them masked. */
  #inFullFor = $state.raw<object | null>(null);
  /** Row whose case sheet is open, or null. */
  caseRow = $state<number | null>(null);
  /** The manifest of the last list exported, with the result and selection it was made from: the selection report's record. */
  exported = $state.raw<{ manifest: AuditManifest; result: object; selection: object } | null>(null);
  /** True while the selection report is open. */
  reportOpen = $state(false);

  #explorer: Explorer;
  #lastSeed = 0n;

  constructor(explorer: Explorer) {
    this.#explorer = explorer;
  }

  seedValid = $derived(parseSeed(this.seedText) !== null);
  seed = $derived.by(() => {
    const s = parseSeed(this.seedText);
    if (s !== null) this.#lastSeed = s;
    return s ?? this.#lastSeed;
  });

  /** Export national ids as written instead of masked: an explicit choice, made again for every new file. */
  get nationalIdsInFull(): boolean {
    return this.#inFullFor !== null && this.#inFullFor === this.#explorer.result;
  }
  set nationalIdsInFull(inFull: boolean) {
    this.#inFullFor = inFull ? this.#explorer.result : null;
  }

  /** Headers of the exported columns that hold national ids; the export asks how to write them. */
  nationalIdHeaders = $derived.by(() => {
    const ingest = this.#explorer.result?.ingest;
    return ingest ? nationalIdColumns(ingest).map((j) => ingest.plan.header[j]) : [];
  });

  /** Running sums along the ranking; labels when the file has an outcome column. */
  plan = $derived.by(() => {
    const result = this.#explorer.result;
    if (!result) return null;
    return capacityPlan(this.#explorer.order, result.probability, result.ingest.label ?? undefined);
  });

  /** The planner's figures at the chosen capacity (clamped to the scored rows by capacityAt). */
  point = $derived.by(() => (this.plan ? capacityAt(this.plan, this.#explorer.capacity) : null));

  /** The list: model rows by rank, then the control rows in file order. */
  selection = $derived.by(() => {
    const result = this.#explorer.result;
    const plan = this.plan;
    if (!result || !plan) return null;
    const capacity = clampCapacity(this.#explorer.capacity, plan.scored);
    return selectWithControl(this.#explorer.order, result.probability, { capacity, controlShare: this.controlShare, seed: this.seed });
  });

  /** What the list as exported (model rows and control rows) is expected to find, and found: the headline and table read this. */
  /** The last export's manifest when it still describes the list on screen (same file, model, choices), else null. */
  currentExport = $derived.by(() => {
    const e = this.exported;
    return e && e.result === this.#explorer.result && e.selection === this.selection ? e.manifest : null;
  });

  figures = $derived.by(() => {
    const result = this.#explorer.result;
    const plan = this.plan;
    const selection = this.selection;
    if (!result || !plan || !selection) return null;
    return listFigures(plan, selection.rows, selection.modelCount, result.probability, result.ingest.label ?? undefined);
  });
}

const planners = new WeakMap<Explorer, Planner>();

/** The page's one Planner, kept while tabs come and go so the seed and share survive a tab switch. */
export function plannerFor(explorer: Explorer): Planner {
  let planner = planners.get(explorer);
  if (!planner) planners.set(explorer, (planner = new Planner(explorer)));
  return planner;
}
