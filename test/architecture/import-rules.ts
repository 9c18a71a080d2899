import { dirname, join, normalize, relative } from 'node:path';

/**
 * The rooms of src/ and what each may import (docs/ARCHITECTURE.md):
 * - core imports nothing but core and packages: it runs unchanged in the worker, the CLI and tests;
 * - charts import nothing but charts, svelte and d3: they draw what a view hands them, number
 *   formatting included (charts/frame/text.ts);
 * - ui reaches the worker only through state;
 * - cli imports core, runtime, i18n and its own files, never ui, state or worker;
 * - no file under src imports test/.
 * Colocated *.test.ts files are not shipped and may import what a test needs (vitest, fixture
 * loaders under test/, the catalogue for expected sentences): the rules are for product code.
 */
export type Room = 'core' | 'charts' | 'ui' | 'state' | 'worker' | 'runtime' | 'i18n' | 'cli' | 'app' | 'test' | 'outside';

/** The room of a path relative to the repository root. */
export function roomOf(path: string): Room {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('test/')) return 'test';
  if (p.startsWith('src/cli/')) return 'cli';
  const m = /^src\/lib\/([^/]+)\//.exec(p);
  if (m) {
    const room = m[1] as Room;
    return ['core', 'charts', 'ui', 'state', 'worker', 'runtime', 'i18n'].includes(room) ? room : 'app';
  }
  return p.startsWith('src/') ? 'app' : 'outside';
}

/** Package specifiers a charts file may import. */
const CHART_PACKAGES = /^(svelte(\/.*)?|d3(-[a-z]+)?)$/;

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Every static import (type-only too), re-export, side-effect and dynamic import() specifier in a TypeScript or Svelte source. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** The rule a file's import breaks, or null. `file` and the resolved target are relative to the repository root. */
function broken(file: string, specifier: string): string | null {
  const from = roomOf(file);
  const relativeImport = specifier.startsWith('.');
  const target = relativeImport ? normalize(join(dirname(file), specifier)).replace(/\\/g, '/') : null;
  const to: Room | 'package' = target ? roomOf(target) : 'package';
  if (to === 'test' && from !== 'test') return 'nothing under src imports test/';
  if (from === 'core' && to !== 'core' && to !== 'package') return 'core imports only core';
  if (from === 'charts' && (to === 'package' ? !CHART_PACKAGES.test(specifier) : to !== 'charts')) return 'charts import only charts, svelte and d3';
  if (from === 'ui' && to === 'worker') return 'ui reaches the worker only through state';
  if (from === 'cli' && (to === 'ui' || to === 'state' || to === 'worker' || to === 'charts')) return 'cli imports core, runtime and i18n, never ui';
  return null;
}

/** The broken rules in a tree of sources, given as path (relative to the repository root) → text. */
export function importViolations(files: Iterable<[string, string]>): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of files) {
    if (/\.test\.ts$/.test(file)) continue;
    for (const specifier of specifiers(source)) {
      const rule = broken(file, specifier);
      if (rule) out.push({ file, specifier, rule });
    }
  }
  return out;
}

/** `path` relative to `root`, with forward slashes. */
export function repoPath(root: string, path: string): string {
  return relative(root, path).replace(/\\/g, '/');
}
