/* Lessons saved for offline (issue 18). On a lesson page: "Save for offline" keeps the
   lesson in this login's cache, and "done" or quiz answers given without network are
   queued with an idempotency key. On the "Saved for offline" page: what is kept, the
   space it takes, remove buttons and the settings. The service worker (static/js/sw.js,
   section 3) serves the saved copies, sends the queue and removes what may not stay.
   Every sentence comes translated from the page (data-msg-*). */
(function () {
  "use strict";
  var SAVED = "bsa-saved-";
  var RECORD = "/offline-saved/";
  var SETTINGS = "bsa-offline-settings";
  var box = document.querySelector("[data-offline-lesson]");
  var shelf = document.querySelector("[data-offline-saved]");
  var supported = "caches" in window && "serviceWorker" in navigator && "indexedDB" in window && window.isSecureContext;

  function say(element, text, values) {
    element.textContent = (text || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  }

  function settings() {
    var chosen = { wifiOnly: false, limitMb: 250 };
    try { Object.assign(chosen, JSON.parse(localStorage.getItem(SETTINGS) || "{}")); } catch (error) { /* defaults */ }
    return chosen;
  }

  function onWifi() {
    var link = navigator.connection;
    return !link || !link.type || link.type === "wifi" || link.type === "ethernet";
  }

  function savedCaches() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(SAVED) === 0; });
    });
  }

  /* Every saved lesson of this phone: [{record, cache name}]. */
  function records() {
    return savedCaches().then(function (names) {
      return Promise.all(names.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (request) {
              return new URL(request.url).pathname.indexOf(RECORD) === 0;
            }).map(function (request) {
              return cache.match(request).then(function (response) {
                // Gone meanwhile: the worker removes lessons that may not stay.
                return response ? response.json().then(function (record) { return { record: record, cache: name }; }) : null;
              });
            }));
          });
        });
      }));
    }).then(function (lists) { return [].concat.apply([], lists).filter(Boolean); });
  }

  function putRecord(cache, record) {
    return cache.put(RECORD + record.id, new Response(JSON.stringify(record), { headers: { "Content-Type": "application/json" } }));
  }

  /* Removes a saved lesson, keeping the files another saved lesson uses. */
  function remove(entry, all) {
    var used = {};
    all.forEach(function (other) {
      if (other !== entry && other.cache === entry.cache) {
        other.record.urls.forEach(function (url) { used[url] = true; });
      }
    });
    return caches.open(entry.cache).then(function (cache) {
      return Promise.all(entry.record.urls.filter(function (url) { return !used[url]; }).map(function (url) {
        return cache.delete(url, { ignoreVary: true });
      })).then(function () { return cache.delete(RECORD + entry.record.id); });
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

  /* --- Lesson page: save ------------------------------------------------------------ */
  function fetchInto(cache, url, headers) {
    return fetch(url, { credentials: "same-origin", headers: headers || {} }).then(function (response) {
      if (!response.ok || response.redirected) { throw new Error("not saved: " + url); }
      return cache.put(url, response);
    });
  }

  function fits(bytes, lessonId) {
    var limit = Number(settings().limitMb) * 1e6;
    var free = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate().then(function (estimate) {
      return estimate.quota - estimate.usage;
    }) : Promise.resolve(Infinity);
    return Promise.all([records(), free]).then(function (found) {
      var used = found[0].reduce(function (sum, entry) {
        return entry.record.id === lessonId ? sum : sum + entry.record.bytes;
      }, 0);
      if (found[1] < bytes) { return "full"; }
      return limit && used + bytes > limit ? "limit" : "";
    });
  }

  function save() {
    var status = box.querySelector("[data-offline-status]");
    var button = box.querySelector("[data-offline-button]");
    var video = box.querySelector("[data-offline-video]");
    var note = "";
    button.disabled = true;
    fetch(box.dataset.manifest, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("manifest " + response.status); }
      return response.json();
    }).then(function (manifest) {
      var files = manifest.files.slice();
      if (video && video.checked && manifest.video.length) {
        if (settings().wifiOnly && !onWifi()) { note = box.dataset.msgWifi; } else { files = files.concat(manifest.video); }
      }
      var bytes = files.reduce(function (sum, file) { return sum + file.bytes; }, manifest.text_bytes);
      var record = { id: manifest.lesson, title: manifest.title, page: manifest.page, bytes: bytes, complete: false,
        urls: files.map(function (file) { return file.url; }).concat([manifest.page]) };
      return fits(bytes, manifest.lesson).then(function (refusal) {
        if (refusal) { throw new Error(refusal); }
        return caches.open(SAVED + box.dataset.offlineSession);
      }).then(function (cache) {
        var done = 0;
        // Marked unfinished first; the page itself goes in last, so a copy cut short is
        // never served, and tapping again fetches only what is missing.
        return putRecord(cache, record).then(function () {
          return files.reduce(function (previous, file) {
            return previous.then(function () {
              return cache.match(file.url, { ignoreVary: true }).then(function (kept) { return kept || fetchInto(cache, file.url); });
            }).then(function () {
              done += 1;
              say(status, box.dataset.msgSaving, { done: done, total: files.length });
            });
          }, Promise.resolve());
        }).then(function () {
          return fetchInto(cache, manifest.page, { "Save-Data": "on" });
        }).then(function () {
          record.complete = true;
          return putRecord(cache, record);
        });
      });
    }).then(function () {
      say(status, box.dataset.msgSaved + (note ? " " + note : ""));
    }).catch(function (error) {
      var text = box.dataset.msgCut;
      if (error && error.name === "QuotaExceededError" || error.message === "full") { text = box.dataset.msgFull; }
      if (error.message === "limit") { text = box.dataset.msgLimit; }
      if (/^manifest/.test(error.message)) { text = box.dataset.msgFailed; }
      say(status, text, { limit: settings().limitMb });
    }).then(function () { button.disabled = false; });
  }

  /* --- Lesson page: the queue -------------------------------------------------------- */
  function noteAfter(form, key) {
    var note = document.querySelector('[data-offline-note="' + key + '"]');
    if (!note) {
      note = document.createElement("p");
      note.className = "note";
      note.setAttribute("role", "status");
      note.setAttribute("data-offline-note", key);
      (form || box).insertAdjacentElement("afterend", note);
    }
    return note;
  }

  function queueAction(event) {
    var form = event.target;
    var found = /\/lesson\/(\d+)\/(?:done|quiz\/([^/]+))\/$/.exec(new URL(form.action, location.href).pathname);
    if (navigator.onLine || !found || !window.crypto || !crypto.randomUUID) { return; }
    event.preventDefault();
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    var item = { idempotency_key: crypto.randomUUID(), kind: found[2] ? "quiz_answer" : "lesson_done",
      lesson: Number(found[1]), quiz: found[2] ? decodeURIComponent(found[2]) : "", answers: {},
      done_at: new Date().toISOString(), csrf: token ? token.value : "", sync: box.dataset.sync, state: "waiting", message: "" };
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf("q-") === 0) { (item.answers[name.slice(2)] = item.answers[name.slice(2)] || []).push(value); }
    });
    queue("readwrite", function (store) { return store.put(item); }).then(function () {
      form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      say(noteAfter(form, item.idempotency_key), box.dataset.msgQueued);
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.sync) { return registration.sync.register("bsa-queue"); }
      return null; // no Background Sync: app.js sends the queue on the next visit
    }).catch(function () { say(box.querySelector("[data-offline-status]"), box.dataset.msgFull); });
  }

  /* What the server answered for this lesson: told once, then forgotten. */
  function showAnswers() {
    var lesson = Number(box.dataset.offlineLesson);
    queue("readonly", function (store) { return store.getAll(); }).then(function (items) {
      var answered = items.filter(function (item) { return item.state !== "waiting" && item.lesson === lesson; });
      answered.forEach(function (item) {
        var form = document.querySelector('form[action*="/lesson/' + lesson + '/' + (item.quiz ? "quiz/" + item.quiz : "done") + '/"]');
        var note = noteAfter(form, item.idempotency_key);
        note.className = item.state === "sent" ? "note ok" : "note";
        say(note, item.message);
      });
      return queue("readwrite", function (store) {
        answered.forEach(function (item) { store.delete(item.idempotency_key); });
      });
    }).catch(function () { return null; });
  }

  function lessonPage() {
    var button = box.querySelector("[data-offline-button]");
    var status = box.querySelector("[data-offline-status]");
    button.hidden = false;
    button.addEventListener("click", save);
    records().then(function (all) {
      all.forEach(function (entry) {
        if (entry.record.id === Number(box.dataset.offlineLesson)) {
          say(status, entry.record.complete ? box.dataset.msgSaved : box.dataset.msgCut);
        }
      });
    });
    document.addEventListener("submit", queueAction);
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "bsa-sent") { showAnswers(); }
    });
    showAnswers();
  }

  /* --- The "Saved for offline" page ------------------------------------------------- */
  function size(bytes) {
    var megabytes = Math.max(bytes / 1e6, 0.1);
    var value = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: megabytes < 100 ? 1 : 0 }).format(megabytes);
    return shelf.dataset.msgSize.replace("{size}", value);
  }

  function drawShelf(done) {
    var list = shelf.querySelector("[data-offline-list]");
    records().then(function (all) {
      list.replaceChildren();
      if (!all.length) {
        var empty = document.createElement("li");
        say(empty, shelf.dataset.msgEmpty);
        list.append(empty);
      }
      all.forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        var button = document.createElement("button");
        link.href = entry.record.page;
        link.textContent = entry.record.title;
        button.type = "button";
        button.className = "btn-light";
        button.textContent = shelf.dataset.labelRemove;
        button.addEventListener("click", function () {
          remove(entry, all).then(function () { drawShelf(shelf.dataset.msgRemoved); });
        });
        item.append(link, " · " + size(entry.record.bytes) + (entry.record.complete ? "" : " · " + shelf.dataset.msgIncomplete) + " ", button);
        list.append(item);
      });
    });
    if (navigator.storage && navigator.storage.estimate) {
      navigator.storage.estimate().then(function (estimate) {
        say(shelf.querySelector("[data-offline-space]"), (done ? done + " " : "") + shelf.dataset.msgUsed,
          { used: size(estimate.usage || 0), free: size((estimate.quota || 0) - (estimate.usage || 0)) });
      });
    }
  }

  function savedPage() {
    var form = shelf.querySelector("[data-offline-settings]");
    var chosen = settings();
    form.elements.wifi_only.checked = Boolean(chosen.wifiOnly);
    form.elements.limit_mb.value = String(chosen.limitMb);
    form.addEventListener("change", function () {
      localStorage.setItem(SETTINGS, JSON.stringify({ wifiOnly: form.elements.wifi_only.checked, limitMb: Number(form.elements.limit_mb.value) }));
    });
    drawShelf();
  }

  if (!supported) {
    if (shelf) { say(shelf.querySelector("[data-offline-space]"), shelf.dataset.msgUnsupported); }
    return;
  }
  if (box && box.dataset.offlineSession) { lessonPage(); }
  if (shelf) { savedPage(); }
})();
