// Explore page: filter the table of every tool by facets and text, count what each choice would
// leave, and keep the state in the address (?model=open-source&deployment=self-managed&q=feature),
// so that a filtered view can be shared, reloaded and opened in the other language.
// The table is complete without this script; nothing from the address is inserted as markup.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function readState(search, facets) {
    var params = new URLSearchParams(search);
    var state = { q: params.get("q") || "", facets: {} };
    facets.forEach(function (facet) {
      var values = [];
      params.getAll(facet).forEach(function (value) {
        value.split(",").forEach(function (v) { if (v) values.push(v); });
      });
      state.facets[facet] = values;
    });
    return state;
  }

  function writeState(state, facets) {
    var params = new URLSearchParams();
    facets.forEach(function (facet) {
      if (state.facets[facet].length) params.set(facet, state.facets[facet].join(","));
    });
    if (state.q) params.set("q", state.q);
    var query = params.toString().replace(/%2C/g, ",");
    return query ? "?" + query : "";
  }

  function rowValues(row, facet) {
    return (row.dataset[facet] || "").split(" ");
  }

  function matches(row, state, facets, except) {
    for (var i = 0; i < facets.length; i++) {
      var facet = facets[i];
      var wanted = state.facets[facet];
      if (facet === except || !wanted.length) continue;
      var values = rowValues(row, facet);
      if (!wanted.some(function (v) { return values.indexOf(v) !== -1; })) return false;
    }
    var q = fold(state.q);
    return !q || q.split(/\s+/).every(function (word) { return row.dataset.q.indexOf(word) !== -1; });
  }

  function setup() {
    var root = document.getElementById("ls-explore");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";
    var form = root.querySelector(".ls-filters");
    var text = form.querySelector("input[name=q]");
    var rows = Array.prototype.slice.call(root.querySelectorAll("tbody tr"));
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (f) {
      return f.dataset.facet;
    });
    var count = document.getElementById("ls-explore-count");
    var plural = new Intl.PluralRules(root.dataset.lang);
    var state = readState(location.search, facets);

    function render() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = matches(row, state, facets, null);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      boxes.forEach(function (box) {
        var n = rows.filter(function (row) {
          return rowValues(row, box.name).indexOf(box.value) !== -1 && matches(row, state, facets, box.name);
        }).length;
        box.parentNode.querySelector(".ls-count").textContent = "(" + n + ")";
      });
      var pattern = root.dataset[plural.select(shown) === "one" ? "one" : "other"];
      count.textContent = pattern.replace("{count}", shown.toLocaleString(root.dataset.lang))
        .replace("{total}", Number(root.dataset.total).toLocaleString(root.dataset.lang));
      var query = writeState(state, facets);
      history.replaceState(null, "", location.pathname + query + location.hash);
      // The language switcher keeps the filters: the same ids work in both languages.
      document.querySelectorAll("a[hreflang]").forEach(function (link) {
        link.href = link.href.split(/[?#]/)[0] + query;
      });
    }

    function fromForm() {
      state.q = text.value;
      facets.forEach(function (facet) {
        state.facets[facet] = boxes.filter(function (b) { return b.name === facet && b.checked; })
          .map(function (b) { return b.value; });
      });
      render();
    }

    text.value = state.q;
    boxes.forEach(function (box) {
      box.checked = state.facets[box.name].indexOf(box.value) !== -1;
      if (box.checked) box.closest("details").open = true;
    });
    form.addEventListener("input", fromForm);
    form.addEventListener("change", fromForm);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(fromForm, 0); });
    form.hidden = false;
    render();

    // Compare: two to four ticked tools, as ?tools=a,b,c.
    var compare = document.getElementById("ls-compare");
    compare.addEventListener("submit", function (event) {
      event.preventDefault();
      var ids = Array.prototype.map.call(root.querySelectorAll("input[name=tools]:checked"), function (b) {
        return b.value;
      });
      if (ids.length < 2 || ids.length > 4) {
        document.getElementById("ls-compare-hint").setAttribute("role", "alert");
        return;
      }
      location.href = compare.getAttribute("action") + "?tools=" + ids.map(encodeURIComponent).join(",");
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
