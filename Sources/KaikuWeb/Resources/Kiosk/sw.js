// Keeps the kiosk page itself available when the network or the server is
// down. The page and its files come from the network when it answers (so an
// update arrives), from this cache otherwise. API calls are never cached:
// answers wait in the page's own queue instead.
const CACHE = "kaiku-kiosk-v1";
const SHELL = ["/kiosk", "/kiosk/kiosk.js", "/kiosk/kiosk.css"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || !url.pathname.startsWith("/kiosk")) return;
  const key = url.pathname === "/kiosk" || url.pathname === "/kiosk/" ? "/kiosk" : url.pathname;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(key, copy));
        }
        return response;
      })
      .catch(() => caches.match(key).then((cached) => cached || Response.error())));
});
