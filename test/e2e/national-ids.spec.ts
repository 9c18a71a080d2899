import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { containsNationalId } from '../../src/lib/core/csv/nationalId';
import { demoCsv, syntheticNationalIds } from './support/trust';
import { exportOrder } from './support/export-order';

/**
 * National ids that turn up where the preview could not see them: a notes column that holds
 * ids only in late rows (past the 64 kB the preview reads), and an id typed into a numeric
 * column. Whatever quotes them — the rejected-rows list, the validation report, the exported
 * list — shows them masked, unless the user asks for them in full, and the manifest says which.
 */
const [LATE_A, LATE_B, IN_NUMBER] = syntheticNationalIds(3);

function fileWithLateIds(): Buffer {
  const [header, ...lines] = demoCsv().trim().split(/\r?\n/);
  const age = header.split(',').indexOf('alder');
  const out = [`${header},merknad`];
  lines.forEach((line, i) => {
    const row = line.split(',');
    if (i === 1700) row[age] = `fnr ${IN_NUMBER}`;
    const note = i === 1500 ? `ring fnr ${LATE_A}` : i === 1600 ? `se ${LATE_B.slice(0, 6)} ${LATE_B.slice(6)}` : `notat ${i}`;
    out.push(`${row.join(',')},${note}`);
  });
  return Buffer.from(out.join('\n') + '\n');
}

async function saved(download: Download): Promise<string> {
  return readFileSync((await download.path())!).toString('utf8');
}

async function exportList(page: Page): Promise<{ csv: string; manifest: { export: { national_ids: unknown } } }> {
  const downloads: Download[] = [];
  const listen = (d: Download) => downloads.push(d);
  page.on('download', listen);
  await page.getByRole('button', { name: 'Last ned liste og revisjonsfil' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  downloads.sort(exportOrder);
  page.off('download', listen);
  return { csv: await saved(downloads[0]), manifest: JSON.parse(await saved(downloads[1])) };
}

test('national ids found only late in the file, or typed into a number, are warned about and masked everywhere they are quoted', async ({ page }) => {
  const input = fileWithLateIds();
  expect(input.indexOf(LATE_A)).toBeGreaterThan(65536);
  await page.goto('./');
  await page.locator('#file-input').setInputFiles({ name: 'sene-fnr.csv', mimeType: 'text/csv', buffer: input });
  const preview = page.getByTestId('preview');
  await expect(preview).toBeVisible();
  // The preview cannot know yet: no national-id column is named from the first 64 kB.
  await expect(page.getByTestId('national-id-columns')).toHaveCount(0);
  await page.getByRole('button', { name: 'Score filen' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await expect(page.getByTestId('count-rejected')).toHaveText('1');

  // The whole file was checked as it streamed: the notes column is named, with its first line.
  await expect(page.getByText(/Kolonne 39 \(merknad\) har fødselsnumre, første gang på linje 1\s502, etter radene forhåndsvisningen så \(celler med fødselsnummer: 2\)/)).toBeVisible();

  // The rejected row quotes the cell with the id masked.
  await page.getByText('Vis avviste rader (1)').click();
  await expect(page.getByTestId('rejected-rows')).toContainText(`«fnr •••••••••${IN_NUMBER.slice(9)}» er ikke et tall`);

  // The validation report masks it too.
  const reportDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned valideringsrapport (CSV)' }).click();
  const report = await saved(await reportDownload);
  expect(report).toContain(`fnr •••••••••${IN_NUMBER.slice(9)}`);
  expect(containsNationalId(report)).toBe(false);

  const html = await page.content();
  for (const id of [LATE_A, LATE_B, IN_NUMBER]) expect(html).not.toContain(id);

  // The list of every scored return: masked by default, and the manifest says so.
  await page.getByRole('tab', { name: 'Kontrolliste' }).click();
  const share = page.getByLabel('Andel av filen (%)');
  await share.fill('100');
  await share.press('Enter');
  await page.getByLabel('Frø (seed) for trekningen').fill('7');
  const inFull = page.getByTestId('export-national-ids');
  await expect(inFull).not.toBeChecked();
  await expect(page.getByText(/Eksporter fødselsnumre i klartekst \(kolonne: merknad\)/)).toBeVisible();
  const masked = await exportList(page);
  expect(masked.csv).toContain(`ring fnr •••••••••${LATE_A.slice(9)}`);
  expect(masked.csv).toContain(`se •••••••••${LATE_B.slice(9)}`);
  expect(containsNationalId(masked.csv)).toBe(false);
  expect(masked.manifest.export.national_ids).toEqual({ columns: ['merknad'], exported: 'masked' });

  // In full only when asked for, and the manifest records the choice.
  await inFull.check();
  await expect(page.getByText(/Fødselsnumre eksporteres i klartekst/)).toBeVisible();
  const full = await exportList(page);
  expect(full.csv).toContain(`ring fnr ${LATE_A}`);
  expect(full.manifest.export.national_ids).toEqual({ columns: ['merknad'], exported: 'in_full' });

  // The command line writes the same two lists, masked unless --include-national-ids.
  const dir = mkdtempSync(join(tmpdir(), 'national-ids-e2e-'));
  writeFileSync(join(dir, 'sene-fnr.csv'), input);
  const cli = (name: string, extra: string[]) => {
    const list = join(dir, name);
    const args = ['--input', join(dir, 'sene-fnr.csv'), '--list', list, '--capacity', '100%', '--seed', '7', '--lang', 'nb', ...extra];
    execFileSync('npx', ['tsx', 'src/cli/score.ts', ...args], { stdio: 'pipe' });
    return readFileSync(list, 'utf8');
  };
  expect(cli('masked.csv', [])).toBe(masked.csv);
  expect(cli('full.csv', ['--include-national-ids'])).toBe(full.csv);
});
