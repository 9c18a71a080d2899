import { expect, test } from '@playwright/test';

/**
 * A reviewer opens one record from the ranking: the record view says why, in plain Norwegian,
 * and the case sheet for the same return opens from there, with the same risk.
 */
test('a reviewer opens the top record, reads its reasons and opens its case sheet', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();

  const top = page.locator('tbody tr[aria-rowindex="2"]');
  const id = (await top.locator('td').nth(1).textContent()) ?? '';
  const risk = (await top.locator('td').nth(2).textContent()) ?? '';
  await top.click();

  await expect(page.getByRole('heading', { level: 2, name: new RegExp(id) })).toBeFocused();
  const reasons = page.getByTestId('record-reasons').locator('li');
  await expect(reasons).toHaveCount(3);
  await expect(reasons.first()).not.toBeEmpty();

  await page.getByRole('button', { name: 'Saksark', exact: true }).click();
  const sheet = page.getByTestId('case-sheet');
  await expect(sheet.getByRole('heading', { name: `Saksark: ${id}` })).toBeVisible();
  await expect(sheet).toContainText(risk);
  await sheet.getByRole('button', { name: 'Lukk saksarket' }).click();
  await expect(sheet).toHaveCount(0);
});
