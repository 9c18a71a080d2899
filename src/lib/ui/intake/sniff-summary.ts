import type { ColumnPlan, MatchKind, SniffResult } from '../../core/csv';
import type { Decimal, Delimiter, Encoding, IngestOptions, Newline } from '../../core/csv/options';
import type { Localized, ModelCard } from '../../core/model/card';
import { maskId, maskNationalIds } from '../../core/csv/nationalId';

/** One model input as the preview shows it: which file column feeds it, and how that was decided. */
export interface FeatureMapping {
  feature: string;
  label: Localized;
  nullable: boolean;
  /** 0-based file column, or -1. */
  column: number;
  header: string | null;
  match: MatchKind | null;
  decimal: Decimal | null;
  decimalSource: ColumnPlan['decimalSource'] | null;
  /** No column, and the user has not chosen to go without: blocks scoring. */
  missing: boolean;
  /** No column because the user chose to score without it (nullable features only). */
  absent: boolean;
}

/** What the preview panel shows about a sniffed sample, all from the plan sniff made. */
export interface SniffSummary {
  features: FeatureMapping[];
  /** Names of features that block scoring, in card order. */
  missing: string[];
  /** Headers of columns kept as text and passed through to exports. */
  extra: string[];
  idHeader: string | null;
  /** Headers of columns holding national identity numbers (masked in the preview). */
  nationalIdHeaders: string[];
  labelHeader: string | null;
  /** Header and up to `rows` data rows as written, national ids masked. */
  header: string[];
  rows: string[][];
}

/**
 * Reads a SniffResult for display. A feature counts as missing unless the user's mapping
 * sets it to null and the card lets it be missing — the rule buildPlan applies — so the
 * list of blocking features here is the one the csv.missing_features message names.
 */
export function summarizeSniff(sniffed: SniffResult, card: ModelCard, options: IngestOptions = {}, rows = 5): SniffSummary {
  const { plan } = sniffed;
  const mapping = options.mapping ?? {};
  const features = card.features.map((f, i): FeatureMapping => {
    const j = plan.featureColumns[i] ?? -1;
    const column = j >= 0 ? plan.columns[j] : null;
    const absent = j < 0 && f.nullable && Object.hasOwn(mapping, f.name) && mapping[f.name] === null;
    return {
      feature: f.name,
      label: f.label,
      nullable: f.nullable,
      column: j,
      header: column?.header ?? null,
      match: column?.match ?? null,
      decimal: column?.decimal ?? null,
      decimalSource: column?.decimalSource ?? null,
      missing: j < 0 && !absent,
      absent,
    };
  });
  const masked = plan.columns.filter((c) => c.nationalId).map((c) => c.index);
  const mask = (row: string[]) => row.map((cell, j) => (masked.includes(j) ? maskId(cell.trim()) : maskNationalIds(cell)));
  return {
    features,
    missing: features.filter((f) => f.missing).map((f) => f.feature),
    extra: plan.passthrough.map((j) => plan.header[j]),
    idHeader: plan.idColumn >= 0 ? plan.header[plan.idColumn] : null,
    nationalIdHeaders: masked.map((j) => plan.header[j]),
    labelHeader: plan.labelColumn >= 0 ? plan.header[plan.labelColumn] : null,
    header: plan.header,
    rows: sniffed.preview.slice(0, Math.max(0, rows)).map(mask),
  };
}

/** Message keys for what the preview names: a separator, line ending or encoding is not readable as itself. */
const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' } as const;
const NEWLINE_NAMES = { '\r\n': 'crlf', '\n': 'lf', '\r': 'cr' } as const;

export const encodingKey = (e: Encoding) => `intake.encoding.${e.replace(/-/g, '_')}`;
export const delimiterKey = (d: Delimiter) => `intake.delimiter.${DELIMITER_NAMES[d]}`;
export const newlineKey = (n: Newline) => `intake.newline.${NEWLINE_NAMES[n]}`;
/** Where a reading decision came from: the BOM, detection, the user, or Excel's sep= line. */
export const sourceKey = (source: 'bom' | 'detected' | 'option' | 'sep-line') => `intake.source.${source.replace('-', '_')}`;
export const matchKey = (match: MatchKind) => `intake.match.${match}`;
export const decimalKey = (decimal: Decimal) => (decimal === ',' ? 'intake.decimal.comma' : 'intake.decimal.point');
export const decimalSourceKey = (source: ColumnPlan['decimalSource']) => `intake.decimal_source.${source}`;
