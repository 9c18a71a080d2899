import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

/**
 * The engine pool (src/lib/worker/engine-pool.ts) on a file big enough to be read in several
 * blocks: the lead parses, the other engines score the parsed blocks (the lead too, once they
 * fall behind), and every engine explains. The page checks each row's explanation against the score it assembled, so a
 * score or an explanation stored at the wrong rows would count as failures here; and the top
 * of the ranking must be the headless scorer's, row for row. The engines explain with the
 * WebAssembly TreeSHAP kernel, fetched from the build like any other asset.
 */
test('every row of a 40,000-row file is explained once, by every engine, and adds up to its score', async ({ page }) => {
  const rows = 40_000;
  const file = join(mkdtempSync(join(tmpdir(), 'pool-')), 'returns.csv');
  execFileSync('python3', ['models/generate.py', '--rows', String(rows), '--seed', '11', '--out', file]);

  // Every engine fetches the WebAssembly TreeSHAP kernel from the app's own origin (worker.ts).
  const kernels: string[] = [];
  page.on('requestfinished', (request) => {
    if (/\/treeshap-[\w-]+\.wasm$/.test(request.url())) kernels.push(request.url());
  });
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.locator('#file-input').setInputFiles(file);
  await page.getByRole('button', { name: 'Score filen' }).click();
  await expect(page.getByTestId('run-summary')).toContainText(`${rows.toLocaleString('nb-NO')} rader lest`);
  await page.getByRole('tab', { name: 'Forklaringer' }).click();

  const status = page.getByTestId('explain-status');
  await expect(status).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(status).toHaveAttribute('data-done', String(rows));
  await expect(status).toHaveAttribute('data-total', String(rows));
  await expect(status).toHaveAttribute('data-failures', '0');
  await expect(status).toHaveAttribute('data-workers', String(Math.min(4, Math.max(1, cores))));
  expect(kernels.length).toBeGreaterThanOrEqual(1);

  const out = join(mkdtempSync(join(tmpdir(), 'pool-cli-')), 'scored.csv');
  execFileSync('npx', ['tsx', 'src/cli/score.ts', '--input', file, '--output', out], { stdio: 'ignore' });
  const cli = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const byRank = new Map(cli.map((row) => [row.risk_rank, row]));
  await page.getByRole('tab', { name: 'Rangering' }).click();
  for (let rank = 1; rank <= 10; rank++) {
    const cells = page.locator(`tbody tr[aria-rowindex="${rank + 1}"] td`);
    const want = byRank.get(String(rank))!;
    await expect(cells.nth(1)).toHaveText(want.skattyter_id);
    expect(Math.fround(Number(await cells.nth(2).getAttribute('data-probability')))).toBe(Math.fround(Number(want.risk_probability)));
  }
});
