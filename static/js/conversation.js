/* The conversation page: send without reloading, receive in real time, ticks, older
   messages on scroll, voice notes recorded in the browser.
   Live events arrive as "bsa:live" CustomEvents on document (static/js/live.js, from
   the socket); with no socket this script polls the updates endpoint every 5 s with
   If-None-Match, so an unchanged answer is an empty 304. Without JavaScript the
   forms post and the page reloads: everything still works. */
(function () {
  "use strict";
  var chat = document.querySelector("[data-chat]");
  if (!chat || !window.fetch) {
    return;
  }
  var list = chat.querySelector("[data-messages]");
  var form = document.querySelector("[data-send-form]");
  var me = String(document.body.dataset.userId || chat.dataset.userId);
  var conversationId = Number(chat.dataset.conversation);
  var lastId = Number(chat.dataset.lastId) || 0;
  var labels = chat.dataset;
  var POLL_MS = 5000;
  var READ_DELAY_MS = 400;
  // {user id: message id} of the others: how far each has received and read.
  var marks = { delivered: {}, read: {} };
  var others = [];
  var etag = "";
  var polling = false;
  var offeredPush = false;
  var readTimer = null;
  var readUpTo = 0;

  (function loadMarks() {
    var given = {};
    try {
      given = JSON.parse(chat.dataset.marks || "{}");
    } catch (error) {
      given = {};
    }
    Object.keys(given).forEach(function (userId) {
      others.push(userId);
      marks.delivered[userId] = given[userId][0];
      marks.read[userId] = given[userId][1];
    });
  })();

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function parse(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content;
  }

  function everyOther(store, id) {
    return others.length > 0 && others.every(function (userId) {
      return (store[userId] || 0) >= id;
    });
  }

  function stateOf(id) {
    if (everyOther(marks.read, id)) {
      return "read";
    }
    return everyOther(marks.delivered, id) ? "delivered" : "sent";
  }

  function showState(item, state) {
    item.setAttribute("data-state", state);
    var ticks = item.querySelector(".msg-ticks");
    if (ticks) {
      ticks.title = labels["label" + state.charAt(0).toUpperCase() + state.slice(1)] || "";
    }
  }

  // A message's id is in its element id ("m42"): no second data attribute per message.
  function idOf(item) {
    return Number(item.id.slice(1));
  }

  // A message rendered for everyone becomes "mine" here when its sender is this person.
  function adopt(item) {
    if (item.dataset.sender === me) {
      item.classList.add("mine");
      showState(item, stateOf(idOf(item)));
    }
    return item;
  }

  function refreshTicks() {
    Array.prototype.forEach.call(list.querySelectorAll("li.mine"), function (item) {
      showState(item, stateOf(idOf(item)));
    });
  }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 160;
  }

  function toBottom() {
    window.scrollTo(0, document.documentElement.scrollHeight);
  }

  // Insert or replace (a message hidden by a moderator, a voice note now ready) in id order.
  function place(item) {
    adopt(item);
    var existing = document.getElementById(item.id);
    if (existing) {
      existing.replaceWith(item);
      return;
    }
    var id = idOf(item);
    var after = null;
    var items = list.children;
    for (var i = items.length - 1; i >= 0; i--) {
      if (idOf(items[i]) < id) {
        after = items[i];
        break;
      }
    }
    list.insertBefore(item, after ? after.nextSibling : list.firstChild);
    var empty = chat.querySelector("[data-empty]");
    if (empty) {
      empty.remove();
    }
  }

  function setUnread(count) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-unread-count]"), function (badge) {
      badge.textContent = count;
      badge.hidden = !count;
    });
  }

  function markRead(id) {
    readUpTo = Math.max(readUpTo, id);
    if (document.visibilityState !== "visible") {
      return;
    }
    clearTimeout(readTimer);
    readTimer = setTimeout(function () {
      var body = new FormData();
      body.append("up_to", readUpTo);
      fetch(labels.readUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" }
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (data) {
            setUnread(data.unread);
          }
        })
        .catch(function () {});
    }, READ_DELAY_MS);
  }

  document.addEventListener("visibilitychange", function () {
    if (readUpTo) {
      markRead(readUpTo);
    }
  });

  function receive(event) {
    if (!event || Number(event.conversation) !== conversationId) {
      return;
    }
    if (event.type === "message") {
      var follow = nearBottom();
      place(parse(event.html).firstElementChild);
      lastId = Math.max(lastId, event.id);
      if (String(event.sender) !== me) {
        markRead(event.id);
      }
      if (follow) {
        toBottom();
      }
    } else if (event.type === "read" || event.type === "delivered") {
      var userId = String(event.user);
      if (userId === me) {
        return;
      }
      if (others.indexOf(userId) === -1) {
        others.push(userId);
      }
      marks.delivered[userId] = Math.max(marks.delivered[userId] || 0, event.up_to);
      if (event.type === "read") {
        marks.read[userId] = Math.max(marks.read[userId] || 0, event.up_to);
      }
      refreshTicks();
    }
  }

  // "typing…" and "online": socket-only extras (live.js); nothing is stored for them.
  var typingNote = chat.querySelector("[data-typing]");
  var presenceNote = document.querySelector("[data-presence]");
  var typingTimer = null;
  var lastTypingSent = 0;
  var TYPING_SHOW_MS = 5000;
  var TYPING_EVERY_MS = 3000;

  function showTyping(name) {
    typingNote.textContent = labels.labelTyping.replace("%(name)s", name || "");
    typingNote.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () {
      typingNote.hidden = true;
    }, TYPING_SHOW_MS);
  }

  function showPresence(event) {
    if (!presenceNote || String(event.user) !== presenceNote.dataset.presenceUser) {
      return;
    }
    presenceNote.textContent = event.online ? labels.labelOnline : labels.labelSeenNow;
    presenceNote.hidden = false;
  }

  document.addEventListener("bsa:live", function (event) {
    var detail = event.detail || {};
    if (detail.type === "presence") {
      showPresence(detail);
      return;
    }
    if (detail.type === "typing" && Number(detail.conversation) === conversationId) {
      if (String(detail.user) !== me && typingNote) {
        showTyping(detail.name);
      }
      return;
    }
    if (detail.type === "message" && String(detail.sender) !== me && typingNote) {
      typingNote.hidden = true;
    }
    receive(detail);
  });

  var textBox = form && form.querySelector("textarea[name=text]");
  if (textBox) {
    textBox.addEventListener("input", function () {
      var now = Date.now();
      if (!window.bsaLive || !window.bsaLive.connected || now - lastTypingSent < TYPING_EVERY_MS) {
        return;
      }
      lastTypingSent = now;
      window.bsaLive.send({ type: "typing", conversation: conversationId });
    });
  }

  // The fallback when no socket is connected (live.js sets window.bsaLive.connected).
  function poll() {
    if (polling || (window.bsaLive && window.bsaLive.connected)) {
      return;
    }
    polling = true;
    var headers = { Accept: "application/json" };
    if (etag) {
      headers["If-None-Match"] = etag;
    }
    var url = labels.updatesUrl + "?conversation=" + conversationId + "&after=" + lastId;
    fetch(url, { headers: headers, credentials: "same-origin" })
      .then(function (response) {
        if (response.status !== 200) {
          return null;
        }
        etag = response.headers.get("ETag") || "";
        return response.json();
      })
      .then(function (data) {
        if (!data) {
          return;
        }
        data.events.forEach(receive);
        lastId = Math.max(lastId, data.last_id);
        setUnread(data.unread);
      })
      .catch(function () {})
      .then(function () {
        polling = false;
      });
  }
  setInterval(poll, POLL_MS);

  // Older messages: the "Older messages" link loads them in place when it scrolls into view.
  var olderLink = chat.querySelector("[data-older]");
  var loadingOlder = false;

  function loadOlder() {
    if (!olderLink || loadingOlder) {
      return;
    }
    loadingOlder = true;
    fetch(olderLink.href, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        var height = document.documentElement.scrollHeight;
        var items = parse(data.html);
        Array.prototype.forEach.call(items.children, adopt);
        list.insertBefore(items, list.firstChild);
        window.scrollBy(0, document.documentElement.scrollHeight - height);
        if (data.older) {
          olderLink.href = "?before=" + data.older;
        } else {
          olderLink.parentNode.remove();
          olderLink = null;
        }
      })
      .catch(function () {})
      .then(function () {
        loadingOlder = false;
      });
  }

  if (olderLink) {
    olderLink.addEventListener("click", function (event) {
      event.preventDefault();
      loadOlder();
    });
  }

  if (!location.hash) {
    toBottom();
  }
  if (olderLink && window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting) {
        loadOlder();
      }
    }).observe(olderLink.parentNode);
  }

  // Voice notes are fetched only when tapped.
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-voice]");
    if (!link) {
      return;
    }
    event.preventDefault();
    var audio = document.createElement("audio");
    audio.controls = true;
    audio.preload = "none";
    audio.src = link.href;
    audio.addEventListener("error", function () {
      audio.replaceWith(link);
      showError(labels.labelVoiceWaiting);
    });
    link.replaceWith(audio);
    audio.play().catch(function () {});
  });

  if (!form) {
    return;
  }
  var errorBox = form.querySelector("[data-send-error]");
  var sendButton = form.querySelector("button[type=submit]");

  function showError(message) {
    errorBox.textContent = message || "";
    errorBox.hidden = !message;
  }

  function newKey() {
    var key = window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
    form.elements.client_key.value = key.replace(/-/g, "");
  }

  function submit(data, keepText) {
    sendButton.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (answer) {
        if (!answer.ok) {
          showError(answer.body.error);
          return;
        }
        showError("");
        place(parse(answer.body.html).firstElementChild);
        lastId = Math.max(lastId, answer.body.id);
        var text = form.elements.text.value;
        form.reset();
        if (keepText) {
          form.elements.text.value = text;
        }
        newKey();
        toBottom();
        if (!offeredPush) {
          // Ask for notifications only after the person's first message, never on arrival.
          offeredPush = true;
          if (window.bsaPush && window.bsaPush.offer) {
            window.bsaPush.offer();
          }
        }
      })
      // The same client key goes with the retry: the server stores the message once.
      .catch(function () {
        showError(labels.labelFailed);
      })
      .then(function () {
        sendButton.disabled = false;
      });
  }

  form.addEventListener("submit", function (event) {
    if (!window.FormData) {
      return;
    }
    event.preventDefault();
    submit(new FormData(form), false);
  });

  form.elements.text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });

  // Recording in the browser, stopped at the 2-minute cap, then uploaded.
  var recordButton = form.querySelector("[data-record]");
  if (!recordButton || !navigator.mediaDevices || !window.MediaRecorder) {
    return;
  }
  var idleLabel = recordButton.textContent;
  var recorder = null;
  var stopTimer = null;
  var maxSeconds = Number(labels.voiceMaxSeconds) || 120;
  var maxBytes = Number(labels.voiceMaxBytes) || 5242880;
  recordButton.hidden = false;

  function recordingType() {
    var types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];
    for (var i = 0; i < types.length; i++) {
      if (MediaRecorder.isTypeSupported(types[i])) {
        return types[i];
      }
    }
    return "";
  }

  recordButton.addEventListener("click", function () {
    if (recorder) {
      recorder.stop();
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ audio: true })
      .then(function (stream) {
        var chunks = [];
        var type = recordingType();
        recorder = new MediaRecorder(stream, type ? { mimeType: type, audioBitsPerSecond: 24000 } : {});
        recorder.addEventListener("dataavailable", function (event) {
          chunks.push(event.data);
        });
        recorder.addEventListener("stop", function () {
          clearTimeout(stopTimer);
          stream.getTracks().forEach(function (track) {
            track.stop();
          });
          var mimeType = recorder.mimeType || type || "audio/webm";
          recorder = null;
          recordButton.textContent = idleLabel;
          recordButton.setAttribute("aria-pressed", "false");
          var blob = new Blob(chunks, { type: mimeType });
          if (blob.size > maxBytes) {
            showError(labels.labelVoiceTooBig);
            return;
          }
          var data = new FormData();
          data.append("csrfmiddlewaretoken", csrfToken());
          data.append("client_key", form.elements.client_key.value);
          data.append("voice", blob, mimeType.indexOf("mp4") !== -1 ? "voice.m4a" : "voice.webm");
          submit(data, true);
        });
        recorder.start();
        recordButton.textContent = labels.labelRecording;
        recordButton.setAttribute("aria-pressed", "true");
        stopTimer = setTimeout(function () {
          if (recorder) {
            recorder.stop();
          }
        }, maxSeconds * 1000);
      })
      .catch(function () {
        showError(labels.labelNoMicrophone);
      });
  });
})();
