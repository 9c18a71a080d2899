import { readFileSync } from 'node:fs';
import { expect, test, type Request } from '@playwright/test';
import { nationalIdChecksumOk, looksLikeNationalId } from '../../src/lib/core/csv/nationalId';
import { builtFiles, confirmAndWaitForScores, demoCsv, distDir, openApp, syntheticNationalIds } from './support/trust';

/**
 * The canary: a file carrying a marker string and synthetic national ids goes through the
 * whole app (score, explain, open a record, export), while every request of the page, its
 * workers and the service worker is recorded. Nothing from the file may leave the tab or be
 * written anywhere the browser keeps.
 */
const MARKER = 'KANARI7e3b1fLEKKASJE';
const ROWS = 300;

function canaryCsv(ids: string[]): string {
  const [header, ...lines] = demoCsv().trim().split(/\r?\n/);
  const cells = header.split(',');
  const idColumn = cells.indexOf('skattyter_id');
  cells[idColumn] = 'fodselsnummer';
  const out = [[...cells, 'merknad'].join(',')];
  lines.slice(0, ROWS).forEach((line, i) => {
    const row = line.split(',');
    row[idColumn] = ids[i];
    out.push([...row, `${MARKER}-${i}`].join(','));
  });
  return out.join('\n') + '\n';
}

interface Seen {
  url: string;
  method: string;
  body: string;
  fromServiceWorker: boolean;
}

test('a file with a canary and national ids is scored, explained and exported without a byte leaving the tab', async ({ page, context, baseURL }) => {
  const ids = syntheticNationalIds(ROWS);
  expect(ids.every((id) => looksLikeNationalId(id) && nationalIdChecksumOk(id))).toBe(true);
  const csv = canaryCsv(ids);

  const seen: Seen[] = [];
  const record = (r: Request): void => {
    seen.push({ url: r.url(), method: r.method(), body: r.postDataBuffer()?.toString('latin1') ?? '', fromServiceWorker: r.serviceWorker() !== null });
  };
  context.on('request', record);
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  page.on('pageerror', (e) => consoleLines.push(String(e)));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await openApp(page);
  await expect(page.getByTestId('request-count')).toHaveAttribute('data-elsewhere', '0');

  const beforeFile = seen.length;
  await page.locator('#file-input').setInputFiles({ name: `${MARKER}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await confirmAndWaitForScores(page);
  await expect(page.getByTestId('run-summary')).toContainText(`${ROWS} rader lest`);
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();

  // National ids are masked: the table shows the last two digits only.
  const tableHtml = await grid.innerHTML();
  expect(tableHtml).toContain('•••••••••');
  for (const id of ids) expect(tableHtml).not.toContain(id);

  await page.locator('#tab-explain').click();
  await expect(page.getByTestId('explain-status').getByText(/Eksakte forklaringer \(TreeSHAP\) for alle 300 rader/)).toBeVisible();

  await page.locator('#tab-results').click();
  await grid.locator('tbody tr[aria-rowindex="2"]').click();
  await expect(page.locator('#record-heading')).toBeVisible();
  await expect(page.locator('#record-heading')).toContainText('•••••••••');

  await page.locator('#tab-planner').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^(Last ned liste|Download list)/ }).click();
  const list = readFileSync((await (await download).path())!, 'utf8');
  // The exported list masks the national ids unless asked otherwise.
  for (const id of ids) expect(list).not.toContain(id);

  // Nothing on screen shows an unmasked id.
  const html = await page.content();
  for (const id of ids) expect(html).not.toContain(id);

  // Every request was a same-origin GET of a file of the build, carrying nothing from the file.
  const origin = new URL(baseURL!).origin;
  const files = builtFiles();
  expect(seen.length).toBeGreaterThan(0);
  for (const r of seen) {
    const leak = `${r.url} ${r.body}`;
    expect(leak, r.url).not.toContain(MARKER);
    for (const id of ids.slice(0, 20)) expect(leak, r.url).not.toContain(id);
    if (r.url.startsWith('blob:') || r.url.startsWith('data:')) continue;
    const url = new URL(r.url);
    expect(url.origin, r.url).toBe(origin);
    expect(r.method, r.url).toBe('GET');
    expect(r.body, r.url).toBe('');
    const path = url.pathname.replace(/^\//, '');
    expect(path === '' || files.has(path), `${r.url} is a file of ${distDir}`).toBe(true);
  }

  // The panel counts the page's requests since the file was loaded (as the browser's Resource
  // Timing saw them), the same number the test saw, none of them elsewhere.
  const pageRequestsSinceFile = seen.slice(beforeFile).filter((r) => !r.fromServiceWorker && r.url.startsWith('http')).length;
  await expect(page.getByTestId('request-count')).toHaveAttribute('data-count', String(pageRequestsSinceFile));
  expect(pageRequestsSinceFile).toBe(0);
  // Nor did any worker or the service worker fetch anything once the file was there: not a font, not a file of the build.
  expect(seen.slice(beforeFile).filter((r) => r.url.startsWith('http')).map((r) => r.url)).toEqual([]);
  await expect(page.getByTestId('request-count')).toHaveAttribute('data-elsewhere', '0');
  await expect(page.getByTestId('request-count')).toContainText('siden fila ble lastet');

  // Nothing was written anywhere the browser keeps, beyond the app's own files in its cache.
  const kept = await page.evaluate(async () => {
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cached.push(request.url);
    }
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return {
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      databases: databases.map((d) => d.name ?? ''),
      cached,
      csp: (window as unknown as { cspViolations: string[] }).cspViolations,
    };
  });
  expect(kept.local).toBe('{}');
  expect(kept.session).toBe('{}');
  expect(kept.cookie).toBe('');
  expect(kept.databases).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  for (const url of kept.cached) {
    expect(url).not.toContain(MARKER);
    const path = new URL(url).pathname.replace(/^\//, '');
    expect(path === '' || files.has(path), `${url} in Cache Storage is a file of the build`).toBe(true);
  }

  // Under the strict policy nothing was refused, and the console never saw the file.
  expect(kept.csp).toEqual([]);
  for (const line of consoleLines) {
    expect(line).not.toContain(MARKER);
    expect(line).not.toMatch(/Content Security Policy|Refused to/);
    for (const id of ids.slice(0, 20)) expect(line).not.toContain(id);
  }
});

test('the built page carries the strict Content-Security-Policy as a meta tag any static host serves', async () => {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(meta).not.toBeNull();
  const directives = new Map(meta![1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('connect-src')).toBe("'self'");
  expect(directives.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
  expect(directives.get('object-src')).toBe("'none'");
  expect(directives.get('form-action')).toBe("'none'");
  expect(meta![1]).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
  // The meta must come before any script, or the scripts before it run unguarded.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});
