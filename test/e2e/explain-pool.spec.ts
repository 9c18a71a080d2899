import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The engine pool (src/lib/worker/engine-pool.ts) explains a file big enough to be read in
 * many blocks, so explaining overlaps reading and the blocks are spread over every engine.
 * The page checks each block against its own scores, so a block stored at the wrong rows
 * would count as failures here.
 */
test('every row of a 40,000-row file is explained once, by every engine, and adds up to its score', async ({ page }) => {
  const rows = 40_000;
  const file = join(mkdtempSync(join(tmpdir(), 'pool-')), 'returns.csv');
  execFileSync('python3', ['models/generate.py', '--rows', String(rows), '--seed', '11', '--out', file]);

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
});
