/* Web push. The browser asks for permission only when the site calls
   window.bsaPush.offer() (messaging does, after a person's first message), never on
   arrival. Once allowed, each visit makes sure the server holds this browser's
   subscription (once per tab session). Without a key on the page (a server with no
   VAPID key) offer() does nothing and resolves false. */
(function () {
  "use strict";
  var bell = document.querySelector("[data-push-key]");
  var supported = Boolean(bell && window.isSecureContext && "serviceWorker" in navigator &&
    "PushManager" in window && "Notification" in window);
  var SAVED = "bsa-push-endpoint";

  function serverKey(base64url) {
    var base64 = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(base64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function save(subscription) {
    var json = subscription.toJSON();
    if (window.sessionStorage.getItem(SAVED) === json.endpoint) { return Promise.resolve(true); }
    return fetch(bell.dataset.pushSubscribe, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": bell.dataset.csrf },
      body: JSON.stringify(json)
    }).then(function (response) {
      if (response.ok) { window.sessionStorage.setItem(SAVED, json.endpoint); }
      return response.ok;
    });
  }

  function subscribe() {
    return navigator.serviceWorker.register("/sw.js", { scope: "/" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
          return existing || registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: serverKey(bell.dataset.pushKey)
          });
        });
      })
      .then(save);
  }

  function offer() {
    if (!supported || Notification.permission === "denied") { return Promise.resolve(false); }
    var answer = Notification.permission === "granted" ?
      Promise.resolve("granted") : Promise.resolve(Notification.requestPermission());
    return answer.then(function (permission) {
      return permission === "granted" ? subscribe() : false;
    }).catch(function () { return false; });
  }

  window.bsaPush = { offer: offer, supported: supported };
  if (supported && Notification.permission === "granted") {
    subscribe().catch(function () { /* kept for the next visit */ });
  }
})();
