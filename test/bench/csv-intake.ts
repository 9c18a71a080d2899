/**
 * Throughput of CSV intake, printed (not a test):  npx tsx test/bench/csv-intake.ts [rows-for-memory-run]
 *
 * 1. The hand-written number reader against Number() on the same cells after the text
 *    normalisation a regex-based reader would need.
 * 2. papaparse's core Parser alone on the extract (the floor for any papaparse intake).
 * 3. The whole intake (decode, parse, coerce, check) on a ~50 MB Norwegian extract:
 *    semicolons, decimal commas, grouped thousands, CRLF, æøå, quoted multi-line notes.
 * 4. A streamed run of many rows (default 1,000,000) generated chunk by chunk, so the file
 *    is never in memory: peak heap against the size of the columnar output.
 */
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { Ingest, ingestAll } from '../../src/lib/core/csv/ingest';
import { NumberReader } from '../../src/lib/core/csv/numberReader';
import type { ModelCard } from '../../src/lib/core/model/card';

const card = JSON.parse(readFileSync('test/fixtures/csv/card.json', 'utf8')) as ModelCard;
const names = card.features.map((f) => f.name);
const PLACES = ['Tromsø', 'Bærum', 'Ålesund', 'Lørenskog', 'Bodø'];

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const grouped = (n: number) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, pick([' ', '\u00a0', '.', '']));
const money = (n: number) => `${grouped(Math.trunc(n))},${String(Math.round((n % 1) * 100)).padStart(2, '0')}`;

const header = `skattyter_id;${names.join(';')};feil_fradrag;kommune;merknad\r\n`;
function row(i: number): string {
  const cells: Record<string, string> = {
    alder: String(18 + Math.floor(rand() * 70)),
    sentralitet: String(1 + Math.floor(rand() * 6)),
    hovedinntektskilde: String(1 + Math.floor(rand() * 4)),
    lonnsinntekt: money(200_000 + rand() * 900_000),
    stillingsprosent: pick(['100', '80', '50 %', '99,5']),
    avstand_reg_km: (rand() * 60).toFixed(1).replace('.', ','),
    reise_km_oppgitt: rand() < 0.3 ? '' : (rand() * 80).toFixed(1).replace('.', ','),
    reise_dager_oppgitt: rand() < 0.3 ? 'NA' : String(100 + Math.floor(rand() * 130)),
    reisefradrag: rand() < 0.3 ? '-' : `${grouped(rand() * 50_000)} kr`,
    eier_bolig: pick(['0', '1', 'ja', 'nei']),
    endring_fra_forhandsutfylt: `${rand() < 0.5 ? '−' : ''}${money(rand() * 20_000)}`,
    yngste_barn_alder: rand() < 0.5 ? '' : String(Math.floor(rand() * 17)),
    sykefravaer_dager: String(Math.floor(rand() * 30)),
    fagforening_krevd: rand() < 0.3 ? '' : `${grouped(2000 + rand() * 6000)},-`,
  };
  const note = rand() < 0.02 ? '"Flyttet i år;\nse vedlegg"' : '';
  return `${String(i).padStart(9, '0')};${names.map((n) => cells[n]).join(';')};${rand() < 0.04 ? 1 : 0};${pick(PLACES)};${note}\r\n`;
}

/** The extract as UTF-8 chunks of about 1 MiB, generated on demand. */
function* chunks(rows: number): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let text = header;
  for (let i = 1; i <= rows; i++) {
    text += row(i);
    if (text.length >= 1 << 20) {
      yield encoder.encode(text);
      text = '';
    }
  }
  if (text) yield encoder.encode(text);
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}

const mb = (bytes: number) => bytes / 1e6;

// 1. Number reader.
const cells = Array.from({ length: 2_000_000 }, () => pick([money(rand() * 1e6), grouped(rand() * 1e5), '12,5', '−1 234,50', '500 kr', 'NA', '230']));
const reader = new NumberReader();
let sink = 0;
const [, tReader] = time(() => {
  for (const c of cells) sink += reader.read(c, true) || 0;
});
const normalise = (c: string) => c.replace(/[\s\u00a0\u202f]|kr/g, '').replace(/\./g, '').replace(',', '.').replace('\u2212', '-');
const [, tRegex] = time(() => {
  for (const c of cells) sink += Number(normalise(c)) || 0;
});
console.log(`number reader      ${(cells.length / tReader / 1e6).toFixed(1)} M cells/s   (regex + Number(): ${(cells.length / tRegex / 1e6).toFixed(1)} M cells/s, ratio ${(tRegex / tReader).toFixed(1)}×)`);

// 2 and 3: a ~50 MB extract held in memory, so only reading is timed.
const parts = [...chunks(560_000)];
const size = parts.reduce((s, p) => s + p.length, 0);
const whole = new Uint8Array(size);
parts.reduce((at, p) => (whole.set(p, at), at + p.length), 0);
const text = new TextDecoder().decode(whole);
const [parsed, tPapa] = time(() => new Papa.Parser({ delimiter: ';', newline: '\r\n', quoteChar: '"' }).parse(text, 0, false).data.length);
console.log(`papaparse alone    ${(mb(size) / tPapa).toFixed(0)} MB/s   (${parsed} records, ${mb(size).toFixed(0)} MB, text already decoded)`);
const [result, tIngest] = time(() => ingestAll(whole, card));
console.log(
  `whole intake       ${(mb(size) / tIngest).toFixed(0)} MB/s   ${(result.rows / tIngest / 1e6).toFixed(2)} M rows/s   ` +
    `(${result.rows} rows: ${result.counts.scored} scored, ${result.counts.warned} warned, ${result.counts.rejected} rejected; ${(tIngest / tPapa).toFixed(1)}× papaparse alone)`,
);

// 4. Streamed, never holding the file.
const rows = Number(process.argv[2] ?? 1_000_000);
global.gc?.();
const base = process.memoryUsage().heapUsed;
let peak = 0;
let bytes = 0;
const ingest = new Ingest(card);
const t0 = performance.now();
for (const chunk of chunks(rows)) {
  bytes += chunk.length;
  ingest.push(chunk);
  peak = Math.max(peak, process.memoryUsage().heapUsed - base);
}
const streamed = ingest.finish();
const seconds = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().heapUsed - base);
const output = streamed.features.byteLength + streamed.status.byteLength + streamed.line.byteLength + (streamed.label?.byteLength ?? 0);
console.log(
  `streamed           ${streamed.rows} rows, ${mb(bytes).toFixed(0)} MB in ${seconds.toFixed(1)} s (generation included): ` +
    `peak heap +${mb(peak).toFixed(0)} MB for ${mb(output).toFixed(0)} MB of typed arrays plus ids and text columns`,
);
if (sink === 42) console.log('');
