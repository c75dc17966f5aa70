// Compare page: the tools named in ?tools=a,b,c side by side, from tools.json beside the page.
// Ids from the address are only looked up, never inserted as markup; unknown ones are named in a
// message (as text).
(function () {
  "use strict";

  var MOST = 4;
  var ROWS = ["license", "family", "model", "deployment", "steward", "status", "categories", "history", "checked"];

  function requested(search) {
    var ids = [];
    new URLSearchParams(search).getAll("tools").forEach(function (value) {
      value.split(",").forEach(function (id) {
        id = id.trim();
        if (id && ids.indexOf(id) === -1) ids.push(id);
      });
    });
    return ids;
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(view, data) {
    var message = view.querySelector(".ls-compare__message");
    var ids = requested(location.search);
    var unknown = ids.filter(function (id) { return !Object.prototype.hasOwnProperty.call(data.tools, id); });
    var known = ids.filter(function (id) { return unknown.indexOf(id) === -1; });
    var notes = [];
    if (unknown.length) {
      var pattern = view.dataset[unknown.length === 1 ? "unknownOne" : "unknownOther"];
      notes.push(pattern.replace("{ids}", unknown.join(", ")));
    }
    if (known.length > MOST) {
      notes.push(view.dataset.tooMany);
      known = known.slice(0, MOST);
    }
    if (known.length < 2) notes.push(view.dataset.pick);
    message.textContent = notes.join(" ");
    if (!known.length) return;

    var table = element("table");
    table.className = "ls-compare__table";
    var head = table.createTHead().insertRow();
    head.appendChild(element("td"));
    known.forEach(function (id) {
      var th = element("th");
      th.scope = "col";
      var link = element("a", data.tools[id].name);
      link.href = data.tools[id].href;
      th.appendChild(link);
      head.appendChild(th);
    });
    var body = table.createTBody();
    ROWS.forEach(function (key) {
      var row = body.insertRow();
      var th = element("th", data.labels[key]);
      th.scope = "row";
      row.appendChild(th);
      known.forEach(function (id) { row.appendChild(element("td", data.tools[id].facts[key])); });
    });
    var links = body.insertRow();
    var label = element("th", data.labels.links);
    label.scope = "row";
    links.appendChild(label);
    known.forEach(function (id) {
      var cell = element("td");
      data.tools[id].links.forEach(function (pair, i) {
        if (i) cell.appendChild(document.createTextNode(" · "));
        var link = element("a", pair[0]);
        link.href = pair[1];
        cell.appendChild(link);
      });
      links.appendChild(cell);
    });
    var wrapper = element("div");
    wrapper.className = "ls-compare__scroll";
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("aria-label", document.querySelector("h1").textContent);
    wrapper.appendChild(table);
    view.appendChild(wrapper);
    document.querySelectorAll("a[hreflang]").forEach(function (link) {
      link.href = link.href.split(/[?#]/)[0] + "?tools=" + known.map(encodeURIComponent).join(",");
    });
  }

  function setup() {
    var view = document.getElementById("ls-compare-view");
    if (!view || view.dataset.ready) return;
    view.dataset.ready = "true";
    fetch("tools.json")
      .then(function (response) { return response.json(); })
      .then(function (data) { show(view, data); });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
