/* Beauty Skills Academy service worker, served at /sw.js with the whole site as scope
   (notifications.push_views.service_worker). One worker per site, so each concern is a
   section: 1. push notifications; 2. offline copies; 3. lessons saved for offline and
   the queue of what was done offline (issue 18). */
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
var SAVED = "bsa-saved-";

self.addEventListener("install", function (event) {
  var urls = OFFLINE.precache.concat(Object.keys(OFFLINE.offline).map(function (code) { return OFFLINE.offline[code]; }));
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(urls);
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("bsa-") === 0 && name.indexOf(SAVED) !== 0 && name !== PAGES && name !== STATIC;
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

/* The student's saved copy of a lesson (saved whole or not at all, section 3), else
   a copy kept from an earlier visit or at install (the saved-lessons pages). Saved pages
   were fetched with Save-Data: on, so their Vary must not stop a plain navigation. */
function keptPage(request) {
  return savedCopy(request).then(function (copy) {
    return copy || caches.match(request);
  });
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
    .then(function () { return keptPage(event.request); })
    .then(function (copy) { return copy || network; });
  return Promise.race([network, late])
    .then(function (response) { clearTimeout(timer); return response; })
    .catch(function () {
      clearTimeout(timer);
      return keptPage(event.request).then(function (copy) { return copy || offlinePage(url); });
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
  if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
  if (SAVED_MEDIA.test(url.pathname)) {
    event.respondWith(savedMedia(request));
    return;
  }
  if (request.headers.has("Range")) { return; }
  if (url.pathname.indexOf(OFFLINE.staticUrl) === 0) {
    event.respondWith(HASHED.test(url.pathname) ? hashedStatic(request) : staleWhileRevalidate(event, STATIC));
    return;
  }
  if (isPrivatePath(url.pathname)) {
    // Never stored; without network, the offline page says so (checkout, bookings…).
    if (request.mode === "navigate") { event.respondWith(fetch(request).catch(function () { return offlinePage(url); })); }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (request.destination === "image") {
    event.respondWith(staleWhileRevalidate(event, PAGES));
  }
});

/* --- 3. Saved lessons and the offline queue ----------------------------------------
   static/js/offline.js saves a lesson in "bsa-saved-<login>" with a record at
   /offline-saved/<id>; its page goes in last, so a copy cut short is never served.
   Lesson media answer from saved copies first (byte ranges too). On "bsa-online" the
   worker sends the queue and deletes the saved lessons the server no longer lists. */
var SAVED_MEDIA = /^\/(lesson-media|documents)\//;
var RECORD = "/offline-saved/";
var checkedAt = 0;
var checkedFor = null;

function savedCopy(request) {
  return caches.keys().then(function (names) {
    var mine = names.filter(function (name) { return name.indexOf(SAVED) === 0; });
    return mine.reduce(function (found, name) {
      return found.then(function (copy) {
        return copy || caches.open(name).then(function (cache) { return cache.match(request.url, { ignoreVary: true }); });
      });
    }, Promise.resolve(undefined));
  });
}

function ranged(request, response) {
  var range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get("Range") || "");
  if (!range) { return response; }
  return response.blob().then(function (blob) {
    var size = blob.size;
    var start = range[1] ? Number(range[1]) : Math.max(size - Number(range[2]), 0);
    var end = range[1] && range[2] ? Math.min(Number(range[2]) + 1, size) : size;
    if (start >= size) { return new Response(null, { status: 416, headers: { "Content-Range": "bytes */" + size } }); }
    return new Response(blob.slice(start, end), { status: 206, headers: {
      "Content-Type": response.headers.get("Content-Type") || "application/octet-stream",
      "Content-Range": "bytes " + start + "-" + (end - 1) + "/" + size,
      "Content-Length": String(end - start),
      "Accept-Ranges": "bytes"
    } });
  });
}

function savedMedia(request) {
  return savedCopy(request).then(function (copy) {
    return copy ? ranged(request, copy) : fetch(request);
  });
}

/* Drops unlisted lessons, keeping files a kept lesson shares. */
function prune(name, allowed) {
  return caches.open(name).then(function (cache) {
    return cache.keys().then(function (requests) {
      var records = requests.filter(function (r) { return new URL(r.url).pathname.indexOf(RECORD) === 0; });
      return Promise.all(records.map(function (r) {
        return cache.match(r).then(function (response) { return response ? response.json() : { urls: [] }; });
      })).then(function (lessons) {
        var keep = {};
        var drop = [];
        lessons.forEach(function (lesson, index) {
          if (allowed.indexOf(lesson.id) === -1) {
            drop.push(records[index].url);
            drop.push.apply(drop, lesson.urls);
          } else {
            lesson.urls.forEach(function (url) { keep[url] = true; });
          }
        });
        return Promise.all(drop.filter(function (url) { return !keep[url]; }).map(function (url) {
          return cache.delete(url, { ignoreVary: true });
        }));
      });
    });
  });
}

function checkEntitlement(url) {
  return caches.keys().then(function (names) {
    names = names.filter(function (name) { return name.indexOf(SAVED) === 0; });
    if (!names.length) { return null; }
    return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (response.status === 401) { return { session: "", lessons: [] }; }
      if (!response.ok) { throw new Error("entitlement " + response.status); }
      return response.json();
    }).then(function (list) {
      var ids = list.lessons.map(function (lesson) { return lesson.id; });
      return Promise.all(names.map(function (name) {
        return list.session && name === SAVED + list.session ? prune(name, ids) : caches.delete(name);
      }));
    });
  });
}

function queue(mode, work) {
  return new Promise(function (resolve, reject) {
    var open = indexedDB.open("bsa-offline", 1);
    open.onupgradeneeded = function () { open.result.createObjectStore("queue", { keyPath: "idempotency_key" }); };
    open.onerror = function () { reject(open.error); };
    open.onsuccess = function () {
      var tx = open.result.transaction("queue", mode);
      var asked = work(tx.objectStore("queue"));
      tx.oncomplete = function () { resolve(asked && asked.result); };
      tx.onerror = function () { reject(tx.error); };
    };
  });
}

function send(items, token) {
  var body = JSON.stringify({ actions: items.map(function (item) {
    return { idempotency_key: item.idempotency_key, kind: item.kind, lesson: item.lesson, quiz: item.quiz, answers: item.answers, done_at: item.done_at };
  }) });
  return fetch(items[0].sync, { method: "POST", credentials: "same-origin", body: body,
    headers: { "Content-Type": "application/json", "X-CSRFToken": token || items[0].csrf } })
    .then(function (response) {
      if (!response.ok) { throw new Error("sync " + response.status); }
      return response.json();
    }).then(function (answer) {
      return queue("readwrite", function (store) {
        answer.results.forEach(function (result, index) {
          var item = items[index];
          item.state = result.status === "applied" ? "sent" : "refused";
          item.message = result.message;
          store.put(item);
        });
      });
    });
}

var flushing = null;
function flush(token) {
  if (flushing) { return flushing; }
  flushing = queue("readonly", function (store) { return store.getAll(); }).then(function (items) {
    var waiting = items.filter(function (item) { return item.state === "waiting"; });
    var batches = [];
    while (waiting.length) { batches.push(waiting.splice(0, 50)); }
    return Promise.all(batches.map(function (batch) { return send(batch, token); }));
  }).then(function (sent) {
    if (!sent.length) { return null; }
    return self.clients.matchAll({ type: "window" }).then(function (windows) {
      windows.forEach(function (client) { client.postMessage({ type: "bsa-sent" }); });
    });
  });
  var done = function () { flushing = null; };
  flushing.then(done, done);
  return flushing;
}

self.addEventListener("sync", function (event) {
  if (event.tag === "bsa-queue") { event.waitUntil(flush()); }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "bsa-online") { return; }
  var work = [flush(data.csrf).catch(function () { return null; })];
  if (data.entitlement && (data.force || data.user !== checkedFor || Date.now() - checkedAt > 15000)) {
    checkedAt = Date.now();
    checkedFor = data.user;
    work.push(checkEntitlement(data.entitlement).catch(function () { return null; }));
  }
  event.waitUntil(Promise.all(work).then(function () {
    if (event.source) { event.source.postMessage({ type: "bsa-checked" }); }
  }));
});
