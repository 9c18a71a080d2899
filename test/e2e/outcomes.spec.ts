import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';

/** The demo sample's labels by id, read with papaparse, not the app's intake. */
const demo = Papa.parse<Record<string, string>>(readFileSync('public/demo/demo-sample.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const label = new Map(demo.map((r) => [r.skattyter_id, r.feil_fradrag]));
const Z = 1.959963984540054;

/** A number as the page writes it in Norwegian ("1 234,5", "12,3 %"), back to a number (percent as a share). */
function shown(text: string): number {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
}

/** Wilson's interval with the finite-population correction, written here from the formula (not the app's code). */
function wilson(e: number, c: number, M: number): [number, number] {
  const p = e / c;
  const n = (c * (M - 1)) / (M - c);
  const centre = (p + (Z * Z) / (2 * n)) / (1 + (Z * Z) / n);
  const half = (Z / (1 + (Z * Z) / n)) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [centre - half, centre + half];
}

async function saved(d: Download): Promise<Buffer> {
  return readFileSync((await d.path())!);
}

/** Plans a list on the scored demo sample and downloads list, manifest and outcomes form. */
async function exportList(page: Page, seed: string): Promise<{ list: Buffer; manifest: Buffer; form: Buffer; names: string[] }> {
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('30');
  await share.press('Enter');
  const control = page.getByLabel('Andel av kapasiteten til kontrollgruppen (%)');
  await control.fill('50');
  await control.press('Enter');
  await page.getByLabel('Frø (seed) for trekningen').fill(seed);
  const downloads: Download[] = [];
  const take = (d: Download) => downloads.push(d);
  page.on('download', take);
  await page.getByRole('button', { name: 'Last ned liste og revisjonsfil' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  await page.getByTestId('export-outcomes-form').click();
  await expect.poll(() => downloads.length).toBe(3);
  page.off('download', take);
  const [list, manifest, form] = await Promise.all(downloads.map(saved));
  return { list, manifest, form, names: downloads.map((d) => d.suggestedFilename()) };
}

test('outcomes from the demo sample’s labels give the estimates worked out here from the files; a manifest of another list is refused', async ({ page }) => {
  await page.goto('./');
  // The tab is there before any file is scored, and opens without one.
  await page.getByRole('tab', { name: 'Utfall' }).click();
  await expect(page.getByRole('heading', { name: 'Utfall og anslag' })).toBeVisible();
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();

  const first = await exportList(page, '7');
  expect(first.names).toEqual(['demo-sample-kontrolliste.csv', 'demo-sample-kontrolliste.manifest.json', 'demo-sample-kontrolliste.utfall.csv']);
  const manifest = JSON.parse(first.manifest.toString('utf8'));

  // The form, filled from the labels; every 9th row left unchecked.
  const form = Papa.parse<string[]>(first.form.toString('utf8').replace(/^\uFEFF/, '').trimEnd(), { delimiter: ';', newline: '\r\n' }).data;
  expect(form[0]).toEqual(['skattyter_id', 'liste', 'utvalg', 'utfall', 'korrigert_beløp']);
  const counts = { modell: { c: 0, e: 0, n: 0 }, kontroll: { c: 0, e: 0, n: 0 } };
  const filled = form.map((r, i) => {
    if (i === 0) return r.join(';');
    const arm = counts[r[2] as 'modell' | 'kontroll'];
    arm.n++;
    if (i % 9 === 0) return r.join(';');
    const y = label.get(r[0])!;
    arm.c++;
    arm.e += Number(y);
    return [r[0], r[1], r[2], y, ''].join(';');
  });
  const outcomes = Buffer.from(`\uFEFF${filled.join('\r\n')}\r\n`, 'utf8');
  expect(counts.modell.n).toBe(manifest.selection.model_count);
  expect(counts.kontroll.e).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Utfall' }).click();
  await page.locator('#outcomes-input').setInputFiles([
    { name: 'utfall.csv', mimeType: 'text/csv', buffer: outcomes },
    { name: 'demo-sample-kontrolliste.manifest.json', mimeType: 'application/json', buffer: first.manifest },
    { name: 'demo-sample-kontrolliste.csv', mimeType: 'text/csv', buffer: first.list },
  ]);
  await expect(page.getByTestId('outcomes-linked')).toContainText(manifest.selection.list_key);
  await expect(page.getByTestId('outcomes-counts')).toContainText(
    `Modellens utvalg: ${counts.modell.n} på listen, ${counts.modell.c} kontrollert, ${counts.modell.n - counts.modell.c} ikke kontrollert ennå`,
  );

  const N = manifest.rows.scored;
  const n = manifest.selection.model_count;
  const h1 = counts.modell.e / counts.modell.c;
  const h0 = counts.kontroll.e / counts.kontroll.c;
  const expected: Record<string, { value: number; digits: number; ci?: [number, number] }> = {
    hit_model: { value: h1, digits: 0.0005, ci: wilson(counts.modell.e, counts.modell.c, n) },
    hit_random: { value: h0, digits: 0.0005, ci: wilson(counts.kontroll.e, counts.kontroll.c, N - n) },
    errors_outside: { value: (N - n) * h0, digits: 0.5 },
    total_errors: { value: n * h1 + (N - n) * h0, digits: 0.5 },
    model_recall: { value: (n * h1) / (n * h1 + (N - n) * h0), digits: 0.0005 },
    lift: { value: h1 / h0, digits: 0.005 },
  };
  const wo = wilson(counts.kontroll.e, counts.kontroll.c, N - n);
  expected.errors_outside.ci = [(N - n) * wo[0], (N - n) * wo[1]];
  for (const [id, want] of Object.entries(expected)) {
    const cells = await page.locator(`[data-estimate="${id}"] td`).allInnerTexts();
    expect(Math.abs(shown(cells[0]) - want.value), `${id}: ${cells[0]}`).toBeLessThanOrEqual(want.digits + 1e-9);
    if (want.ci) {
      expect(Math.abs(shown(cells[1]) - want.ci[0]), `${id} low: ${cells[1]}`).toBeLessThanOrEqual(want.digits + 1e-9);
      expect(Math.abs(shown(cells[2]) - want.ci[1]), `${id} high: ${cells[2]}`).toBeLessThanOrEqual(want.digits + 1e-9);
    }
  }
  await expect(page.getByTestId('outcomes-sentences')).toContainText(`Kontrollgruppen fant ${counts.kontroll.e} `);
  if (counts.kontroll.e < 5) await expect(page.getByText(/Med så få treff holder intervallene ikke 95 % dekning/)).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('#panel-outcomes').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // A manifest written for another list (another seed) is refused, and the sentence names both files.
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  const second = await exportList(page, '8');
  await page.getByRole('tab', { name: 'Utfall' }).click();
  await page.locator('#outcomes-input').setInputFiles([{ name: 'annen.manifest.json', mimeType: 'application/json', buffer: second.manifest }]);
  await expect(page.getByTestId('outcomes-refused')).toContainText(
    'Listen demo-sample-kontrolliste.csv passer ikke til manifestet annen.manifest.json: listen er endret etter eksporten, eller manifestet hører til en annen liste.',
  );
});
