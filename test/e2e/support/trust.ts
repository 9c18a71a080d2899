import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The build folder the end-to-end server serves (playwright.config.ts reads the same variable). */
export const distDir = process.env.E2E_DIST ?? 'dist';

/** Every file of the build, as paths relative to its root ('assets/x.js', 'model/…'). */
export function builtFiles(dir = distDir): Set<string> {
  const files = new Set<string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.add(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files;
}

export const demoCsv = (): string => readFileSync('public/demo/demo-sample.csv', 'utf8');

/** Opens the app and waits until the model card is read (the engine and model are loaded). */
export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('#file-input')).toBeEnabled();
  await expect(page.getByRole('button', { name: /Velg fil|Choose file/ })).toBeEnabled();
}

/**
 * Synthetic national identity numbers in the style of Test Norge (month + 80, so no real
 * person can have one), with both mod-11 control digits computed by the published rule
 * (skatteetaten.no, "Fødselsnummer"): k1 = 11 − (Σ w1·d mod 11), k2 likewise over ten digits
 * with w2; a control digit of 10 is not allowed, 11 becomes 0.
 */
export function syntheticNationalIds(count: number): string[] {
  const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const control = (digits: number[], weights: number[]): number => {
    const k = 11 - (digits.reduce((s, d, i) => s + d * weights[i], 0) % 11);
    return k === 11 ? 0 : k;
  };
  const ids: string[] = [];
  for (let n = 0; ids.length < count; n++) {
    const day = 1 + (n % 28);
    const month = 81 + (Math.floor(n / 28) % 12);
    const year = 50 + (Math.floor(n / 336) % 40);
    const individual = 100 + ((n * 37) % 400);
    const base = `${String(day).padStart(2, '0')}${month}${year}${individual}`.split('').map(Number);
    const k1 = control(base, w1);
    if (k1 === 10) continue;
    const k2 = control([...base, k1], w2);
    if (k2 === 10) continue;
    ids.push([...base, k1, k2].join(''));
  }
  return ids;
}

/**
 * After a file is chosen: the intake may show a preview that asks to go ahead (then this
 * confirms it, with `confirm`, by click or by keyboard); either way it waits for the scores.
 */
export async function confirmAndWaitForScores(page: Page, confirm: 'click' | 'keyboard' = 'click'): Promise<void> {
  const summary = page.getByTestId('run-summary');
  const go = page.getByRole('button', { name: /^(Score filen|Skår fila|Score the file)$/ });
  await expect(summary.or(go).first()).toBeVisible();
  if (await go.isVisible()) {
    if (confirm === 'click') await go.click();
    else {
      await go.focus();
      await page.keyboard.press('Enter');
    }
  }
  await expect(summary).toBeVisible();
}
