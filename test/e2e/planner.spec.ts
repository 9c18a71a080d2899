import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';

/** onnxruntime-in-Python scores of the demo sample and scikit-learn's figures at 25 % (models/oracles_demo). */
interface DemoOracle {
  probability: number[];
  positives: number;
  at_share: { k: number; tp: number; recall: number };
}
const demo = (JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as { demo: DemoOracle }).demo;
const pct = (share: number) => `${Math.round(share * 100)}\u00a0%`;

/** Expected recall at k: the top k probabilities' sum over the file's sum, from Python's scores. */
function expectedRecall(k: number): number {
  const p = [...demo.probability].sort((a, b) => b - a);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return sum(p.slice(0, k)) / sum(p);
}

test('a caseworker team plans 25 % with a 10 % random control group and reads what it will find', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();

  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('25');
  await share.press('Enter');
  const { k, tp, recall } = demo.at_share;
  await expect(page.getByTestId('planner-sentence')).toHaveText(
    `Kontroll av ${pct(0.25)} av skattemeldingene (${k}) ventes å finne ${pct(expectedRecall(k))} av de feilaktige fradragene. ` +
      `I denne filen fant listen faktisk ${pct(recall)} av de kjente: ${tp} av ${demo.positives} feil fradrag.`,
  );

  const control = page.getByLabel('Andel av kapasiteten til kontrollgruppen (%)');
  await control.fill('10');
  await control.press('Enter');
  await page.getByLabel('Frø (seed) for trekningen').fill('20240501');
  await expect(page.getByTestId('planner-counts')).toContainText(`${k - k / 10} valgt av modellen, ${k / 10} trukket tilfeldig`);
  // With a control group the headline and the table describe the list as exported, control rows included, and the control group is explained once.
  await expect(page.getByTestId('planner-sentence')).toContainText(`Listen på ${k} skattemeldinger (${pct(0.25)} av skattemeldingene), kontrollgruppen medregnet, ventes å finne`);
  await expect(page.getByTestId('planner-counts')).toContainText('Kontrollgruppen gir et ærlig mål');
  expect((await page.getByTestId('planner-counts').innerText()).match(/tilfeldig/g)).toHaveLength(1);
  await expect(page.getByRole('img', { name: /Gevinstkurve/ })).toBeVisible();
  await expect(page.getByTestId('planner-list').locator('tbody tr')).toHaveCount(50);
});

/** Three hostile or national cells, one per row in turn, in a column the model does not use. */
const NOTES = ['=HYPERLINK("http://example.invalid/x","klikk")', '-1234', 'Tromsø – æøå ÆØÅ'];
function demoWithNotes(): Buffer {
  const lines = readFileSync('public/demo/demo-sample.csv', 'utf8').trimEnd().split(/\r?\n/);
  const quoteCell = (s: string) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const out = [`${lines[0]},merknad`, ...lines.slice(1).map((line, i) => `${line},${quoteCell(NOTES[i % 3])}`)];
  return Buffer.from(out.join('\n') + '\n', 'utf8');
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function loadFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.goto('./');
  await expect(page.locator('#file-input')).toBeEnabled();
  await page.locator('#file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  // A chosen file may be previewed first; scoring starts when the user says so.
  const confirm = page.getByRole('button', { name: 'Score filen' });
  await expect(page.getByTestId('run-summary').or(confirm)).toBeVisible();
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
}

async function saved(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

test('the exported list is safe in Norwegian Excel and its manifest pins file, model and choices', async ({ page }) => {
  const input = demoWithNotes();
  await loadFile(page, 'demo-merknad.csv', input);
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('25');
  await share.press('Enter');
  const control = page.getByLabel('Andel av kapasiteten til kontrollgruppen (%)');
  await control.fill('10');
  await control.press('Enter');
  await page.getByLabel('Frø (seed) for trekningen').fill('20240501');
  await expect(page.getByTestId('planner-counts')).toContainText('450 valgt av modellen, 50 trukket tilfeldig');

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Last ned liste og revisjonsfil' }).click();
  await expect(page.getByTestId('planner-export-status')).toContainText('Lastet ned demo-merknad-kontrolliste.csv og demo-merknad-kontrolliste.manifest.json');
  await expect.poll(() => downloads.length).toBe(2);
  const [csvDownload, manifestDownload] = downloads;
  expect(csvDownload.suggestedFilename()).toBe('demo-merknad-kontrolliste.csv');
  expect(manifestDownload.suggestedFilename()).toBe('demo-merknad-kontrolliste.manifest.json');
  const csv = await saved(csvDownload);

  // Norwegian Excel: UTF-8 BOM, semicolons, CRLF; æøå survive as UTF-8.
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.subarray(3).toString('utf8');
  const parsed = Papa.parse<string[]>(text.trimEnd(), { delimiter: ';', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header.slice(0, 7)).toEqual(['skattyter_id', 'rang', 'risiko_prosent', 'utvalg', 'grunn_1', 'grunn_2', 'grunn_3']);
  expect(header.at(-1)).toBe('merknad');
  expect(rows).toHaveLength(500);
  const kind = header.indexOf('utvalg');
  expect(rows.filter((r) => r[kind] === 'modell')).toHaveLength(450);
  expect(rows.filter((r) => r[kind] === 'tilfeldig kontroll')).toHaveLength(50);
  // Every model row has its first reason, as a sentence in Norwegian.
  for (const r of rows.slice(0, 450)) expect(r[4]).toMatch(/\S/);
  expect(rows.some((r) => / — (høyere|lavere) enn \d+\s% i denne filen$/.test(r[4]))).toBe(true);
  // Random control rows were drawn at random: no reasons for selection, and the list says so.
  for (const r of rows.filter((r) => r[kind] === 'tilfeldig kontroll')) expect(r.slice(4, 7)).toEqual(['trukket tilfeldig – ingen grunner for utvelgelse', '', '']);

  const notes = new Set(rows.map((r) => r.at(-1)));
  expect(notes).toContain(`'${NOTES[0]}`); // the formula is text, not a formula
  expect(notes).not.toContain(NOTES[0]);
  expect(notes).toContain('-1234'); // a real negative number stays a number
  expect(notes).toContain(NOTES[2]);

  const manifest = JSON.parse((await saved(manifestDownload)).toString('utf8'));
  expect(manifest.manifest_schema).toBe('deduction-risk-export-manifest');
  expect(manifest.app.name).toBe('deduction-risk-explorer');
  expect(manifest.app.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  expect(manifest.model.sha256).toBe(sha256(readFileSync('public/model/deduction-risk.onnx')));
  expect(manifest.input).toMatchObject({ file_name: 'demo-merknad.csv', size_bytes: input.length, sha256: sha256(input), delimiter: ',' });
  expect(manifest.input.mapping.id).toBe('skattyter_id');
  expect(manifest.rows.total).toBe(demo.probability.length);
  expect(manifest.selection).toMatchObject({ capacity: 500, control_share: 0.1, seed: '20240501', model_count: 450, control_count: 50 });
  expect(manifest.export).toMatchObject({ file_name: 'demo-merknad-kontrolliste.csv', dialect: 'excel-nb', bom: true, rows: 500, sha256: sha256(csv) });
  expect(Date.now() - Date.parse(manifest.created_at)).toBeLessThan(5 * 60_000);

  // The command line with the same choices writes the identical list and the same manifest.
  const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
  writeFileSync(join(dir, 'demo-merknad.csv'), input);
  const listPath = join(dir, 'demo-merknad-kontrolliste.csv');
  const args = ['--input', join(dir, 'demo-merknad.csv'), '--list', listPath, '--capacity', '25%', '--control-share', '0.1', '--seed', '20240501', '--lang', 'nb'];
  execFileSync('npx', ['tsx', 'src/cli/score.ts', ...args], { stdio: 'pipe' });
  expect(readFileSync(listPath).equals(csv)).toBe(true);
  const cliManifest = JSON.parse(readFileSync(listPath.replace(/\.csv$/, '.manifest.json'), 'utf8'));
  expect({ ...cliManifest, created_at: manifest.created_at }).toEqual(manifest);
});

test('a case sheet opens from the list and prints on one page without the rest of the app', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  await page.getByTestId('planner-list').getByRole('button', { name: /^Saksark for / }).first().click();

  const sheet = page.getByTestId('case-sheet');
  await expect(sheet.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(sheet).toContainText('1 av 2 000');
  await expect(page.getByTestId('case-peers')).toContainText(/\d+\s% av de [\d\s]+ skattemeldingene i filen med samme hovedinntektskilde \(.+\) har lavere risiko enn denne\./);
  // A reason is the card's rule sentence where the return breaks or nears a rule, else a comparison in the file.
  await expect(sheet.locator('ol li').first()).toContainText(/ — (høyere|lavere|samme)|over taket|over grensen|i registeret|arbeidsdager|førehandsutfylt|forhåndsutfylt/);
  await expect(sheet.getByRole('img')).toBeVisible();
  await expect(sheet).toContainText('syntetiske data');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('tab', { name: 'Kontrolliste' })).not.toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Skriv ut' })).not.toBeVisible();
  // No grey page behind the sheet: html and body print white.
  for (const el of ['html', 'body']) expect(await page.locator(el).evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 255)');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

  await page.emulateMedia({ media: 'screen' });
  await sheet.getByRole('button', { name: 'Lukk saksarket' }).click();
  await expect(sheet).toHaveCount(0);
});
