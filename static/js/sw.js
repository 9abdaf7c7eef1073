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

/* --- 2. Offline copies: issue 18 adds its caching here. ----------------------------- */
