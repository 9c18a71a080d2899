import * as v from 'valibot';
import { MANIFEST_SCHEMA } from '../export/manifest';
import type { Problem } from '../problems';
import { loopProblem } from './codes';

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The fields of an audit manifest (core/export/manifest.ts) that linking outcomes to a list needs; versions 1–3. */
const schema = v.object({
  manifest_schema: v.literal(MANIFEST_SCHEMA),
  manifest_version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  model: v.object({ sha256 }),
  input: v.object({ sha256 }),
  rows: v.object({ total: count, scored: count }),
  selection: v.object({
    capacity: count,
    control_share: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    seed: v.pipe(v.string(), v.regex(/^\d{1,20}$/)),
    list_key: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/))),
    model_count: count,
    control_count: count,
  }),
  export: v.object({
    file_name: v.string(),
    delimiter: v.string(),
    decimal: v.string(),
    bom: v.boolean(),
    rows: count,
    columns: v.pipe(v.array(v.string()), v.minLength(2)),
    sha256,
  }),
});

export type LinkManifest = v.InferOutput<typeof schema>;

/** A manifest's text read for linking, or the problem saying what is wrong with it (first issue's path and message). */
export function readManifest(text: string, name: string): LinkManifest | { problem: Problem } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { problem: loopProblem('loop.manifest_invalid', { name, detail: 'JSON' }) };
  }
  const parsed = v.safeParse(schema, json);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const where = v.getDotPath(issue) ?? '';
  return { problem: loopProblem('loop.manifest_invalid', { name, detail: where ? `${where}: ${issue.message}` : issue.message }) };
}

/** True when the text is JSON with this project's manifest schema name: how a dropped file is told to be the manifest. */
export function looksLikeManifest(text: string): boolean {
  const t = text.trimStart().replace(/^\uFEFF/, '');
  if (!t.startsWith('{')) return false;
  try {
    return (JSON.parse(t) as { manifest_schema?: unknown }).manifest_schema === MANIFEST_SCHEMA;
  } catch {
    return false;
  }
}
