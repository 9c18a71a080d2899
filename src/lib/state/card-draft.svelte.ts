/**
 * The card editor's state for a model file without a card: the CSV header its features are
 * matched to, the id and label columns, each feature's words and unit, and the task's words
 * (the card's `vocabulary`: the task, and what a row, class 1 and a row's subject are called,
 * in three forms and three languages), prefilled with neutral words. `save` writes the card into the file (writeCard, through model-glue.ts),
 * makes it the active model and keeps the bytes for download.
 */
import { detectDelimiter, detectNewline } from '../core/csv/detectDialect';
import type { FeatureUnit, Localized, TermForms, Vocabulary } from '../core/model/card';
import { NEUTRAL_VOCABULARY } from '../core/model/neutral-vocabulary';
import type { Locale } from '../i18n/locale';
import type { BareModel, Explorer } from './explorer.svelte';
import { partialCardOf, writeCard, type CardDraftValues } from './model-glue';
import { fileKind, KIND_BYTES } from './file-kind';

export const UNITS: readonly FeatureUnit[] = ['count', 'NOK', 'km', 'days', 'years', 'percent', 'flag', 'code'];
const LOCALES: readonly Locale[] = ['nb', 'nn', 'en'];

export interface FeatureDraft {
  /** The CSV column that feeds this input position; '' = not chosen. */
  column: string;
  /** Chosen by the user, not by position: matching by position again leaves it alone. */
  byHand: boolean;
  label: Localized;
  unit: FeatureUnit;
}

const blank = (): Localized => ({ nb: '', nn: '', en: '' });

export const TERMS = ['row', 'positive', 'subject'] as const;
export const FORMS: readonly (keyof TermForms)[] = ['one', 'other', 'definite'];

/** A copy of a vocabulary the editor can change field by field. */
function copyOf(v: Vocabulary): Vocabulary {
  return JSON.parse(JSON.stringify(v)) as Vocabulary;
}

/**
 * The vocabulary as typed: each field trimmed, an emptied field back to its neutral word; null
 * when it says nothing the neutral words do not (so the card keeps its "no vocabulary" gap
 * instead of claiming words nobody chose).
 */
export function vocabularyOf(typed: Vocabulary): Vocabulary | null {
  const n = NEUTRAL_VOCABULARY;
  const v = copyOf(typed);
  for (const l of LOCALES) {
    v.task[l] = v.task[l].trim() || n.task[l];
    for (const term of TERMS) for (const form of FORMS) v[term][l][form] = v[term][l][form].trim() || n[term][l][form];
  }
  return JSON.stringify(v) === JSON.stringify(n) ? null : v;
}

/** Columns of a CSV header line (quotes stripped), from the first bytes of the file. */
export function headerColumns(head: Uint8Array): string[] {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const newline = detectNewline(text);
  const delimiter = detectDelimiter(text, newline, true);
  const line = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim()).filter((c) => c !== '');
}

export class CardDraft {
  readonly bare: BareModel;
  /** Input width of the model: how many features the card must name. */
  readonly width: number;
  /** The header of the CSV the features are matched to; empty until one is read. */
  columns = $state.raw<string[]>([]);
  csvName = $state('');
  /** A file chosen for the header that is not a CSV. */
  csvRefused = $state(false);
  idColumn = $state('');
  labelColumn = $state('');
  features = $state<FeatureDraft[]>([]);
  /** The task's words as the user types them, starting from the neutral ones (a bare file has no card to take them from). */
  vocabulary = $state<Vocabulary>(copyOf(NEUTRAL_VOCABULARY));
  /** The user has checked that the columns, taken by position, are in the model's input order. */
  orderConfirmed = $state(false);
  /** The model file with its card, once saved. */
  written = $state.raw<Uint8Array | null>(null);
  saving = $state(false);

  /** Feature columns chosen twice, or naming the id or label column. */
  clashes = $derived.by(() => {
    const seen = new Map<string, number>();
    for (const f of this.features) if (f.column) seen.set(f.column, (seen.get(f.column) ?? 0) + 1);
    return [...seen].filter(([c, n]) => n > 1 || c === this.idColumn || c === this.labelColumn).map(([c]) => c);
  });

  /** Header columns left over after the id and label columns, in file order: what position matching takes. */
  candidates = $derived(this.columns.filter((c) => c !== this.idColumn && c !== this.labelColumn));

  complete = $derived.by(() => this.features.length === this.width && this.features.every((f) => f.column !== '') && this.clashes.length === 0);

  canSave = $derived(this.complete && this.orderConfirmed && !this.saving);

  #explorer: Explorer;

  constructor(explorer: Explorer, bare: BareModel) {
    this.#explorer = explorer;
    this.bare = bare;
    this.width = bare.inspection.input?.width ?? 0;
    this.features = Array.from({ length: this.width }, () => ({ column: '', byHand: false, label: blank(), unit: 'count' as FeatureUnit }));
    // The CSV the user has open is the one the model will score: its header is read at once.
    this.ready = explorer.openCsv ? this.readCsv(explorer.openCsv.file, explorer.openCsv.name) : Promise.resolve();
  }

  /** Settles once the open CSV's header (if any) is read. */
  readonly ready: Promise<void>;

  /** Reads the header of the CSV the model will score. A file that is not text is refused. */
  async readCsv(file: Blob, name: string): Promise<void> {
    const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
    this.csvRefused = fileKind(head.subarray(0, KIND_BYTES)) !== 'text';
    if (this.csvRefused) return;
    this.csvName = name;
    this.columns = headerColumns(head);
    this.idColumn = '';
    this.labelColumn = '';
    // Another file's header: earlier choices named its columns, not these.
    this.features = this.features.map((f) => ({ ...f, byHand: false }));
    this.matchByPosition();
  }

  /**
   * Takes the candidate columns in file order for the model's inputs the user has not chosen
   * a column for by hand (choosing the id or outcome column afterwards keeps those choices);
   * the user confirms the order.
   */
  matchByPosition(): void {
    const taken = new Set(this.features.filter((f) => f.byHand).map((f) => f.column));
    const free = this.candidates.filter((c) => !taken.has(c));
    let next = 0;
    this.features = this.features.map((f) => (f.byHand ? f : { ...f, column: free[next++] ?? '' }));
    this.orderConfirmed = false;
  }

  /** The user's own choice of column for input position i ('' = none). */
  chooseColumn(i: number, column: string): void {
    this.features[i] = { ...this.features[i], column, byHand: column !== '' };
  }

  setIdColumn(column: string): void {
    this.idColumn = column;
    this.matchByPosition();
  }

  setLabelColumn(column: string): void {
    this.labelColumn = column;
    this.matchByPosition();
  }

  /** The editor's values as the card glue takes them: empty texts are left out (a label in no language = raw names). */
  values(): CardDraftValues {
    const given = (l: Localized): Localized | null => {
      if (LOCALES.every((k) => l[k].trim() === '')) return null;
      const fallback = LOCALES.map((k) => l[k].trim()).find((t) => t !== '')!;
      return { nb: l.nb.trim() || fallback, nn: l.nn.trim() || fallback, en: l.en.trim() || fallback };
    };
    return {
      modelName: this.bare.name.replace(/\.onnx$/i, ''),
      features: this.features.map((f) => ({ name: f.column, label: given(f.label), unit: f.unit })),
      idColumn: this.idColumn || null,
      labelColumn: this.labelColumn || null,
      vocabulary: vocabularyOf(this.vocabulary),
    };
  }

  /** The name the carded file is downloaded under. */
  get downloadName(): string {
    return `${this.bare.name.replace(/\.onnx$/i, '')}-card.onnx`;
  }

  /** Writes the card into the file and makes it the active model (the open CSV is scored again with it). */
  async save(): Promise<boolean> {
    if (!this.canSave) return false;
    this.saving = true;
    try {
      const carded = writeCard(this.bare.bytes, partialCardOf(this.values()));
      this.written = carded;
      return await this.#explorer.useModel(carded, this.downloadName);
    } finally {
      this.saving = false;
    }
  }
}
