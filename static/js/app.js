/* Every page: register the service worker after load (static/js/sw.js explains why),
   and tell it when online, so it sends the offline queue and checks saved lessons. */
(function () {
  "use strict";
  var sw = navigator.serviceWorker;
  if (!sw || !window.isSecureContext) { return; }
  function online(force) {
    var csrf = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie);
    if (sw.controller && navigator.onLine) {
      sw.controller.postMessage({ type: "bsa-online", force: force, csrf: csrf ? csrf[1] : "",
        user: document.body.getAttribute("data-user-id") || "",
        entitlement: "/" + (document.documentElement.lang || "fr") + "/learn/offline/lessons/" });
    }
  }
  addEventListener("load", function () {
    sw.register("/sw.js", { scope: "/" }).then(function () { online(false); }, function () {});
  });
  addEventListener("online", function () { online(true); });
})();
