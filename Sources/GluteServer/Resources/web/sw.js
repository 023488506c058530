// GluteCoach's service worker: the app's files from a versioned cache (so it opens with no
// connection), the latest answers of the API's reads as a fallback, and the wake-up notifications.
//
// A new VERSION is installed in the background on a visit and takes over on the next one (no
// skipWaiting): a page never runs half old and half new files.

const VERSION = '2026-12-02.1';
const SHELL = `glute-shell-${VERSION}`;
const DATA = 'glute-data';
const FILES = [
  '/',
  '/index.html',
  '/manifest.webmanifest',
  '/css/app.css',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
  '/js/api.js',
  '/js/app.js',
  '/js/charts.js',
  '/js/dom.js',
  '/js/drawings.js',
  '/js/explain.js',
  '/js/queue.js',
  '/js/store.js',
  '/js/ui.js',
  '/js/wakeup.js',
  '/js/views/account.js',
  '/js/views/assessment.js',
  '/js/views/auth.js',
  '/js/views/coach.js',
  '/js/views/history.js',
  '/js/views/plan.js',
  '/js/views/progress.js',
  '/js/views/settings.js',
  '/js/views/today.js',
  '/js/views/tools.js',
];

// Reads worth keeping for offline use: what the person sees, not exports or feeds.
const KEPT = [/^\/api\/me$/, /^\/api\/me\/(today|plan|plan\/history|findings|progress|next|history)$/,
  /^\/api\/exercises$/, /^\/api\/explain\/[a-z0-9-]+$/];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL);
    // 'reload' skips the HTTP cache, so a new version never stores yesterday's files.
    await cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('glute-shell-') && key !== SHELL) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || event.request.method !== 'GET') return;
  if (url.pathname.startsWith('/api/')) {
    if (KEPT.some((pattern) => pattern.test(url.pathname))) event.respondWith(networkFirst(event.request));
    return;
  }
  event.respondWith(cacheFirst(event.request));
});

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const url = new URL(request.url);
  const hit = await cache.match(url.pathname);
  if (hit) return hit;
  if (request.mode === 'navigate') {
    const index = await cache.match('/index.html');
    if (index) return index;
  }
  return fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('X-Glute-Fetched-At', new Date().toISOString());
      const copy = new Response(await response.clone().blob(), { status: response.status, headers });
      await cache.put(request, copy);
    }
    return response;
  } catch {
    const kept = await cache.match(request);
    if (kept) return kept;
    return new Response(JSON.stringify({ error: { message: 'There is no connection, and this was not fetched before.' } }),
      { status: 503, headers: { 'Content-Type': 'application/json', 'X-Glute-Offline': 'true' } });
  }
}

// The page asks for the wake-up notification here: phones refuse `new Notification()`.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const answer = event.action === 'done' || event.action === 'skip' ? event.action : 'open';
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const message = { type: 'wakeup-answer', answer, slot: event.notification.data && event.notification.data.slot };
    if (windows.length > 0) {
      windows[0].postMessage(message);
      if ('focus' in windows[0]) await windows[0].focus();
    } else {
      await self.clients.openWindow('/#/today');
    }
  })());
});
