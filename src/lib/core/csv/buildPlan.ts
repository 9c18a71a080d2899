import type { ModelCard } from '../model/card';
import type { Problem } from '../problems';
import { csvProblem } from './codes';
import { NATIONAL_ID_HEADERS } from './nationalId';
import { normalizeHeader } from './normalizeHeader';
import { CELL_NUMBER, NumberReader } from './numberReader';
import type { Decimal, Delimiter, Encoding, IngestOptions, Newline } from './options';
import type { ColumnProfile } from './profileColumns';

export type ColumnRole = 'feature' | 'id' | 'label' | 'passthrough' | 'ignored';
/** How a column was matched: exact header, after normalising, by a card alias, or by the user. */
export type MatchKind = 'exact' | 'normalized' | 'alias' | 'option';
export type IdKind = 'id' | 'national-id' | 'none';

export interface ColumnPlan {
  /** 0-based position in the file. */
  index: number;
  header: string;
  role: ColumnRole;
  /** The model feature this column feeds, for role 'feature'. */
  feature: string | null;
  match: MatchKind | null;
  /** Decimal separator used for this column's ambiguous cells (1.234). */
  decimal: Decimal;
  decimalSource: 'values' | 'file' | 'option';
  /** Holds national identity numbers: mask on screen by default, never a model input. */
  nationalId: boolean;
}

/** Everything intake decided before reading rows: shown in the preview dialog, then followed. */
export interface Plan {
  encoding: Encoding;
  delimiter: Delimiter;
  /** The commonest line ending of the sample, for the preview: outside quotes CR LF, LF and CR each end a row. */
  newline: Newline;
  /** The file's default decimal separator, for columns whose sample values do not show one. */
  decimal: Decimal;
  header: string[];
  /** 1-based physical line of the header. */
  headerLine: number;
  /** One per header column, or empty when the header is unusable. */
  columns: ColumnPlan[];
  /** For each model feature in card order: its 0-based column, or -1 when absent. */
  featureColumns: Int32Array;
  idColumn: number;
  idKind: IdKind;
  labelColumn: number;
  /** Columns kept as text for export, in file order. */
  passthrough: number[];
  /** True when an error-level problem stops scoring. */
  blocked: boolean;
}

export interface Dialect {
  encoding: Encoding;
  delimiter: Delimiter;
  newline: Newline;
}

/** A column counts as national identity numbers when this share of its filled sample cells look like one. */
const NATIONAL_ID_SHARE = 0.8;

interface Target {
  key: string;
  names: string[];
  aliases: string[];
}

/**
 * Maps the header onto the model card. Order of matching, strongest first over all
 * targets before the next kind, so a weak match never takes a column another feature
 * names exactly: the user's mapping; the exact (trimmed) header; the normalised header
 * (case, æøå, diacritics, spaces and underscores ignored); the card's aliases.
 *
 * Decisions (see also coerceRow.ts):
 * - Every feature needs a column. A nullable feature may be left out only explicitly
 *   (mapping[feature] = null): scoring without a feature is a choice the user makes.
 * - A column of national identity numbers never feeds a feature.
 * - The id column is the card's id_column, else the first national-id column.
 */
export function buildPlan(
  header: readonly string[],
  headerLine: number,
  dialect: Dialect,
  profiles: readonly ColumnProfile[],
  card: ModelCard,
  options: IngestOptions = {},
): { plan: Plan; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = { line: headerLine };
  const width = header.length;
  const taken = new Int8Array(width);
  const exact = new Map<string, number[]>();
  const normalized = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, j: number) => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  for (let j = 0; j < width; j++) {
    const name = header[j].trim();
    const first = exact.get(name);
    if (first && name !== '') {
      problems.push(csvProblem('csv.duplicate_header', { ...at, column: j + 1, field: header[j], params: { first: first[0] + 1 } }));
    }
    push(exact, name, j);
    push(normalized, normalizeHeader(name), j);
  }

  const nationalId = profiles.map((p, j) => {
    if (p.filled === 0) return false;
    if (p.nationalIds >= NATIONAL_ID_SHARE * p.filled) return true;
    return NATIONAL_ID_HEADERS.has(normalizeHeader(header[j])) && p.elevenDigits >= NATIONAL_ID_SHARE * p.filled;
  });

  const targets: Target[] = [
    ...card.features.map((f) => ({ key: f.name, names: [f.name], aliases: f.aliases })),
    { key: 'id', names: [card.id_column], aliases: [] },
    { key: 'label', names: [card.label.name], aliases: card.label.aliases },
  ];
  const chosen = new Map<string, { column: number; match: MatchKind }>();
  const refused = new Set<string>();
  const mapping = options.mapping ?? {};

  for (const key of Object.keys(mapping)) {
    if (!targets.some((t) => t.key === key)) problems.push(csvProblem('csv.mapping_unknown_key', { ...at, params: { key } }));
  }
  for (const t of targets) {
    if (!Object.hasOwn(mapping, t.key)) continue;
    const wanted = mapping[t.key];
    if (wanted === null) {
      refused.add(t.key);
      continue;
    }
    const j = (exact.get(wanted.trim()) ?? []).find((c) => !taken[c]);
    if (j === undefined) {
      problems.push(csvProblem('csv.mapping_unknown_header', { ...at, params: { key: t.key, header: wanted } }));
      refused.add(t.key);
      continue;
    }
    taken[j] = 1;
    chosen.set(t.key, { column: j, match: 'option' });
  }

  const pass = (match: MatchKind, lookups: (t: Target) => { map: Map<string, number[]>; key: string }[]) => {
    for (const t of targets) {
      if (chosen.has(t.key) || refused.has(t.key)) continue;
      for (const { map, key } of lookups(t)) {
        const free = (map.get(key) ?? []).filter((c) => !taken[c]);
        if (free.length === 0) continue;
        // Exact duplicates already raised csv.duplicate_header; only differing spellings are ambiguous.
        if (free.length > 1 && free.some((c) => header[c].trim() !== header[free[0]].trim())) {
          const columns = free.map((c) => `${header[c]} (${c + 1})`).join(', ');
          problems.push(csvProblem('csv.ambiguous_mapping', { ...at, column: free[0] + 1, params: { feature: t.key, columns } }));
        }
        taken[free[0]] = 1;
        chosen.set(t.key, { column: free[0], match });
        break;
      }
    }
  };
  pass('exact', (t) => t.names.map((n) => ({ map: exact, key: n })));
  pass('normalized', (t) => t.names.map((n) => ({ map: normalized, key: normalizeHeader(n) })));
  pass('alias', (t) => [
    ...t.aliases.map((a) => ({ map: exact, key: a })),
    ...t.aliases.map((a) => ({ map: normalized, key: normalizeHeader(a) })),
  ]);

  if (!chosen.has('id') && !refused.has('id')) {
    const j = nationalId.findIndex((isId, c) => isId && !taken[c]);
    if (j >= 0) {
      taken[j] = 1;
      chosen.set('id', { column: j, match: 'normalized' });
    }
  }

  const featureColumns = new Int32Array(card.features.length).fill(-1);
  const missing: string[] = [];
  card.features.forEach((f, i) => {
    const c = chosen.get(f.name);
    if (c && nationalId[c.column]) {
      problems.push(csvProblem('csv.national_id_as_feature', { ...at, column: c.column + 1, field: header[c.column], params: { feature: f.name } }));
      taken[c.column] = 0;
      chosen.delete(f.name);
      return;
    }
    if (c) featureColumns[i] = c.column;
    else if (refused.has(f.name) && f.nullable && mapping[f.name] === null) {
      problems.push(csvProblem('csv.feature_absent', { ...at, params: { feature: f.name } }));
    } else missing.push(f.name);
  });

  const idColumn = chosen.get('id')?.column ?? -1;
  const labelColumn = chosen.get('label')?.column ?? -1;
  if (chosen.size === 0 && missing.length > 0 && looksLikeData(header)) {
    // Every other finding about this "header" would be noise: it is a row of data.
    problems.length = 0;
    problems.push(csvProblem('csv.header_missing', { ...at }));
  } else {
    if (missing.length > 0) {
      problems.push(csvProblem('csv.missing_features', { ...at, params: { features: missing.join(', '), count: missing.length } }));
    }
    if (idColumn < 0) problems.push(csvProblem('csv.no_id_column', { ...at }));
  }

  const fileDecimal = defaultDecimal(profiles, dialect.delimiter);
  const byColumn = new Map<number, string>();
  for (const [key, c] of chosen) byColumn.set(c.column, key);
  const passthrough: number[] = [];
  // A text feature's column is also carried as text, for the record view, the reasons and the exports.
  const textFeatures = new Set(card.features.filter((f) => f.kind === 'text').map((f) => f.name));
  const columns: ColumnPlan[] = header.map((name, j) => {
    const key = byColumn.get(j);
    const p = profiles[j];
    let role: ColumnRole = key === undefined ? 'passthrough' : key === 'id' ? 'id' : key === 'label' ? 'label' : 'feature';
    if (role === 'passthrough' && name.trim() === '' && (p?.filled ?? 0) === 0) role = 'ignored';
    if (role === 'passthrough' || (role === 'feature' && textFeatures.has(key as string))) passthrough.push(j);
    if (nationalId[j] && role !== 'id') {
      problems.push(csvProblem('csv.national_id_column', { ...at, column: j + 1, field: name }));
    }
    const own = p && p.comma !== p.point ? (p.comma > p.point ? ',' : '.') : null;
    const forced = options.decimal && options.decimal !== 'auto' ? options.decimal : null;
    return {
      index: j,
      header: name,
      role,
      feature: role === 'feature' ? (key as string) : null,
      match: key === undefined ? null : (chosen.get(key) as { match: MatchKind }).match,
      decimal: forced ?? own ?? fileDecimal,
      decimalSource: forced ? 'option' : own ? 'values' : 'file',
      nationalId: nationalId[j] ?? false,
    };
  });

  const plan: Plan = {
    ...dialect,
    decimal: options.decimal && options.decimal !== 'auto' ? options.decimal : fileDecimal,
    header: [...header],
    headerLine,
    columns,
    featureColumns,
    idColumn,
    idKind: idColumn < 0 ? 'none' : nationalId[idColumn] ? 'national-id' : 'id',
    labelColumn,
    passthrough,
    blocked: problems.some((p) => p.severity === 'error'),
  };
  return { plan, problems };
}

/**
 * The decimal separator for cells no column evidence settles: the majority over every
 * column's proving cells, else what the delimiter suggests — a semicolon file comes
 * from a locale whose decimal is the comma (that is why it is not comma-separated).
 */
export function defaultDecimal(profiles: readonly ColumnProfile[], delimiter: Delimiter): Decimal {
  let comma = 0;
  let point = 0;
  for (const p of profiles) {
    comma += p.comma;
    point += p.point;
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

/** A first line whose filled cells are mostly numbers is data, not a header. */
function looksLikeData(header: readonly string[]): boolean {
  const reader = new NumberReader();
  let filled = 0;
  let numeric = 0;
  for (const cell of header) {
    if (cell.trim() === '') continue;
    filled++;
    reader.read(cell, true);
    if (reader.status === CELL_NUMBER) numeric++;
  }
  return filled > 0 && numeric * 2 >= filled;
}

/** A plan that reads nothing: for files that are not usable CSV at all. */
export function emptyPlan(dialect: Dialect, featureCount: number, headerLine = 1): Plan {
  return {
    ...dialect,
    decimal: '.',
    header: [],
    headerLine,
    columns: [],
    featureColumns: new Int32Array(featureCount).fill(-1),
    idColumn: -1,
    idKind: 'none',
    labelColumn: -1,
    passthrough: [],
    blocked: true,
  };
}
