/* The Changes page (changes/): filter the list of changes by kind. Without this script the whole list
   shows and the filter stays hidden. The kind lives in the address (?kind=license), so a filtered view
   can be shared and opened in the other language; nothing from the address is inserted as markup. */
(function () {
  "use strict";

  function start() {
    var root = document.getElementById("ls-changes");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";  // tests wait for it (an attribute: a class change would restyle the table)
    var select = root.querySelector("#ls-kind");
    var count = root.querySelector("#ls-changes-count");
    var items = Array.prototype.slice.call(root.querySelectorAll(".ls-changelog li"));
    var kinds = Array.prototype.map.call(select.options, function (o) { return o.value; });
    var plural = new Intl.PluralRules(root.dataset.lang);

    function apply() {
      var kind = select.value;
      var shown = 0;
      items.forEach(function (item) {
        var visible = !kind || item.dataset.kind === kind;
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      var pattern = root.dataset[plural.select(shown) === "one" ? "one" : "other"];
      count.textContent = pattern.replace("{count}", shown.toLocaleString(root.dataset.lang));
      var query = kind ? "?kind=" + encodeURIComponent(kind) : "";
      history.replaceState(null, "", location.pathname + query + location.hash);
      document.querySelectorAll("a[hreflang]").forEach(function (link) {
        link.href = link.href.split(/[?#]/)[0] + query;
      });
    }

    var wanted = new URLSearchParams(location.search).get("kind") || "";
    select.value = kinds.indexOf(wanted) >= 0 ? wanted : "";
    select.addEventListener("change", apply);
    if (location.search) apply();  // else the page already shows every change: nothing to do on load
  }

  // Material's instant navigation swaps pages without reloading scripts: start on each new page.
  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
