import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

interface Golden {
  ids: string[];
  probability: number[];
  probability_ort: number[];
}

const demoRows = readFileSync('public/demo/demo-sample.csv', 'utf8').trim().split(/\r?\n/).length - 1;

test('a newcomer loads the demo sample and sees every row ranked, the top risk first', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Modellen' })).toBeVisible();
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();

  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest`);
  await expect(page.getByRole('grid', { name: 'Rangerte skattemeldinger' })).toBeVisible();
  await expect(page.getByText(`${demoRows.toLocaleString('nb-NO')} rader. Bruk piltastene`)).toBeVisible();

  const first = page.locator('tbody tr[aria-rowindex="2"]');
  await expect(first.locator('td').first()).toHaveText('1');
});

test('the browser scores the golden rows exactly as onnxruntime in Python', async ({ page }) => {
  const golden = JSON.parse(readFileSync('test/fixtures/golden/lgbm-golden.json', 'utf8')) as Golden;
  const csv = readFileSync('test/fixtures/golden/lgbm-golden.csv');
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  await page.locator('#file-input').setInputFiles({ name: 'golden.csv', mimeType: 'text/csv', buffer: csv });
  // A chosen file is previewed first; scoring starts when the user says so.
  await page.getByRole('button', { name: 'Score filen' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();

  // The top row of the table is the golden row with the highest probability.
  let top = 0;
  golden.probability_ort.forEach((p, i) => {
    if (p > golden.probability_ort[top]) top = i;
  });
  const first = page.locator('tbody tr[aria-rowindex="2"] td');
  await expect(first.nth(1)).toHaveText(golden.ids[top]);
  const exact = Number(await first.nth(2).getAttribute('data-probability'));
  expect(Math.abs(exact - golden.probability_ort[top])).toBeLessThanOrEqual(1e-6);
});

/** The first `n` rows of the ranked table: id and the exact probability behind the shown percentage. */
async function topRows(page: import('@playwright/test').Page, n: number): Promise<[string, number][]> {
  const rows: [string, number][] = [];
  for (let i = 0; i < n; i++) {
    const cells = page.locator(`tbody tr[aria-rowindex="${i + 2}"] td`);
    rows.push([(await cells.nth(1).textContent()) ?? '', Number(await cells.nth(2).getAttribute('data-probability'))]);
  }
  return rows;
}

test('a Norwegian Excel export of the demo sample ranks and scores exactly as the clean file, and as the CLI', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest`);
  const clean = await topRows(page, 12);

  await page.locator('#file-input').setInputFiles('test/fixtures/excel/demo-sample-excel-nb.csv');
  // The app marks 'explorer:all-scores' when a file's scores are on screen (see explorer.svelte.ts).
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: 'Score filen' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('explorer:all-scores').length > 0);
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest: ${demoRows.toLocaleString('nb-NO')} scoret`);
  expect(await topRows(page, 12)).toEqual(clean);

  // The headless scorer, same engine in Node: the same float32 probability for each of these rows.
  const out = join(mkdtempSync(join(tmpdir(), 'cli-')), 'scored.csv');
  execFileSync('npx', ['tsx', 'src/cli/score.ts', '--input', 'public/demo/demo-sample.csv', '--output', out], { stdio: 'ignore' });
  const scored = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const cli = new Map(scored.map((row) => [row.skattyter_id, Number(row.risk_probability)]));
  for (const [id, p] of clean) expect(Math.fround(p), id).toBe(Math.fround(cli.get(id)!));
});
