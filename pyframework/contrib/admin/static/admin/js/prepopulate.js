/* prepopulated_fields: fill a slug from other fields while the user has not edited it. */
(function () {
  "use strict";
  function slugify(text, maxLength) {
    return text.toString().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\w\s-]/g, "").trim().replace(/[-\s]+/g, "-").substring(0, maxLength);
  }
  function ready(fn) { if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); } }
  ready(function () {
    var holder = document.getElementById("django-admin-prepopulated-fields-constants");
    if (!holder) { return; }
    JSON.parse(holder.getAttribute("data-prepopulated-fields") || "[]").forEach(function (entry) {
      var target = document.querySelector(entry.id);
      if (!target) { return; }
      var changed = target.value !== "";
      target.addEventListener("change", function () { changed = true; });
      entry.dependency_ids.forEach(function (id) {
        var source = document.querySelector(id);
        if (!source) { return; }
        source.addEventListener("keyup", function () {
          if (changed) { return; }
          target.value = slugify(entry.dependency_ids.map(function (dep) {
            var field = document.querySelector(dep);
            return field ? field.value : "";
          }).join(" "), entry.maxLength);
        });
      });
    });
  });
})();
