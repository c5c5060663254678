// docs2spec reference site: search (over the index loaded as a script, since file:// pages
// cannot fetch), collapsing, and the description language switch. Nothing is fetched.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  function setLanguage(lang) {
    var style = document.getElementById("lang-style");
    if (!style) {
      style = document.createElement("style");
      style.id = "lang-style";
      document.head.appendChild(style);
    }
    style.textContent = lang ? '.d.multi > .l { display: none !important; } ' +
      '.d.multi > .l[lang="' + lang + '"] { display: block !important; }' : "";
    document.querySelectorAll(".lang-button").forEach(function (b) {
      b.classList.toggle("on", b.getAttribute("data-lang") === lang);
    });
    try { localStorage.setItem("docs2spec-lang", lang); } catch (e) { /* file:// may refuse */ }
  }
  document.querySelectorAll(".lang-button").forEach(function (b) {
    b.addEventListener("click", function () { setLanguage(b.getAttribute("data-lang")); });
  });
  try {
    var saved = localStorage.getItem("docs2spec-lang");
    if (saved && document.querySelector('.lang-button[data-lang="' + saved + '"]')) setLanguage(saved);
  } catch (e) { /* no storage: the first language shows */ }

  document.querySelectorAll("[data-expand]").forEach(function (b) {
    b.addEventListener("click", function () {
      var open = b.getAttribute("data-expand") === "1";
      document.querySelectorAll("main details").forEach(function (d) { d.open = open; });
    });
  });

  var box = document.getElementById("search");
  var results = document.getElementById("results");
  function search(text) {
    var index = window.DOCS2SPEC_INDEX || [];
    var q = text.trim().toLowerCase();
    results.textContent = "";
    if (!q) { results.hidden = true; return; }
    var exact = [], prefix = [], inside = [];
    for (var i = 0; i < index.length; i++) {
      var name = index[i][1].toLowerCase();
      if (name === q) exact.push(index[i]);
      else if (name.indexOf(q) === 0) prefix.push(index[i]);
      else if (name.indexOf(q) > 0 || index[i][2].toLowerCase().indexOf(q) >= 0) inside.push(index[i]);
    }
    var found = exact.concat(prefix, inside).sort(function (a, b) {
      return (a[0] === "o" ? 0 : 1) - (b[0] === "o" ? 0 : 1);
    }).slice(0, 50);
    found.forEach(function (e) {
      var a = document.createElement("a");
      a.href = root + e[4];
      a.className = e[0] === "o" ? "hit operation-hit" : "hit field-hit";
      var strong = document.createElement("strong");
      strong.textContent = e[1];
      var kind = document.createElement("span");
      kind.className = "k";
      kind.textContent = (e[0] === "o" ? "operation · " : "field · ") + e[2] + " · " + e[3];
      a.appendChild(strong);
      a.appendChild(kind);
      results.appendChild(a);
    });
    if (!found.length) results.textContent = "No match.";
    results.hidden = false;
  }
  if (box) {
    box.addEventListener("input", function () { search(box.value); });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { box.value = ""; search(""); }
    });
  }
  window.docs2specSearch = search;
})();
