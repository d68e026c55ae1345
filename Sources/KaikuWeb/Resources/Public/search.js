// Search as you type on the start page. Without this script the search form works as it
// is (a GET to the same page); with it, the list follows the typing through the same search
// on the server (GET /api/v1/targets?q=&lang=), grouped by service area as the page groups it.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("results-status");
  if (!input || !results || !window.fetch) { return; }
  var lang = document.documentElement.lang || "fi";
  var timer = null;
  var latest = 0;

  function fill(template, count, query) {
    return template.replace("{count}", String(count)).replace("{query}", query);
  }

  function element(name, text) {
    var node = document.createElement(name);
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function render(query, items) {
    var heading = query ? fill(results.dataset.found, items.length, query) : fill(results.dataset.all, items.length, "");
    var fragment = document.createDocumentFragment();
    var title = element("h2", heading);
    title.id = "results-heading";
    fragment.appendChild(title);
    if (items.length === 0) { fragment.appendChild(element("p", results.dataset.none)); }
    var groups = [];
    var byArea = {};
    items.forEach(function (item) {
      if (!Object.prototype.hasOwnProperty.call(byArea, item.area)) { byArea[item.area] = []; groups.push(item.area); }
      byArea[item.area].push(item);
    });
    groups.forEach(function (area, index) {
      var section = element("section");
      section.className = "target-group";
      section.setAttribute("aria-labelledby", "area-" + index);
      var h3 = element("h3", area);
      h3.id = "area-" + index;
      section.appendChild(h3);
      var list = element("ul");
      list.className = "targets";
      byArea[area].forEach(function (item) {
        var link = element("a", item.name);
        link.href = "/f/" + encodeURIComponent(item.code) + "?lang=" + encodeURIComponent(lang);
        var li = element("li");
        li.appendChild(link);
        list.appendChild(li);
      });
      section.appendChild(list);
      fragment.appendChild(section);
    });
    results.replaceChildren(fragment);
    if (status) { status.textContent = heading; }
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url.toString());
  }

  function search() {
    var query = input.value.trim().slice(0, 100);
    var mine = ++latest;
    fetch("/api/v1/targets?lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(query),
          { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (items) { if (mine === latest) { render(query, items); } })
      .catch(function () { /* the search button still sends the form */ });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, 200);
  });
}());
