/**
 * The WebAssembly TreeSHAP kernel for the command line: built from source when missing or
 * older than its source (wasm/build.ts), read from wasm/out/treeshap.wasm and compiled.
 * Null where this Node has no WebAssembly SIMD: the TypeScript TreeSHAP explains then.
 */
import { readFileSync } from 'node:fs';
import { buildKernel } from '../../wasm/build';
import { compileKernel } from '../lib/core/explain/wasm-treeshap';

export async function loadKernel(): Promise<WebAssembly.Module | null> {
  return compileKernel(readFileSync(await buildKernel()));
}
