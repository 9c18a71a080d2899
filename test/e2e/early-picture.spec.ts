import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * A big file shows what drives the model while it is still being read and scored: the early
 * picture (the early order of src/lib/worker/scheduler.ts). Its mean |SHAP| must be LightGBM's own pred_contrib
 * over the very rows the app says it sampled (test/e2e/early_importance.py), and it gives way
 * to the run summary once every row is scored.
 */
test('a 300,000-row file shows an early importance chart while it is scored, and it is LightGBM’s', async ({ page }) => {
  test.setTimeout(120_000);
  const rows = 300_000;
  const file = join(mkdtempSync(join(tmpdir(), 'early-')), 'returns.csv');
  execFileSync('python3', ['models/generate.py', '--rows', String(rows), '--seed', '12', '--out', file]);

  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  await page.locator('#file-input').setInputFiles(file);
  await page.getByRole('button', { name: 'Score filen' }).click();

  // The picture lasts only while the file is scored (a few seconds here): read it in one go.
  const seen = await page.waitForFunction(
    () => {
      const early = document.querySelector('[data-testid="early-picture"]');
      if (!early) return null;
      return {
        heading: early.querySelector('h2')?.textContent ?? '',
        read: Number(early.getAttribute('data-read')),
        sampled: Number(early.getAttribute('data-sampled')),
        bars: [...early.querySelectorAll('svg [role="img"]')].map((bar) => bar.getAttribute('aria-label') ?? ''),
        shown: [...early.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-feature')!, Number(tr.getAttribute('data-importance'))] as const),
      };
    },
    null,
    { timeout: 30_000 },
  );
  const { heading, read, sampled, bars, shown } = (await seen.jsonValue())!;
  expect(heading).toBe('Tidlig bilde mens fila leses');
  expect(read).toBeGreaterThan(0);
  expect(read).toBeLessThan(rows);
  expect(sampled).toBe(Math.min(1000, read));
  expect(bars).toHaveLength(10);
  for (const bar of bars) expect(bar).toMatch(/^.+: \d+,\d{3}$/);

  const oracle = JSON.parse(execFileSync('python3', ['test/e2e/early_importance.py', file, String(read), String(sampled)], { encoding: 'utf8' })) as Record<string, number>;
  expect(shown.map(([name]) => name).sort()).toEqual(Object.keys(oracle).sort());
  for (const [name, value] of shown) expect(Math.abs(value - oracle[name]), name).toBeLessThan(1e-5);
  // Largest first, as the chart draws them.
  for (let i = 1; i < shown.length; i++) expect(shown[i - 1][1]).toBeGreaterThanOrEqual(shown[i][1]);

  await expect(page.getByTestId('run-summary')).toContainText(`${rows.toLocaleString('nb-NO')} rader lest`, { timeout: 60_000 });
  await expect(page.getByTestId('early-picture')).toHaveCount(0);
});
