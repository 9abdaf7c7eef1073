/* The waiting page asks our own status endpoint every few seconds (a few hundred bytes)
   and moves on when the phone has answered. Without JS, the Refresh button does the same. */
(function () {
  "use strict";
  var box = document.querySelector("[data-status-url]");
  if (!box || !window.fetch) return;
  var message = box.querySelector("[data-status-message]");
  var delay = 2000;
  function check() {
    fetch(box.getAttribute("data-status-url"), { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.message && message) message.textContent = state.message;
        if (state.next_url) { window.location.assign(state.next_url); return; }
        if (state.status !== "pending") { window.location.reload(); return; }
        delay = Math.min(delay + 1000, 8000);
        window.setTimeout(check, delay);
      })
      .catch(function () { window.setTimeout(check, 10000); });
  }
  window.setTimeout(check, delay);
})();
