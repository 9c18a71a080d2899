import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support/trust';

/** Text that would show a message key instead of a sentence ('tabs.results', 'intake.preview.heading'). */
const RAW_KEY = /\b(app|intake|tabs|progress|trust|privacy|planner|evaluation|explain|record|model|table|chart|waterfall|gains|value)\.[a-z_]+(\.[a-z_]+)*\b/;

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

test('switching language changes every string at once, and numbers follow the locale through Intl', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  const summary = page.getByTestId('run-summary');
  // Norwegian: a no-break space groups thousands, a comma marks decimals (Intl, nb-NO).
  await expect(summary).toHaveText(/^2\u00a0000 rader lest: 2\u00a0000 scoret, 0 avvist, på \d+(,\d)?\ssek\.$/);
  // Scoring folds the intake and model panels away; the model's figures are read there.
  await page.getByRole('button', { name: 'Vis uttrekk og modell' }).click();
  await expect(page.getByRole('tab', { name: 'Rangering' })).toBeVisible();
  await expect(page.getByText(/ROC AUC 0,\d{3} · PR AUC 0,\d{3}/)).toBeVisible();
  expect(await visibleText(page)).not.toMatch(RAW_KEY);

  await page.getByLabel('Språk').selectOption('nn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(summary).toHaveText(/^2\u00a0000 rader lesne: 2\u00a0000 skåra, 0 avviste, på \d+(,\d)?\ssek\.$/);
  await expect(page.getByRole('heading', { name: 'Last inn eit uttrekk' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Forklaringar' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Personvern: dataa blir på denne maskina$/ })).toBeVisible();
  expect(await visibleText(page)).not.toMatch(RAW_KEY);

  await page.getByLabel('Språk').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/\S/);
  // English: a comma groups thousands, a point marks decimals.
  await expect(summary).toHaveText(/^2,000 rows read: 2,000 scored, 0 rejected, in \d+(\.\d)?\ssecs?\.$/);
  await expect(page.getByText(/ROC AUC 0\.\d{3} · PR AUC 0\.\d{3}/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Load an extract' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Ranking' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Explanations' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Privacy: your data stays on this machine' })).toBeVisible();
  await expect(page.getByLabel('Language')).toBeVisible();
  const english = await visibleText(page);
  expect(english).not.toMatch(RAW_KEY);
  // No Norwegian sentence is left behind.
  for (const word of ['Last inn', 'Rangering', 'Forklaringer', 'Personvern', 'rader lest', 'selvangivelse']) expect(english).not.toContain(word);
});
