// @ts-check
/// <reference lib="webworker" />
/**
 * Offline copy of the app: on install, every file of the build (app shell, fonts, the wasm
 * engine, the bundled model and demo sample) goes into one Cache Storage cache; afterwards
 * those files are served from it, so the app starts and scores with the network cut.
 *
 * Nothing else is ever cached: the precache list is fixed at build time (the file the user
 * drops in never reaches the network or this cache). Requests for anything not in the list
 * go to the network untouched. Built by precache-plugin.ts, which replaces the two
 * placeholders below; paths are relative to the worker's scope, so the build works from any
 * path (Vite's base './').
 */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @type {string[]} */
const FILES = __PRECACHE_FILES__;
/** @type {string} */
const VERSION = __PRECACHE_VERSION__;

const PREFIX = 'fradragsrisiko-';
const CACHE = PREFIX + VERSION;
const scope = new URL(sw.registration.scope);
const urls = new Set(FILES.map((file) => new URL(file, scope).href));
const shell = new URL('index.html', scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: 'reload' skips the HTTP cache, so a stale file never enters a new version.
      await cache.addAll([...urls].map((url) => new Request(url, { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  let key = url.href;
  // Any navigation inside the scope gets the app shell (there is one page).
  if (request.mode === 'navigate' && key.startsWith(scope.href)) key = shell;
  if (!urls.has(key)) return;
  event.respondWith(
    (async () => {
      const cached = await caches.match(key, { cacheName: CACHE });
      return cached ?? fetch(request);
    })(),
  );
});
