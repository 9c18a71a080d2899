import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download } from '@playwright/test';

/**
 * Many models (issue 16): the deduction model in use against its bundled challenger, the
 * pre-filing variant, on the deduction demo sample — the sentence, the figures, each model's
 * reasons for a row that enters the list, and a list whose manifest records the challenger.
 */
const shots = process.env.E2E_SHOTS ?? '';
test.use({ locale: 'en-GB', ...(shots ? { viewport: { width: 1280, height: 3400 } } : {}) });

const index = JSON.parse(readFileSync('public/model/index.json', 'utf8')) as { models: { id: string; file: string; sha256: string }[] };
const challenger = index.models.find((m) => m.id === 'deduction-risk-prefiling')!;

test('an analyst compares the deduction model with its pre-filing variant on the demo sample and reads the sentence', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('tab', { name: 'Compare models' }).click();
  await page.locator('#challenger-pick').selectOption('deduction-risk-prefiling');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  // 25 % of the 2,000 returns: the capacity the planner starts from.
  const sentence = page.getByTestId('compare-sentence');
  await expect(sentence).toHaveText(/^Checking 500 tax returns, the challenger finds \d+ (fewer|more) incorrect deductions \(95 % interval \d+–\d+\); \d+ of 500 are swapped\.$/, { timeout: 60_000 });
  const text = (await sentence.textContent()) ?? '';
  const swapped = Number(/; (\d+) of 500 are swapped/.exec(text)![1]);
  await expect(page.getByTestId('compare-overlap')).toHaveText(`${500 - swapped} of 500; ${swapped} swapped`);
  const rho = Number(await page.getByTestId('compare-spearman').textContent());
  expect(rho).toBeGreaterThan(0.3);
  expect(rho).toBeLessThan(1);
  await expect(page.getByTestId('compare-auc')).toHaveText(/^0\.\d{3} → 0\.\d{3}; difference [−-]0\.\d{3} \(95 % interval [−-]0\.\d{3} to [−-]?0\.\d{3}, DeLong\)$/);
  await expect(page.getByTestId('compare-gains')).toBeVisible();

  // Why a row enters: each model's reasons side by side.
  await page.getByTestId('compare-entering').getByRole('button').first().click();
  const reasons = page.getByTestId('compare-reasons');
  await expect(reasons).toContainText('deduction-risk 1.0.0');
  await expect(reasons).toContainText('deduction-risk-prefiling');
  await expect(reasons.locator('ol').first().locator('li')).not.toHaveCount(0, { timeout: 60_000 });

  const { violations } = await new AxeBuilder({ page }).include('[data-testid="compare-view"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  if (shots) await page.getByTestId('compare-view').screenshot({ path: `${shots}/app-compare.png` });

  // The list made now names its model in every row and records the challenger in the manifest.
  await page.getByRole('tab', { name: 'Control list' }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: /^Download list and audit file/ }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const manifest = JSON.parse(readFileSync((await downloads[1].path())!, 'utf8'));
  expect(manifest.comparison.challenger).toEqual({ id: 'deduction-risk-prefiling', version: expect.any(String), sha256: challenger.sha256 });
  expect(manifest.comparison.capacity).toBe(500);
  expect(manifest.comparison.overlap_at_capacity).toBe(500 - swapped);
  expect(createHash('sha256').update(readFileSync(`public/${challenger.file}`)).digest('hex')).toBe(challenger.sha256);
  const csv = readFileSync((await downloads[0].path())!, 'utf8');
  const header = csv.replace(/^\ufeff/, '').split(/\r\n/)[0].split(/[;,]/);
  expect(header).toContain('chosen_by');
});
