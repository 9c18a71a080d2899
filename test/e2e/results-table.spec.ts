import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The results table after the demo sample is scored: search by id, sort by risk and by any
 * column, filter by a reason, by keyboard alone; axe; and at 1024 and 1366 px in every
 * language no element runs past its box and no chart text shows below 12 px.
 */
test.use({ locale: 'en-GB' });

const demo = readFileSync('public/demo/demo-sample.csv', 'utf8').trim().split(/\r?\n/);
const demoIds = demo.slice(1).map((line) => line.split(',')[0]);
const shots = process.env.E2E_SHOTS;

async function loadDemo(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Load the demo sample' })).toBeEnabled();
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByRole('grid')).toBeVisible();
}

const grid = (page: Page): Locator => page.getByRole('grid');
const bodyRows = (page: Page): Locator => grid(page).locator('tbody tr:not(.spacer)');

/** The ids and probabilities of the rows drawn now, top to bottom. */
async function drawnRows(page: Page): Promise<{ id: string; p: number; reasons: string }[]> {
  return bodyRows(page).evaluateAll((rows) =>
    rows.map((tr) => {
      const cells = tr.querySelectorAll('td');
      return { id: cells[1].textContent ?? '', p: Number(cells[2].getAttribute('data-probability')), reasons: tr.querySelector('.reasons')?.textContent ?? '' };
    }),
  );
}

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('after scoring the panels fold away, a search finds an id (exact first, then by prefix) and opens it', async ({ page }) => {
  await loadDemo(page);
  const toggle = page.getByRole('button', { name: 'Show extract and model' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Load the demo sample' })).toBeHidden();
  await expect(page.locator('#model-heading')).toBeHidden();
  await toggle.click();
  await expect(page.locator('#model-heading')).toBeVisible();
  await page.getByRole('button', { name: 'Hide extract and model' }).click();
  await expect(page.locator('#model-heading')).toBeHidden();

  const id = demoIds[137];
  await page.getByLabel('Search by ID').fill(id.toLowerCase());
  await expect(page.getByTestId('table-count')).toHaveAttribute('data-shown', '1');
  await expect(page.getByTestId('table-count')).toContainText(`1 of ${(demoIds.length).toLocaleString('en-GB')}`);
  expect((await drawnRows(page)).map((r) => r.id)).toEqual([id]);

  const prefix = id.slice(0, 4);
  await page.getByLabel('Search by ID').fill(prefix);
  const expected = demoIds.filter((x) => x.toLowerCase().startsWith(prefix.toLowerCase())).length;
  await expect(page.getByTestId('table-count')).toHaveAttribute('data-shown', String(expected));
  for (const row of await drawnRows(page)) expect(row.id.startsWith(prefix)).toBe(true);

  await page.getByLabel('Search by ID').fill(id);
  await page.getByLabel('Search by ID').press('Enter');
  await expect(page.locator('#record-heading')).toBeVisible();
  await expect(bodyRows(page).first()).toHaveAttribute('aria-selected', 'true');
});

test('sorting by risk orders the rows by the probabilities shown, both ways; any feature sorts with a column of its own', async ({ page }) => {
  await loadDemo(page);
  const riskHeader = grid(page).locator('th', { hasText: 'Risk' });
  await riskHeader.getByRole('button').click();
  await expect(riskHeader).toHaveAttribute('aria-sort', 'descending');
  let rows = await drawnRows(page);
  expect(rows.length).toBeGreaterThan(5);
  for (let i = 1; i < rows.length; i++) expect(rows[i].p).toBeLessThanOrEqual(rows[i - 1].p);
  await expect(bodyRows(page).first().locator('td').first()).toHaveText('1');

  await riskHeader.getByRole('button').click();
  await expect(riskHeader).toHaveAttribute('aria-sort', 'ascending');
  rows = await drawnRows(page);
  for (let i = 1; i < rows.length; i++) expect(rows[i].p).toBeGreaterThanOrEqual(rows[i - 1].p);

  // A feature: its values become a column, in order.
  await page.getByLabel('Sort by').selectOption({ label: await page.getByLabel('Sort by').locator('option').nth(5).innerText() });
  const sortedHeader = grid(page).locator('th[aria-sort="ascending"]');
  await expect(sortedHeader).toHaveCount(1);
  await expect(grid(page).locator('thead th')).toHaveCount(7);
});

test('filtering by a reason keeps only rows that have it among their top reasons', async ({ page }) => {
  await loadDemo(page);
  // Every row explained: no reason cell waits any more.
  await expect(grid(page).locator('td.reasons', { hasText: '…' })).toHaveCount(0);
  const reason = (await drawnRows(page))[0].reasons.split(' · ')[0];
  await page.getByLabel('Has reason').selectOption({ label: reason });
  const count = page.getByTestId('table-count');
  await expect(count).not.toContainText('not explained');
  const shown = Number(await count.getAttribute('data-shown'));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(demoIds.length);
  for (const row of await drawnRows(page)) expect(row.reasons.split(' · ')).toContain(reason);
  // …down to the last row.
  await grid(page).focus();
  await page.keyboard.press('End');
  for (const row of await drawnRows(page)) expect(row.reasons.split(' · ')).toContain(reason);

  // With a status filter on top, and cleared again.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Rejected' });
  await expect(count).toHaveAttribute('data-shown', '0');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(count).toHaveAttribute('data-shown', String(demoIds.length));

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('search and sort work by keyboard alone, and a tab switch brings its panel into view', async ({ page }) => {
  await loadDemo(page);
  const id = demoIds[42];
  await tabTo(page, page.getByLabel('Search by ID'));
  await page.keyboard.type(id);
  await page.keyboard.press('Enter');
  await expect(page.locator('#record-heading')).toBeVisible();
  await expect(bodyRows(page).first().locator('td').nth(1)).toHaveText(id);

  await page.getByLabel('Search by ID').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  const riskButton = grid(page).locator('th', { hasText: 'Risk' }).getByRole('button');
  await tabTo(page, riskButton);
  await page.keyboard.press('Enter');
  await expect(grid(page).locator('th', { hasText: 'Risk' })).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Enter');
  await expect(grid(page).locator('th', { hasText: 'Risk' })).toHaveAttribute('aria-sort', 'ascending');

  // The tab switch from the foot of the page brings the tab row and its panel into view.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('#tab-explain').click();
  const top = await page.getByRole('tablist').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(-1);
  expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight / 2));
});

/**
 * Elements in the main content whose content runs past their box: HTML elements with visible,
 * hidden or clipped overflow whose scrollWidth exceeds their clientWidth (scrolling boxes and
 * ellipsis cells are made for it), and the page itself wider than the window.
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`page ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      // Screen-reader-only text is clipped to one pixel on purpose.
      if (el.clientWidth <= 1 || style.clipPath !== 'none' || style.clip !== 'auto') continue;
      if (!['visible', 'hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis' || style.display === 'inline') continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
}

/** Chart text drawn smaller than 12 px on screen: SVG text scaled by its viewBox, canvas text by its drawn width. */
async function smallChartText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('main svg[viewBox]')) {
      if (svg.getClientRects().length === 0) continue;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        const px = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (px < 11.9) out.push(`svg text "${text.textContent?.slice(0, 20)}" ${px.toFixed(1)} px`);
      }
    }
    for (const wrap of document.querySelectorAll<HTMLElement>('main [data-font-size]')) {
      const canvas = wrap.querySelector('canvas');
      if (!canvas || wrap.getClientRects().length === 0) continue;
      const px = (Number(wrap.dataset.fontSize) * wrap.clientWidth) / (canvas.width / devicePixelRatio);
      if (px < 11.9) out.push(`canvas text ${px.toFixed(1)} px`);
    }
    return out;
  });
}

test('at 1024 × 700 and 1366 × 768, in every language, nothing runs past its box and chart text is 12 px or more', async ({ page }) => {
  test.setTimeout(240_000);
  if (shots) mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await loadDemo(page);
  await expect(grid(page).locator('td.reasons', { hasText: '…' })).toHaveCount(0);
  await bodyRows(page).nth(1).click();
  await expect(page.locator('#record-heading')).toBeVisible();
  for (const [width, height] of [
    [1024, 700],
    [1366, 768],
  ]) {
    await page.setViewportSize({ width, height });
    for (const language of ['nb', 'nn', 'en']) {
      await page.locator('#language').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      for (const tab of ['results', 'explain']) {
        await page.locator(`#tab-${tab}`).click();
        await expect(page.locator(`#tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
        if (tab === 'explain') await expect(page.getByTestId('explain-status')).toHaveAttribute('data-state', 'done');
        await page.waitForTimeout(200);
        const where = `${width}×${height} ${language} ${tab}`;
        expect.soft(await overflowing(page), `overflow at ${where}`).toEqual([]);
        expect.soft(await smallChartText(page), `chart text at ${where}`).toEqual([]);
        if (shots) await page.screenshot({ path: join(shots, `table-${width}x${height}-${language}-${tab}.png`), fullPage: true });
      }
    }
  }
});
