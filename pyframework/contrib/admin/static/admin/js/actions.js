/* Change list actions: "select all" checkbox, selected counter, highlighted rows. Plain HTML works without it. */
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  ready(function () {
    var form = document.getElementById("changelist-form");
    if (!form) { return; }
    var toggle = document.getElementById("action-toggle");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input.action-select"));
    var counters = form.querySelectorAll(".action-counter");
    function update() {
      var checked = boxes.filter(function (box) { return box.checked; }).length;
      boxes.forEach(function (box) {
        var row = box.closest("tr");
        if (row) { row.classList.toggle("selected", box.checked); }
      });
      Array.prototype.forEach.call(counters, function (counter) {
        counter.textContent = checked + " of " + counter.getAttribute("data-actions-icnt") + " selected";
      });
      if (toggle) { toggle.checked = checked === boxes.length && checked > 0; }
    }
    if (toggle) {
      toggle.addEventListener("change", function () {
        boxes.forEach(function (box) { box.checked = toggle.checked; });
        update();
      });
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    Array.prototype.forEach.call(form.querySelectorAll(".actions .question a"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        Array.prototype.forEach.call(form.querySelectorAll("input.select-across"), function (input) { input.value = 1; });
      });
    });
    update();
  });
})();
