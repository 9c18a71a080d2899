/**
 * The fairness view's state for one scored file: the sensitive column the analyst chose (none
 * until they choose), the group table under the planner's current selection (the same
 * kindByRow as the list), and the proxy strengths, computed once per chosen column, one column
 * at a time with a pause between columns so 10^6 rows × 35 columns never hold the page for more
 * than one column's sort (proxy-column.ts; test/bench/fairness-proxy.ts measures it).
 */
import type { Explorer } from './explorer.svelte';
import { plannerFor } from './planner.svelte';
import { evaluationChoices } from './evaluation.svelte';
import type { ScoredFile } from '../core/pipeline/scored-file';
import { labelCandidates, labelFromText } from '../core/evaluate/segment-columns';
import { meanAbsExplained } from '../core/explain/importance';
import {
  groupOutcomeEstimates,
  groupsOf,
  importanceShares,
  proxyRow,
  scoredRows,
  selectionByGroup,
  sensitiveColumns,
  strongProxyDrivers,
  SCORE,
  type GroupOutcomeEstimate,
  type GroupOverrideRate,
  type ProxyRow,
} from '../core/fairness';
import { overrideRates } from '../core/decisions/override-rates';
import { listKey } from '../core/loop/list-key';
import { outcomeByRow } from '../core/loop/outcome-by-row';
import type { LinkedOutcomes } from '../core/loop/link-outcomes';
import { fileSha256 } from './file-hash';

/** Lets the page paint and take input between two columns' proxy figures. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FairnessAudit {
  /** Index into ingest.passthrough of the chosen sensitive column; null: none chosen. */
  column = $state<number | null>(null);
  /** Proxy rows of the chosen column so far (features in card order, then the score); complete when `proxyDone`. */
  proxies = $state.raw<ProxyRow[]>([]);
  proxyDone = $state(false);

  #explorer: Explorer;
  #result: ScoredFile;
  #cache = new Map<number, ProxyRow[]>();
  #run = 0;
  /** SHA-256 of the data file once hashed: whether an outcomes list was drawn from this file. */
  #inputSha = $state<string | null>(null);

  constructor(explorer: Explorer, result: ScoredFile) {
    this.#explorer = explorer;
    this.#result = result;
    const file = explorer.file;
    if (file) void fileSha256(file).then((sha) => (this.#inputSha = sha));
  }

  /**
   * Reviewers' overrides per group under the planner's list: rows taken off or added by hand
   * over the rows listed and added (core/decisions overrideRates); null before any decision.
   */
  overrides = $derived.by((): GroupOverrideRate[] | null => {
    const decisions = this.#explorer.decisions;
    const groups = this.groups;
    const selection = this.selection;
    if (decisions.log.length === 0 || !groups || !selection) return null;
    const o = overrideRates(decisions.final, selection.kindByRow, groups);
    return o.names.map((group, s) => ({
      group,
      decisions: o.listed[s] + o.added[s],
      overrides: o.removed[s] + o.added[s],
      rate: Number.isNaN(o.share[s]) ? { value: null, ci95: null } : { value: o.share[s], ci95: [o.low[s], o.high[s]] },
    }));
  });

  /**
   * Per-group unbiased figures from the outcomes the Outcomes tab has linked, when that list is
   * the one this file, model and the planner's choices make (same model and input hashes and the
   * same list key); 'other' when outcomes are open for another list; null without outcomes.
   */
  groupOutcomes(linked: LinkedOutcomes | null): GroupOutcomeEstimate[] | 'other' | null {
    const groups = this.groups;
    const selection = this.selection;
    const model = this.#explorer.model;
    if (!linked || !groups || !selection || !model) return null;
    const planner = plannerFor(this.#explorer);
    const sha = this.#inputSha;
    const key = sha && listKey({ modelSha256: model.sha256, inputSha256: sha, capacity: Math.round(this.#explorer.capacity), controlShare: planner.controlShare, seed: planner.seed });
    if (!key || linked.listKey !== key) return 'other';
    const outcome = outcomeByRow(linked, selection.rows, this.#result.ingest.rows);
    return outcome ? groupOutcomeEstimates(groups, selection.kindByRow, outcome, this.#result.probability) : 'other';
  }

  /** The outcome column: the card's label, else the 0/1 column the analyst picked in the evaluation view. */
  label = $derived.by(() => {
    const ingest = this.#result.ingest;
    if (ingest.label) return ingest.label;
    const j = evaluationChoices(this.#result).labelColumn;
    return j !== null && labelCandidates(ingest).includes(j) ? labelFromText(ingest.passthrough.columns[j]) : null;
  });

  candidates = $derived.by(() => {
    const ingest = this.#result.ingest;
    const j = evaluationChoices(this.#result).labelColumn;
    return sensitiveColumns(ingest, this.#explorer.model!.card, j !== null && !ingest.label ? [ingest.passthrough.header[j]] : []);
  });

  groups = $derived.by(() => {
    const c = this.column;
    return c === null ? null : groupsOf(this.#result.ingest.passthrough.columns[c], this.#result.ingest.rows);
  });

  /** The planner's list: BY_MODEL rows at its capacity and control share. */
  selection = $derived.by(() => plannerFor(this.#explorer).selection);

  table = $derived.by(() => {
    const groups = this.groups;
    const selection = this.selection;
    return groups && selection ? selectionByGroup(groups, selection.kindByRow, this.#result.probability, this.label) : null;
  });

  /** Mean |φ| per feature from the explanations held so far (the early sample, then every row). */
  importance = $derived.by(() => {
    const e = this.#explorer.explanations;
    const f = this.#explorer.model?.card.features.length ?? 0;
    return e && f > 0 ? meanAbsExplained(e.contrib, f, e.explained).importance : null;
  });
  importanceShare = $derived(this.importance ? importanceShares(this.importance) : null);
  /** Place of each feature in the importance ranking, 0 = most important. */
  importanceRank = $derived.by(() => {
    const imp = this.importance;
    if (!imp) return null;
    const rank = new Int32Array(imp.length);
    Array.from(imp.keys())
      .sort((a, b) => imp[b] - imp[a] || a - b)
      .forEach((k, i) => (rank[k] = i));
    return rank;
  });

  findings = $derived(this.proxyDone && this.importance ? strongProxyDrivers(this.proxies, this.importance) : []);

  /** Chooses the sensitive column (null: none) and computes its proxies unless they are at hand. */
  async choose(column: number | null): Promise<void> {
    this.column = column;
    const run = ++this.#run;
    if (column === null) return void ((this.proxies = []), (this.proxyDone = false));
    const cached = this.#cache.get(column);
    if (cached) return void ((this.proxies = cached), (this.proxyDone = true));
    this.proxies = [];
    this.proxyDone = false;
    const { ingest, probability } = this.#result;
    const kinds = this.#explorer.model!.card.features.map((f) => f.kind);
    const groups = groupsOf(ingest.passthrough.columns[column], ingest.rows);
    const rows = scoredRows(probability);
    const out: ProxyRow[] = [];
    for (const k of [...kinds.keys(), SCORE]) {
      await pause();
      if (run !== this.#run) return;
      out.push(proxyRow(k, ingest.features, kinds, probability, rows, groups));
      this.proxies = [...out];
    }
    this.#cache.set(column, out);
    this.proxies = out;
    this.proxyDone = true;
  }
}

const audits = new WeakMap<ScoredFile, FairnessAudit>();

/** One audit per scored file, kept while tabs come and go; a new file starts with no column chosen. */
export function fairnessAuditFor(explorer: Explorer, result: ScoredFile): FairnessAudit {
  let audit = audits.get(result);
  if (!audit) audits.set(result, (audit = new FairnessAudit(explorer, result)));
  return audit;
}
