/* The podium view: the projector's stage on a phone or tablet at the podium. Plain ES2017.
   The laptop sends the clock's state, the stage (message, blackout, question on screen) and
   its time; this page estimates the offset between the two clocks and derives the time
   left itself (stage_clock.js), so the display is smooth and in step with the laptop. A clock is only shown while the laptop answers: past
   STALE_MS without an answer the page says "connection lost" and hides the digits, since
   the moderator may have paused or moved on meanwhile. */
(function () {
  "use strict";

  var POLL_MS = 1000;
  var TIMEOUT_MS = 2500;  // a request hanging on a dropped Wi-Fi is given up before STALE_MS
  var STALE_MS = 3000;
  var LANGUAGES = ["en", "fr", "es", "ar", "zh", "ru"];
  // The projector's shapes (gui/clock_face.py), in a 100 x 100 box.
  var SHAPES = {
    warning: "M50 6 L95 88 L5 88 Z",
    danger: octagon(),
    overtime: "M13 13 H87 V87 H13 Z",
    paused: "M14 6 H40 V94 H14 Z M60 6 H86 V94 H60 Z"
  };
  var strings = {};
  // A session's podium link (/s/TOKEN) or a podium role link (/r/TOKEN: the room's session).
  var link = /^\/(s|r)\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname) || [];
  var token = link[2];
  var stateUrl = link[1] === "r" ? "/api/r/" + token + "/podium" : "/api/s/" + token;
  var state = null;
  var clock = window.facilitatorStageClock;  // stage_clock.js: the shared clock rules
  var lastAnswer = new clock.AnswerAge();  // of the last good answer
  var estimate = new clock.OffsetEstimate();

  function $(id) { return document.getElementById(id); }
  function t(key) { return Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : ""; }
  function octagon() {
    var points = [];
    for (var i = 0; i < 8; i++) {
      var angle = Math.PI / 8 + i * Math.PI / 4;
      points.push((50 + 46 * Math.cos(angle)).toFixed(1) + " " + (50 + 46 * Math.sin(angle)).toFixed(1));
    }
    return "M" + points.join(" L") + " Z";
  }

  function nowSeconds() { return Date.now() / 1000; }

  // The level words as on the projector: "1 MIN LEFT", "PLEASE CONCLUDE", "OVER TIME".
  function levelWords(level) {
    if (level === "warning") {
      var minutes = Math.max(1, Math.ceil(state.warning / 60));
      return minutes === 1 ? t("podium_minutes_left_one")
        : t("podium_minutes_left_many").replace("{n}", String(minutes));
    }
    if (level === "danger") { return t("speaker_conclude"); }
    if (level === "overtime") { return t("speaker_overtime"); }
    return "";
  }

  function setText(id, text) {
    var node = $(id);
    if (node.textContent !== text) { node.textContent = text; }
  }

  function showBanner(level, paused) {
    var words = levelWords(level);
    if (paused) { words = words ? t("speaker_paused") + " · " + words : t("speaker_paused"); }
    $("banner").hidden = !words;
    setText("banner-text", words);
    var shape = paused ? SHAPES.paused : (SHAPES[level] || "");
    if ($("shape").getAttribute("d") !== shape) { $("shape").setAttribute("d", shape); }
  }

  function showStage() {
    var stage = state.stage || {};
    var message = $("message");
    setText("message", stage.message || "");
    message.hidden = !stage.message;
    message.classList.toggle("blink", !!(stage.message && stage.blink));
    $("blackout").hidden = !stage.blackout;
    var question = state.question;
    $("question").hidden = !question;
    setText("question-text", question ? "“" + question.text + "”" : "");
    setText("question-by", question && question.author ? "— " + question.author : "");
    setText("next", state.next ? t("podium_next").replace("{name}", state.next) : "");
  }

  // The whole stage on the screen, never below it: a speaker cannot scroll a podium
  // tablet. When what is shown (or the screen) changes, the words and digits shrink
  // together (phone.css's --fit, 1 down to FIT_LEAST) until the stage fits.
  var FIT_LEAST = 0.3;
  var fitFor = "";
  function fitStage() {
    var stage = document.querySelector(".podium-stage");
    var shown = [window.innerWidth, window.innerHeight, $("clock").textContent.length];
    var parts = stage.querySelectorAll("[id]");
    for (var i = 0; i < parts.length; i++) {
      // The clock's digits change each second; only their count changes its width.
      if (parts[i].id !== "clock") { shown.push(parts[i].hidden, parts[i].textContent); }
    }
    var key = JSON.stringify(shown);
    if (key === fitFor) { return; }
    fitFor = key;
    var fits = function (fit) {
      stage.style.setProperty("--fit", String(fit));
      return stage.getBoundingClientRect().height <= window.innerHeight + 1;
    };
    if (fits(1)) { return; }
    var low = FIT_LEAST, high = 1;
    for (var step = 0; step < 7; step++) {  // to within 1 % of the largest that fits
      var middle = (low + high) / 2;
      if (fits(middle)) { low = middle; } else { high = middle; }
    }
    fits(low);
  }

  function draw() {
    var lost = lastAnswer.stale(STALE_MS);
    $("lost").hidden = !lost;
    if (lost) {
      // Never a frozen or guessed clock: the digits go until the laptop answers again.
      document.body.className = "speaker lost";
      setText("clock", "–:––");
      $("banner").hidden = true;
      $("blackout").hidden = true;
      return;
    }
    if (!state) {
      setText("clock", "–:––");
      $("banner").hidden = true;
      return;
    }
    setText("session", state.title);
    showStage();
    var timer = state.timer;
    if (!timer) {
      setText("name", "");
      setText("affiliation", "");
      setText("clock", "–:––");
      setText("status", t("speaker_waiting"));
      showBanner("normal", false);
      document.body.className = "speaker normal";
      return;
    }
    setText("name", state.speaker.name);
    setText("affiliation", state.speaker.affiliation);
    var now = nowSeconds() + estimate.offset;
    var left = clock.timeLeft(timer, now);
    setText("clock", clock.formatClock(left));
    var level = clock.level(timer, left, state.warning, state.danger);
    var paused = clock.isPaused(timer);
    var status = "";
    if (timer.started_at === null) { status = t("speaker_ready"); }
    else if (timer.ended_at !== null) { status = t("speaker_ended"); }
    setText("status", status);
    showBanner(level, paused);
    document.body.className = "speaker " + level + (paused ? " paused" : "");
  }

  function drawAndFit() {
    draw();
    if (!document.body.classList.contains("lost")) { fitStage(); }
  }

  async function poll() {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timeout = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    try {
      var sentAt = nowSeconds();
      var response = await fetch(stateUrl, {
        headers: { "X-Facilitator": "1" }, credentials: "same-origin", cache: "no-store",
        signal: controller ? controller.signal : undefined
      });
      var receivedAt = nowSeconds();
      var data = await response.json();
      if (response.ok) {
        estimate.add(data.now, sentAt, receivedAt);
        state = data;
        lastAnswer.answered();
        $("error").hidden = true;
      } else if (response.status === 404 || response.status === 403) {
        // The session was removed, the link is wrong or was revoked: say so, the laptop
        // did answer.
        state = null;
        lastAnswer.answered();
        $("error").textContent = (data.error === "revoked" ? t("error_revoked")
                                  : t("error_not_found")) || data.message || "";
        $("error").hidden = false;
      }
      // Any other answer (busy, too many requests) is no fresh state: the clock ages.
    } catch (e) {
      // No answer: the "connection lost" screen comes once the last answer is STALE_MS old.
    } finally {
      if (timeout !== null) { clearTimeout(timeout); }
    }
    drawAndFit();
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
    document.title = t("podium_title") || document.title;
    // Without the strings (the laptop was gone from the start) the English in the page stays.
    if (t("podium_lost")) { setText("lost-title", t("podium_lost")); }
    if (t("podium_lost_detail")) { setText("lost-detail", t("podium_lost_detail")); }
    poll();
    setInterval(drawAndFit, 100);
  }

  // Exposed for tests: the estimated offset between this page's clock and the laptop's.
  window.facilitatorClockOffset = function () { return estimate.offset; };
  window.facilitatorFormatClock = clock.formatClock;
  start();
}());
