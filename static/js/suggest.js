/* Suggestions under the search box of the catalogue and the directory, as one types
   (templates/components/search_and_filters.html, home/suggestion_views.py). The form
   works without this; it only adds a listbox of links (WAI-ARIA combobox pattern). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest]");
  var input = form && form.querySelector("input[name=q]");
  var list = form && form.querySelector("[role=listbox]");
  if (!input || !list || !window.fetch) { return; }
  var timer, pending, links = [], active = -1;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function show(suggestions) {
    list.textContent = "";
    links = suggestions.map(function (item, i) {
      var option = document.createElement("li");
      var link = document.createElement("a");
      var kind = document.createElement("span");
      option.id = list.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      link.href = item.url;
      link.tabIndex = -1;
      link.textContent = item.label;
      kind.className = "small";
      kind.textContent = item.kind_label;
      option.appendChild(link);
      option.appendChild(kind);
      list.appendChild(option);
      return link;
    });
    if (!links.length) { close(); return; }
    active = -1;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function move(step) {
    if (active >= 0) { links[active].parentNode.setAttribute("aria-selected", "false"); }
    // Positions 0..n, where 0 is the box itself (nothing chosen), wrapping round.
    active = (active + 1 + step + links.length + 1) % (links.length + 1) - 1;
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    links[active].parentNode.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", links[active].parentNode.id);
  }

  function ask() {
    var query = input.value.trim();
    if (query.length < 2 || query.length > 100) { close(); return; }
    if (pending) { pending.abort(); }
    pending = window.AbortController ? new AbortController() : null;
    var url = form.getAttribute("data-suggest") + "?q=" + encodeURIComponent(query);
    if (form.getAttribute("data-suggest-in")) { url += "&in=" + form.getAttribute("data-suggest-in"); }
    fetch(url, { credentials: "same-origin", signal: pending && pending.signal })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (body) { if (input.value.trim() === query) { show(body.suggestions || []); } })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 200);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      move(event.key === "ArrowDown" ? 1 : -1);
      event.preventDefault();
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = links[active].href;
    }
  });
  // Keep the box focused while a suggestion is tapped, so the tap reaches its link.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
})();
