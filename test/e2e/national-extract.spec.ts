import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { TAB_CEILING_ROWS } from '../../src/lib/core/csv/tab-ceiling';

/**
 * Over the tab's ceiling (issue 19): a file with more rows than a tab takes — here 10 million,
 * two income years of national extracts — is refused up front, from its size and its first
 * lines, with one sentence naming the ceiling and the batch path. The file is cheap: the demo
 * sample's first 128 kB, then a sparse tail of zero bytes up to the length of 10 million such
 * rows (about 1.3 GB on paper, a few kB on disk). Only its start is ever read, so reaching
 * the tail would show up as a parse error, not a pass.
 */
const demo = readFileSync('public/demo/demo-sample.csv');
const start = demo.subarray(0, 128 * 1024);
const startLines = start.toString('utf8').split('\n').length - 1;
const perLine = start.subarray(0, start.lastIndexOf(10) + 1).length / startLines;
const ROWS = 10_000_000;

let dir = '';
let path = '';
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'national-'));
  path = join(dir, 'national-extract.csv');
  const fd = openSync(path, 'w');
  writeSync(fd, start);
  closeSync(fd);
  truncateSync(path, Math.round(perLine * (ROWS + 1)));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a file of 10 million rows is refused up front with the ceiling and the command line named; nothing is scored', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  await page.locator('#file-input').setInputFiles(path);
  const refused = page.getByTestId('intake-refused');
  await expect(refused).toBeVisible();
  const nb = (n: number) => new Intl.NumberFormat('nb-NO').format(n);
  await expect(refused).toContainText(`om lag ${nb(ROWS)}`);
  await expect(refused).toContainText(`flere enn de ${nb(TAB_CEILING_ROWS)} appen kan score og forklare i én fane`);
  await expect(refused).toContainText('npm run score');
  await expect(page.getByTestId('preview')).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName('explorer:file-start').length)).toBe(0);

  // The demo sample, well under the ceiling, is previewed as before.
  await page.locator('#file-input').setInputFiles('public/demo/demo-sample.csv');
  await expect(page.getByTestId('preview')).toBeVisible();
  await expect(refused).toHaveCount(0);
});
