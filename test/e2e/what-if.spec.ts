import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * What-if in the record view, by keyboard alone: a reviewer opens the top record, changes a
 * claimed amount and reads the new risk, which is onnxruntime's score for the edited row
 * (computed here independently, by Python's onnxruntime on the same model file and the demo
 * CSV read with pandas); the pre-filled values give that row's score too; reset brings the
 * file's values back; the file's risk never changes; axe finds nothing.
 */
test.use({ locale: 'en-GB' });

const MODEL = 'public/model/deduction-risk.onnx';
const DEMO = 'public/demo/demo-sample.csv';
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function oracle(id: string, edits: Record<string, number | string>): number {
  return Number(execFileSync('python3', ['test/e2e/what_if_score.py', MODEL, DEMO, id, JSON.stringify(edits)], { encoding: 'utf8' }));
}

/** "12.3%" (en-GB) as a share. */
function share(text: string): number {
  return Number(text.replace('%', '').trim()) / 100;
}

async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function expectNoViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include('.record').withTags(WCAG21_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a value changed by keyboard gives the risk onnxruntime gives the edited row; pre-filled values and reset work; axe is clean', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();

  const top = page.locator('tbody tr[aria-rowindex="2"]');
  const id = ((await top.locator('td').nth(1).textContent()) ?? '').trim();
  const fileRisk = ((await top.locator('td').nth(2).textContent()) ?? '').trim();

  // Open the top record from the grid with Enter.
  const grid = page.getByRole('grid');
  await grid.focus();
  await expect(grid).toHaveAttribute('aria-activedescendant', 'result-row-0');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(id) });
  await expect(heading).toBeFocused();
  const record = page.locator('.record');
  await expect(page.getByTestId('file-mean')).toContainText(/\d%/);
  await expect(record.getByText("The model's starting point (base value)").first()).toBeAttached();

  // Open the what-if with the keyboard.
  const summary = page.getByTestId('what-if').locator('summary');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  const claimed = page.getByLabel('Union dues, claimed (NOK)');
  await expect(claimed).toBeVisible();
  await expectNoViolations(page);

  // Type an amount the way an English reader writes it.
  await tabTo(page, claimed);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('12,000');
  const risk = page.getByTestId('whatif-risk');
  await expect(risk).toBeVisible();
  await expect(page.getByTestId('whatif-changes')).toContainText('Union dues, claimed');
  const expected = oracle(id, { fagforening_krevd: 12000 });
  // Shown with one decimal of a percent: within half of 0.1 percentage point.
  expect(Math.abs(share((await risk.textContent()) ?? '') - expected)).toBeLessThanOrEqual(0.0005 + 1e-9);
  await expect(page.getByTestId('whatif-waterfall-note')).toBeVisible();
  // The file's risk in the list is unchanged.
  await expect(top.locator('td').nth(2)).toHaveText(fileRisk);

  // Text that is not a number is kept, with the catalogue's sentence beside it.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('twelve');
  await expect(claimed).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('whatif-error')).toHaveText('Enter a number, for example 12,500 or 12.5.');
  await expectNoViolations(page);

  // Reset, by keyboard: the file's values and no edited risk.
  const reset = page.getByRole('button', { name: 'Reset' });
  await tabTo(page, reset);
  await page.keyboard.press('Enter');
  await expect(risk).toHaveCount(0);
  await expect(page.getByTestId('whatif-error')).toHaveCount(0);
  await expect(page.getByText('No changes yet.')).toBeVisible();
  await expect(claimed).not.toHaveValue('twelve');

  // The pre-filled values, where this row's claims differ from them.
  const prefilled = page.getByRole('button', { name: 'Use the pre-filled values' });
  if (await prefilled.isEnabled()) {
    await tabTo(page, prefilled, 400);
    await page.keyboard.press('Enter');
    await expect(risk).toBeVisible();
    const fromPrefilled = oracle(id, {
      fagforening_krevd: '=fagforening_forhandsutfylt',
      gaver_krevd: '=gaver_forhandsutfylt',
      foreldrefradrag_krevd: '=foreldrefradrag_forhandsutfylt',
      renter_krevd: '=renter_forhandsutfylt',
    });
    expect(Math.abs(share((await risk.textContent()) ?? '') - fromPrefilled)).toBeLessThanOrEqual(0.0005 + 1e-9);
    await expect(prefilled).toBeDisabled();
  }
  await page.screenshot({ path: 'test-results/what-if.png', fullPage: true });
});
