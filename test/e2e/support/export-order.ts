import type { Download } from '@playwright/test';

/**
 * The export's files in a fixed order — the list, then its manifest — whatever order Chromium
 * reports the downloads in: two downloads started in one task may arrive either way round.
 */
export function exportOrder(a: Download, b: Download): number {
  const rank = (d: Download) => (d.suggestedFilename().endsWith('.manifest.json') ? 1 : 0);
  return rank(a) - rank(b);
}
