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
  var SEND_TIMEOUT_MS = 20000;
  var box = document.querySelector("[data-offline-lesson]");
  var course = document.querySelector("[data-offline-course]");
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

  /* Removes saved lessons, keeping the files another saved lesson uses. */
  function remove(entries, all) {
    var used = {};
    all.forEach(function (other) {
      if (entries.indexOf(other) === -1) {
        other.record.urls.forEach(function (url) { used[other.cache + " " + url] = true; });
      }
    });
    return Promise.all(entries.map(function (entry) {
      return caches.open(entry.cache).then(function (cache) {
        return Promise.all(entry.record.urls.filter(function (url) { return !used[entry.cache + " " + url]; }).map(function (url) {
          return cache.delete(url, { ignoreVary: true });
        })).then(function () { return cache.delete(RECORD + entry.record.id); });
      });
    }));
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

  /* "12 KB" under a megabyte, else "2.4 MB", in the page's language (decimal units, as
     operators bill data). */
  function size(bytes, holder) {
    if (bytes < 1e6) { return holder.dataset.msgKilobytes.replace("{size}", String(Math.max(Math.ceil(bytes / 1000), 1))); }
    var megabytes = bytes / 1e6;
    var value = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: megabytes < 100 ? 1 : 0 }).format(megabytes);
    return holder.dataset.msgMegabytes.replace("{size}", value);
  }

  /* --- Saving: a lesson alone, or every lesson of a course ----------------------- */
  /* Kept under the site's own address. A lesson's media may answer with a redirect to
     the bucket's signed URL (production): kept when the bucket allowed it by CORS (see
     README, "Saved lessons and the bucket"); any other redirect is a login or a refusal. */
  function fetchInto(cache, url, headers) {
    return fetch(url, { credentials: "same-origin", headers: headers || {} }).then(function (response) {
      if (!response.ok || response.redirected && response.type !== "cors") { throw new Error("not saved: " + url); }
      return cache.put(url, response);
    });
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error("manifest " + response.status); }
      return response.json();
    });
  }

  /* What of a lesson goes on the phone: the video only when chosen, and then only on
     Wi-Fi when "Save videos only on Wi-Fi" is on. */
  function plan(manifest, withVideo) {
    var files = manifest.files.slice();
    var videoLeftOut = false;
    if (withVideo && manifest.video.length) {
      if (settings().wifiOnly && !onWifi()) { videoLeftOut = true; } else { files = files.concat(manifest.video); }
    }
    var bytes = files.reduce(function (sum, file) { return sum + file.bytes; }, manifest.text_bytes);
    return { files: files, videoLeftOut: videoLeftOut, record: { id: manifest.lesson, title: manifest.title,
      page: manifest.page, course: manifest.course, bytes: bytes, complete: false,
      urls: files.map(function (file) { return file.url; }).concat([manifest.page]) } };
  }

  /* "" when these bytes may be saved, else why not ("full" or "limit"); the lessons
     being saved again do not count twice. */
  function fits(bytes, lessonIds) {
    var limit = Number(settings().limitMb) * 1e6;
    var free = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate().then(function (estimate) {
      return estimate.quota - estimate.usage;
    }) : Promise.resolve(Infinity);
    return Promise.all([records(), free]).then(function (found) {
      var used = found[0].reduce(function (sum, entry) {
        return lessonIds.indexOf(entry.record.id) === -1 ? sum + entry.record.bytes : sum;
      }, 0);
      if (found[1] < bytes) { return "full"; }
      return limit && used + bytes > limit ? "limit" : "";
    });
  }

  /* Marked unfinished first; the page itself goes in last, so a copy cut short is never
     served, and saving again fetches only what is missing. */
  function keepLesson(cache, lesson, onFile) {
    var done = 0;
    return putRecord(cache, lesson.record).then(function () {
      return lesson.files.reduce(function (previous, file) {
        return previous.then(function () {
          return cache.match(file.url, { ignoreVary: true }).then(function (kept) { return kept || fetchInto(cache, file.url); });
        }).then(function () {
          done += 1;
          if (onFile) { onFile(done, lesson.files.length); }
        });
      }, Promise.resolve());
    }).then(function () {
      return fetchInto(cache, lesson.record.page, { "Save-Data": "on" });
    }).then(function () {
      lesson.record.complete = true;
      return putRecord(cache, lesson.record);
    });
  }

  function refusalText(holder, error, fallback) {
    if (error && error.name === "QuotaExceededError" || error.message === "full") { return holder.dataset.msgFull; }
    if (error.message === "limit") { return holder.dataset.msgLimit; }
    if (/^manifest/.test(error.message)) { return holder.dataset.msgFailed; }
    return fallback;
  }

  /* --- Lesson page: save ------------------------------------------------------------ */
  function save() {
    var status = box.querySelector("[data-offline-status]");
    var button = box.querySelector("[data-offline-button]");
    var video = box.querySelector("[data-offline-video]");
    var lesson;
    button.disabled = true;
    getJson(box.dataset.manifest).then(function (manifest) {
      lesson = plan(manifest, video && video.checked);
      return fits(lesson.record.bytes, [lesson.record.id]);
    }).then(function (refusal) {
      if (refusal) { throw new Error(refusal); }
      return caches.open(SAVED + box.dataset.offlineSession);
    }).then(function (cache) {
      return keepLesson(cache, lesson, function (done, total) {
        say(status, box.dataset.msgSaving, { done: done, total: total });
      });
    }).then(function () {
      say(status, box.dataset.msgSaved + (lesson.videoLeftOut ? " " + box.dataset.msgWifi : ""));
    }).catch(function (error) {
      say(status, refusalText(box, error, box.dataset.msgCut), { limit: settings().limitMb });
    }).then(function () { button.disabled = false; });
  }

  /* --- Course page: save the whole course --------------------------------------------- */
  function coursePage() {
    var status = course.querySelector("[data-offline-status]");
    var button = course.querySelector("[data-offline-button]");
    var video = course.querySelector("[data-offline-video]");
    var manifest;

    /* Each lesson to save, and those this login already keeps whole (skipped). */
    function lessons() {
      var plans = manifest.lessons.map(function (item) { return plan(item, video.checked); });
      return records().then(function (all) {
        var whole = {};
        all.forEach(function (entry) {
          if (entry.cache === SAVED + course.dataset.offlineSession && entry.record.complete) { whole[entry.record.id] = entry.record; }
        });
        return { all: plans, todo: plans.filter(function (lesson) {
          var kept = whole[lesson.record.id];
          return !kept || kept.bytes < lesson.record.bytes;
        }) };
      });
    }

    function saveAll() {
      var total, done, todo, bytes, cache;
      var leftOut = false;
      button.disabled = true;
      lessons().then(function (found) {
        todo = found.todo;
        total = found.all.length;
        done = total - todo.length;
        bytes = todo.reduce(function (sum, lesson) { return sum + lesson.record.bytes; }, 0);
        leftOut = found.all.some(function (lesson) { return lesson.videoLeftOut; });
        return fits(bytes, todo.map(function (lesson) { return lesson.record.id; }));
      }).then(function (refusal) {
        if (refusal) { throw new Error(refusal); }
        return caches.open(SAVED + course.dataset.offlineSession);
      }).then(function (opened) {
        cache = opened;
        say(status, course.dataset.msgSaving, { done: done, total: total });
        return todo.reduce(function (previous, lesson) {
          return previous.then(function () { return keepLesson(cache, lesson); }).then(function () {
            done += 1;
            say(status, course.dataset.msgSaving, { done: done, total: total });
          });
        }, Promise.resolve());
      }).then(function () {
        say(status, course.dataset.msgSaved + (leftOut ? " " + course.dataset.msgWifi : ""), { total: total });
      }).catch(function (error) {
        say(status, refusalText(course, error, course.dataset.msgCut),
          { done: done, total: total, size: size(bytes, course), limit: settings().limitMb });
      }).then(function () { button.disabled = false; });
    }

    getJson(course.dataset.manifest).then(function (body) {
      manifest = body;
      if (!manifest.lessons.length) { return null; }
      say(course.querySelector("[data-offline-size]"), course.dataset.msgTotal + (manifest.video_bytes ? " " + course.dataset.msgVideo : ""),
        { size: size(manifest.bytes_without_video, course), count: manifest.lessons.length, video: size(manifest.video_bytes, course) });
      video.parentNode.hidden = !manifest.video_bytes;
      course.hidden = false;
      button.addEventListener("click", saveAll);
      return lessons().then(function (found) {
        var total = found.all.length;
        if (!found.todo.length) { say(status, course.dataset.msgSaved, { total: total }); }
        return records();
      }).then(function (all) {
        var mine = all.filter(function (entry) { return entry.record.course && entry.record.course.id === manifest.id; });
        if (mine.some(function (entry) { return !entry.record.complete; })) {
          var whole = mine.filter(function (entry) { return entry.record.complete; }).length;
          say(status, course.dataset.msgCut, { done: whole, total: manifest.lessons.length });
        }
      });
    }).catch(function () { return null; });
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

  /* Keeps "done" or quiz answers on the phone, to be sent by the worker. */
  function keepAction(form, found, key) {
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    var item = { idempotency_key: key || crypto.randomUUID(), kind: found[2] ? "quiz_answer" : "lesson_done",
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

  /* The server's answer replaces the page, as the form's own navigation would have. */
  function showPage(response) {
    return response.text().then(function (html) {
      history.pushState(null, "", response.url);
      document.open();
      document.write(html);
      document.close();
      window.addEventListener("popstate", function () { location.reload(); });
    });
  }

  /* "Done" and quiz answers go by fetch, so that a link that drops while the phone still
     says it is online (no answer, or none within SEND_TIMEOUT_MS) keeps them just the
     same instead of ending on the browser's error page. */
  function queueAction(event) {
    var form = event.target;
    var found = /\/lesson\/(\d+)\/(?:done|quiz\/([^/]+))\/$/.exec(new URL(form.action, location.href).pathname);
    if (event.defaultPrevented || !found || !window.crypto || !crypto.randomUUID || !window.AbortController) { return; }
    event.preventDefault();
    if (!navigator.onLine) { keepAction(form, found); return; }
    var buttons = form.querySelectorAll("button");
    var body = new FormData(form, event.submitter || undefined);
    /* The same key goes with the form and with its queued copy: if the form did reach
       the server but its answer was lost, the copy is a replay and counts once. */
    var key = crypto.randomUUID();
    body.append("idempotency_key", key);
    var stop = new AbortController();
    var timer = setTimeout(function () { stop.abort(); }, SEND_TIMEOUT_MS);
    buttons.forEach(function (button) { button.disabled = true; });
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", signal: stop.signal })
      .then(function (response) { clearTimeout(timer); return showPage(response); }, function () {
        clearTimeout(timer);
        keepAction(form, found, key);
      });
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
  function removeButton(label, entries, all) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn-light";
    button.textContent = label;
    button.addEventListener("click", function () {
      remove(entries, all).then(function () { drawShelf(shelf.dataset.msgRemoved); });
    });
    return button;
  }

  function link(href, text) {
    var element = document.createElement("a");
    element.href = href;
    element.textContent = text;
    return element;
  }

  /* The saved lessons grouped by course (lessons saved before courses were recorded
     come last, under "Other lessons"), each course with its size and a remove button. */
  function drawShelf(done) {
    var list = shelf.querySelector("[data-offline-list]");
    records().then(function (all) {
      var groups = [];
      var byCourse = {};
      all.forEach(function (entry) {
        var key = entry.record.course ? entry.record.course.id : 0;
        if (!byCourse[key]) {
          byCourse[key] = { course: entry.record.course, entries: [] };
          groups.push(byCourse[key]);
        }
        byCourse[key].entries.push(entry);
      });
      groups.sort(function (a, b) { return (a.course ? 0 : 1) - (b.course ? 0 : 1); });
      list.replaceChildren();
      if (!all.length) {
        var empty = document.createElement("p");
        say(empty, shelf.dataset.msgEmpty);
        list.append(empty);
      }
      groups.forEach(function (group) {
        var section = document.createElement("section");
        var heading = document.createElement("h2");
        var lessons = document.createElement("ul");
        var bytes = group.entries.reduce(function (sum, entry) { return sum + entry.record.bytes; }, 0);
        section.className = "offline-course";
        section.setAttribute("data-offline-group", group.course ? group.course.id : "");
        heading.append(group.course ? link(group.course.page, group.course.title) : shelf.dataset.labelOther);
        lessons.className = "link-list";
        group.entries.forEach(function (entry) {
          var item = document.createElement("li");
          item.append(link(entry.record.page, entry.record.title),
            " · " + size(entry.record.bytes, shelf) + (entry.record.complete ? "" : " · " + shelf.dataset.msgIncomplete) + " ",
            removeButton(shelf.dataset.labelRemove, [entry], all));
          lessons.append(item);
        });
        var summary = document.createElement("p");
        summary.className = "offline-actions small";
        summary.append(size(bytes, shelf) + " ");
        if (group.course) { summary.append(removeButton(shelf.dataset.labelRemoveCourse, group.entries, all)); }
        section.append(heading, summary, lessons);
        list.append(section);
      });
    });
    if (navigator.storage && navigator.storage.estimate) {
      navigator.storage.estimate().then(function (estimate) {
        say(shelf.querySelector("[data-offline-space]"), (done ? done + " " : "") + shelf.dataset.msgUsed,
          { used: size(estimate.usage || 0, shelf), free: size((estimate.quota || 0) - (estimate.usage || 0), shelf) });
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
  if (course && course.dataset.offlineSession) { coursePage(); }
  if (shelf) { savedPage(); }
})();
