/* Lesson videos: nothing is fetched until the student taps. A tap on the poster plays
   the chosen quality (data saver unless HD was picked); a tap on a quality plays it. */
(function () {
  "use strict";
  if (window.bsaLessonPlayer) return; // the block includes this script once per video
  window.bsaLessonPlayer = true;

  function chosen(figure) {
    return figure.querySelector('[data-video-choice][aria-current="true"]') ||
      figure.querySelector("[data-video-choice]");
  }

  /* Tells the course's instructor how far students watch: one small POST per quarter
     reached (25, 50, 75, 100 %), each at most once per page view. */
  function reportProgress(figure, video) {
    var url = figure.getAttribute("data-progress-url");
    if (!url) return;
    var sent = {};
    video.addEventListener("timeupdate", function () {
      if (!video.duration) return;
      var reached = Math.floor((video.currentTime / video.duration) * 4) * 25;
      [25, 50, 75, 100].forEach(function (quartile) {
        if (quartile > reached || sent[quartile]) return;
        sent[quartile] = true;
        var body = new URLSearchParams({
          lesson: figure.getAttribute("data-lesson"),
          video: figure.getAttribute("data-video"),
          quartile: String(quartile)
        });
        fetch(url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": figure.getAttribute("data-csrf") },
          body: body
        }).catch(function () {}); // a lost report costs nothing to the student
      });
    });
  }

  function play(figure, choice) {
    var stage = figure.querySelector("[data-video-stage]");
    var video = stage.querySelector("video");
    var resumeAt = 0;
    if (video) {
      resumeAt = video.currentTime;
    } else {
      video = document.createElement("video");
      video.controls = true;
      video.autoplay = true;
      video.preload = "none";
      video.playsInline = true;
      video.poster = stage.getAttribute("data-poster");
      stage.replaceChildren(video);
      reportProgress(figure, video);
    }
    if (resumeAt) {
      video.addEventListener("loadedmetadata", function () {
        video.currentTime = resumeAt;
      }, { once: true });
    }
    video.src = choice.href;
    var started = video.play();
    if (started && started.catch) started.catch(function () {}); // the controls are there
    figure.querySelectorAll("[data-video-choice]").forEach(function (link) {
      var current = link === choice;
      link.setAttribute("aria-current", current ? "true" : "false");
      link.classList.toggle("btn-light", !current);
    });
  }

  document.addEventListener("click", function (event) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest("[data-video-choice], [data-video-play]");
    var figure = link && link.closest("[data-lesson-video]");
    if (!figure) return;
    event.preventDefault();
    play(figure, link.hasAttribute("data-video-choice") ? link : chosen(figure));
  });
})();
