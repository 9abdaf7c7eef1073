/* Every page: registers the site's service worker (static/js/sw.js: offline copies and
   push) once the page has loaded, so it never competes with the first view. Online, it
   tells the worker so: the worker then sends what was done offline and drops the saved
   lessons this login may no longer keep (sw.js, section 3). */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) { return; }

  function online(force) {
    var worker = navigator.serviceWorker.controller;
    if (!worker || !navigator.onLine) { return; }
    var token = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie);
    // The person behind the page: a new one (logged out or in) means check at once.
    worker.postMessage({ type: "bsa-online", force: force, csrf: token ? token[1] : "",
      user: document.body.getAttribute("data-user-id") || "",
      entitlement: "/" + (document.documentElement.lang || "fr") + "/learn/offline/lessons/" });
  }

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () { online(false); })
      .catch(function () { /* next visit */ });
  });
  window.addEventListener("online", function () { online(true); });
})();
