/**
 * The batch output opened in the browser against its CSV, printed (not a test). Serve a build
 * first (`npx vite preview --port 4322 --outDir dist`), then
 *   npx tsx test/bench/parquet-open.ts <input.csv> <batch-output.parquet> [url]
 * For each file: ms from the drop to the scores on screen ('explorer:all-scores') and to every
 * row explained ('explorer:all-explained'), the marks the Explorer sets (explorer.svelte.ts).
 */
import { chromium, type Page } from '@playwright/test';
import { basename } from 'node:path';
import { chromiumFlags } from '../../playwright.config';

const [csv, parquet, url = 'http://127.0.0.1:4322/'] = process.argv.slice(2);

async function open(page: Page, path: string, preview: boolean): Promise<{ scores: number; explained: number }> {
  await page.evaluate(() => performance.clearMarks());
  await page.locator('#file-input').setInputFiles(path);
  if (preview) await page.getByRole('button', { name: 'Score filen' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('explorer:all-explained').length > 0, null, { timeout: 600_000 });
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const [start, scores, explained] = await page.evaluate(() =>
    ['explorer:file-start', 'explorer:all-scores', 'explorer:all-explained'].map((name) => performance.getEntriesByName(name)[0].startTime),
  );
  return { scores: Math.round(scores - start), explained: Math.round(explained - start) };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumFlags });
const page = await browser.newPage({ locale: 'nb-NO' });
await page.goto(url);
await page.locator('#file-input').waitFor();
await page.waitForFunction(() => !(document.querySelector('#file-input') as HTMLInputElement).disabled);
for (const [path, preview] of [[csv, true], [parquet, false], [csv, true], [parquet, false]] as const) {
  const t = await open(page, path, preview);
  console.log(`${basename(path).padEnd(28)} scores on screen ${t.scores} ms, every row explained ${t.explained} ms`);
}
await browser.close();
