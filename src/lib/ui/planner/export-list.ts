/**
 * The control list and its audit manifest as files in the browser: the same core functions as
 * the CLI (controlList, csvChunks, controlListManifestInput, buildManifest), then Blobs and
 * object URLs, so nothing leaves the machine.
 */
import type { Explorer } from '../../state/explorer.svelte';
import type { Selection } from '../../core/select/control-sample';
import type { CsvDialect } from '../../core/export/csv-writer';
import type { Problem } from '../../core/problems';
import { csvChunks } from '../../core/export/csv-writer';
import { sha256Hex } from '../../core/export/sha256';
import { contribRow } from '../../core/explain/contrib-row';
import { buildManifest, manifestJson } from '../../core/export/manifest';
import { controlList, controlListManifestInput, manifestFileName, type NationalIdExport } from '../../core/export/control-list';

export interface ExportedList {
  list: { name: string; url: string };
  manifest: { name: string; url: string };
  problems: Problem[];
}

/** The list's file name: the input's stem, so list and extract sort together ("utdrag.csv" → "utdrag-kontrolliste.csv"). */
export function listFileName(inputName: string): string {
  return `${inputName.replace(/\.[^.]*$/, '') || 'liste'}-kontrolliste.csv`;
}

/** A Blob's bytes in slices as they stream, for hashing without a second copy in memory. */
async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
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
): Promise<ExportedList> {
  const result = explorer.result!;
  const model = explorer.model!;
  const file = explorer.file!;
  const card = model.card;
  const f = card.features.length;
  const e = explorer.explanations;
  const list = controlList({
    card,
    ingest: result.ingest,
    probability: result.probability,
    rank: explorer.rank,
    selection,
    explanation: model.explainable ? (row) => (e?.explained[row] ? contribRow(e.contrib, f, row) : null) : null,
    locale: explorer.locale,
    t: explorer.t,
    sortedColumn: (i) => explorer.sortedColumn(i),
    nationalIds,
  });
  const chunks = [...csvChunks(list.columns, list.positions, dialect)];
  const [listSha, inputSha] = await Promise.all([sha256Hex(chunks), sha256Hex(blobChunks(file))]);
  const name = listFileName(result.fileName);
  const manifest = buildManifest(
    controlListManifestInput({
      model: { id: card.model.id, version: card.model.version, sha256: model.sha256 },
      input: { fileName: result.fileName, sizeBytes: file.size, sha256: inputSha },
      ingest: result.ingest,
      card,
      choices,
      selection,
      export: { fileName: name, dialect, headers: list.headers, rows: list.positions.length, sha256: listSha, nationalIds: list.nationalIds },
      createdAt: new Date().toISOString(),
    }),
  );
  const listUrl = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }));
  const manifestUrl = URL.createObjectURL(new Blob([manifestJson(manifest)], { type: 'application/json' }));
  return { list: { name, url: listUrl }, manifest: { name: manifestFileName(name), url: manifestUrl }, problems: list.problems };
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
