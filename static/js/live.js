/* The live channel of a signed-in page: one WebSocket to the real-time server
   (messaging/consumers.py), each event it brings dispatched on document as
   CustomEvent("bsa:live", {detail: event}), and window.bsaLive.send(frame) for the
   frames the server takes ({"type": "typing", "conversation": id}).

   When a socket cannot be kept (three failed tries: a carrier proxy, 2G), the page
   polls /<lang>/messages/updates/?after=<last message id> every 5 to 15 s instead,
   with If-None-Match so an unchanged answer is a 304, and dispatches the same events.
   After every reconnection it catches up from its last message id the same way:
   events of type "message" are dispatched once per id, nothing twice.
   <body data-live-poll="always"> (`make run` without Redis, where the web server cannot
   reach the sockets) keeps polling while the socket is open. */
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.dataset.userId || window.bsaLive) {
    return;
  }

  var PING_MS = 25000;
  var SILENT_MS = 60000; // nothing heard for this long: the socket is dead
  var SHORT_LIVED_MS = 10000; // a socket closed sooner than this counts as a failure
  var MAX_FAILURES = 3;
  var SOCKET_RETRY_WHILE_POLLING_MS = 300000;
  var POLL_MIN_MS = 5000;
  var POLL_MAX_MS = 15000;
  var SEEN_KEPT = 500;

  var lang = document.documentElement.lang || "fr";
  var updatesUrl = "/" + lang + "/messages/updates/";
  var alwaysPoll = body.dataset.livePoll === "always";
  var lastId = parseInt(body.dataset.liveAfter || "", 10) || null;
  var seen = [];
  var etag = null;

  var socket = null;
  var openedAt = 0;
  var lastHeard = 0;
  var failures = 0;
  var stopped = false;
  var pingTimer = null;
  var retryTimer = null;
  var pollTimer = null;
  var pollDelay = POLL_MIN_MS;
  var polling = false;
  var fetching = false;

  function socketUrl() {
    if (body.dataset.liveUrl) {
      return body.dataset.liveUrl;
    }
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + location.host + "/ws/live/";
  }

  function messageId(event) {
    if (!event || event.type !== "message") {
      return null;
    }
    var id = event.id || (event.message && event.message.id);
    return typeof id === "number" ? id : null;
  }

  function dispatch(event) {
    var id = messageId(event);
    if (id !== null) {
      if (seen.indexOf(id) !== -1) {
        return;
      }
      seen.push(id);
      if (seen.length > SEEN_KEPT) {
        seen.shift();
      }
      if (lastId === null || id > lastId) {
        lastId = id;
      }
    }
    document.dispatchEvent(new CustomEvent("bsa:live", { detail: event }));
  }

  /* One request to the updates endpoint. Without a last id yet, the answer only
     tells where "now" is: what it lists is already on the page. */
  function fetchUpdates() {
    if (fetching) {
      return Promise.resolve(false);
    }
    fetching = true;
    var baseline = lastId === null;
    var url = updatesUrl + (baseline ? "" : "?after=" + lastId);
    var headers = { Accept: "application/json" };
    if (etag && !baseline) {
      headers["If-None-Match"] = etag;
    }
    return fetch(url, { headers: headers, credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304 || !response.ok) {
          return false;
        }
        etag = response.headers.get("ETag");
        return response.json().then(function (data) {
          if (!baseline) {
            (data.events || []).forEach(dispatch);
          }
          if (typeof data.last_id === "number" && (lastId === null || data.last_id > lastId)) {
            lastId = data.last_id;
          }
          if (typeof data.unread === "number") {
            document.dispatchEvent(
              new CustomEvent("bsa:live", { detail: { type: "unread", unread: data.unread } })
            );
          }
          return true;
        });
      })
      .catch(function () {
        return false;
      })
      .then(function (changed) {
        fetching = false;
        return changed;
      });
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(function () {
      fetchUpdates().then(function (changed) {
        // Quick while things happen, slower (up to 15 s) while nothing does.
        pollDelay = changed ? POLL_MIN_MS : Math.min(POLL_MAX_MS, Math.round(pollDelay * 1.5));
        if (polling || alwaysPoll) {
          schedulePoll();
        }
      });
    }, pollDelay);
  }

  function startPolling() {
    if (!polling) {
      polling = true;
      pollDelay = POLL_MIN_MS;
      schedulePoll();
    }
    // Networks change: try a socket again now and then.
    clearTimeout(retryTimer);
    retryTimer = setTimeout(function () {
      failures = MAX_FAILURES - 1;
      connect();
    }, SOCKET_RETRY_WHILE_POLLING_MS);
  }

  function stopPolling() {
    polling = false;
    if (!alwaysPoll) {
      clearTimeout(pollTimer);
    }
  }

  function ping() {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    if (Date.now() - lastHeard > SILENT_MS) {
      socket.close();
      return;
    }
    socket.send(JSON.stringify({ type: "ping" }));
  }

  function reconnectLater() {
    if (failures >= MAX_FAILURES) {
      startPolling();
      return;
    }
    // Exponential back-off with jitter, so a restarted server is not hit by every
    // page at the same instant.
    var delay = Math.min(30000, 1000 * Math.pow(2, failures)) * (0.5 + Math.random());
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, delay);
  }

  function connect() {
    if (stopped || (socket && socket.readyState <= WebSocket.OPEN)) {
      return;
    }
    clearTimeout(retryTimer);
    try {
      socket = new WebSocket(socketUrl());
    } catch (error) {
      failures += 1;
      reconnectLater();
      return;
    }
    socket.onopen = function () {
      openedAt = Date.now();
      lastHeard = openedAt;
      clearInterval(pingTimer);
      pingTimer = setInterval(ping, PING_MS);
      stopPolling();
      // Whatever happened while the page had no socket.
      fetchUpdates();
    };
    socket.onmessage = function (message) {
      lastHeard = Date.now();
      var event;
      try {
        event = JSON.parse(message.data);
      } catch (error) {
        return;
      }
      if (event && event.type !== "pong") {
        dispatch(event);
      }
    };
    socket.onclose = function (closing) {
      clearInterval(pingTimer);
      socket = null;
      if (closing.code === 4401) {
        // No session (signed out in another tab): nothing to listen for.
        stopped = true;
        return;
      }
      var lived = openedAt ? Date.now() - openedAt : 0;
      openedAt = 0;
      failures = lived >= SHORT_LIVED_MS ? 1 : failures + 1;
      reconnectLater();
    };
  }

  window.addEventListener("online", function () {
    if (!stopped && !socket) {
      failures = 0;
      connect();
    }
  });

  window.bsaLive = {
    /* Send a frame; false when no socket is open (typing is then simply not shown). */
    send: function (frame) {
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        return false;
      }
      socket.send(JSON.stringify(frame));
      return true;
    },
  };
  /* True while the server's events reach this page by the socket; page scripts with
     their own poll (conversation.js) poll only while it is false. */
  Object.defineProperty(window.bsaLive, "connected", {
    get: function () {
      return Boolean(!alwaysPoll && socket && socket.readyState === WebSocket.OPEN);
    },
  });

  connect();
  if (alwaysPoll) {
    schedulePoll();
  }
})();
