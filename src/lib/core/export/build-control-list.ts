import type { ModelCard } from '../model/card';
import { prohibitedFeatures } from '../fairness/prohibited';
import type { ScoredFile } from '../pipeline/scored-file';
import type { Selection } from '../select/control-sample';
import { csvChunks, type CsvDialect } from './csv-writer';
import { sha256Hex } from './sha256';
import { buildManifest, manifestJson, type AuditManifest, type ManifestComparison } from './manifest';
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
  nationalIds: NonNullable<ControlListInput['nationalIds']>;
  /** ISO 8601 with offset. */
  createdAt: string;
  /** The challenger compared with the model before the export, recorded in the manifest. */
  comparison?: ManifestComparison;
}

export interface BuiltControlList {
  /** The list's bytes in the chunks csvChunks wrote, to be joined into a file or a Blob. */
  bytes: Uint8Array[];
  manifest: AuditManifest;
  /** The manifest as saved (manifestJson) and its file name beside the list. */
  manifestText: string;
  manifestFileName: string;
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
    nationalIds: job.nationalIds,
  });
  const bytes = [...csvChunks(list.columns, list.positions, dialect)];
  const [listSha, inputSha] = await Promise.all([sha256Hex(bytes), sha256Hex(job.input.chunks)]);
  const manifest = buildManifest(
    controlListManifestInput({
      app: job.app,
      model: { id: card.model.id, version: card.model.version, sha256: job.modelSha256, prohibitedFeatures: prohibitedFeatures(card.features) },
      input: { fileName: file.fileName, sizeBytes: job.input.sizeBytes, sha256: inputSha },
      ingest: file.ingest,
      card,
      choices: job.choices,
      selection,
      export: { fileName: job.listFileName, dialect, headers: list.headers, rows: list.positions.length, sha256: listSha, nationalIds: list.nationalIds },
      createdAt: job.createdAt,
      ...(job.comparison ? { comparison: job.comparison } : {}),
    }),
  );
  return { bytes, manifest, manifestText: manifestJson(manifest), manifestFileName: manifestFileName(job.listFileName), list };
}
