/* Inline formsets: an "Add another" link that copies the hidden empty form and bumps TOTAL_FORMS.
   Without JavaScript the extra forms the server rendered are still there. */
(function () {
  "use strict";
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  ready(function () {
    Array.prototype.forEach.call(document.querySelectorAll(".js-inline-admin-formset"), function (group) {
      var data = JSON.parse(group.getAttribute("data-inline-formset"));
      var prefix = data.options.prefix;
      var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
      var maxForms = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
      var template = document.getElementById(prefix + "-empty");
      if (!total || !template) { return; }
      var link = document.createElement("a");
      link.href = "#";
      link.className = "add-row-link";
      link.textContent = data.options.addText;
      var holder = document.createElement("div");
      holder.className = "add-row";
      holder.appendChild(link);
      group.appendChild(holder);
      function canAdd() { return !maxForms || maxForms.value === "" || parseInt(total.value, 10) < parseInt(maxForms.value, 10); }
      holder.style.display = canAdd() ? "" : "none";
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var index = parseInt(total.value, 10);
        var row = template.cloneNode(true);
        row.classList.remove("empty-form", "last-related");
        row.id = prefix + "-" + index;
        row.innerHTML = row.innerHTML.replace(/__prefix__/g, String(index));
        template.parentNode.insertBefore(row, template);
        total.value = index + 1;
        holder.style.display = canAdd() ? "" : "none";
      });
    });
  });
})();
