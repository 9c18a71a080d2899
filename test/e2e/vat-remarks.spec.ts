import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';

/**
 * The VAT remarks model (issue 21): a caseworker picks it, scores its demo sample, and the
 * browser's scores are onnxruntime's in Python (test/fixtures/vat/oracle.json, models/build_vat.py)
 * within 1e-6; the top record shows its remark word by word, the strongest word marked, and a
 * reason quoting it; the what-if scores an edited remark.
 */
const shots = process.env.E2E_SHOTS ?? '';
test.use({ locale: 'en-GB', ...(shots ? { viewport: { width: 1280, height: 2400 } } : {}) });

interface Oracle {
  ids: string[];
  probabilities: number[];
  explained: { id: string; words: { word: number; contribution: number }[] }[];
}
const oracle = JSON.parse(readFileSync('test/fixtures/vat/oracle.json', 'utf8')) as Oracle;
const demo = Papa.parse<Record<string, string>>(readFileSync('public/demo/vat-remarks-sample.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const probability = new Map(oracle.ids.map((id, i) => [id, oracle.probabilities[i]]));

test('a caseworker scores the VAT demo sample with the remarks model and reads why the top return was picked, word by word', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#model-picker')).toBeEnabled();
  await page.locator('#model-picker').selectOption('vat-remarks');
  await expect(page.getByTestId('model-source')).toContainText('vat-remarks.onnx');
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByTestId('run-summary')).toContainText('3,000');

  // The ranked table's first rows: the exact probability behind each shown percentage.
  for (let i = 0; i < 12; i++) {
    const cells = page.locator(`tbody tr[aria-rowindex="${i + 2}"] td`);
    const id = (await cells.nth(1).textContent()) ?? '';
    const p = Number(await cells.nth(2).getAttribute('data-probability'));
    expect(probability.has(id), id).toBe(true);
    expect(Math.abs(p - probability.get(id)!), id).toBeLessThanOrEqual(1e-6);
  }
  const top = oracle.explained[0];
  const first = page.locator('tbody tr[aria-rowindex="2"]');
  await expect(first.locator('td').nth(1)).toHaveText(top.id);

  // The strongest word of its remark, as numpy splits the remark's contribution.
  const remark = demo.find((r) => r.mva_melding_id === top.id)!.merknad;
  const strongest = top.words.reduce((a, b) => (b.contribution > a.contribution ? b : a));
  const word = remark.split(/\s+/)[strongest.word];

  await first.click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(top.id) })).toBeFocused();
  const reasons = page.getByTestId('record-reasons');
  await expect(reasons).toContainText(`Remark mentions “${word}”`, { timeout: 30_000 });
  const highlight = page.getByTestId('text-highlight');
  await expect(highlight).toContainText('Remark, word by word');
  const marked = highlight.getByTestId('text-word').filter({ hasText: new RegExp(`^${word}$`) });
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveClass(/up/);
  expect(Math.abs(Number(await marked.getAttribute('data-contribution')) - strongest.contribution)).toBeLessThan(1e-6);
  await expect(highlight.getByTestId('text-absent')).toContainText('What the text does not say');
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="text-highlight"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  if (shots) await page.locator('.record').screenshot({ path: `${shots}/app-vat-record.png` });

  // The what-if reads an edited remark: one that explains a spike scores lower.
  await page.getByTestId('what-if').locator('summary').click();
  await page.getByTestId('what-if').locator('textarea').fill('investering i ny maskin');
  const edited = page.getByTestId('whatif-risk');
  await expect(edited).toBeVisible({ timeout: 30_000 });
  await expect(highlight.getByTestId('text-word').filter({ hasText: /^maskin$/ })).toHaveClass(/down/);
  const shown = Number(((await edited.textContent()) ?? '').replace(/[^\d.]/g, '')) / 100;
  expect(shown).toBeLessThan(oracle.probabilities[oracle.ids.indexOf(top.id)]);
});
