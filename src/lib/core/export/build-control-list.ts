import type { ModelCard } from '../model/card';
import { prohibitedFeatures } from '../fairness/prohibited';
import type { ScoredFile } from '../pipeline/scored-file';
import type { Selection } from '../select/control-sample';
import { csvChunks, type CsvDialect } from './csv-writer';
import { sha256Hex } from './sha256';
import { problem } from '../problems';
import type { DecisionEntry } from '../decisions/decision-entry';
import { manifestDecisions } from '../decisions/manifest-decisions';
import { verifyDecisionLog } from '../decisions/verify-decision-log';
import { buildManifest, manifestJson, type AuditManifest, type ManifestComparison, type ScoresFrom } from './manifest';
import { outcomesFormColumns, outcomesFormFileName } from '../loop/outcomes-form';
import { controlList, controlListManifestInput, manifestFileName, type ControlList, type ControlListInput, type ControlListManifestArgs } from './control-list';

/** Everything a control list and its manifest are made of; the app and the CLI fill it alike. */
export interface ControlListJob {
  /** The writer named in the manifest (src/lib/app-identity.ts). */
  app: { name: string; version: string };
  card: Pick<ModelCard, 'model' | 'features'>;
  /** SHA-256 of the .onnx file, hex. */
  modelSha256: string;
  file: ScoredFile;
  /** The input file's size and its bytes as they stream, hashed for the manifest while the list is hashed. */
  input: { sizeBytes: number; chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array> };
  /** The list to write (selectWithControl). */
  selection: Selection;
  /** The choices as made, for the manifest: capacity as a count of rows, before clamping. */
  choices: ControlListManifestArgs['choices'];
  dialect: CsvDialect;
  /** The list's file name; the manifest's is derived from it (manifestFileName). */
  listFileName: string;
  explanation: ControlListInput['explanation'];
  locale: ControlListInput['locale'];
  t: ControlListInput['t'];
  sortedColumn?: ControlListInput['sortedColumn'];
  /** A text feature's strongest word per row, quoted by its reason (explain/text-explainer.ts). */
  word?: ControlListInput['word'];
  nationalIds: NonNullable<ControlListInput['nationalIds']>;
  leaveOut?: ControlListInput['leaveOut'];
  /** ISO 8601 with offset. */
  createdAt: string;
  /** The batch output the scores were taken from (core/parquet/scores-from.ts), recorded in the manifest as input.scores_from. */
  scoresFrom?: ScoresFrom | null;
  /** The challenger compared with the model before the export, recorded in the manifest. */
  comparison?: ManifestComparison;
  /** The reviewers' decision log, chained from this model and input (the CLI has none: an empty log). */
  decisions?: readonly DecisionEntry[];
}

export interface BuiltControlList {
  /** The list's bytes in the chunks csvChunks wrote, to be joined into a file or a Blob. */
  bytes: Uint8Array[];
  manifest: AuditManifest;
  /** The manifest as saved (manifestJson) and its file name beside the list. */
  manifestText: string;
  manifestFileName: string;
  /** The outcomes form beside the list (core/loop/outcomes-form.ts): its bytes and file name ("liste.utfall.csv"). */
  form: { bytes: Uint8Array[]; fileName: string };
  /** Rows written, the listed rows without reasons and the problems saying so. */
  list: Pick<ControlList, 'positions' | 'unexplained' | 'problems'>;
}

/**
 * A control list and its audit manifest, the same steps for the browser and the CLI: the list's
 * columns (controlList), its bytes in the chosen dialect (csvChunks), the hashes of those bytes
 * and of the input, the manifest's input (controlListManifestInput) and the manifest. The same
 * file, model and choices therefore give the same bytes and the same manifest (but its
 * timestamp) in both; the CLI writes them to files, the app makes Blobs of them.
 */
export async function buildControlList(job: ControlListJob): Promise<BuiltControlList> {
  const { card, file, selection, dialect } = job;
  const list = controlList({
    card,
    ingest: file.ingest,
    probability: file.probability,
    rank: file.rank,
    selection,
    explanation: job.explanation,
    locale: job.locale,
    t: job.t,
    sortedColumn: job.sortedColumn,
    ...(job.word ? { word: job.word } : {}),
    nationalIds: job.nationalIds,
    decisions: job.decisions,
    leaveOut: job.leaveOut,
  });
  const bytes = [...csvChunks(list.columns, list.positions, dialect)];
  const [listSha, inputSha] = await Promise.all([sha256Hex(bytes), sha256Hex(job.input.chunks)]);
  const log = job.decisions ?? [];
  const pins = { modelSha256: job.modelSha256, inputSha256: inputSha, lines: file.ingest.line };
  // The page chains its log from the hashes of the file it scored; a log that does not verify here is a bug, not input.
  const checked = verifyDecisionLog(log, pins);
  if (!checked.ok) throw new Error(`decision log does not verify against this file and model: ${checked.problem.code} at entry ${checked.problem.params?.entry}`);
  const decisions = manifestDecisions(log, file.ingest.rows, pins);
  const problems = decisions.unsigned > 0 ? [...list.problems, problem('decisions.unsigned', 'warning', { params: { count: decisions.unsigned } })] : list.problems;
  const manifest = buildManifest(
    controlListManifestInput({
      app: job.app,
      model: { id: card.model.id, version: card.model.version, sha256: job.modelSha256, prohibitedFeatures: prohibitedFeatures(card.features) },
      input: { fileName: file.fileName, sizeBytes: job.input.sizeBytes, sha256: inputSha, ...(job.scoresFrom ? { scoresFrom: job.scoresFrom } : {}) },
      ingest: file.ingest,
      card,
      choices: job.choices,
      selection,
      export: { fileName: job.listFileName, dialect, headers: list.headers, rows: list.positions.length, sha256: listSha, nationalIds: list.nationalIds, leftOut: list.leftOut },
      createdAt: job.createdAt,
      ...(job.comparison ? { comparison: job.comparison } : {}),
      decisions,
    }),
  );
  const form = { bytes: [...csvChunks(outcomesFormColumns(list.columns[0], list.kinds, manifest.selection.list_key), list.positions, dialect)], fileName: outcomesFormFileName(job.listFileName) };
  return { bytes, manifest, manifestText: manifestJson(manifest), manifestFileName: manifestFileName(job.listFileName), form, list: { ...list, problems } };
}
