import { expect, test, type Request } from '@playwright/test';
import { builtFiles, confirmAndWaitForScores, demoCsv, openApp } from './support/trust';

/**
 * A web font split by unicode-range fetches a subset the first time a character of it is
 * drawn. If that happens after a file is loaded, the request breaks the promise of none and
 * tells the server which scripts the file contains. Ids and an extra column here carry
 * letters from every subset Inter has beyond Norwegian's: Cyrillic (+ext), Greek (+ext) and
 * Vietnamese.
 */
const FOREIGN = 'Привет Ѣ Ελλάδα Ἀθήνα Tiếng Việt';
const FOREIGN_HEADER = 'примечание';
const ROWS = 50;

function foreignCsv(): string {
  const [header, ...lines] = demoCsv().trim().split(/\r?\n/);
  const cells = header.split(',');
  const idColumn = cells.indexOf('skattyter_id');
  const out = [[...cells, FOREIGN_HEADER].join(',')];
  lines.slice(0, ROWS).forEach((line, i) => {
    const row = line.split(',');
    row[idColumn] = `${FOREIGN} ${i}`;
    out.push([...row, FOREIGN].join(','));
  });
  return out.join('\n') + '\n';
}

test('text in other scripts from the file makes no font request: it is drawn in a system font', async ({ page, context }) => {
  const seen: string[] = [];
  context.on('request', (r: Request) => seen.push(`${r.serviceWorker() ? 'service worker' : 'page'} ${r.url()}`));

  await openApp(page);
  // The offline copy's own downloads are over before the file comes.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    const out: string[] = [];
    document.fonts.forEach((f) => out.push(`${f.family} ${f.weight} ${f.status}`));
    return out;
  });

  const beforeFile = seen.length;
  await page.locator('#file-input').setInputFiles({ name: 'utenlandsk.csv', mimeType: 'text/csv', buffer: Buffer.from(foreignCsv()) });
  await expect(page.getByTestId('extra-columns')).toContainText(FOREIGN_HEADER);
  await confirmAndWaitForScores(page);
  const grid = page.getByRole('grid');
  await expect(grid.locator('tbody tr[aria-rowindex="2"] td.id')).toContainText(FOREIGN);
  await grid.locator('tbody tr[aria-rowindex="2"]').click();
  const heading = page.locator('#record-heading');
  await expect(heading).toContainText(FOREIGN);
  // Two frames for layout to reach every new text, then every font load it started is over.
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await document.fonts.ready;
  });

  expect(seen.slice(beforeFile), 'requests after the file was loaded').toEqual([]);
  await expect(page.getByTestId('request-count')).toHaveAttribute('data-count', '0');

  // Each face the app ships was loaded before the file could be read, and it ships only the
  // subsets Norwegian needs.
  expect(faces.length).toBeGreaterThan(0);
  for (const face of faces) expect(face).toMatch(/ loaded$/);
  const fontFiles = [...builtFiles()].filter((f) => /\.woff2?$/.test(f));
  expect(fontFiles.length).toBeGreaterThan(0);
  for (const file of fontFiles) expect(file).toMatch(/^assets\/inter-latin(-ext)?-\d+-normal-[\w-]+\.woff2?$/);

  // The heading is drawn partly in Inter (Latin letters) and partly in a font of the system.
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#record-heading' });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(fonts.some((f) => f.isCustomFont && f.familyName.startsWith('Inter') && f.glyphCount > 0), JSON.stringify(fonts)).toBe(true);
  expect(fonts.some((f) => !f.isCustomFont && f.glyphCount > 0), JSON.stringify(fonts)).toBe(true);
});
