import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support/trust';

/**
 * axe-core finds no WCAG 2.1 A/AA violation in any main state of the app, the capacity
 * planner and the evaluation view included: a missing tab fails the test.
 */
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG21_AA).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`).join('\n')}`);
  expect.soft(found, `axe violations in state "${state}"`).toEqual([]);
}

test('every main state of the app passes axe for WCAG 2.1 A and AA', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await expectNoViolations(page, 'start');

  await page.locator('details summary').first().click();
  await expectNoViolations(page, 'model card expanded');

  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await expect(page.getByRole('grid')).toBeVisible();
  await expectNoViolations(page, 'file loaded: ranking');

  await page.getByRole('grid').locator('tbody tr[aria-rowindex="2"]').click();
  await expect(page.locator('#record-heading')).toBeVisible();
  await expectNoViolations(page, 'record explanation');

  await page.locator('#tab-explain').click();
  await expect(page.getByTestId('explain-status').getByText(/Eksakte forklaringer \(TreeSHAP\)/)).toBeVisible();
  await expectNoViolations(page, 'explanations tab');

  for (const [id, state] of [
    ['#tab-planner', 'capacity planner tab'],
    ['#tab-evaluation', 'evaluation tab'],
    ['#tab-fairness', 'fairness tab'],
  ] as const) {
    await expect(page.locator(id), `the ${state} exists`).toHaveCount(1);
    await page.locator(id).click();
    await expect(page.locator(id)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectNoViolations(page, state);
  }

  await page.getByLabel(/Språk/).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoViolations(page, 'in English');
});
