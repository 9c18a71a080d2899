import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import { exportOrder } from './support/export-order';

/** The bundled model's card as Python's onnx package reads it would be the oracle; its figures are pinned in the algorithm-register unit test. */
const demoBytes = readFileSync('public/demo/demo-sample.csv');
const modelBytes = readFileSync('public/model/deduction-risk.onnx');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('the selection report records the exported list with its hashes and the model’s register entry, in print alone', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('10');
  await share.press('Enter');
  const control = page.getByLabel('Andel av kapasiteten til kontrollgruppen (%)');
  await control.fill('20');
  await control.press('Enter');
  await page.getByLabel('Frø (seed) for trekningen').fill('77');

  // Before an export there is nothing to report on.
  await expect(page.getByTestId('report-open')).toBeDisabled();
  await expect(page.getByText('Eksporter listen først')).toBeVisible();

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Last ned liste og revisjonsfil' }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(2);
  downloads.sort(exportOrder);
  const listBytes = readFileSync((await downloads[0].path())!);
  const manifest = JSON.parse(readFileSync((await downloads[1].path())!, 'utf8'));

  await page.getByTestId('report-open').click();
  const report = page.getByTestId('selection-report');
  await expect(report).toBeVisible();
  const record = report.getByTestId('report-record');
  // Hashes computed here from the files themselves, not read from the page's own state.
  await expect(record).toContainText(sha256(modelBytes));
  await expect(record).toContainText(sha256(demoBytes));
  await expect(record).toContainText(sha256(listBytes));
  expect(manifest.export.sha256).toBe(sha256(listBytes));
  await expect(report.getByTestId('report-selection')).toContainText('200 skattemeldinger: 160 valgt av modellen, 40 trukket tilfeldig');
  await expect(report.getByTestId('report-selection')).toContainText('77');
  await expect(report.getByTestId('report-realised')).toContainText('feil_fradrag');
  await expect(report.getByTestId('report-drift')).not.toBeEmpty();
  await expect(report.getByTestId('report-decisions')).toContainText('Ingen beslutninger');
  await expect(report).toContainText(manifest.decisions.head);
  const register = report.getByTestId('report-register');
  await expect(register).toContainText('Rangere skattemeldingene etter risiko for feil fradrag');
  await expect(register).toContainText('34 kjennetegn: 22 fra registre og tredjeparter, 9 oppgitt av skattyterne, 3 avledet.');
  await expect(register).toContainText('Skatteforvaltningsloven § 5-11');

  // Printed, only the report is on the page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(report).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // In English the same report.
  await page.getByLabel('Språk').selectOption('en');
  await expect(report).toContainText('Selection report: risk of an incorrect deduction');
  await expect(report.getByTestId('report-register')).toContainText('34 features: 22 from registers and third parties, 9 entered by the taxpayers, 3 derived.');

  // Changing a choice makes the report stale: it closes its button until the list is exported again.
  await report.getByRole('button', { name: 'Close the report' }).click();
  await page.getByLabel('Seed for the draw').fill('78');
  await expect(page.getByTestId('report-open')).toBeDisabled();
  await expect(page.getByText('The choices changed after the list was exported')).toBeVisible();
});
