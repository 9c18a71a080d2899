import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { openApp } from './support/trust';
import { batchOutputFor, plainParquetFor, tamperedBatchOutputFor } from './support/batch-output';
import { exportOrder } from './support/export-order';

const demo = 'public/demo/demo-sample.csv';
const demoRows = readFileSync(demo, 'utf8').trim().split(/\r?\n/).length - 1;

/** Drops a file on the intake, as a user dragging it from the desktop would. */
async function drop(page: Page, path: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data }) => {
      const t = new DataTransfer();
      t.items.add(new File([new Uint8Array(data)], name));
      return t;
    },
    { name: basename(path), data: [...readFileSync(path)] },
  );
  await page.evaluate(() => performance.clearMarks());
  await page.dispatchEvent('.drop', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.drop', 'drop', { dataTransfer: transfer });
}

/** The first `n` rows of the ranked table: id and the exact probability behind the shown percentage. */
async function topRows(page: Page, n: number): Promise<[string, number][]> {
  await page.waitForFunction(() => performance.getEntriesByName('explorer:all-scores').length > 0);
  const rows: [string, number][] = [];
  for (let i = 0; i < n; i++) {
    const cells = page.locator(`tbody tr[aria-rowindex="${i + 2}"] td`);
    rows.push([(await cells.nth(1).textContent()) ?? '', Number(await cells.nth(2).getAttribute('data-probability'))]);
  }
  return rows;
}

/** The importance chart's values as its table alternative gives them, once every row is explained. */
async function importance(page: Page): Promise<[string, number][]> {
  await page.locator('#tab-explain').click();
  await expect(page.getByTestId('explain-status')).toHaveAttribute('data-state', 'done');
  const rows = page.locator('tr[data-feature]');
  await expect(rows.first()).toBeAttached();
  const out = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-feature')!, Number(tr.getAttribute('data-importance'))] as [string, number]));
  await page.locator('#tab-results').click();
  return out;
}

test('the batch output dropped on the app shows the same top ten and importance as the CSV, its scores taken and checked', async ({ page }) => {
  const batch = await batchOutputFor(demo);
  await openApp(page);

  await page.locator('#file-input').setInputFiles(demo);
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: 'Score filen' }).click();
  const csvTop = await topRows(page, 10);
  const csvImportance = await importance(page);
  await expect(page.getByTestId('parquet-status')).toHaveCount(0);

  await drop(page, batch);
  const status = page.getByTestId('parquet-status');
  await expect(status).toHaveAttribute('data-mode', 'file-scores');
  await expect(status).toContainText(`Åpnet resultat fra kjøringen på Spark: ${demoRows.toLocaleString('nb-NO')} skattemeldinger, poeng og forklaringer fra filen; 1\u00a0000 kontrollert på nytt her, alle stemte.`);
  expect(await topRows(page, 10)).toEqual(csvTop);
  const parquetImportance = await importance(page);
  expect(parquetImportance.map(([f]) => f)).toEqual(csvImportance.map(([f]) => f));
  // Mean |φ| over the same rows: the file's contributions are the CLI's float32 values, the app's its own; within 1e-5 each.
  parquetImportance.forEach(([f, v], i) => expect(Math.abs(v - csvImportance[i][1]), f).toBeLessThanOrEqual(1e-5));
  await page.locator('#tab-explain').click();
  await expect(page.getByTestId('explain-from-file')).toHaveText(
    `Forklaringene (TreeSHAP) for alle ${demoRows.toLocaleString('nb-NO')} rader er lest fra resultatet fra kjøringen på Spark; 1\u00a0000 av dem er beregnet på nytt her og stemte.`,
  );
  await page.locator('#tab-results').click();
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest`);
  await expect(page.getByTestId('parquet-made-from')).toHaveText('Laget fra demo-sample.csv.');

  // The audit trail: the validation report's first line, the list's manifest and the selection report say the scores were taken.
  const demoSha = createHash('sha256').update(readFileSync(demo)).digest('hex');
  const sentence = `Poengene og forklaringene er tatt fra resultatet av kjøringen på Spark, laget fra demo-sample.csv (SHA-256 ${demoSha.slice(0, 12)}…) med denne modellen; 1\u00a0000 er beregnet på nytt her, og 1\u00a0000 stemte.`;
  const [validation] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned valideringsrapport (CSV)' }).click()]);
  const firstLine = readFileSync((await validation.path())!, 'utf8').replace(/^\ufeff/, '').split('\r\n')[1];
  expect(firstLine).toContain('parquet.scores_from_batch');
  expect(firstLine).toContain(sentence);
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('10');
  await share.press('Enter');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Last ned liste og revisjonsfil' }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
  downloads.sort(exportOrder);
  const manifest = JSON.parse(readFileSync((await downloads[1].path())!, 'utf8'));
  expect(manifest.input.scores_from).toEqual({
    kind: 'batch',
    model_sha256: createHash('sha256').update(readFileSync('public/model/deduction-risk.onnx')).digest('hex'),
    input_name: 'demo-sample.csv',
    input_sha256: demoSha,
    checked: 1000,
    matched: 1000,
    contributions: true,
  });
  await page.getByTestId('report-open').click();
  await expect(page.getByTestId('report-scores-from')).toHaveText(sentence);
});

test('a plain Parquet extract is scored like the CSV', async ({ page }) => {
  const plain = await plainParquetFor(demo);
  await openApp(page);
  await page.locator('#file-input').setInputFiles(demo);
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: 'Score filen' }).click();
  const csvTop = await topRows(page, 10);
  await expect(page.getByTestId('count-empty')).toHaveCount(1);

  await drop(page, plain);
  expect(await topRows(page, 10)).toEqual(csvTop);
  // A Parquet file has no empty lines to skip: the count is not shown.
  await expect(page.getByTestId('count-empty')).toHaveCount(0);
  // Rows, not lines: the table's column says so.
  await expect(page.getByRole('button', { name: 'Rad', exact: true })).toBeVisible();
  await expect(page.getByTestId('parquet-status')).toHaveCount(0);
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest`);
});

test('a batch output changed after the run is caught, the rows named, and the whole file scored here', async ({ page }) => {
  const tampered = await tamperedBatchOutputFor(demo);
  await openApp(page);
  await page.locator('#file-input').setInputFiles(demo);
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: 'Score filen' }).click();
  const csvTop = await topRows(page, 10);

  await drop(page, tampered);
  const status = page.getByTestId('parquet-status');
  await expect(status).toHaveAttribute('data-mode', 'rescored');
  // The rank-1 row was raised by 0.01; it is the first row the sample checks.
  const rank1 = csvTop[0][0];
  const csv = readFileSync(demo, 'utf8').trim().split(/\r?\n/);
  const row = csv.findIndex((line) => line.startsWith(`${rank1},`));
  await expect(status).toContainText(`Resultatet fra kjøringen på Spark stemmer ikke: 1 av 1\u00a0000 kontrollerte avviker (rad ${row}).`);
  expect(await topRows(page, 10)).toEqual(csvTop);
});

test('a cut-off Parquet file is named, and nothing crashes', async ({ page }) => {
  await openApp(page);
  await drop(page, 'test/fixtures/parquet/truncated.parquet');
  await expect(page.getByRole('alert')).toContainText('Fila kan ikke leses som Parquet');
  await expect(page.locator('#file-input')).toBeEnabled();
});

test('the batch output of another model is scored with the active one, and the model it was made with is offered', async ({ page }) => {
  const batch = await batchOutputFor(demo);
  await openApp(page);
  await page.locator('#model-file-input').setInputFiles('public/model/deduction-risk-prefiling.onnx');
  await expect(page.locator('section.model')).toContainText('deduction-risk-prefiling');
  await expect(page.locator('#file-input')).toBeEnabled();

  await drop(page, batch);
  const status = page.getByTestId('parquet-status');
  await expect(status).toHaveAttribute('data-mode', 'other-model');
  await expect(status).toContainText('laget med en annen modell (deduction-risk.onnx, SHA-256 d9ea43af2e53…)');
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest`);

  await page.evaluate(() => performance.clearMarks());
  await status.getByRole('button', { name: 'Bruk deduction-risk.onnx' }).click();
  await expect(status).toHaveAttribute('data-mode', 'file-scores');
  await expect(status).toContainText('alle stemte');
});
