/**
 * Registers the offline copy (sw.js, written by precache-plugin.ts) in the production build
 * only: under `vite dev` files change all the time and a cache would serve stale ones.
 * Relative URL and scope, so the app works from whatever path it is served.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
    // No offline copy (private window, file://, blocked by policy): the app still works online.
  });
}
