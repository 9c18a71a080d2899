/**
 * The question box's state: open or not, the question being typed, the conversation, and how
 * an answer's link moves the page. Each question gets a plain snapshot of the Explorer and the
 * Planner (core/assistant/snapshot.ts) at the moment it is asked, so an answer's figures are
 * the ones the views show then.
 */
import { createContext } from 'svelte';
import type { Explorer } from './explorer.svelte';
import { plannerFor } from './planner.svelte';
import { ask, type Classify } from '../core/assistant/ask';
import type { Answer } from '../core/assistant/answer';
import type { Intent } from '../core/assistant/intents';
import { snapshotContext } from '../core/assistant/snapshot';
import { fileDriftRows } from '../core/evaluate';
import { reasonLines } from '../core/export/control-list';
import { answerText } from '../i18n/assistant-text';
import { describeProblem } from '../i18n/describe-problem';

export interface Exchange {
  question: string;
  intent: Intent;
  confidence: number;
  text: string;
  items: string[];
  /** The view's name for the link, and where it goes. */
  linkLabel: string | null;
  link: Answer['link'] | null;
}

export class Assistant {
  open = $state(false);
  question = $state('');
  busy = $state(false);
  /** The classifier could not be loaded or run: said in the panel, the page goes on. */
  error = $state<string | null>(null);
  exchanges = $state.raw<Exchange[]>([]);

  #explorer: Explorer;
  #classify: Classify;

  constructor(explorer: Explorer, classify: Classify) {
    this.#explorer = explorer;
    this.#classify = classify;
  }

  /** Asks the current question; its exchange is appended when the answer is in. */
  async submit(): Promise<void> {
    const question = this.question.trim();
    if (!question || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const e = this.#explorer;
      const locale = e.locale;
      const card = e.model?.card ?? null;
      const result = e.result;
      const ids = result ? new Set(result.ingest.ids.map((id) => id.toLowerCase())) : null;
      const asked = await ask(question, {
        classify: this.#classify,
        card,
        isId: (token) => ids?.has(token.toLowerCase()) ?? false,
        context: (entities, intent) => {
          const planner = result ? plannerFor(e) : null;
          return snapshotContext({
            locale,
            card,
            explainer: e.model ? { kind: e.model.linear ? 'linear' : 'trees', space: e.outputSpace } : null,
            file: result,
            expected: planner?.plan?.expected ?? null,
            capacity: e.capacity,
            controlShare: planner?.controlShare ?? 0,
            // One pass over every feature of the file: only for the question that reads it.
            drift: result && card && intent === 'drift' ? fileDriftRows(result.ingest, card, e.importance) : null,
            entities,
            selectedRow: e.selectedRow,
            reasons: (row) => {
              const contrib = e.contribOf(row);
              if (!contrib || !card || !result) return null;
              const f = card.features.length;
              return reasonLines(card, result.ingest.features.subarray(row * f, (row + 1) * f), contrib, (i) => e.sortedColumn(i), locale, e.t);
            },
            describe: (p) => describeProblem(locale, p, card?.vocabulary),
          });
        },
      });
      const words = answerText(asked.answer, locale, card?.vocabulary ?? null);
      this.exchanges = [
        ...this.exchanges,
        { question, intent: asked.intent, confidence: asked.confidence, text: words.text, items: words.items, linkLabel: words.link, link: asked.answer.link ?? null },
      ];
      this.question = '';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  /** Goes where an answer points: its tab, the planner at the answer's capacity, the record when it names one. */
  async follow(link: NonNullable<Exchange['link']>): Promise<void> {
    if (link.capacity !== undefined) this.#explorer.capacity = link.capacity;
    this.#explorer.tab = link.tab;
    if (link.record !== undefined) await this.#explorer.select(link.record);
  }
}

export const [getAssistant, setAssistant] = createContext<Assistant>();
