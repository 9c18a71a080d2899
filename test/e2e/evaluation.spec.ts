import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { confirmAndWaitForScores } from './support/trust';

interface DemoMetrics {
  demo: {
    roc_auc: number;
    average_precision: number;
    brier: number;
    base_rate: number;
    at_share: { k: number; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; lift: number };
    segments: { sivilstand: { segment: string; rows: number; auc: number; recall_at_capacity: number }[] };
  };
}

const oracle = JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as DemoMetrics;

async function metric(page: Page, id: string): Promise<number> {
  return Number(await page.locator(`[data-testid="evaluation-metrics"] [data-metric="${id}"]`).getAttribute('data-value'));
}

async function openEvaluation(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Modellkvalitet' }).click();
  await expect(page.getByRole('heading', { name: 'Hvor godt treffer modellen i denne fila?' })).toBeVisible();
}

test('an analyst sees every curve of the demo sample and scikit-learn’s figures at 25 %', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await openEvaluation(page);

  for (const chart of ['roc', 'pr', 'gains', 'lift', 'calibration']) await expect(page.getByTestId(`chart-${chart}`).locator('svg[role="img"]')).toBeVisible();
  const d = oracle.demo;
  expect(await metric(page, 'auc')).toBeCloseTo(d.roc_auc, 9);
  expect(await metric(page, 'ap')).toBeCloseTo(d.average_precision, 9);
  expect(await metric(page, 'brier')).toBeCloseTo(d.brier, 9);
  expect(await metric(page, 'precision')).toBeCloseTo(d.at_share.precision, 12);
  expect(await metric(page, 'recall')).toBeCloseTo(d.at_share.recall, 12);
  expect(await metric(page, 'lift')).toBeCloseTo(d.at_share.lift, 12);
  await expect(page.locator('[data-metric="auc"] dd')).toHaveText(d.roc_auc.toLocaleString('nb-NO', { maximumFractionDigits: 3, minimumFractionDigits: 3 }));
  await expect(page.getByLabel('Kapasitet: antall skattemeldinger som kontrolleres')).toHaveValue(String(d.at_share.k));
  const matrix = page.getByTestId('confusion-matrix');
  for (const cell of ['tp', 'fp', 'fn', 'tn'] as const) await expect(matrix.locator(`[data-cell="${cell}"]`)).toHaveAttribute('data-value', String(d.at_share[cell]));

  // Segments by civil status, then the view filtered to one of them.
  await page.getByLabel('Del opp etter').selectOption({ label: 'sivilstand' });
  const table = page.getByTestId('segment-table');
  for (const s of d.segments.sivilstand) {
    const row = table.locator(`tr[data-segment="${s.segment}"]`);
    await expect(row.locator('td').first()).toHaveText(s.rows.toLocaleString('nb-NO'));
    expect(Number(await row.locator('td').nth(3).getAttribute('data-value'))).toBeCloseTo(s.auc, 9);
  }
  const gift = d.segments.sivilstand.find((s) => s.segment === 'gift')!;
  await table.getByRole('button', { name: 'Vis bare gift' }).click();
  await expect(page.getByTestId('segment-filter')).toContainText('sivilstand = gift');
  expect(await metric(page, 'auc')).toBeCloseTo(gift.auc, 9);
  expect(await metric(page, 'recall')).toBeCloseTo(gift.recall_at_capacity, 12);
  await page.getByRole('button', { name: 'Vis alle' }).click();
  expect(await metric(page, 'auc')).toBeCloseTo(d.roc_auc, 9);

  // The demo sample comes from the training distribution: nothing moved much. A feature beyond its
  // noise limit is named in the headline, never called stable, and the headline counts exactly those rows.
  const alert = page.getByTestId('drift-alert');
  await expect(alert).toContainText(/Ingen variabel har flyttet seg|Ingen har flyttet seg mye/);
  const driftRows = page.getByTestId('drift-table').locator('tbody tr');
  await expect(driftRows).toHaveCount(34);
  const moved = await driftRows.evaluateAll((trs) => trs.filter((tr) => ['slight', 'some', 'major'].includes(tr.getAttribute('data-reading') ?? '')).length);
  expect(await driftRows.evaluateAll((trs) => trs.filter((tr) => ['some', 'major'].includes(tr.getAttribute('data-reading') ?? '')).length)).toBe(0);
  if (moved > 0) await expect(alert).toContainText(`${moved} ${moved === 1 ? 'variabel har' : 'variabler har'} flyttet seg litt`);
  await expect(page.getByTestId('drift-table')).not.toContainText('innenfor støy)');
});

test('a file with every commute distance doubled shows the commute features at the top of the drift table', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  await page.locator('#file-input').setInputFiles({ name: 'commute-doubled.csv', mimeType: 'text/csv', buffer: readFileSync('test/fixtures/drift/commute-doubled.csv') });
  await confirmAndWaitForScores(page);
  await openEvaluation(page);
  // The commute inputs, and what the generator derives from them: the deduction claimed and how far it strays from the pre-filled one.
  const commute = ['avstand_reg_km', 'reise_km_oppgitt', 'reise_dager_oppgitt', 'reisefradrag', 'fjorarets_reisefradrag', 'endring_fra_forhandsutfylt'];
  const firstRows = page.getByTestId('drift-table').locator('tbody tr');
  await expect(page.getByTestId('drift-alert')).toContainText('data den ikke har sett');
  await expect(firstRows.first()).toHaveAttribute('data-feature', 'avstand_reg_km');
  for (let i = 0; i < 3; i++) expect(commute).toContain(await firstRows.nth(i).getAttribute('data-feature'));
  // Once every row is explained the order weighs drift by importance; the commute features stay on top.
  await expect(page.getByText('Sortert etter endring utover støy ganger')).toBeVisible();
  for (let i = 0; i < 3; i++) expect(commute).toContain(await firstRows.nth(i).getAttribute('data-feature'));
});

/** The demo sample with the outcome column rewritten: `keep(row)` says which rows keep their label; `drop` removes the column. */
function demoWithLabels(keep: (row: number) => boolean, drop = false): Buffer {
  const [header, ...rows] = readFileSync('public/demo/demo-sample.csv', 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  const at = names.indexOf('feil_fradrag');
  const edit = (line: string, r: number) => {
    const cells = line.split(',');
    if (drop) cells.splice(at, 1);
    else if (r >= 0 && !keep(r)) cells[at] = '';
    return cells.join(',');
  };
  return Buffer.from([edit(header, -1), ...rows.map(edit)].join('\n') + '\n');
}

test('labels for only part of the rows bring the selection-bias note; no label column says so and still shows drift', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  await page.locator('#file-input').setInputFiles({ name: 'halvparten.csv', mimeType: 'text/csv', buffer: demoWithLabels((r) => r % 2 === 0) });
  await confirmAndWaitForScores(page);
  await openEvaluation(page);
  await expect(page.getByTestId('selection-bias')).toContainText('Bare 1 000 av 2 000 skattemeldinger');
  await page.getByTestId('selection-bias').getByText('Andel med kjent utfall per risikodesil').click();
  await expect(page.getByTestId('selection-bias').locator('tbody tr')).toHaveCount(10);

  await page.locator('#file-input').setInputFiles({ name: 'uten-fasit.csv', mimeType: 'text/csv', buffer: demoWithLabels(() => false, true) });
  await confirmAndWaitForScores(page);
  await openEvaluation(page);
  await expect(page.getByTestId('no-labels')).toContainText('ingen kolonne med kjent utfall');
  await expect(page.getByTestId('evaluation-metrics')).toHaveCount(0);
  await expect(page.getByTestId('drift-table').locator('tbody tr')).toHaveCount(34);
});
