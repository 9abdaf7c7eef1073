/* Lesson video upload with a progress bar (admin create/edit views only).
   Without JS, or with no new file chosen, the form posts the ordinary way. */
(function () {
  "use strict";

  var text = (document.currentScript && document.currentScript.dataset) || {};
  var FORM_ID = "w-editor-form";

  function fileInput(form) {
    return form.querySelector('input[type="file"][data-max-bytes]');
  }

  function statusBox(form) {
    var box = form.querySelector("[data-upload-status]");
    if (!box) {
      var input = fileInput(form);
      var anchor = input.closest(".w-field__wrapper") || input.parentNode;
      box = document.createElement("div");
      box.setAttribute("data-upload-status", "");
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      box.innerHTML = '<p></p><progress max="100" style="width: 100%"></progress>';
      anchor.parentNode.insertBefore(box, anchor.nextSibling);
    }
    return box;
  }

  function show(form, message, percent, isError) {
    var box = statusBox(form);
    box.className = "help-block " + (isError ? "help-critical" : "help-info");
    box.querySelector("p").textContent = message;
    var bar = box.querySelector("progress");
    bar.hidden = isError;
    if (percent === null) {
      bar.removeAttribute("value");
    } else {
      bar.value = percent;
    }
  }

  function release(form) {
    delete form.dataset.uploading;
    form.querySelectorAll("button[disabled]").forEach(function (button) {
      button.disabled = false;
    });
  }

  // The server answered with the form again (validation errors): swap it in.
  // Wagtail's controllers attach themselves to the new elements.
  function showErrors(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var newForm = fresh.getElementById(FORM_ID);
    var oldForm = document.getElementById(FORM_ID);
    if (!newForm || !oldForm) {
      document.open();
      document.write(html);
      document.close();
      return;
    }
    oldForm.replaceWith(newForm);
    var newMessages = fresh.querySelector(".messages");
    var oldMessages = document.querySelector(".messages");
    if (newMessages && oldMessages) {
      oldMessages.replaceWith(newMessages);
    }
    window.scrollTo(0, 0);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== FORM_ID || !window.FormData) return;
    var input = fileInput(form);
    if (!input || !input.files || !input.files.length) return;
    event.preventDefault();
    if (form.dataset.uploading) return;

    var file = input.files[0];
    if (file.size > Number(input.dataset.maxBytes)) {
      show(form, input.dataset.tooBigMessage, null, true);
      release(form);
      return;
    }

    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    var xhr = new XMLHttpRequest();
    form.dataset.uploading = "1";
    show(form, text.uploading + " 0 %", 0, false);

    xhr.upload.addEventListener("progress", function (progress) {
      if (!progress.lengthComputable) return;
      var percent = Math.floor((progress.loaded / progress.total) * 100);
      show(form, text.uploading + " " + percent + " %", percent, false);
    });
    xhr.upload.addEventListener("load", function () {
      show(form, text.processing, null, false);
    });
    xhr.addEventListener("load", function () {
      var type = xhr.getResponseHeader("Content-Type") || "";
      if (type.indexOf("application/json") === 0) {
        window.location.assign(JSON.parse(xhr.responseText).redirect);
        return;
      }
      var landed = xhr.responseURL ? new URL(xhr.responseURL) : null;
      if (landed && landed.pathname !== new URL(form.action, window.location.href).pathname) {
        window.location.assign(xhr.responseURL); // e.g. the session expired: log in again
        return;
      }
      showErrors(xhr.responseText);
    });
    function interrupted() {
      show(form, text.interrupted, null, true);
      release(form);
    }
    xhr.addEventListener("error", interrupted);
    xhr.addEventListener("abort", interrupted);
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Upload-Progress", "1");
    xhr.send(data);
  });
})();
