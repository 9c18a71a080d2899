import { expect, test } from '@playwright/test';
import { builtFiles, openApp } from './support/trust';

const demoRows = 2000;

test('after one visit the app starts and scores the demo sample with the network cut', async ({ page, context }) => {
  await openApp(page);
  // The service worker has cached the build and controls the page (clients.claim on activate).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  const fromCache: string[] = [];
  const fromNetwork: string[] = [];
  page.on('response', (r) => (r.fromServiceWorker() ? fromCache : fromNetwork).push(new URL(r.url()).pathname));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Last inn demoutvalget' })).toBeEnabled();
  await page.getByRole('button', { name: 'Last inn demoutvalget' }).click();
  await expect(page.getByTestId('run-summary')).toContainText(`${demoRows.toLocaleString('nb-NO')} rader lest`);
  await expect(page.getByRole('grid').locator('tbody tr[aria-rowindex="2"] td').first()).toHaveText('1');

  // The engine, the model and the sample all came out of the offline copy.
  expect(fromNetwork).toEqual([]);
  expect(fromCache.some((p) => p.endsWith('.wasm'))).toBe(true);
  expect(fromCache).toContain('/model/deduction-risk.onnx');
  expect(fromCache).toContain('/demo/demo-sample.csv');
  await context.setOffline(false);
});

test('the offline copy is one versioned cache holding every file of the build and nothing else', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const caches = await page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const name of await self.caches.keys()) out[name] = (await (await self.caches.open(name)).keys()).length;
    return out;
  });
  const names = Object.keys(caches);
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^fradragsrisiko-[0-9a-f]{16}$/);
  // Every built file but sw.js itself, plus the scope URL './' for the start page.
  expect(caches[names[0]]).toBe(builtFiles().size);
});
