import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The TypeScript and Svelte files below `dir`, tests left out: the app's own source, for tests that read it. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}
