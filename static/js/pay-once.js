/* A second tap on "Pay" does nothing while the first is on its way (the server also
   recognises the repeated form token). */
(function () {
  "use strict";
  document.querySelectorAll("form button[data-once]").forEach(function (button) {
    button.form.addEventListener("submit", function () {
      window.setTimeout(function () { button.disabled = true; }, 0);
    });
  });
})();
