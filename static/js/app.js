/* Every page: registers the site's service worker (static/js/sw.js: offline copies and
   push) once the page has loaded, so it never competes with the first view. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) { return; }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () { /* next visit */ });
  });
})();
