/* filter_horizontal / filter_vertical: a filter box above the multiple select. The select itself
   stays the form field, so the choice submitted is exactly what is selected. */
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  ready(function () {
    Array.prototype.forEach.call(document.querySelectorAll("select.selectfilter, select.selectfilterstacked"), function (select) {
      var filter = document.createElement("input");
      filter.type = "search";
      filter.placeholder = "Filter " + (select.getAttribute("data-field-name") || "");
      filter.id = select.id + "_input";
      var wrapper = document.createElement("div");
      wrapper.className = "selector";
      select.parentNode.insertBefore(wrapper, select);
      var column = document.createElement("div");
      column.appendChild(filter);
      column.appendChild(select);
      wrapper.appendChild(column);
      filter.addEventListener("input", function () {
        var term = filter.value.toLowerCase();
        Array.prototype.forEach.call(select.options, function (option) {
          option.hidden = term !== "" && option.text.toLowerCase().indexOf(term) === -1 && !option.selected;
        });
      });
    });
  });
})();
