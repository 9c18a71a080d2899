import { expect, test, type Locator, type Page } from '@playwright/test';
import { confirmAndWaitForScores, demoCsv, openApp } from './support/trust';

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const isFocused = (l: Locator): Promise<boolean> => l.evaluate((el) => el === document.activeElement);

test('the whole flow works by keyboard alone, and progress and completion are announced', async ({ page }) => {
  test.setTimeout(120_000);
  // Everything the live regions say, in order, as a screen reader would hear it.
  await page.addInitScript(() => {
    const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="alert"]')) {
        const text = region.textContent?.trim() ?? '';
        if (text && heard[heard.length - 1] !== text) heard.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await openApp(page);

  // Choose a file: the button opens the browser's file chooser from the keyboard. Waiting
  // starts before tabbing: Playwright turns on the interception of choosers asynchronously
  // when the wait begins, and an Enter that beats it opens an unseen native chooser instead
  // (puppeteer/puppeteer#6040).
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByRole('button', { name: 'Velg fil …' }));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'demo.csv', mimeType: 'text/csv', buffer: Buffer.from(demoCsv()) });
  await confirmAndWaitForScores(page, 'keyboard');

  // Progress and completion are announced in a polite live region (Intl puts a no-break space in 2 000).
  const status = page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'rader lest' });
  await expect(status).toHaveText(/^2\s000 rader lest: 2\s000 scoret, 0 avvist, på [\d,]+\ssek\./);
  // …and so is the end of the background explanations.
  await expect(status).toContainText(/Eksakte forklaringer \(TreeSHAP\) for alle 2\s000 rader/);
  const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard);
  expect(heard.some((text) => text.startsWith('Leser og scorer demo.csv'))).toBe(true);

  // Move through the results with the arrow keys, open a record with Enter.
  const grid = page.getByRole('grid');
  await tabTo(page, grid);
  await expect(grid).toHaveAttribute('aria-activedescendant', 'result-row-0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'result-row-2');
  await expect(page.locator('#result-row-2')).toHaveAttribute('aria-rowindex', '4');
  await page.keyboard.press('Enter');
  await expect(page.locator('#record-heading')).toBeVisible();
  await expect(page.locator('#result-row-2')).toHaveAttribute('aria-selected', 'true');

  // Tabs answer to the arrow keys.
  await tabTo(page, page.locator('#tab-results'));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#tab-explain')).toHaveAttribute('aria-selected', 'true');
  expect(await isFocused(page.locator('#tab-explain'))).toBe(true);

  // Change the capacity and export, still by keyboard.
  const planner = page.locator('#tab-planner');
  await expect(planner).toHaveCount(1);
  while (!(await isFocused(planner))) await page.keyboard.press('ArrowRight');
  await expect(planner).toHaveAttribute('aria-selected', 'true');
  const count = page.locator('#planner-count');
  await tabTo(page, count);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(count).toHaveValue('100');
  const exportButton = page.getByRole('button', { name: /^(Last ned liste|Download list)/ });
  await expect(exportButton).toBeEnabled();
  await tabTo(page, exportButton);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test('every chart has a text alternative: a name and description, or a table beside it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('grid').locator('tbody tr[aria-rowindex="2"]').click();
  await expect(page.locator('#record-heading')).toBeVisible();

  const unnamed = async (): Promise<string[]> =>
    page.locator('svg').evaluateAll((svgs) =>
      svgs
        .filter((svg) => svg.closest('[aria-hidden="true"]') === null)
        .filter((svg) => {
          const role = svg.getAttribute('role');
          const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
          const labelled = ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
          const name = (svg.getAttribute('aria-label') ?? '') + labelled + (svg.querySelector(':scope > title')?.textContent ?? '');
          return !(role === 'img' || role === 'group' || role === 'graphics-document') || name.trim().length < 10;
        })
        .map((svg) => svg.outerHTML.slice(0, 120)),
    );

  const tabs = ['#tab-results', '#tab-explain', '#tab-planner', '#tab-evaluation'];
  let charts = 0;
  for (const tab of tabs) {
    await expect(page.locator(tab), `tab ${tab} exists`).toHaveCount(1);
    await page.locator(tab).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await page.waitForTimeout(300);
    charts += await page.locator('svg[role="img"], svg[role="group"]').count();
    expect(await unnamed(), `charts without a text alternative under ${tab}`).toEqual([]);
  }
  expect(charts).toBeGreaterThan(2);
});
