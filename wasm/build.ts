/**
 * Builds the TreeSHAP kernel (wasm/treeshap.ts, AssemblyScript) into wasm/out/treeshap.wasm
 * (git-ignored), so a fresh clone makes it from source with `npm ci` alone. Skips the build
 * when the .wasm is newer than its sources. Run by `npm run build:wasm`, by Vite (dev and
 * build, vite.config.ts), by vitest's global setup (test/support/build-wasm.ts) and by the CLI (src/cli/load-kernel.ts).
 *
 *   npm run build:wasm [-- --force]
 */
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const KERNEL_SOURCE = `${HERE}treeshap.ts`;
export const KERNEL_WASM = `${HERE}out/treeshap.wasm`;

// --runtime stub and no abort import: the kernel allocates nothing and imports nothing.
const FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--use', 'abort=', '--enable', 'simd'];

const mtime = (path: string): number => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
};

/** Builds the kernel unless it is up to date; returns its path. Throws with asc's messages on a compile error. */
export async function buildKernel({ force = false }: { force?: boolean } = {}): Promise<string> {
  const built = mtime(KERNEL_WASM);
  if (!force && built > mtime(KERNEL_SOURCE) && built > mtime(fileURLToPath(import.meta.url))) return KERNEL_WASM;
  mkdirSync(`${HERE}out`, { recursive: true });
  const { default: asc } = await import('assemblyscript/asc');
  let messages = '';
  const sink = { write: (text: string | Uint8Array) => ((messages += String(text)), true) };
  const { error } = await asc.main([KERNEL_SOURCE, ...FLAGS, '-o', KERNEL_WASM], { stdout: sink, stderr: sink });
  if (error) throw new Error(`AssemblyScript could not build ${KERNEL_SOURCE}:\n${messages}`);
  return KERNEL_WASM;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = await buildKernel({ force: process.argv.includes('--force') });
  console.log(`TreeSHAP kernel: ${path} (${statSync(path).size} bytes)`);
}
