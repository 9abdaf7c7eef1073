/* The header bell follows the unread count live. The page's live connection (sockets,
   or polling when they fail) dispatches `bsa:live` events on document; this only
   listens for {"type": "notifications", "unread": n}. */
(function () {
  "use strict";
  var bell = document.querySelector("[data-bell]");
  var badge = bell && bell.querySelector("[data-bell-count]");
  if (!badge) { return; }
  document.addEventListener("bsa:live", function (event) {
    var data = event.detail || {};
    if (data.type !== "notifications" || typeof data.unread !== "number") { return; }
    badge.textContent = data.unread > 99 ? "99+" : String(data.unread);
    badge.hidden = data.unread <= 0;
  });
})();
