import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { distDir, openApp } from './support/trust';

/**
 * The policy comes twice: as a <meta> in index.html (any static host) and as the header
 * `vite preview` sends, which docs/DEPLOY.md asks real hosts to send. frame-ancestors only
 * works in the header (a <meta> policy ignores it and the console says so), so the header is
 * the meta policy plus frame-ancestors 'none', and DEPLOY.md shows both exactly.
 */
const FRAME_ANCESTORS = "frame-ancestors 'none'";

function metaPolicy(): string {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta).not.toBeNull();
  return meta![1];
}

test('the preview sends the meta policy plus frame-ancestors as a header, and DEPLOY.md shows exactly that', async ({ page }) => {
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));

  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy'];
  const meta = metaPolicy();
  expect(meta).not.toContain('frame-ancestors');
  expect(header).toBe(`${meta}; ${FRAME_ANCESTORS}`);

  const deploy = readFileSync('docs/DEPLOY.md', 'utf8');
  expect(deploy).toContain(`Content-Security-Policy: ${header}\n`);
  // Every policy the page quotes, for the meta or for a host's configuration, is one of the two.
  const quoted = deploy.match(/default-src [^"\n]+/g) ?? [];
  expect(quoted.length).toBeGreaterThan(1);
  for (const policy of quoted) expect([meta, header]).toContain(policy);

  await openApp(page);
  expect(consoleLines.filter((line) => /frame-ancestors|Content Security Policy/.test(line))).toEqual([]);
});

test('no other page can show the app in a frame', async ({ page, baseURL }) => {
  const refused = page.waitForEvent('console', { predicate: (m) => m.text().includes(FRAME_ANCESTORS), timeout: 15_000 });
  await page.setContent(`<iframe src="${baseURL}"></iframe>`);
  await refused;
  await expect(page.frameLocator('iframe').locator('#app')).toHaveCount(0);
});
