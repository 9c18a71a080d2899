import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Writes sw.js (from src/sw/sw.js) into the build with the list of every file the build
 * produced — bundle and public/ — and a version that is a hash of their contents, so any
 * changed byte (even in the unhashed model or demo files) installs a fresh cache.
 * Hand-made instead of Workbox: one cache, one list, no size limit to raise for the
 * ~14 MB wasm engine, and nothing cached at run time.
 */
export function precache(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'fradragsrisiko:precache',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const hash = createHash('sha256');
        const files = new Map<string, Uint8Array | string>();
        for (const [name, output] of Object.entries(bundle)) files.set(name, output.type === 'chunk' ? output.code : output.source);
        if (config.publicDir) for (const path of walk(config.publicDir)) files.set(relative(config.publicDir, path).split(sep).join('/'), readFileSync(path));
        files.delete(SW_FILE);
        const names = [...files.keys()].filter((name) => !name.endsWith('.map')).sort();
        for (const name of names) hash.update(name).update('\0').update(files.get(name)!).update('\0');
        const source = readFileSync(new URL('./sw.js', import.meta.url), 'utf8')
          .replace('__PRECACHE_FILES__', JSON.stringify(['./', ...names]))
          .replace('__PRECACHE_VERSION__', JSON.stringify(hash.digest('hex').slice(0, 16)));
        this.emitFile({ type: 'asset', fileName: SW_FILE, source });
      },
    },
  };
}

const SW_FILE = 'sw.js';

function* walk(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
