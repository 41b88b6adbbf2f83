// Live recipient count on the broadcast form: asks /admin/broadcasts/count whenever the
// audience changes. Without this script, the "Count" button does the same.
(function () {
  var form = document.getElementById("compose");
  var out = document.getElementById("live-count");
  if (!form || !out) { return; }
  function update() {
    var query = new URLSearchParams();
    ["kind", "topic_id", "region"].forEach(function (name) {
      var field = form.elements[name];
      if (field) { query.set(name, field.value); }
    });
    fetch("/admin/broadcasts/count?" + query.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { out.textContent = data.text; } });
  }
  form.addEventListener("change", update);
  update();
})();
