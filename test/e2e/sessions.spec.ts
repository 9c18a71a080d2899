import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { planTwentyPercent } from './support/plan-list';

/**
 * A session saved to a file, the page reloaded (the browser keeps nothing), the session opened
 * again with its passphrase and the same data file: the same list, byte for byte. A different
 * data file is refused with a sentence; the whole flow works by keyboard; axe finds nothing.
 */
test.use({ locale: 'en-GB' });

const DEMO = 'public/demo/demo-sample.csv';
const PASSPHRASE = 'correct horse battery staple';
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG21_AA).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`);
  expect.soft(found, `axe violations in state "${state}"`).toEqual([]);
}

async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('#file-input')).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Open session' })).toBeEnabled();
}

const bytes = async (d: Download): Promise<Buffer> => readFileSync((await d.path())!);

/** Downloads the list and its manifest from the planner; returns the list's bytes and the manifest. */
async function downloadList(page: Page): Promise<{ csv: Buffer; manifest: Record<string, unknown> }> {
  const downloads: Download[] = [];
  const take = (d: Download) => downloads.push(d);
  page.on('download', take);
  await page.getByRole('button', { name: 'Download list and audit file' }).click();
  await expect(page.getByTestId('planner-export-status')).toContainText('Downloaded demo-sample-kontrolliste.csv', { timeout: 60_000 });
  await expect.poll(() => downloads.length).toBe(2);
  page.off('download', take);
  return { csv: await bytes(downloads[0]), manifest: JSON.parse((await bytes(downloads[1])).toString('utf8')) };
}

test('a saved session, restored after a reload with its passphrase and the same file, gives the same list byte for byte', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();
  await page.getByRole('grid').locator('tbody tr[aria-rowindex="5"]').click();
  const record = page.locator('#record-heading');
  await expect(record).toBeVisible();
  const recordTitle = await record.textContent();
  // A what-if edit of the record travels with the session (and never changes the list).
  await page.getByTestId('what-if').locator('summary').click();
  await page.getByLabel('Union dues, claimed (NOK)').fill('12,000');
  await expect(page.getByTestId('whatif-changes')).toContainText('Union dues, claimed');
  await planTwentyPercent(page);
  const before = await downloadList(page);

  // Save, encrypted.
  await page.getByLabel('Passphrase to encrypt the session (optional)').fill(PASSPHRASE);
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save session' }).click();
  const sessionDownload = await saving;
  expect(sessionDownload.suggestedFilename()).toBe('demo-sample-økt.json');
  await expect(page.getByTestId('session-status')).toHaveText('Saved demo-sample-økt.json, encrypted with the passphrase.');
  await expect(page.getByLabel('Passphrase to encrypt the session (optional)')).toHaveValue('');
  const sessionPath = (await sessionDownload.path())!;
  const envelope = JSON.parse(readFileSync(sessionPath, 'utf8'));
  expect(envelope).toMatchObject({ format: 'deduction-risk-session-encrypted', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 }, cipher: { name: 'AES-GCM', length: 256 } });
  expect(readFileSync(sessionPath, 'utf8')).not.toContain('demo-sample');
  await expectNoViolations(page, 'session saved');

  // A new page: nothing of the session is left in the browser.
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('run-summary')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  await page.locator('#session-input').setInputFiles({ name: 'demo-sample-økt.json', mimeType: 'application/json', buffer: readFileSync(sessionPath) });
  await expect(page.getByText('demo-sample-økt.json is encrypted. Enter its passphrase to open it.')).toBeVisible();
  await expectNoViolations(page, 'session locked');
  await page.getByLabel('Session passphrase').fill('wrong');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('session-problems')).toHaveText('Wrong passphrase, or the file was changed after it was saved.');
  await page.getByLabel('Session passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Open the data file demo-sample.csv to continue the session.')).toBeVisible();

  // Another file is refused, with a sentence.
  const other = readFileSync(DEMO, 'utf8').replace(/\n$/, '') + '\n';
  const changed = Buffer.from(other.replace(/\n([^\n]*)\n/, (_, line: string) => `\n${line.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}\n`), 'utf8');
  await page.locator('#session-data-input').setInputFiles({ name: 'demo-sample.csv', mimeType: 'text/csv', buffer: changed });
  await expect(page.getByTestId('session-problems')).toHaveText(
    'demo-sample.csv is not the file the session was saved with: its contents differ. Open demo-sample.csv as it was when the session was saved.',
  );
  await expectNoViolations(page, 'data file refused');

  await page.locator('#session-data-input').setInputFiles(DEMO);
  await expect(page.getByTestId('session-status')).toHaveText('Session restored: demo-sample.csv with the same model and choices.', { timeout: 60_000 });
  await expect(page.getByRole('tab', { name: 'Control list' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Share of the capacity for the control group (%)')).toHaveValue('10');
  await expect(page.getByLabel('Seed for the draw')).toHaveValue('20240501');
  await expect(page.getByTestId('planner-counts')).toContainText('360 selected by the model, 40 drawn at random');
  await expect(record).toHaveText(recordTitle!);
  await page.getByTestId('what-if').locator('summary').click();
  await expect(page.getByLabel('Union dues, claimed (NOK)')).toHaveValue(/^12[,\u00a0 ]?000$/);
  await expect(page.getByTestId('whatif-changes')).toContainText('Union dues, claimed');
  await expectNoViolations(page, 'session restored');

  const after = await downloadList(page);
  expect(after.csv.equals(before.csv)).toBe(true);
  expect({ ...after.manifest, created_at: null }).toEqual({ ...before.manifest, created_at: null });
});

/** Presses Tab until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

test('sessions are saved and restored by keyboard alone', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await tabTo(page, page.getByRole('button', { name: 'Load the demo sample' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-summary')).toBeVisible();

  // Unencrypted first: Save session with the passphrase left empty.
  await tabTo(page, page.getByRole('button', { name: 'Save session' }));
  const saving = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const plain = JSON.parse(readFileSync((await (await saving).path())!, 'utf8'));
  expect(plain).toMatchObject({ session_schema: 'deduction-risk-session', session_version: 2, input: { file_name: 'demo-sample.csv' }, selected: null, comparison: null });
  await expect(page.getByTestId('session-status')).toHaveText('Saved demo-sample-økt.json.');

  // Then encrypted: type the passphrase and press Enter in its field.
  await tabTo(page, page.getByLabel('Passphrase to encrypt the session (optional)'));
  await page.keyboard.type(PASSPHRASE);
  const savingEncrypted = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const sessionPath = (await (await savingEncrypted).path())!;
  await expect(page.getByTestId('session-status')).toHaveText('Saved demo-sample-økt.json, encrypted with the passphrase.');

  await page.reload();
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByRole('button', { name: 'Open session' }));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(sessionPath);
  await tabTo(page, page.getByLabel('Session passphrase'));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  const data = page.getByRole('button', { name: 'Open the data file' });
  await expect(data).toBeVisible();
  const dataChooser = page.waitForEvent('filechooser');
  await tabTo(page, data);
  await page.keyboard.press('Enter');
  await (await dataChooser).setFiles(DEMO);
  await expect(page.getByTestId('session-status')).toHaveText('Session restored: demo-sample.csv with the same model and choices.', { timeout: 60_000 });
  await expect(page.getByTestId('run-summary')).toBeVisible();
});
