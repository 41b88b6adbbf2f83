// A refused form: its error summary takes the focus, so a screen reader reads it first
// and the keyboard goes on from its link to the field.
(function () {
  var summary = document.getElementById("problem");
  if (summary) { summary.focus(); }
})();
