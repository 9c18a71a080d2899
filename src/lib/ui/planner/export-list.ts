/**
 * The control list and its audit manifest as files in the browser: built by the same core
 * function as the CLI's (buildControlList), then Blobs and object URLs, so nothing leaves the
 * machine.
 */
import { APP_IDENTITY } from '../../app-identity';
import type { Explorer } from '../../state/explorer.svelte';
import type { Selection } from '../../core/select/control-sample';
import type { CsvDialect } from '../../core/export/csv-writer';
import type { Problem } from '../../core/problems';
import { contribRow } from '../../core/explain/contrib-row';
import { buildControlList } from '../../core/export/build-control-list';
import type { NationalIdExport } from '../../core/export/control-list';
import type { AuditManifest, ManifestComparison } from '../../core/export/manifest';
import type { Comparison } from '../../state/comparison.svelte';
import { blobChunks } from '../../core/export/blob-chunks';
import { scoresFrom } from '../../core/parquet/scores-from';

/** What the manifest records of a comparison made before the export; undefined when none is open. */
export function manifestComparison(comparison: Comparison | undefined): ManifestComparison | undefined {
  const model = comparison?.challenger?.model;
  const figures = comparison?.figures;
  if (!model || !figures) return undefined;
  return {
    challenger: { id: model.card.model.id, version: model.card.model.version, sha256: model.sha256 },
    spearman: figures.spearman,
    capacity: figures.capacity,
    overlap_at_capacity: figures.overlap,
  };
}

export interface ExportedList {
  list: { name: string; url: string };
  manifest: { name: string; url: string };
  /** The manifest as written, for the selection report. */
  record: AuditManifest;
  /** The outcomes form beside the list (core/loop/outcomes-form.ts), for the caseworkers to fill in. */
  form: { name: string; url: string };
  problems: Problem[];
}

/** The list's file name: the input's stem, so list and extract sort together ("utdrag.csv" → "utdrag-kontrolliste.csv"). */
export function listFileName(inputName: string): string {
  return `${inputName.replace(/\.[^.]*$/, '') || 'liste'}-kontrolliste.csv`;
}

/**
 * Writes the list for the explorer's current file and model with the planner's choices.
 * The caller makes sure the listed rows are explained first (or the model is not explainable).
 */
export async function exportControlList(
  explorer: Explorer,
  selection: Selection,
  choices: { capacity: number; controlShare: number; seed: bigint },
  dialect: CsvDialect,
  nationalIds: NationalIdExport,
  comparison?: ManifestComparison,
  leaveOut: readonly number[] = [],
): Promise<ExportedList> {
  const result = explorer.result!;
  const model = explorer.model!;
  const file = explorer.file!;
  const f = model.card.features.length;
  const e = explorer.explanations;
  const name = listFileName(result.fileName);
  const built = await buildControlList({
    app: APP_IDENTITY,
    card: model.card,
    modelSha256: model.sha256,
    file: result,
    input: { sizeBytes: file.size, chunks: blobChunks(file) },
    selection,
    choices,
    dialect,
    listFileName: name,
    explanation: model.explainable ? (row) => (e?.explained[row] ? contribRow(e.contrib, f, row) : null) : null,
    locale: explorer.locale,
    t: explorer.t,
    sortedColumn: (i) => explorer.sortedColumn(i),
    word: (row, i) => explorer.textWord(row, i),
    nationalIds,
    leaveOut,
    decisions: explorer.decisions.log,
    createdAt: new Date().toISOString(),
    ...(comparison ? { comparison } : {}),
    // A batch output's scores taken after the sample check: the manifest says so (input.scores_from).
    scoresFrom: scoresFrom(explorer.parquet),
  });
  const listUrl = URL.createObjectURL(new Blob(built.bytes as BlobPart[], { type: 'text/csv;charset=utf-8' }));
  const manifestUrl = URL.createObjectURL(new Blob([built.manifestText], { type: 'application/json' }));
  const formUrl = URL.createObjectURL(new Blob(built.form.bytes as BlobPart[], { type: 'text/csv;charset=utf-8' }));
  return {
    list: { name, url: listUrl },
    manifest: { name: built.manifestFileName, url: manifestUrl },
    form: { name: built.form.fileName, url: formUrl },
    record: built.manifest,
    problems: built.list.problems,
  };
}

/** Starts a download of an object URL (a click on a temporary link with `download`). */
export function download(file: { name: string; url: string }): void {
  const a = document.createElement('a');
  a.href = file.url;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
