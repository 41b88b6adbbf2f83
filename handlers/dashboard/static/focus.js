// A refused form: its error summary takes the focus, so a screen reader reads it first;
// its link puts the focus into the field it names (a plain #link only scrolls there).
(function () {
  var summary = document.getElementById("problem");
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var target = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!target) { return; }
    event.preventDefault();
    (target.querySelector("input, select, textarea") || target).focus();
  });
})();
