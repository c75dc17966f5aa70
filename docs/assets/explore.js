// Explore page: filter the table of every tool by facets and text, count what each choice would
// leave, and keep the state in the address (?model=open-source&deployment=self-managed&q=feature),
// so that a filtered view can be shared, reloaded and opened in the other language.
// The table is complete without this script; nothing from the address is inserted as markup.
(function () {
  "use strict";

  // At most this many matching rows are shown at once, then a "show more" button: the page stays
  // quick to filter with thousands of tools (layout cost follows the rows shown).
  var PAGE = 100;

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

  // Which facets a row fails, given the state: a row counts for the values of a facet when it
  // fails no other facet, so one pass over the rows gives every value's count.
  function failing(row, state, facets) {
    var failed = [];
    facets.forEach(function (facet) {
      var wanted = state.facets[facet];
      if (wanted.length && !wanted.some(function (v) { return row.values[facet].indexOf(v) !== -1; })) {
        failed.push(facet);
      }
    });
    return failed;
  }

  function matchesText(text, words) {
    return words.every(function (word) { return text.indexOf(word) !== -1; });
  }

  function setup() {
    var root = document.getElementById("ls-explore");
    if (!root || root.dataset.ready) return;
    // Marks the page as set up (tests wait for it). An attribute, not a class: a class change on an
    // element above the table would make the browser restyle every cell (see landscape.css).
    root.dataset.ready = "true";
    var form = root.querySelector(".ls-filters");
    var text = form.querySelector("input[name=q]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (f) {
      return f.dataset.facet;
    });
    // Each row's values, read once at the first filter (not while the page loads); filtering then
    // works on plain arrays, not on the DOM.
    var rows = null;
    function readRows() {
      return Array.prototype.map.call(root.querySelectorAll("tbody tr"), function (el) {
        var values = {};
        facets.forEach(function (facet) { values[facet] = (el.dataset[facet] || "").split(" "); });
        return { el: el, id: el.id.slice(5), values: values, hidden: false };
      });
    }
    var table = root.querySelector("table");
    // What the text filter searches, by tool id: names, former names and both languages'
    // descriptions, folded (search.json beside the page). Loaded at the first text filter, as most of
    // the page's weight would otherwise be descriptions that only the text filter reads; if it cannot
    // be loaded, the filter searches the names shown.
    var texts = null;
    var loading = false;
    function loadTexts() {
      loading = true;
      table.setAttribute("aria-busy", "true");
      fetch(root.dataset.search)
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; })
        .then(function (loaded) {
          texts = new Map(Object.entries(loaded));
          table.removeAttribute("aria-busy");
          render();
        });
    }
    function searched(row) {
      return texts.get(row.id) || fold(row.el.cells[1].textContent);
    }
    var more = document.getElementById("ls-explore-more");
    var limit = PAGE;
    var counters = {};
    boxes.forEach(function (box) { counters[box.name + "=" + box.value] = box.parentNode.querySelector(".ls-count"); });
    var count = document.getElementById("ls-explore-count");
    var plural = new Intl.PluralRules(root.dataset.lang);
    // The address as the page was opened: an inline script in the page takes a text filter (?q=)
    // out of the address before Material's bundle runs, as Material would open its site search for
    // it; render() writes it back.
    var opened = root.dataset.opened || location.search;
    var state = readState(opened, facets);

    function render() {
      var words = fold(state.q).split(/\s+/).filter(Boolean);
      if (words.length && !texts) {
        if (!loading) loadTexts();  // renders the state as it is then
        return;
      }
      var counts = {};
      var shown = 0;
      rows = rows || readRows();
      rows.forEach(function (row) {
        var failed = !words.length || matchesText(searched(row), words) ? failing(row, state, facets) : null;
        var matching = failed !== null && failed.length === 0;
        if (matching) shown += 1;
        var visible = matching && shown <= limit;
        if (row.hidden === visible) {
          row.hidden = !visible;
          row.el.hidden = !visible;
        }
        if (failed === null || failed.length > 1) return;
        facets.forEach(function (facet) {
          if (failed.length && failed[0] !== facet) return;
          row.values[facet].forEach(function (value) {
            var key = facet + "=" + value;
            counts[key] = (counts[key] || 0) + 1;
          });
        });
      });
      Object.keys(counters).forEach(function (key) {
        counters[key].textContent = "(" + (counts[key] || 0) + ")";
      });
      more.hidden = shown <= limit;
      more.textContent = root.dataset.more.replace("{count}", (shown - limit).toLocaleString(root.dataset.lang));
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
      limit = PAGE;
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
    form.addEventListener("input", fromForm);  // checkboxes fire it too (and "change", which would run it twice)
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(fromForm, 0); });
    more.addEventListener("click", function () {
      limit += PAGE;
      render();
    });
    // After a sort, the rows are in a new order: the first PAGE of them are the ones to show.
    table.addEventListener("afterSort", function () {
      var order = new Map(Array.prototype.map.call(table.tBodies[0].rows, function (el, i) { return [el, i]; }));
      if (rows) rows.sort(function (a, b) { return order.get(a.el) - order.get(b.el); });
      render();
    });
    // With no filter in the address, the page as built is already right (every row, counts for no
    // filter): leave it, so that opening the page costs no script time. Else apply the address.
    if (opened) render();

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
    // In a task of its own, after Material has set up the page: a phone's main thread is never busy
    // for long at a time while the page loads.
    document$.subscribe(function () { setTimeout(setup, 0); });
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
