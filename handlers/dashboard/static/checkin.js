// The check-in page: when the code rotates, ask for the new one and swap the QR code, the
// code and its hints in place (the attendee list below is not reloaded). Without this
// script the page shows a code that stays valid until the next one has been shown.
(function () {
  var live = document.getElementById("checkin-live");
  if (!live) { return; }
  function show(data) {
    var qr = document.getElementById("qr");
    if (qr && data.svg) { qr.innerHTML = data.svg; qr.setAttribute("data-link", data.link); }
    document.getElementById("code").textContent = data.code;
    document.getElementById("code-hint").textContent = data.hint;
    document.getElementById("changes").textContent = data.changes;
    schedule(data.next_ms);
  }
  function refresh() {
    fetch(live.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data) { show(data); } else { schedule(30000); } })
      .catch(function () { schedule(30000); });
  }
  function schedule(ms) { window.setTimeout(refresh, Math.max(1000, Number(ms) || 30000)); }
  schedule(live.getAttribute("data-next"));
})();
