import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The intake screen with real files. The CSV fixtures under test/fixtures/csv/ are written
 * for a 14-feature test card, so files the shipped model can score are made here from the
 * golden rows (test/fixtures/golden), whose probabilities onnxruntime in Python computed.
 */
interface Golden {
  ids: string[];
  probability_ort: number[];
}
const golden = JSON.parse(readFileSync('test/fixtures/golden/lgbm-golden.json', 'utf8')) as Golden;
const goldenLines = readFileSync('test/fixtures/golden/lgbm-golden.csv', 'utf8').trim().split(/\r?\n/);
const header = goldenLines[0].split(',');
const records = goldenLines.slice(1).map((line) => line.split(','));
const PLACES = ['Tromsø', 'Bærum', 'Ålesund', 'Førde', 'Høyanger'];

/** Windows-1252 holds æøå, U+00A0 and the rest of Latin-1 at the same code points, so latin1 bytes are cp1252 bytes here. */
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

/**
 * The golden rows as Excel with Norwegian settings writes them: semicolons, CRLF, decimal
 * commas, wage income grouped with no-break spaces, a Norwegian header with ø and a place
 * name column with æøå, in Windows-1252.
 */
function excelExport(): Buffer {
  const wage = header.indexOf('lonnsinntekt');
  const head = header.map((h) => (h === 'lonnsinntekt' ? 'Lønnsinntekt' : h));
  const lines = [[...head, 'poststed'].join(';')];
  records.forEach((cells, i) => {
    const out = cells.map((cell, j) => {
      const [whole, fraction] = cell.split('.');
      const grouped = j === wage ? whole.replace(/\B(?=(\d{3})+$)/g, '\u00a0') : whole;
      return fraction === undefined ? grouped : `${grouped},${fraction}`;
    });
    lines.push([...out, PLACES[i % PLACES.length]].join(';'));
  });
  return cp1252(lines.join('\r\n') + '\r\n');
}

async function open(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  await page.locator('#file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByTestId('preview')).toBeVisible();
}

/** No WCAG 2.1 A/AA violation that axe-core can find in the page as it is now. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function topGoldenRow(): number {
  let top = 0;
  golden.probability_ort.forEach((p, i) => {
    if (p > golden.probability_ort[top]) top = i;
  });
  return top;
}

test('a Windows-1252 semicolon Excel export with decimal commas and æøå is previewed as such and scores as onnxruntime in Python', async ({ page }) => {
  await open(page, 'uttrekk-excel.csv', excelExport());
  await expect(page.getByTestId('detected-encoding')).toContainText('Windows-1252');
  await expect(page.getByTestId('detected-delimiter')).toContainText('semikolon');
  await expect(page.getByTestId('detected-newline')).toContainText('CRLF');
  await expect(page.getByTestId('mapping-count')).toHaveText(/^(\d+) av \1 variabler/);
  await expect(page.getByTestId('preview')).toContainText('«Lønnsinntekt» brukes som Lønnsinntekt');
  await page.locator('summary', { hasText: 'Kolonner koblet til modellen' }).click();
  const wageRow = page.getByTestId('mapping').getByRole('row').filter({ hasText: 'lonnsinntekt' });
  await expect(wageRow).toContainText('Lønnsinntekt');
  await expect(wageRow).toContainText('komma');
  await expect(page.getByTestId('extra-columns')).toContainText('poststed');
  await expect(page.getByTestId('sample')).toContainText('Tromsø');
  await expect(page.getByTestId('sample')).toContainText('Ålesund');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Score filen' }).click();
  await expect(page.getByTestId('run-summary')).toContainText(`${records.length} rader lest`);
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  const top = topGoldenRow();
  const first = page.locator('tbody tr[aria-rowindex="2"] td');
  await expect(first.nth(1)).toHaveText(golden.ids[top]);
  const exact = Number(await first.nth(2).getAttribute('data-probability'));
  expect(Math.abs(exact - golden.probability_ort[top])).toBeLessThanOrEqual(1e-6);
});

test('a file without a required feature names it and cannot be scored', async ({ page }) => {
  const gone = header.indexOf('reisefradrag');
  const text = goldenLines.map((line) => line.split(',').filter((_, j) => j !== gone).join(',')).join('\n');
  await open(page, 'uten-reisefradrag.csv', Buffer.from(text));
  await expect(page.getByTestId('preview').getByRole('alert')).toContainText('reisefradrag');
  await expect(page.getByTestId('mapping').getByRole('row', { name: /^Reisefradrag reisefradrag/ })).toContainText('Mangler');
  await expect(page.getByRole('button', { name: 'Score filen' })).toBeDisabled();
});

test('choosing another separator reads the preview again at once', async ({ page }) => {
  await open(page, 'uttrekk-excel.csv', excelExport());
  await expect(page.getByTestId('sample')).toBeVisible();
  await page.getByLabel('Skilletegn').selectOption({ label: 'komma (,)' });
  await expect(page.getByTestId('detected-delimiter')).toContainText('komma (,) · valgt av deg');
  // Split on commas, the header is a few long columns: the model's features are missing.
  await expect(page.getByRole('button', { name: 'Score filen' })).toBeDisabled();
  await page.getByLabel('Skilletegn').selectOption({ index: 0 });
  await expect(page.getByTestId('detected-delimiter')).toContainText('semikolon (;) · funnet automatisk');
  await expect(page.getByRole('button', { name: 'Score filen' })).toBeEnabled();
});

test('a picture renamed to .csv gets a clear message and is not scored', async ({ page }) => {
  await open(page, 'bilde.csv', readFileSync('test/fixtures/csv/hostile/picture.csv'));
  await expect(page.getByTestId('preview').getByRole('alert')).toContainText('PNG');
  await expect(page.getByRole('button', { name: 'Score filen' })).toBeDisabled();
});

test('broken rows are reported by their line in the file, the other rows score, and the validation report has the same lines', async ({ page }) => {
  const alder = header.indexOf('alder');
  const sivilstand = header.indexOf('sivilstand');
  const rows = records.map((cells) => [...cells]);
  // A quoted line break in the first row moves every later row one physical line down.
  rows[0][sivilstand] = '"gift\nseparert"';
  rows[2][alder] = 'abc';
  rows[5] = rows[5].slice(0, -3);
  // A quote opened in the last row and never closed takes the lines after it into one cell.
  const last = rows.length - 1;
  rows[last][sivilstand] = '"ugift';
  const text = [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\nen linje til\n';
  const lineOf = (row: number) => text.slice(0, text.indexOf(`${rows[row][0]},`)).split('\n').length;
  const broken = [lineOf(2), lineOf(5), lineOf(last)];

  await open(page, 'med-feil.csv', Buffer.from(text));
  await page.getByRole('button', { name: 'Score filen' }).click();
  await expect(page.getByTestId('run-summary')).toContainText(`${records.length} rader lest`);
  await expect(page.getByTestId('count-rejected')).toHaveText('3');
  await expect(page.getByTestId('count-scored')).not.toHaveText('0');

  await page.getByText('Vis avviste rader (3)').click();
  const list = page.getByTestId('rejected-rows');
  await expect(list).toContainText(`Linje ${broken[0]}`);
  await expect(list).toContainText('«abc» er ikke et tall');
  await expect(list).toContainText(`Linje ${broken[1]}`);
  await expect(list).toContainText(`Linje ${broken[2]}`);
  await expect(list).toContainText('lukkes aldri');
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /valideringsrapport/ }).click()]);
  expect(download.suggestedFilename()).toBe('med-feil-valideringsrapport.csv');
  const report = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(report[0].split(';').slice(0, 4)).toEqual(['linje', 'id', 'status', 'kode']);
  const rejected = report.slice(1).map((line) => line.split(';')).filter((cells) => cells[2] === 'avvist');
  expect(rejected.map((cells) => Number(cells[0]))).toEqual(broken);
  expect(rejected.map((cells) => cells[1])).toEqual([rows[2][0], rows[5][0], rows[last][0]]);
  expect(rejected.map((cells) => cells[3])).toEqual(['csv.not_a_number', 'csv.ragged_row', 'csv.unterminated_quote']);
});

test('a column under an unknown name is mapped in the dialog, and the file then scores', async ({ page }) => {
  const text = goldenLines.map((line, i) => (i === 0 ? line.replace(',reisefradrag,', ',RF post 3.2.8,') : line)).join('\n');
  await open(page, 'omdopt.csv', Buffer.from(text));
  await expect(page.getByRole('button', { name: 'Score filen' })).toBeDisabled();

  await page.getByRole('button', { name: 'Endre koblingen …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Koble kolonner til modellen' });
  await expect(dialog).toBeVisible();
  // Contrast is judged on the dialog as it rests: its 300 ms fade-in would make axe read the text mid-fade.
  await dialog.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  await expectAccessible(page);
  await dialog.getByLabel(/^Reisefradrag reisefradrag/).selectOption({ label: 'RF post 3.2.8' });
  await dialog.getByRole('button', { name: 'Bruk koblingen' }).click();
  await expect(dialog).toBeHidden();

  await page.locator('summary', { hasText: 'Kolonner koblet til modellen' }).click();
  const row = page.getByTestId('mapping').getByRole('row', { name: /^Reisefradrag reisefradrag/ });
  await expect(row).toContainText('RF post 3.2.8');
  await expect(row).toContainText('ditt valg');
  await page.getByRole('button', { name: 'Score filen' }).click();
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  const top = topGoldenRow();
  const exact = Number(await page.locator('tbody tr[aria-rowindex="2"] td').nth(2).getAttribute('data-probability'));
  expect(Math.abs(exact - golden.probability_ort[top])).toBeLessThanOrEqual(1e-6);
});

test('the dialog will not take one column for two variables', async ({ page }) => {
  await open(page, 'golden.csv', Buffer.from(goldenLines.join('\n')));
  await page.getByRole('button', { name: 'Endre koblingen …' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Reisefradrag reisefradrag/).selectOption({ label: 'alder' });
  await expect(dialog.getByRole('alert')).toContainText('«alder»');
  await expect(dialog.getByRole('button', { name: 'Bruk koblingen' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a long run shows rows per second and time left, and stops at once on Cancel', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/trent på syntetiske data/i).first()).toBeVisible();
  // 300,000 rows (38 MB) made in the page from the golden rows: long enough to cancel while it runs,
  // without sending the bytes through the test driver.
  await page.evaluate(
    ({ head, body }) => {
      const input = document.querySelector<HTMLInputElement>('#file-input')!;
      const files = new DataTransfer();
      files.items.add(new File([head, ...Array<string>(1000).fill(body)], 'stor.csv', { type: 'text/csv' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { head: goldenLines[0] + '\n', body: goldenLines.slice(1).join('\n') + '\n' },
  );
  await page.getByRole('button', { name: 'Score filen' }).click();
  const progress = page.getByText(/rader\/s/);
  await expect(progress).toContainText('igjen');
  await expect(page.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByTestId('run-cancelled')).toContainText('Lesingen av stor.csv er avbrutt');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByTestId('run-summary')).toHaveCount(0);
});
