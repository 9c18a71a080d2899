import type { CsvDialect } from './csv-writer';
import type { ManifestDecisions } from '../decisions/manifest-decisions';

import { listKey } from '../loop/list-key';

export const MANIFEST_SCHEMA = 'deduction-risk-export-manifest';
/**
 * 2: `export.national_ids` and `export.control_characters` added.
 * 3: `decisions` (the reviewers' hash-chained log, always present, empty when nobody decided)
 *    and `selection.list_key` (core/loop/list-key.ts).
 */
export const MANIFEST_VERSION = 3;

/**
 * Where the scores (and contributions) of a list came from when they were not computed here:
 * the output of the batch path (`npm run batch`) made with the same model, taken after a seeded
 * sample of its rows was scored again here and matched (core/parquet/score-parquet.ts). Written
 * as `input.scores_from`; absent when the app scored the file itself (every CSV).
 */
export interface ScoresFrom {
  kind: 'batch';
  /** The model the batch output says it was made with (fradragsrisiko.model_sha256): the list's model. */
  modelSha256: string;
  /** The file the batch run read, and its SHA-256, as its metadata says (fradragsrisiko.input_name, input_sha256; '' when absent). */
  inputName: string;
  inputSha256: string;
  /** Rows of the sample scored again here, and how many matched (all of them, or the scores would not have been taken). */
  checked: number;
  matched: number;
  /** Whether the contributions (the list's reasons) came from the file too. */
  contributions: boolean;
}

/** What the app knows when it writes an export; the builder turns it into the audit manifest. */
export interface ManifestInput {
  app: { name: string; version: string };
  /** `prohibitedFeatures`: the card's features that name a characteristic that must not drive a selection (core/fairness/prohibited.ts); written only when there are any. */
  model: { id: string; version: string; sha256: string; prohibitedFeatures?: ProhibitedFeatureEntry[] };
  input: {
    fileName: string;
    sizeBytes: number;
    sha256: string;
    /** Choices made reading the file: encoding label (e.g. 'utf-8', 'windows-1252'), delimiter, decimal mark. */
    encoding: string;
    delimiter: string;
    decimal: string;
    /** Model feature → the header of the file column it was read from (null when absent). */
    mapping: Record<string, string | null>;
    /** Present when the scores were taken from a batch output instead of computed here. */
    scoresFrom?: ScoresFrom;
  };
  /** Rows read, rows per status (e.g. { ok: 9950, rejected: 50 }), rows scored. */
  rows: { total: number; scored: number; byStatus: Record<string, number> };
  /** When the list was made with a challenger beside the model: which one, and how far the two agreed. */
  comparison?: ManifestComparison;
  selection: {
    /** Capacity as asked for (a count of rows), before clamping to the scored rows. */
    capacity: number;
    controlShare: number;
    seed: number | bigint;
    listOrder: 'grouped' | 'shuffled';
    modelCount: number;
    controlCount: number;
  };
  export: {
    fileName: string;
    dialect: CsvDialect;
    rows: number;
    columns: string[];
    sha256: string;
    /** Exported columns known to hold national identity numbers, and whether they went out masked or in full. */
    nationalIds: { columns: string[]; exported: 'masked' | 'in_full' };
    /** Columns of the input kept off the list on purpose (a sensitive column of the fairness audit); absent when none. */
    leftOut?: string[];
  };
  /** When the export was written, ISO 8601 with offset, e.g. 2025-03-14T09:26:53Z; passed in so the builder stays pure. */
  createdAt: string;
  /** The reviewers' decisions on the list (manifestDecisions), the whole log. */
  decisions: ManifestDecisions;
}

/**
 * The audit manifest saved beside an export: everything needed to rebuild the same list from
 * the same file and model (hashes of both, the reading choices, capacity, control share, seed
 * and the exact rules below), and the hash of the export to show it was not edited since.
 * Keys are snake_case like the model card; the seed is a decimal string so a 64-bit seed
 * survives JSON.
 */
export interface AuditManifest {
  manifest_schema: typeof MANIFEST_SCHEMA;
  manifest_version: number;
  created_at: string;
  app: { name: string; version: string };
  /** `prohibited_features` is present only when the model check found any (models/MODEL_CARD.md). */
  model: { id: string; version: string; sha256: string; prohibited_features?: ProhibitedFeatureEntry[] };
  input: {
    file_name: string;
    size_bytes: number;
    sha256: string;
    encoding: string;
    delimiter: string;
    decimal: string;
    mapping: Record<string, string | null>;
    /** Present only when the scores were taken from a batch output (ScoresFrom). */
    scores_from?: ManifestScoresFrom;
  };
  rows: { total: number; scored: number; by_status: Record<string, number> };
  /** Present when a challenger was compared with the model before the export. */
  comparison?: ManifestComparison;
  selection: {
    capacity: number;
    control_share: number;
    seed: string;
    /** listKey(): ties the outcomes form to this list. Absent in manifests before version 3. */
    list_key: string;
    list_order: 'grouped' | 'shuffled';
    model_count: number;
    control_count: number;
    total: number;
    rules: {
      ranking: string;
      control_count: string;
      control_pool: string;
      random_generator: string;
      sampling: string;
    };
  };
  export: {
    file_name: string;
    dialect: string;
    delimiter: string;
    decimal: string;
    bom: boolean;
    rows: number;
    columns: string[];
    sha256: string;
    national_ids: { columns: string[]; exported: 'masked' | 'in_full' };
    /** Present only when input columns were kept off the list on purpose. */
    left_out?: string[];
    control_characters: typeof CONTROL_CHARACTER_RULE;
  };
  /** The reviewers' decision log in full, its length and head hash, and the current decisions counted (core/decisions). */
  decisions: ManifestDecisions;
}

/** ScoresFrom as the manifest writes it. */
export interface ManifestScoresFrom {
  kind: 'batch';
  model_sha256: string;
  input_name: string;
  input_sha256: string;
  checked: number;
  matched: number;
  contributions: boolean;
}

/** A feature of the model whose name or label matched the list of prohibited characteristics, and the word it matched. */
export interface ProhibitedFeatureEntry {
  feature: string;
  matched: string;
}

/**
 * A comparison made before the export: the challenger's identity and hash, Spearman's rank
 * correlation of the two risks, and how many of the `capacity` rows both lists hold.
 */
export interface ManifestComparison {
  challenger: { id: string; version: string; sha256: string };
  spearman: number;
  capacity: number;
  overlap_at_capacity: number;
}

/** What the safe writer does with C0 control characters in cells (csv-writer.ts), stated in every manifest. */
export const CONTROL_CHARACTER_RULE = 'U+0000-U+0008, U+000B, U+000C, U+000E-U+001F and U+007F written as U+FFFD';

/** The rules the list was built by, in words an auditor can check against the code (select/, metrics/rank-order.ts). */
export const SELECTION_RULES = {
  ranking: 'probability descending; ties in input row order; unscored rows never selected',
  control_count: 'round(min(capacity, scored) * control_share), halves up; model rows = the rest',
  control_pool: 'scored rows ranked after the model rows',
  random_generator: 'xoshiro128** 1.1, state from the first two SplitMix64 outputs of the seed (low word first)',
  sampling: 'partial Fisher-Yates over the pool in rank order, bounded draws by rejection (arc4random_uniform)',
} as const;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Builds the manifest; a malformed hash or timestamp is a programmer error and throws. */
export function buildManifest(m: ManifestInput): AuditManifest {
  const hashes = [['model', m.model.sha256], ['input', m.input.sha256], ['export', m.export.sha256], ['decisions head', m.decisions.head]];
  if (m.comparison) hashes.push(['challenger', m.comparison.challenger.sha256]);
  for (const [what, hash] of hashes) {
    if (!SHA256_HEX.test(hash)) throw new Error(`${what} sha256 must be 64 lower-case hex digits, got ${hash}`);
  }
  if (!ISO_8601.test(m.createdAt)) throw new Error(`createdAt must be ISO 8601 with an offset, got ${m.createdAt}`);
  const s = m.selection;
  return {
    manifest_schema: MANIFEST_SCHEMA,
    manifest_version: MANIFEST_VERSION,
    created_at: m.createdAt,
    app: { name: m.app.name, version: m.app.version },
    model: {
      id: m.model.id,
      version: m.model.version,
      sha256: m.model.sha256,
      ...(m.model.prohibitedFeatures?.length ? { prohibited_features: m.model.prohibitedFeatures.map(({ feature, matched }) => ({ feature, matched })) } : {}),
    },
    input: {
      file_name: m.input.fileName,
      size_bytes: m.input.sizeBytes,
      sha256: m.input.sha256,
      encoding: m.input.encoding,
      delimiter: m.input.delimiter,
      decimal: m.input.decimal,
      mapping: { ...m.input.mapping },
      ...(m.input.scoresFrom ? { scores_from: manifestScoresFrom(m.input.scoresFrom) } : {}),
    },
    rows: { total: m.rows.total, scored: m.rows.scored, by_status: { ...m.rows.byStatus } },
    ...(m.comparison ? { comparison: { ...m.comparison, challenger: { ...m.comparison.challenger } } } : {}),
    selection: {
      capacity: s.capacity,
      control_share: s.controlShare,
      seed: BigInt(s.seed).toString(),
      list_key: listKey({ modelSha256: m.model.sha256, inputSha256: m.input.sha256, capacity: s.capacity, controlShare: s.controlShare, seed: s.seed }),
      list_order: s.listOrder,
      model_count: s.modelCount,
      control_count: s.controlCount,
      total: s.modelCount + s.controlCount,
      rules: { ...SELECTION_RULES },
    },
    export: {
      file_name: m.export.fileName,
      dialect: m.export.dialect.id,
      delimiter: m.export.dialect.delimiter,
      decimal: m.export.dialect.decimal,
      bom: m.export.dialect.bom,
      rows: m.export.rows,
      columns: [...m.export.columns],
      sha256: m.export.sha256,
      national_ids: { columns: [...m.export.nationalIds.columns], exported: m.export.nationalIds.exported },
      ...(m.export.leftOut?.length ? { left_out: [...m.export.leftOut] } : {}),
      control_characters: CONTROL_CHARACTER_RULE,
    },
    decisions: { ...m.decisions, log: m.decisions.log.map((e) => ({ ...e })) },
  };
}

function manifestScoresFrom(s: ScoresFrom): ManifestScoresFrom {
  return { kind: s.kind, model_sha256: s.modelSha256, input_name: s.inputName, input_sha256: s.inputSha256, checked: s.checked, matched: s.matched, contributions: s.contributions };
}

/** The manifest as the file is saved: two-space JSON, keys in the order above, newline at the end. */
export function manifestJson(manifest: AuditManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
