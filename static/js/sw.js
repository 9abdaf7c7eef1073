/* Beauty Skills Academy service worker, served at /sw.js with the whole site as scope
   (notifications.push_views.service_worker). One worker per site, so each concern is a
   section: 1. push notifications; 2. offline copies (issue 18). */
"use strict";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

/* --- 1. Push notifications --------------------------------------------------------
   The payload is {"title", "body", "url", "tag"} (notifications.services.notify). */
self.addEventListener("push", function (event) {
  var data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (error) {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(self.registration.showNotification(data.title || "Beauty Skills Academy", {
    body: data.body || "",
    tag: data.tag || undefined,
    lang: data.lang || undefined,
    data: { url: data.url || "/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var target = new URL((event.notification.data && event.notification.data.url) || "/", self.location.origin);
  if (target.origin !== self.location.origin) { target = new URL("/", self.location.origin); }
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
    for (var i = 0; i < windows.length; i += 1) {
      if (windows[i].url === target.href && "focus" in windows[i]) { return windows[i].focus(); }
    }
    return self.clients.openWindow(target.href);
  }));
});

/* --- 2. Offline copies ------------------------------------------------------------
   self.BSA_OFFLINE is written above this file by core.service_worker: the cache version,
   the offline page of each language, the core static files and the private prefixes.
   Pages: network first, a cached copy after 3 s or without network, else the offline
   page. Hashed static files: cache first; unhashed ones (development): stale while
   revalidate. Nothing private is ever stored: a response marked private or no-store
   (every signed-in page is, core.security.PrivateResponseMiddleware) stays out, and so
   does every address under a private prefix. */
var OFFLINE = self.BSA_OFFLINE || { version: "dev", offline: {}, precache: [], staticUrl: "/static/", privatePrefixes: [] };
var PAGES = "bsa-pages-" + OFFLINE.version;
var STATIC = "bsa-static-" + OFFLINE.version;
var PAGE_TIMEOUT_MS = 3000;
var HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

self.addEventListener("install", function (event) {
  var urls = OFFLINE.precache.concat(Object.keys(OFFLINE.offline).map(function (code) { return OFFLINE.offline[code]; }));
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(urls);
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("bsa-") === 0 && name !== PAGES && name !== STATIC;
    }).map(function (name) { return caches.delete(name); }));
  }));
});

function isPrivatePath(path) {
  return OFFLINE.privatePrefixes.some(function (prefix) { return path.indexOf(prefix) === 0; });
}

function mayKeep(response) {
  if (!response || !response.ok || response.type !== "basic" || response.redirected) { return false; }
  var policy = (response.headers.get("Cache-Control") || "").toLowerCase();
  return policy.indexOf("private") === -1 && policy.indexOf("no-store") === -1;
}

function keep(cacheName, request, response) {
  if (mayKeep(response)) {
    var copy = response.clone();
    caches.open(cacheName).then(function (cache) { return cache.put(request, copy); });
  }
  return response;
}

function offlinePage(url) {
  var code = url.pathname.split("/")[1];
  var page = OFFLINE.offline[code] || OFFLINE.offline[Object.keys(OFFLINE.offline)[0]];
  return caches.match(page).then(function (found) {
    return found || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
  });
}

function forgetPage(request) {
  return caches.open(PAGES).then(function (cache) { return cache.delete(request); });
}

/* A page: the network's answer if it comes within 3 s, else the copy kept from an
   earlier visit; without either, wait for the network; when it fails, the offline page.
   A private answer also removes any older copy of that address. */
function page(event, url) {
  var network = fetch(event.request).then(function (response) {
    if (mayKeep(response)) { return keep(PAGES, event.request, response); }
    return forgetPage(event.request).then(function () { return response; });
  });
  event.waitUntil(network.catch(function () { return null; }));
  var timer;
  var late = new Promise(function (resolve) { timer = setTimeout(resolve, PAGE_TIMEOUT_MS); })
    .then(function () { return caches.match(event.request, { cacheName: PAGES }); })
    .then(function (copy) { return copy || network; });
  return Promise.race([network, late])
    .then(function (response) { clearTimeout(timer); return response; })
    .catch(function () {
      clearTimeout(timer);
      return caches.match(event.request, { cacheName: PAGES }).then(function (copy) { return copy || offlinePage(url); });
    });
}

function hashedStatic(request) {
  return caches.match(request).then(function (copy) {
    return copy || fetch(request).then(function (response) { return keep(STATIC, request, response); });
  });
}

function staleWhileRevalidate(event, cacheName) {
  var request = event.request;
  var network = fetch(request).then(function (response) { return keep(cacheName, request, response); });
  event.waitUntil(network.catch(function () { return null; }));
  return caches.match(request).then(function (copy) { return copy || network; });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || request.headers.has("Range")) { return; }
  if (url.pathname.indexOf(OFFLINE.staticUrl) === 0) {
    event.respondWith(HASHED.test(url.pathname) ? hashedStatic(request) : staleWhileRevalidate(event, STATIC));
    return;
  }
  if (isPrivatePath(url.pathname)) { return; }
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (request.destination === "image") {
    event.respondWith(staleWhileRevalidate(event, PAGES));
  }
});
