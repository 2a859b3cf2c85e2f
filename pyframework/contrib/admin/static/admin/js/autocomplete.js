/* autocomplete_fields: a search box that asks /admin/autocomplete/ and adds the chosen object
   as an option of the (server-rendered) select. */
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  ready(function () {
    Array.prototype.forEach.call(document.querySelectorAll("select.admin-autocomplete"), function (select) {
      if (select.name.indexOf("__prefix__") !== -1) { return; }
      var input = document.createElement("input");
      input.type = "search";
      input.className = "autocomplete-search";
      input.setAttribute("aria-label", "Search");
      var results = document.createElement("ul");
      results.className = "autocomplete-results";
      results.hidden = true;
      select.parentNode.insertBefore(input, select.nextSibling);
      input.parentNode.insertBefore(results, input.nextSibling);
      var timer = null;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var params = new URLSearchParams({ term: input.value, app_label: select.getAttribute("data-app-label"),
            model_name: select.getAttribute("data-model-name"), field_name: select.getAttribute("data-field-name") });
          fetch(select.getAttribute("data-ajax--url") + "?" + params.toString(), { credentials: "same-origin" })
            .then(function (response) { return response.json(); })
            .then(function (data) {
              results.innerHTML = "";
              data.results.forEach(function (item) {
                var li = document.createElement("li");
                li.textContent = item.text;
                li.addEventListener("click", function () {
                  var option = Array.prototype.filter.call(select.options, function (o) { return o.value === item.id; })[0];
                  if (!option) { option = new Option(item.text, item.id); select.add(option); }
                  option.selected = true;
                  results.hidden = true;
                  input.value = "";
                });
                results.appendChild(li);
              });
              results.hidden = data.results.length === 0;
            });
        }, 250);
      });
    });
  });
})();
