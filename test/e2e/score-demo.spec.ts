import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

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
  await expect(page.getByRole('grid', { name: 'Rangerte selvangivelser' })).toBeVisible();
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
