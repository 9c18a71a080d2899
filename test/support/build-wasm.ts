/** vitest global setup: builds the WebAssembly TreeSHAP kernel from source before any test file runs (wasm/build.ts). */
import { buildKernel } from '../../wasm/build';

export default async function setup(): Promise<void> {
  await buildKernel();
}
