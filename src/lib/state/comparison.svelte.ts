/**
 * Champion beside challenger: a second Explorer (its own engine pool, so the active model's
 * engines keep their trees) scores and explains the open file with the challenger, and the
 * comparison's figures are computed off the page's thread (`compute`, a worker in the app)
 * from both rankings, the outcome column and the capacity the planner uses. Rows pair up by
 * position: both models read the same file with the same reading choices, rows in = rows out.
 */
import type { Explorer } from './explorer.svelte';
import type { BundledModel } from '../core/model/bundled-index';
import type { Comparison as Figures } from '../core/compare';
import type { Curves } from '../core/evaluate';
import type { Compute } from '../worker/compare-client';
import { problem, type Problem } from '../core/problems';
import { fileKind, KIND_BYTES } from './file-kind';
import type { SegmentColumn } from '../core/metrics';

/** Where the challenger came from, for the view, the case sheet and the manifest. */
export type ChallengerSource = { kind: 'bundled'; id: string; name: string } | { kind: 'file'; name: string };

export type CompareStatus = 'idle' | 'loading' | 'scoring' | 'computing' | 'ready' | 'failed';

export class Comparison {
  source = $state.raw<ChallengerSource | null>(null);
  status = $state<CompareStatus>('idle');
  problems = $state.raw<Problem[]>([]);
  figures = $state.raw<Figures | null>(null);
  /** ROC and gains of the champion and the challenger on the labelled rows; null without an outcome column. */
  curves = $state.raw<[Curves, Curves] | null>(null);
  /** The row whose reasons are shown side by side (a row index of the file), or null. */
  focusRow = $state<number | null>(null);
  /** The column the figures are split by (a SegmentColumn of the open file), or null. */
  segment = $state.raw<SegmentColumn | null>(null);
  /** The challenger's Explorer once one is chosen (its model, its scored file, its explanations). */
  challenger = $state.raw<Explorer | null>(null);

  #champion: Explorer;
  #make: () => Explorer;
  #compute: Compute;
  #wasmUrl: string;
  #runs = 0;

  constructor(champion: Explorer, make: () => Explorer, compute: Compute, wasmUrl: string) {
    this.#champion = champion;
    this.#make = make;
    this.#compute = compute;
    this.#wasmUrl = wasmUrl;
  }

  /** Bundled models that can challenge the active one: its own challengers first, then the other bundled models. */
  get candidates(): BundledModel[] {
    const active = this.#champion.bundledId;
    const own = this.#champion.bundled.filter((m) => m.challengerOf !== null && m.challengerOf === active);
    const others = this.#champion.bundled.filter((m) => m.id !== active && !own.includes(m));
    return [...own, ...others];
  }

  async chooseBundled(entry: BundledModel): Promise<void> {
    this.#reset({ kind: 'bundled', id: entry.id, name: entry.file.split('/').pop() ?? entry.id });
    const challenger = this.#fresh();
    await challenger.loadModel(this.#wasmUrl, entry.file);
    await this.#afterLoad(challenger);
  }

  /** A model file the user chose; it needs a card (the card editor is the active model's). */
  async chooseFile(file: Blob, name: string): Promise<void> {
    this.#reset({ kind: 'file', name });
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (fileKind(bytes.subarray(0, KIND_BYTES)) !== 'onnx') return this.#fail([problem('model_file.not_onnx', 'error')]);
    const challenger = this.#fresh();
    await challenger.loadModelBytes(this.#wasmUrl, bytes, name);
    await this.#afterLoad(challenger);
  }

  /** Scores the champion's open file with the challenger and computes the figures; call again when the file changes. */
  async run(): Promise<void> {
    const challenger = this.challenger;
    const champion = this.#champion;
    if (!challenger?.model || !champion.result || !champion.file || !champion.fileName) return;
    const run = ++this.#runs;
    this.status = 'scoring';
    this.figures = null;
    this.curves = null;
    this.focusRow = null;
    await challenger.score(champion.file, champion.fileName, champion.options);
    if (run !== this.#runs) return;
    if (!challenger.result) return this.#fail(challenger.runProblems);
    if (challenger.result.probability.length !== champion.result.probability.length) {
      return this.#fail([problem('compare.rows_differ', 'error', { params: { champion: champion.result.probability.length, challenger: challenger.result.probability.length } })]);
    }
    await this.recompute(true);
  }

  /** The figures again, for another capacity or segment (the rankings, and so the curves, stay unless `curves`). */
  async recompute(curves = false): Promise<void> {
    const a = this.#champion.result;
    const b = this.challenger?.result;
    if (!a || !b || a.probability.length !== b.probability.length) return;
    const run = ++this.#runs;
    this.status = 'computing';
    try {
      const computed = await this.#compute({
        champion: a.probability,
        challenger: b.probability,
        championOrder: a.order,
        challengerOrder: b.order,
        capacity: this.#champion.capacity,
        label: a.ingest.label,
        segment: this.segment,
      }, curves || this.curves === null);
      if (run !== this.#runs) return;
      this.figures = computed.comparison;
      if (computed.curves) this.curves = computed.curves;
      this.problems = computed.comparison.problems;
      this.status = 'ready';
    } catch (error) {
      if (run === this.#runs) this.#fail([problem('compare.failed', 'error', { params: { detail: String(error) } })]);
    }
  }

  close(): void {
    this.#runs++;
    this.challenger?.cancel();
    this.challenger = null;
    this.source = null;
    this.figures = null;
    this.curves = null;
    this.problems = [];
    this.focusRow = null;
    this.status = 'idle';
  }

  #reset(source: ChallengerSource): void {
    this.close();
    this.source = source;
    this.status = 'loading';
  }

  #fresh(): Explorer {
    const challenger = this.#make();
    challenger.locale = this.#champion.locale;
    // The page's performance marks are the active model's (npm run bench reads both sets).
    challenger.marks = 'challenger';
    return challenger;
  }

  async #afterLoad(challenger: Explorer): Promise<void> {
    if (!challenger.model) return this.#fail(challenger.modelAttempt?.problems ?? challenger.modelProblems);
    this.challenger = challenger;
    await this.run();
  }

  #fail(problems: Problem[]): void {
    this.problems = problems;
    this.status = 'failed';
  }
}
