/* Checks chosen photos (and practice videos) in the browser before anything is uploaded, so a 40 MB
   picture is refused at once instead of after minutes of paid mobile data.
   The server checks again (home/photos.py); this only saves the wait.
   Messages come translated from the input's data-* attributes. */
(function () {
  "use strict";
  if (window.photoCheckReady) {
    return;
  }
  window.photoCheckReady = true;

  // "video/*" in accept covers every video type; other entries are exact types.
  function acceptable(type, accepted) {
    return accepted.some(function (entry) {
      entry = entry.trim();
      return entry === type || (entry.slice(-2) === "/*" && type.indexOf(entry.slice(0, -1)) === 0);
    });
  }

  function problem(input) {
    var accepted = (input.getAttribute("accept") || "").split(",");
    var maxBytes = parseInt(input.dataset.maxBytes, 10);
    var maxFiles = parseInt(input.dataset.maxFiles || "0", 10);
    if (maxFiles && input.files.length > maxFiles) {
      return input.dataset.tooMany;
    }
    for (var i = 0; i < input.files.length; i++) {
      var file = input.files[i];
      // Some phones give HEIC photos no type: the server decides for those.
      if (file.type && !acceptable(file.type, accepted)) {
        return input.dataset.wrongType.replace("{name}", file.name);
      }
      if (file.size > maxBytes) {
        return input.dataset.tooBig.replace("{name}", file.name);
      }
    }
    return "";
  }

  function check(input) {
    var message = problem(input);
    var box = document.getElementById(input.id + "-problem");
    input.setCustomValidity(message);
    if (box) {
      box.textContent = message;
      box.hidden = !message;
    }
    return !message;
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches("input[type=file][data-max-bytes]")) {
      check(input);
    }
  });
})();
