import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { planTwentyPercent } from './support/plan-list';

/**
 * The loop closed in one sitting: a reviewer takes a record off the list, the list goes out with
 * its random group, outcomes come back from the demo sample's labels, and the Outcomes tab, the
 * fairness view (per group, with the override) and the selection report all say what they show;
 * then one decision edited in the exported manifest makes the import refuse the files. Expected
 * figures are counted here from the downloaded files and the demo CSV (papaparse), never read
 * from the app's state.
 */
test.use({ locale: 'en-GB' });

const demo = Papa.parse<Record<string, string>>(readFileSync('public/demo/demo-sample.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const byId = new Map(demo.map((r) => [r.skattyter_id, r]));
const bytes = async (d: Download): Promise<Buffer> => readFileSync((await d.path())!);
const grid = (page: Page): Locator => page.getByRole('grid');
const rowAt = (page: Page, index: number): Locator => grid(page).locator(`tbody tr[aria-rowindex="${index}"]`);
/** "12.5 %" → 0.125, "1,234" → 1234 (the page's English formats). */
const shown = (text: string) => {
  const t = text.replace(/[\s,\u00a0\u202f]/g, '');
  return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
};

test('outcomes, fairness by group, decisions and the selection report tell one story; an edited decision log is refused', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await planTwentyPercent(page);

  // A reviewer takes the highest-risk record off the list.
  await page.getByRole('tab', { name: 'Ranking' }).click();
  await rowAt(page, 2).click();
  await page.getByLabel('Your name or initials').fill('KN');
  await page.getByLabel('Reason', { exact: true }).fill('Logbook confirms the distance');
  await page.getByTestId('decision-remove').click();
  await expect(page.getByTestId('decision-current')).toHaveText('Current decision: Removed.');

  // The list, its manifest and the outcomes form.
  await page.getByRole('tab', { name: 'Control list' }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: /^Download list and audit file/ }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
  await page.getByTestId('export-outcomes-form').click();
  await expect.poll(() => downloads.length).toBe(3);
  const [list, manifestBytes, formBytes] = await Promise.all(downloads.map(bytes));
  const manifest = JSON.parse(manifestBytes.toString('utf8'));
  expect(manifest.decisions).toMatchObject({ count: 1, removed: 1 });

  // Outcomes from the labels; the removed record stays unchecked.
  const form = Papa.parse<string[]>(formBytes.toString('utf8').replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
  const listRows = Papa.parse<string[]>(list.toString('utf8').replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
  const decisionColumn = listRows[0].indexOf('decision');
  const removedId = listRows.find((r, i) => i > 0 && r[decisionColumn] !== '')![0];
  const arms: Record<string, Map<string, { c: number; e: number }>> = { modell: new Map(), kontroll: new Map() };
  const filled = form.map((r, i) => {
    if (i === 0 || r[0] === removedId) return r.join(';');
    const row = byId.get(r[0])!;
    const g = arms[r[2]];
    const cell = g.get(row.sivilstand) ?? { c: 0, e: 0 };
    cell.c++;
    cell.e += Number(row.feil_fradrag);
    g.set(row.sivilstand, cell);
    return [r[0], r[1], r[2], row.feil_fradrag, ''].join(';');
  });
  const outcomes = Buffer.from(`\uFEFF${filled.join('\r\n')}\r\n`, 'utf8');
  const sum = (m: Map<string, { c: number; e: number }>) => [...m.values()].reduce((a, b) => ({ c: a.c + b.c, e: a.e + b.e }), { c: 0, e: 0 });
  const random = sum(arms.kontroll);
  const model = sum(arms.modell);

  await page.getByRole('tab', { name: 'Outcomes' }).click();
  await page.locator('#outcomes-input').setInputFiles([
    { name: 'utfall.csv', mimeType: 'text/csv', buffer: outcomes },
    { name: 'demo-sample-kontrolliste.manifest.json', mimeType: 'application/json', buffer: manifestBytes },
    { name: 'demo-sample-kontrolliste.csv', mimeType: 'text/csv', buffer: list },
  ]);
  await expect(page.getByTestId('outcomes-linked')).toContainText(manifest.selection.list_key);
  await expect(page.getByText('1 tax return was taken off the list by a caseworker')).toBeVisible();
  const hitRandom = await page.locator('[data-estimate="hit_random"] td').first().innerText();
  expect(Math.abs(shown(hitRandom) - random.e / random.c)).toBeLessThanOrEqual(0.0005);
  const hitModel = await page.locator('[data-estimate="hit_model"] td').first().innerText();
  expect(Math.abs(shown(hitModel) - model.e / model.c)).toBeLessThanOrEqual(0.0005);

  // Fairness by civil status: each group's hit rates from the outcomes, and the override where the removed record belongs.
  await page.getByRole('tab', { name: 'Fairness' }).click();
  await page.getByLabel('Group column').selectOption({ label: 'sivilstand' });
  const byGroup = page.getByTestId('fairness-outcomes');
  await expect(byGroup).toBeVisible();
  for (const [group, m] of arms.modell) {
    const cells = byGroup.locator(`tr[data-group="${group}"] td`);
    expect(Math.abs(shown((await cells.nth(0).innerText()).split(' ')[0]) - m.e / m.c), `model hit rate of ${group}`).toBeLessThanOrEqual(0.0005);
    const r = arms.kontroll.get(group);
    if (r) expect(Math.abs(shown((await cells.nth(1).innerText()).split(' ')[0]) - r.e / r.c), `random hit rate of ${group}`).toBeLessThanOrEqual(0.0005);
  }
  const removedGroup = byId.get(removedId)!.sivilstand;
  await expect(page.getByTestId('fairness-overrides').locator(`tr[data-group="${removedGroup}"] td`).nth(1)).toHaveText('1');

  // The selection report holds it all.
  await page.getByRole('tab', { name: 'Control list' }).click();
  await page.getByTestId('report-open').click();
  const report = page.getByTestId('selection-report');
  await expect(report.getByTestId('report-outcomes')).toContainText(`The random group found ${random.e} `);
  await expect(report.getByTestId('report-fairness').locator('tbody tr')).toHaveCount(5);
  await expect(report.getByTestId('report-decisions')).toContainText('1 decision in the log: 0 kept, 1 taken off the list, 0 added by hand.');
  await report.getByRole('button', { name: 'Close the report' }).click();

  // One decision's reason edited in the exported manifest: the import refuses the files and names the entry.
  const tampered = JSON.parse(manifestBytes.toString('utf8'));
  tampered.decisions.log[0].reason = 'Logbook confirms the distance, and more';
  await page.getByRole('tab', { name: 'Outcomes' }).click();
  await page.locator('#outcomes-input').setInputFiles([{ name: 'edited.manifest.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered, null, 2)) }]);
  await expect(page.getByTestId('outcomes-refused')).toContainText('The decision log in edited.manifest.json was changed after the export: entry 1 does not fit the hash chain.');

  // With civil status chosen as the audit's group column, a new export keeps it off the list unless asked for.
  await page.getByRole('tab', { name: 'Control list' }).click();
  await expect(page.getByTestId('export-sensitive')).not.toBeChecked();
  await page.getByRole('button', { name: /^Download list and audit file/ }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(5);
  const [again, againManifest] = await Promise.all(downloads.slice(3).map(bytes));
  const header = again.toString('utf8').replace(/^\uFEFF/, '').split('\r\n')[0].split(';');
  expect(header).toContain('kommunenr');
  expect(header).not.toContain('sivilstand');
  expect(JSON.parse(againManifest.toString('utf8')).export.left_out).toEqual(['sivilstand']);
});
