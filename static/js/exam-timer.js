// The final exam's countdown. The deadline is the server's: this only shows it.
(function () {
  var time = document.querySelector(".exam-clock [data-deadline]");
  var left = document.querySelector(".exam-clock .exam-left");
  if (!time || !left) return;
  var deadline = Number(time.getAttribute("data-deadline")) * 1000;
  function tick() {
    var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(seconds / 60);
    left.textContent = "(" + minutes + ":" + String(seconds % 60).padStart(2, "0") + ")";
    if (seconds > 0) setTimeout(tick, 1000);
  }
  tick();
})();
