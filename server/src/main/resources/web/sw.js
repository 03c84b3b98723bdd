// NasNetConnect service worker. Keeps the offline page and icons cached; page loads (navigations) go to the
// network first and fall back to the cached offline page when the server cannot be reached, or when the front
// door answers that the application behind it is down (502, 503, 504). Live UI traffic (Vaadin's UIDL, push,
// GraphQL) is never cached: stale router state would be worse than none.
const CACHE = 'nnc-shell-v3';
const OFFLINE = '/offline.html';
const SHELL = [OFFLINE, '/icons/icon-192.png', '/icons/icon-512.png', '/manifest.webmanifest', '/favicon.ico'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, {cache: 'reload'}))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The cached offline page; should the cache have been cleared, a minimal one rather than a blank page.
function offlinePage() {
  return caches.open(CACHE)
    .then((cache) => cache.match(OFFLINE))
    .then((hit) => hit || new Response(
      '<!doctype html><meta charset="utf-8"><title>Offline · NasNetConnect</title>'
        + '<main id="offline"><h1>You are offline — NasNetConnect needs a connection to your router manager</h1>'
        + '<p>The router manager cannot be reached right now.</p>'
        + '<button id="retry" onclick="location.reload()">Try again</button></main>',
      {status: 503, headers: {'Content-Type': 'text/html; charset=utf-8'}}));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => (response.status >= 502 && response.status <= 504 ? offlinePage() : response))
        .catch(() => offlinePage())
    );
    return;
  }
  const url = new URL(request.url);
  if (url.origin === self.location.origin && SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});
