import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/source-files';

/**
 * The layering rules of DESIGN.md, held by reading every import: core imports nothing else
 * under src/; charts import nothing but charts/, d3 and svelte; the CLI never reaches into
 * ui/ or state/; nothing under src/ but a test imports test/.
 */

const root = resolve('.');

/** Every module a file imports (static, type-only and dynamic), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Imports of the files under `dir` that break `allowed`, as "file → module" (repository paths for relative ones). */
function offending(dir: string, allowed: (target: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((spec) => (spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)).split(sep).join('/') : spec))
      .filter((target) => !allowed(target))
      .map((target) => `${relative(root, file)} → ${target}`),
  );
}

describe('layers', () => {
  it('core imports nothing under src/ outside the core', () => {
    expect(offending('src/lib/core', (target) => !target.startsWith('src/') || target.startsWith('src/lib/core/'))).toEqual([]);
  });

  it('charts import nothing but charts/, d3 and svelte', () => {
    expect(offending('src/lib/charts', (target) => target.startsWith('src/lib/charts/') || target === 'd3' || target === 'svelte' || target.startsWith('svelte/'))).toEqual([]);
  });

  it('the CLI never imports ui/ or state/', () => {
    expect(offending('src/cli', (target) => !target.startsWith('src/lib/ui/') && !target.startsWith('src/lib/state/'))).toEqual([]);
  });

  it('nothing under src/ but a test imports test/', () => {
    expect(offending('src', (target) => !target.startsWith('test/'))).toEqual([]);
  });
});
