import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** onnxruntime-in-Python scores of the demo sample and scikit-learn's figures at 25 % (models/oracles_demo). */
interface DemoOracle {
  probability: number[];
  positives: number;
  at_share: { k: number; tp: number; recall: number };
}
const demo = (JSON.parse(readFileSync('test/fixtures/demo-metrics.json', 'utf8')) as { demo: DemoOracle }).demo;
const pct = (share: number) => `${Math.round(share * 100)}\u00a0%`;

/** Expected recall at k: the top k probabilities' sum over the file's sum, from Python's scores. */
function expectedRecall(k: number): number {
  const p = [...demo.probability].sort((a, b) => b - a);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return sum(p.slice(0, k)) / sum(p);
}

test('a caseworker team plans 25 % with a 10 % random control group and reads what it will find', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();

  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('25');
  await share.press('Enter');
  const { k, tp, recall } = demo.at_share;
  await expect(page.getByTestId('planner-sentence')).toHaveText(
    `Kontroll av ${pct(0.25)} av erklæringene (${k}) ventes å finne ${pct(expectedRecall(k))} av de feilaktige fradragene. ` +
      `I denne filen fant utvalget faktisk ${pct(recall)} av de kjente feilene (${tp} av ${demo.positives}).`,
  );

  const control = page.getByLabel('Andel av kapasiteten til kontrollgruppen (%)');
  await control.fill('10');
  await control.press('Enter');
  await page.getByLabel('Frø (seed) for trekningen').fill('20240501');
  await expect(page.getByTestId('planner-counts')).toContainText(`${k - k / 10} valgt av modellen, ${k / 10} trukket tilfeldig`);
  await expect(page.getByRole('img', { name: /Gevinstkurve/ })).toBeVisible();
  await expect(page.getByTestId('planner-list').locator('tbody tr')).toHaveCount(50);
});
