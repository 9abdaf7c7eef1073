/* Listing pages only (catalogue, directory): the search box loads its suggestions'
   script and styles when first used, so a first view that never searches downloads
   neither, and other pages do not carry this loader. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-script]");
  if (!form) { return; }
  form.addEventListener("focusin", function load() {
    form.removeEventListener("focusin", load);
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = form.getAttribute("data-suggest-style");
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = form.getAttribute("data-suggest-script");
    document.head.appendChild(script);
  });
})();
