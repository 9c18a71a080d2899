import type { Problem } from '../problems';
import { parquetProblem } from './codes';

/**
 * The file key-value metadata the batch path (`npm run batch`) writes into its output, read
 * back. Keys and meanings are the batch output contract (README, "Parquet in the explorer").
 */
export interface BatchMeta {
  format: string;
  modelSha256: string;
  modelName: string;
  outputSpace: 'log-odds' | 'probability';
  inputName: string;
  inputSha256: string;
  rows: number;
  explained: boolean;
  /** Feature names in model input order. */
  features: string[];
}

export const BATCH_PREFIX = 'fradragsrisiko.';

/** The batch metadata of a file, null when it has none (a plain extract); a format this app does not know is a problem, and no metadata. */
export function readBatchMeta(kv: readonly { key: string; value?: string }[] | undefined): { meta: BatchMeta | null; problems: Problem[] } {
  const map = new Map<string, string>();
  for (const { key, value } of kv ?? []) if (key.startsWith(BATCH_PREFIX)) map.set(key.slice(BATCH_PREFIX.length), value ?? '');
  if (map.size === 0) return { meta: null, problems: [] };
  const format = map.get('format') ?? '';
  const sha = (map.get('model_sha256') ?? '').toLowerCase();
  let features: unknown = null;
  try {
    features = JSON.parse(map.get('features') ?? 'null');
  } catch {
    features = null;
  }
  const space = map.get('output_space');
  const ok = format === '1' && /^[0-9a-f]{64}$/.test(sha) && Array.isArray(features) && features.every((f) => typeof f === 'string') && (space === 'log-odds' || space === 'probability');
  if (!ok) return { meta: null, problems: [parquetProblem('parquet.batch_format_unknown', { params: { format } })] };
  return {
    meta: {
      format,
      modelSha256: sha,
      modelName: map.get('model_name') ?? '',
      outputSpace: space,
      inputName: map.get('input_name') ?? '',
      inputSha256: map.get('input_sha256') ?? '',
      rows: Number(map.get('rows') ?? NaN),
      explained: map.get('explained') === 'true',
      features: features as string[],
    },
    problems: [],
  };
}
