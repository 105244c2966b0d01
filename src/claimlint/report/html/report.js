(function () {
  "use strict";
  var body = document.body;
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.f[id]"));
  var status = document.getElementById("status");
  var current = -1;

  function shown(el) {
    return !body.classList.contains("hide-l-" + el.getAttribute("data-level")) &&
      !body.classList.contains("hide-c-" + el.getAttribute("data-cat"));
  }

  function select(index, scroll) {
    var el = marks[index];
    current = index;
    Array.prototype.forEach.call(document.querySelectorAll(".current"), function (old) {
      old.classList.remove("current");
    });
    el.classList.add("current");
    var item = document.querySelector('li[data-target="' + el.id + '"]');
    if (item) {
      item.classList.add("current");
      if (scroll) { item.scrollIntoView({block: "nearest"}); }
    }
    if (scroll) {
      el.focus({preventScroll: true});
      el.scrollIntoView({block: "center"});
    }
    if (status) {
      status.textContent = "Finding " + (index + 1) + " of " + marks.length + ": " +
        (el.getAttribute("title") || "").replace(/\n/g, " — ");
    }
  }

  function step(direction) {
    for (var i = current + direction; i >= 0 && i < marks.length; i += direction) {
      if (shown(marks[i])) { select(i, true); return; }
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-hide]"), function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.getAttribute("data-hide"), !box.checked);
    });
  });

  document.addEventListener("keydown", function (event) {
    var tag = event.target && event.target.tagName;
    if (event.altKey || event.ctrlKey || event.metaKey || tag === "INPUT" || tag === "TEXTAREA") {
      return;
    }
    if (event.key === "j" || event.key === "n") { step(1); event.preventDefault(); }
    else if (event.key === "k" || event.key === "p") { step(-1); event.preventDefault(); }
  });

  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].id === id) { select(i, false); return; }
    }
  }
  window.addEventListener("hashchange", followHash);
  marks.forEach(function (el, index) {
    el.addEventListener("click", function () { select(index, false); });
  });

  Array.prototype.forEach.call(document.querySelectorAll("table.index th button"), function (button) {
    button.addEventListener("click", function () {
      var th = button.parentNode;
      var table = th.closest("table");
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (other) {
        other.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = button.getAttribute("data-type") === "num";
      var tbody = table.tBodies[0];
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute("data-v") || a.cells[column].textContent;
        var y = b.cells[column].getAttribute("data-v") || b.cells[column].textContent;
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });
})();
