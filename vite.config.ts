/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { precache } from './src/sw/precache-plugin.ts';
import { buildKernel } from './wasm/build.ts';

/**
 * The built app's Content-Security-Policy (CSP Level 3, https://www.w3.org/TR/CSP3/).
 * Everything — scripts, the wasm engine, fonts, the model — comes from the app's own origin,
 * and nothing may connect anywhere else. 'wasm-unsafe-eval' lets onnxruntime-web compile its
 * WebAssembly (WebAssembly.compile/instantiate) and allows no JavaScript eval. Styles are
 * files only: Svelte and d3 set styles through the CSSOM (element.style), which CSP does not
 * govern, so no 'unsafe-inline' is needed. docs/DEPLOY.md repeats it as an HTTP header.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The policy as an HTTP header: the same, plus frame-ancestors 'none' so no other site can
 * frame the app (clickjacking). Only a header can carry it; a <meta> policy ignores it, with
 * a console warning. docs/DEPLOY.md shows this exact value.
 */
export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`;

/**
 * The policy as a <meta http-equiv> in the built index.html, which any static host serves.
 * Build only, so `vite dev` (inline HMR client, websocket) keeps working. It goes right after
 * <meta charset>, before any script, since a meta policy only covers what follows it.
 */
function cspMeta(): Plugin {
  return {
    name: 'fradragsrisiko:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
        const out = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
        if (out === html) throw new Error('index.html needs <meta charset> for the CSP meta to follow');
        return out;
      },
    },
  };
}

/**
 * Builds the WebAssembly TreeSHAP kernel (wasm/build.ts) before `vite dev` and `vite build`
 * resolve the worker's `treeshap.wasm?url` import, so a fresh clone needs nothing but npm ci.
 */
function wasmKernel(): Plugin {
  return {
    name: 'fradragsrisiko:wasm-kernel',
    async buildStart() {
      await buildKernel();
    },
  };
}

// base './': the production build is a plain static folder that works from any path.
export default defineConfig({
  base: './',
  plugins: [wasmKernel(), svelte(), cspMeta(), precache()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // The wasm engine (~14 MB) is one file on purpose; no warning for it.
    chunkSizeWarningLimit: 1024,
    assetsInlineLimit: 0,
  },
  // `vite preview` sends the policy as a header too: a <meta> policy does not reach workers,
  // which take theirs from their own response, so this is what puts the scoring worker under
  // the same rules in the end-to-end tests (and what docs/DEPLOY.md asks of real hosts).
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicyHeader } },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    globalSetup: ['test/support/build-wasm.ts'],
    testTimeout: 60_000,
  },
});
