import type { IngestResult } from '../csv/ingest';
import { cellMasker, idMasker, nationalIdColumns } from '../csv/nationalId';
import type { FeatureCard, ModelCard } from '../model/card';
import { problem, type Problem } from '../problems';
import { RANDOM_CONTROL, type ListOrder, type Selection } from '../select/control-sample';
import type { DecisionEntry } from '../decisions/decision-entry';
import { decisionsOffList, finalDecisions } from '../decisions/final-decisions';
import type { CsvColumn, CsvDialect } from './csv-writer';
import type { ManifestComparison, ManifestInput } from './manifest';
import { percentileInFile } from './percentile-in-file';
import { reasonSentenceParams, type ReasonLocale } from './reason-sentence';
import { MAX_REASONS, reasonText as reasonSentence, rowReasons, type Reason } from './reasons';

/** Reason columns on the list: at most three (MAX_REASONS), fewer when fewer features push noticeably. */
export const REASONS_PER_ROW = MAX_REASONS;

/** A catalogue lookup (src/lib/i18n translate, bound to a locale); injected so the core stays free of the i18n layer. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * A row's explanation: F values of φ then the base value, log-odds (what the worker streams
 * and what explain() returns per row; contribRow), or null when the row has not been explained.
 */
export type ExplanationOf = (row: number) => ArrayLike<number> | null;

export interface ControlListInput {
  /** `model` names the model that chose each model-selected row (the "chosen by" column). */
  card: Pick<ModelCard, 'features' | 'model'> & Partial<Pick<ModelCard, 'io'>>;
  ingest: Pick<IngestResult, 'rows' | 'ids' | 'idKind' | 'line' | 'features' | 'passthrough' | 'plan'>;
  /** P(incorrect deduction) per row of the file, 0–1, NaN for rejected rows. */
  probability: ArrayLike<number>;
  /** 1-based rank per row of the file (0 for rejected rows). */
  rank: ArrayLike<number>;
  /** The list to write (selectWithControl): rows in list order and their selection type. */
  selection: Pick<Selection, 'rows' | 'kind'>;
  /** Null when the model cannot be explained at all: the reason cells stay empty. */
  explanation: ExplanationOf | null;
  locale: ReasonLocale;
  t: Translate;
  /** Feature i of every row sorted ascending, NaN last (the app's cache); built here on demand when absent. */
  sortedColumn?: (feature: number) => ArrayLike<number>;
  /** A text feature's strongest word in row `row` (explain/text-explainer.ts), quoted by its reason; none when absent. */
  word?: (row: number, feature: number) => string | null;
  /**
   * National identity numbers in the id and passthrough cells: 'masked' (the default) writes
   * them as on screen (maskId, maskNationalIds); 'in_full' is the user's explicit choice.
   */
  nationalIds?: NationalIdExport;
  /**
   * Passthrough columns (indices into ingest.passthrough) left off the list: a sensitive column
   * chosen for the fairness audit goes out only when the user asks (issue 18 §2).
   */
  leaveOut?: readonly number[];
  /**
   * The reviewers' decision log (core/decisions); the list's decision columns are empty
   * without one (the CLI's list), and rows added by hand are appended.
   */
  decisions?: readonly DecisionEntry[];
}

/** Selection type of a row a reviewer added to the list by hand (after BY_MODEL and RANDOM_CONTROL). */
export const ADDED_BY_HAND = 3;

export type NationalIdExport = 'masked' | 'in_full';

export interface ControlList {
  /** Columns for csvChunks / csvText, read by list position. */
  columns: CsvColumn[];
  /** List positions 0..n−1: the `rows` argument of csvChunks. */
  positions: Uint32Array;
  /** Selection type per list position: BY_MODEL, RANDOM_CONTROL, or ADDED_BY_HAND for the rows appended by a reviewer. */
  kinds: Uint8Array;
  headers: string[];
  /** Listed rows without an explanation: their reasons are empty (see problems). */
  unexplained: number;
  problems: Problem[];
  /** Headers of the exported columns known to hold national ids, and how they were written: for the manifest. */
  nationalIds: { columns: string[]; exported: NationalIdExport };
  /** Headers of the passthrough columns left off the list (`leaveOut`). */
  leftOut: string[];
}

/**
 * The columns of an exported control list, one record per listed return in list order:
 * id (the file's id column, else the line in the file), rank, risk in percent, selection
 * type, the top three reasons as sentences in `locale`, the model that chose the row (id and
 * version; the control group for random rows), the reviewer's current decision on the row and
 * its reason (empty for rows nobody decided on), then every passthrough column of the input
 * as it was written. Rows added by hand (a decision `add`, even when later removed: the list
 * is the record) follow the list in rank order, selection type "added by hand"; removed rows
 * stay where they were, marked removed. The browser and the CLI both write the list through this
 * function and csvChunks, so the same file, model and choices give the same bytes.
 *
 * Reasons are the features pushing the risk up noticeably (rowReasons: at least MIN_PUSH),
 * largest first, each as the card's rule sentence when the value breaks or nears its rule
 * ("Krevd fagforeningsfradrag 9 000 kr er over taket på 8 000 kr"), else the comparison with
 * its pre-filled partner, else the value and its place in this file. Contributions are
 * rounded to float32 before ranking: the worker streams float32 and an on-demand explanation
 * is float64, and rounding makes both rank features alike. Rows of the random control group
 * were drawn at random, not for any reason: their first reason cell says so
 * (planner.reason.random) and the others stay empty; they are not explained.
 * Headers come from the catalogue except the id and passthrough headers, which keep the
 * file's own names so the list can be matched back to the extract.
 */
export function controlList(input: ControlListInput): ControlList {
  const { card, ingest, probability, rank, selection, explanation, locale, t } = input;
  const f = card.features.length;
  const final = finalDecisions(input.decisions ?? [], ingest.rows);
  const listed = new Set(selection.rows);
  const added = [...final.everAdded].filter((r) => !listed.has(r) && rank[r] > 0).sort((a, b) => rank[a] - rank[b]);
  const rowAt = Uint32Array.from([...selection.rows, ...added]);
  const kinds = Uint8Array.from([...selection.kind, ...added.map(() => ADDED_BY_HAND)]);
  const n = rowAt.length;
  const positions = Uint32Array.from({ length: n }, (_, i) => i);

  const sorted = input.sortedColumn ?? sortedColumns(ingest.features, ingest.rows, f);
  const space = card.io?.raw_score ?? 'log-odds';
  const reasons: (Reason[] | null)[] = new Array(n).fill(null);
  let unexplained = 0;
  for (let i = 0; i < n; i++) {
    if (kinds[i] === RANDOM_CONTROL) continue;
    const c = explanation ? explanation(rowAt[i]) : null;
    if (!c || !isExplained(c, f)) {
      unexplained++;
      continue;
    }
    const r = rowAt[i];
    reasons[i] = rowReasons(card, ingest.features.subarray(r * f, (r + 1) * f), c, sorted, locale, space, REASONS_PER_ROW, input.word ? (j) => input.word!(r, j) : undefined);
  }

  const randomNote = t('planner.reason.random');
  const reasonText = (i: number, k: number): string => {
    if (kinds[i] === RANDOM_CONTROL) return k === 0 ? randomNote : '';
    const reason = reasons[i]?.[k];
    return reason ? reasonSentence(reason, t) : '';
  };

  const { plan } = ingest;
  const exported = input.nationalIds ?? 'masked';
  const plain = (s: string) => s;
  const hasId = ingest.idKind !== 'none' && plan.idColumn >= 0;
  const showId = exported === 'masked' ? idMasker(ingest) : plain;
  const id: CsvColumn = hasId
    ? { header: plan.header[plan.idColumn], text: (i) => showId(ingest.ids[rowAt[i]]) }
    : { header: t('planner.col.line'), numbers: gather(ingest.line, rowAt) };
  const riskPercent = new Float64Array(n);
  for (let i = 0; i < n; i++) riskPercent[i] = probability[rowAt[i]] * 100;
  const kindText = ['', t('planner.kind.model'), t('planner.kind.control'), t('planner.kind.added')];

  const columns: CsvColumn[] = [
    id,
    { header: t('planner.col.rank'), numbers: gather(rank, rowAt) },
    { header: t('planner.col.risk'), numbers: riskPercent, decimals: 2 },
    { header: t('planner.col.selection'), text: (i) => kindText[kinds[i]] },
  ];
  for (let k = 0; k < REASONS_PER_ROW; k++) {
    columns.push({ header: t('planner.col.reason', { n: k + 1 }), text: (i) => reasonText(i, k) });
  }
  // Which model chose a row, so a list made while comparing models says whose list it is.
  const chooser = `${card.model.id} ${card.model.version}`.trim();
  columns.push({ header: t('planner.col.chosen_by'), text: (i) => (kinds[i] === RANDOM_CONTROL || kinds[i] === ADDED_BY_HAND ? kindText[kinds[i]] : chooser) });
  const decision = (i: number) => final.latest.get(rowAt[i]);
  columns.push({ header: t('planner.col.decision'), text: (i) => { const d = decision(i); return d ? t(`planner.decision.${d.decision}`) : ''; } });
  columns.push({ header: t('planner.col.decision_reason'), text: (i) => decision(i)?.reason ?? '' });
  const { header, columns: passthrough } = ingest.passthrough;
  const leftOut = input.leaveOut ?? [];
  header.forEach((h, j) => {
    if (leftOut.includes(j)) return;
    const show = exported === 'masked' ? cellMasker(plan.columns[plan.passthrough[j]]?.nationalId === true) : plain;
    columns.push({ header: h, text: (i) => show(passthrough[j][rowAt[i]] ?? '') });
  });

  const problems = unexplained > 0 ? [problem('control_list.unexplained', explanation ? 'warning' : 'info', { params: { count: unexplained } })] : [];
  const offList = decisionsOffList(final, (r) => listed.has(r));
  if (offList > 0) problems.push(problem('decisions.off_list', 'warning', { params: { count: offList } }));
  return {
    columns,
    positions,
    kinds,
    headers: columns.map((c) => c.header),
    unexplained,
    problems,
    nationalIds: { columns: nationalIdColumns(ingest).map((j) => plan.header[j]).filter((h) => !leftOut.some((j) => header[j] === h)), exported },
    leftOut: leftOut.map((j) => header[j]),
  };
}

/** One reason as a sentence, e.g. "Reisefradrag 54 000 kr — høyere enn 97 % i denne filen". */
export function reasonLine(feature: FeatureCard, value: number, sortedColumn: ArrayLike<number>, locale: ReasonLocale, t: Translate): string {
  const { key, params } = reasonSentenceParams(feature, value, percentileInFile(sortedColumn, value), locale);
  return t(key, params);
}

/**
 * Up to `k` reasons for one record, as sentences, as controlList writes them (rowReasons:
 * rule sentence, comparison with the pre-filled value, or percentile; only features that
 * push noticeably, in the card's explanation space). contrib: F values of φ then the base.
 */
export function reasonLines(
  card: Pick<ModelCard, 'features'> & Partial<Pick<ModelCard, 'io'>>,
  values: ArrayLike<number>,
  contrib: ArrayLike<number>,
  sortedColumn: (feature: number) => ArrayLike<number>,
  locale: ReasonLocale,
  t: Translate,
  k = REASONS_PER_ROW,
  word?: (feature: number) => string | null,
): string[] {
  return rowReasons(card, values, contrib, sortedColumn, locale, card.io?.raw_score ?? 'log-odds', k, word).map((r) => reasonSentence(r, t));
}

/**
 * A row counts as explained when its base value is a number. The app and the CLI give null
 * for a row not explained (the app's unexplained rows hold 0, not NaN, beside an `explained`
 * flag of 0); this also keeps a NaN row from another caller out of the ranking of reasons.
 */
function isExplained(c: ArrayLike<number>, f: number): boolean {
  return c.length > f && c[f] === c[f];
}

function gather(column: ArrayLike<number>, rows: Uint32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = column[rows[i]];
  return out;
}

/** Feature columns of a row-major rows × f matrix, each sorted on first use (ascending, NaN last). */
export function sortedColumns(features: ArrayLike<number>, rows: number, f: number): (feature: number) => Float64Array {
  const cache = new Map<number, Float64Array>();
  return (feature) => {
    let sorted = cache.get(feature);
    if (!sorted) {
      sorted = new Float64Array(rows);
      for (let r = 0; r < rows; r++) sorted[r] = features[r * f + feature];
      sorted.sort();
      cache.set(feature, sorted);
    }
    return sorted;
  };
}

/** What the list's manifest needs beyond the ingest result and the selection. */
export interface ControlListManifestArgs {
  /** The writer named in the manifest (src/lib/app-identity.ts): package name and version. */
  app: { name: string; version: string };
  model: ManifestInput['model'];
  input: { fileName: string; sizeBytes: number; sha256: string; scoresFrom?: ManifestInput['input']['scoresFrom'] };
  ingest: Pick<IngestResult, 'rows' | 'counts' | 'plan'>;
  card: Pick<ModelCard, 'features'>;
  /** The choices as the user made them: capacity as a count of rows, before clamping. */
  choices: { capacity: number; controlShare: number; seed: number | bigint; listOrder?: ListOrder };
  selection: Pick<Selection, 'modelCount' | 'controlCount'>;
  export: { fileName: string; dialect: CsvDialect; headers: string[]; rows: number; sha256: string; nationalIds: ControlList['nationalIds']; leftOut?: string[] };
  /** ISO 8601 with offset, e.g. new Date().toISOString(). */
  createdAt: string;
  /** The challenger compared with the model before the export, when there was one. */
  comparison?: ManifestComparison;
  /** The reviewers' decisions (manifestDecisions); an empty log when nobody decided. */
  decisions: ManifestInput['decisions'];
}

/**
 * The manifest input for a control list, assembled the same way by the app and the CLI:
 * reading choices from the intake plan (encoding, delimiter, decimal mark and which column
 * fed each feature, the id and the label), row counts per status, and the selection.
 */
export function controlListManifestInput(a: ControlListManifestArgs): ManifestInput {
  const { plan, counts } = a.ingest;
  const column = (j: number) => (j >= 0 ? plan.header[j] : null);
  const mapping: Record<string, string | null> = {};
  a.card.features.forEach((feature, i) => (mapping[feature.name] = column(plan.featureColumns[i] ?? -1)));
  mapping.id = column(plan.idColumn);
  mapping.label = column(plan.labelColumn);
  return {
    app: { ...a.app },
    model: { ...a.model },
    input: { ...a.input, encoding: plan.encoding, delimiter: plan.delimiter, decimal: plan.decimal, mapping },
    rows: {
      total: a.ingest.rows,
      scored: counts.scored + counts.warned,
      byStatus: { scored: counts.scored, scored_with_warnings: counts.warned, rejected: counts.rejected },
    },
    selection: { ...a.choices, listOrder: a.choices.listOrder ?? 'grouped', modelCount: a.selection.modelCount, controlCount: a.selection.controlCount },
    export: {
      fileName: a.export.fileName,
      dialect: a.export.dialect,
      rows: a.export.rows,
      columns: a.export.headers,
      sha256: a.export.sha256,
      nationalIds: a.export.nationalIds,
      ...(a.export.leftOut?.length ? { leftOut: a.export.leftOut } : {}),
    },
    createdAt: a.createdAt,
    ...(a.comparison ? { comparison: a.comparison } : {}),
    decisions: a.decisions,
  };
}

/** The manifest's file name beside a list: "liste.csv" → "liste.manifest.json". */
export function manifestFileName(listFileName: string): string {
  return `${listFileName.replace(/\.csv$/i, '')}.manifest.json`;
}
