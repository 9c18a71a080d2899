import { expect, type Page } from '@playwright/test';

/** Sets the planner's choices in English: 20 % of the demo sample, 10 % control group, a fixed seed. */
export async function planTwentyPercent(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Control list' }).click();
  const share = page.getByLabel('Share of the file (%)');
  await share.fill('20');
  await share.press('Enter');
  const control = page.getByLabel('Share of the capacity for the control group (%)');
  await control.fill('10');
  await control.press('Enter');
  await page.getByLabel('Seed for the draw').fill('20240501');
  await expect(page.getByTestId('planner-counts')).toContainText('360 selected by the model, 40 drawn at random');
}
