/* The speaker's countdown on a phone or tablet at the podium. Plain ES2017.
   The laptop sends its clock state and its time; this page estimates the offset between
   the two clocks (NTP style, keeping the sample with the shortest round trip) and derives
   the remaining time itself, so the display is smooth and in step with the laptop. */
(function () {
  "use strict";

  var POLL_MS = 1000;
  var LANGUAGES = ["en", "fr", "es", "ar"];
  var strings = {};
  var token = (/^\/s\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname) || [])[1];
  var state = null;
  var samples = [];  // {offset, rtt}
  var offset = 0;

  function $(id) { return document.getElementById(id); }
  function t(key) { return Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : ""; }

  function nowSeconds() { return Date.now() / 1000; }

  function estimate(serverNow, sentAt, receivedAt) {
    samples.push({ offset: serverNow - (sentAt + receivedAt) / 2, rtt: receivedAt - sentAt });
    if (samples.length > 12) { samples.shift(); }
    var best = samples[0];
    for (var i = 1; i < samples.length; i++) {
      if (samples[i].rtt < best.rtt) { best = samples[i]; }
    }
    offset = best.offset;
  }

  function elapsed(timer, now) {
    if (timer.started_at === null) { return 0; }
    var until = now;
    if (timer.paused_at !== null) { until = timer.paused_at; }
    if (timer.ended_at !== null) { until = timer.paused_at === null ? timer.ended_at : timer.paused_at; }
    return Math.max(0, until - timer.started_at - timer.paused_total);
  }

  // The planned seconds as core's TimerState.planned_at derives them: a speaker given
  // "until 10:45" has until the instant, from their start (or from now while waiting).
  function plannedAt(timer, now) {
    if (timer.until === null || timer.until === undefined) { return timer.planned; }
    return Math.max(0, timer.until - (timer.started_at === null ? now : timer.started_at));
  }

  // core/clock_text.py's one rounding rule: a countdown shows the ceiling of the time left
  // (0.5 s over is still 0:00; a full second over is -0:01). Tests check both agree.
  function countdownSeconds(seconds) { return Math.ceil(seconds) + 0; }  // + 0: no -0

  function formatClock(seconds) {
    var shown = countdownSeconds(seconds);
    var sign = shown < 0 ? "-" : "";
    var whole = Math.abs(shown);
    var hours = Math.floor(whole / 3600);
    var minutes = Math.floor((whole % 3600) / 60);
    var secs = whole % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return hours ? sign + hours + ":" + two(minutes) + ":" + two(secs) : sign + minutes + ":" + two(secs);
  }

  function draw() {
    if (!state) { return; }
    var timer = state.timer;
    $("session").textContent = state.title;
    if (!timer) {
      $("name").textContent = "";
      $("affiliation").textContent = "";
      $("clock").textContent = "–:––";
      $("status").textContent = t("speaker_waiting");
      document.body.className = "speaker normal";
      return;
    }
    $("name").textContent = state.speaker.name;
    $("affiliation").textContent = state.speaker.affiliation;
    var now = nowSeconds() + offset;
    var left = plannedAt(timer, now) + timer.adjustment - elapsed(timer, now);
    $("clock").textContent = formatClock(left);
    // Judged on the shown seconds, as TimerState.level is: words and digits agree.
    var shown = countdownSeconds(left);
    var level = "normal";
    if (shown < 0) { level = "overtime"; } else if (shown <= state.danger) { level = "danger"; } else if (shown <= state.warning) { level = "warning"; }
    var status = "";
    if (timer.started_at === null) { status = t("speaker_ready"); }
    else if (timer.ended_at !== null) { status = t("speaker_ended"); }
    else if (timer.paused_at !== null) { status = t("speaker_paused"); }
    else if (level === "overtime") { status = t("speaker_overtime"); }
    else if (level === "danger") { status = t("speaker_conclude"); }
    $("status").textContent = status;
    document.body.className = "speaker " + level + (timer.paused_at !== null ? " paused" : "");
  }

  async function poll() {
    try {
      var sentAt = nowSeconds();
      var response = await fetch("/api/s/" + token, {
        headers: { "X-Facilitator": "1" }, credentials: "same-origin", cache: "no-store"
      });
      var receivedAt = nowSeconds();
      var data = await response.json();
      if (response.ok) {
        estimate(data.now, sentAt, receivedAt);
        state = data;
        $("error").hidden = true;
      } else {
        $("error").textContent = data.message || "";
        $("error").hidden = false;
      }
    } catch (e) {
      $("error").textContent = "…";
      $("error").hidden = false;
    }
    setTimeout(poll, POLL_MS);
  }

  async function start() {
    var code = String(navigator.language || "en").slice(0, 2).toLowerCase();
    if (LANGUAGES.indexOf(code) < 0) { code = "en"; }
    try {
      var response = await fetch("/web/i18n/" + code + ".json", { credentials: "same-origin" });
      strings = await response.json();
      document.documentElement.lang = code;
      document.documentElement.dir = strings.dir === "rtl" ? "rtl" : "ltr";
    } catch (e) { strings = {}; }
    poll();
    setInterval(draw, 100);
  }

  // Exposed for tests: the estimated offset between this page's clock and the laptop's.
  window.facilitatorClockOffset = function () { return offset; };
  window.facilitatorFormatClock = formatClock;
  start();
}());
