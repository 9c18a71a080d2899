import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { planTwentyPercent } from './support/plan-list';
import { exportOrder } from './support/export-order';

/**
 * A reviewer's decisions on the control list, from the record view to the exported files: a
 * listed record removed with a reason (undone, removed again), an unlisted one added by hand,
 * both seen in the results table, the case sheet and the planner; the list's decision columns
 * and the manifest's log, whose chain is checked here with node's own crypto; a saved session
 * whose log is edited by hand is refused with a sentence naming the entry.
 */
test.use({ locale: 'en-GB' });

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const bytes = async (d: Download): Promise<Buffer> => readFileSync((await d.path())!);
const grid = (page: Page): Locator => page.getByRole('grid');
const rowAt = (page: Page, index: number): Locator => grid(page).locator(`tbody tr[aria-rowindex="${index}"]`);

/** The manifest's chain rule, written again here: hash = SHA-256 of the entry's JSON (fixed keys, no spaces), first prev = SHA-256 of "model|input". */
function verifyChain(manifest: { model: { sha256: string }; input: { sha256: string }; decisions: { log: Record<string, unknown>[]; head: string; count: number } }): void {
  let prev = sha256(`${manifest.model.sha256}|${manifest.input.sha256}`);
  manifest.decisions.log.forEach((e, i) => {
    expect(e.seq).toBe(i + 1);
    expect(e.prev).toBe(prev);
    const canonical = JSON.stringify({ seq: e.seq, time: e.time, row: e.row, line: e.line, decision: e.decision, reason: e.reason, by: e.by, prev: e.prev });
    expect(e.hash).toBe(sha256(canonical));
    prev = e.hash as string;
  });
  expect(manifest.decisions.count).toBe(manifest.decisions.log.length);
  expect(manifest.decisions.head).toBe(prev);
}

test('a reviewer removes a listed record and adds another, and the list, manifest and session record it', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await expect(page.locator('#file-input')).toBeEnabled();
  await page.getByRole('button', { name: 'Load the demo sample' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible();

  // The list: 20 % of the file, 10 % of it a random control group, a fixed seed.
  await planTwentyPercent(page);

  // The highest-risk record is on the list: remove it, undo, remove it again.
  await page.getByRole('tab', { name: 'Ranking' }).click();
  await rowAt(page, 2).click();
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toContainText('On the control list, chosen by the model.');
  await expect(page.getByTestId('decision-current')).toHaveText('No decision yet.');
  await page.getByLabel('Your name or initials').fill('KN');
  await page.getByTestId('decision-remove').click();
  await expect(panel).toContainText('Write a reason to remove or add.');
  await page.getByLabel('Reason', { exact: true }).fill('Logbook confirms the distance');
  await page.getByTestId('decision-remove').click();
  await expect(page.getByTestId('decision-current')).toHaveText('Current decision: Removed.');
  await page.getByTestId('decision-keep').click();
  await expect(page.getByTestId('decision-current')).toHaveText('Current decision: Kept.');
  await page.getByLabel('Reason', { exact: true }).fill('Logbook confirms the distance, checked twice');
  await page.getByTestId('decision-remove').click();
  await expect(page.getByTestId('decision-current')).toHaveText('Current decision: Removed.');
  await expect(page.getByTestId('decision-history').locator('li')).toHaveCount(3);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="decision-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const removedLine = Number((await page.locator('section.record .key-figures > li').nth(2).locator('.big').textContent())!.replace(/\D/g, ''));

  // A low-risk scored record the list does not hold: add it by hand, without a name.
  await page.locator('#table-status').selectOption({ label: 'Scored' });
  await page.getByLabel('Descending').check();
  let added = -1;
  for (let i = 2; i < 12 && added < 0; i++) {
    await rowAt(page, i).click();
    if ((await panel.textContent())!.includes('Not on the control list.')) added = i;
  }
  expect(added).toBeGreaterThan(0);
  await page.getByLabel('Your name or initials').fill('');
  await page.getByLabel('Reason', { exact: true }).fill('Tip from a colleague: commuter flat never rented');
  await page.getByTestId('decision-add').click();
  await expect(page.getByTestId('decision-current')).toHaveText('Current decision: Added by hand.');
  const addedLine = Number((await page.locator('section.record .key-figures > li').nth(2).locator('.big').textContent())!.replace(/\D/g, ''));

  // The table: a decision column and a filter by decision.
  await page.locator('#table-status').selectOption({ index: 0 });
  await page.locator('#table-decision').selectOption({ label: 'Any decision' });
  await expect(page.getByTestId('table-count')).toHaveAttribute('data-shown', '2');
  await expect(grid(page).getByTestId('table-decision')).toHaveText(['Added by hand', 'Removed']);

  // The case sheet of the added record says what was decided, why, by whom and when.
  await page.getByRole('button', { name: 'Case sheet' }).first().click();
  await expect(page.getByTestId('case-decision')).toContainText('Added by hand');
  await expect(page.getByTestId('case-decision-detail')).toContainText('Tip from a colleague: commuter flat never rented');
  await expect(page.getByTestId('case-decision-detail')).toContainText('no name');
  await page.getByRole('button', { name: 'Close the case sheet' }).click();

  // The planner counts them; the list and manifest carry them.
  await page.getByRole('tab', { name: 'Control list' }).click();
  await expect(page.getByTestId('planner-decisions')).toHaveText('Decisions: 0 kept, 1 removed, 1 added by hand (4 entries in the log).');
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Download list and audit file' }).click();
  await expect(page.getByTestId('planner-export-status')).toContainText('Downloaded demo-sample-kontrolliste.csv', { timeout: 60_000 });
  await expect.poll(() => downloads.length).toBe(2);
  downloads.sort(exportOrder);
  await expect(page.getByTestId('planner-export-status')).toContainText('1 decisions were recorded without the name');
  const csv = await bytes(downloads[0]);
  const parsed = Papa.parse<string[]>(csv.subarray(3).toString('utf8').trimEnd(), { delimiter: ';', newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  const at = header.indexOf('chosen_by');
  expect(header.slice(at, at + 3)).toEqual(['chosen_by', 'decision', 'decision_reason']);
  expect(rows).toHaveLength(401);
  expect(rows[0].slice(at + 1, at + 3)).toEqual(['removed', 'Logbook confirms the distance, checked twice']);
  expect(rows[400][header.indexOf('selection')]).toBe('added by hand');
  expect(rows[400].slice(at, at + 3)).toEqual(['added by hand', 'added', 'Tip from a colleague: commuter flat never rented']);
  expect(rows.slice(1, 400).every((r) => r[at + 1] === '' && r[at + 2] === '')).toBe(true);

  const manifest = JSON.parse((await bytes(downloads[1])).toString('utf8'));
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.export.rows).toBe(401);
  expect(manifest.decisions).toMatchObject({ count: 4, kept: 0, removed: 1, added: 1, unsigned: 1 });
  expect(manifest.decisions.log.map((e: { decision: string; line: number }) => [e.decision, e.line])).toEqual([
    ['remove', removedLine],
    ['keep', removedLine],
    ['remove', removedLine],
    ['add', addedLine],
  ]);
  expect(manifest.decisions.log.every((e: { time: string }) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(e.time))).toBe(true);
  // Rows by index and line only: no id anywhere in the log.
  expect(Object.keys(manifest.decisions.log[0]).sort()).toEqual(['by', 'decision', 'hash', 'line', 'prev', 'reason', 'row', 'seq', 'time']);
  verifyChain(manifest);

  // A session carries the log; edited by hand, it is refused, naming the entry.
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save session' }).click();
  const sessionPath = (await (await saving).path())!;
  const session = JSON.parse(readFileSync(sessionPath, 'utf8'));
  expect(session.session_version).toBe(2);
  expect(session.decisions.by).toBe('');
  expect(session.decisions.log).toEqual(manifest.decisions.log);
  session.decisions.log[1].reason = 'Kept after all';
  const dir = mkdtempSync(join(tmpdir(), 'decisions-e2e-'));
  const editedPath = join(dir, 'demo-sample-økt.json');
  writeFileSync(editedPath, JSON.stringify(session, null, 2));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open session' })).toBeEnabled();
  await page.locator('#session-input').setInputFiles(editedPath);
  await expect(page.getByTestId('session-problems')).toHaveText('The decision log was edited: entry 2 does not match its own hash.');

  // The session as saved restores the decisions with the same file.
  await page.locator('#session-input').setInputFiles({ name: 'demo-sample-økt.json', mimeType: 'application/json', buffer: readFileSync(sessionPath) });
  await page.locator('#session-data-input').setInputFiles('public/demo/demo-sample.csv');
  await expect(page.getByTestId('session-status')).toHaveText('Session restored: demo-sample.csv with the same model and choices.', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Control list' }).click();
  await expect(page.getByTestId('planner-decisions')).toHaveText('Decisions: 0 kept, 1 removed, 1 added by hand (4 entries in the log).');
});
