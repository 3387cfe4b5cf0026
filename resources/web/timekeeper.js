/* The timekeeper page: the Run tab's clock keys, message and blackout on a phone. Plain
   ES2017, no inline script (the CSP forbids it), user text only through textContent.
   It polls the stage each second (GET /api/r/TOKEN/podium) and derives the clock itself
   (stage_clock.js); each key posts the same command the laptop's key runs
   (POST /api/r/TOKEN/control/ACTION, audience/timekeeper.py) and shows the stage it
   answers with at once. Past STALE_MS without an answer the clock is hidden, never frozen. */
(function () {
  "use strict";

  var POLL_MS = 1000;
  var TIMEOUT_MS = 2500;
  var STALE_MS = 3000;
  var LANGUAGES = ["en", "fr", "es", "ar", "zh", "ru"];
  // Keys that act on the current speaker: sent with the one shown (the stage's slot_id).
  var CLOCK_KEYS = ["toggle", "start", "pause", "next", "previous", "add_time"];
  var HEADERS = { "X-Facilitator": "1", "Content-Type": "application/json" };
  var clock = window.facilitatorStageClock;
  var estimate = new clock.OffsetEstimate();
  var token = (/^\/r\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname) || [])[1];
  var base = "/api/r/" + token;
  var strings = {};
  var state = null;
  var lastAnswer = new clock.AnswerAge();  // of the last good answer
  var revoked = false;
  var pending = {};  // action -> true while its request is under way

  function $(id) { return document.getElementById(id); }
  function t(key) { return Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : ""; }
  function nowSeconds() { return Date.now() / 1000; }
  function setText(id, text) {
    var node = $(id);
    if (node.textContent !== text) { node.textContent = text; }
  }

  async function request(method, path, body) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timeout = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    try {
      var sentAt = nowSeconds();
      var response = await fetch(base + path, {
        method: method, headers: HEADERS, credentials: "same-origin", cache: "no-store",
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller ? controller.signal : undefined
      });
      var data = await response.json();
      return { ok: response.ok, status: response.status, data: data, sentAt: sentAt,
               receivedAt: nowSeconds() };
    } finally {
      if (timeout !== null) { clearTimeout(timeout); }
    }
  }

  function take(stage, sentAt, receivedAt) {
    if (typeof stage.now === "number") { estimate.add(stage.now, sentAt, receivedAt); }
    state = stage;
    lastAnswer.answered();
    $("offline").hidden = true;
  }

  function refuse(answer) {
    // The laptop answered no: a revoked or wrong link shuts the controls away for good.
    var code = answer.data && answer.data.error;
    if (code === "revoked" || code === "not_found" || code === "wrong_role") {
      revoked = true;
      document.body.classList.add("revoked");
      $("refused").textContent = (code === "revoked" ? t("error_revoked") : t("error_not_found"))
        || answer.data.message || "";
      $("refused").hidden = false;
      return;
    }
    showResult(refusalWords(answer.status, code), true);
  }

  // A refusal in the page's language: the laptop's own message is English (for curl).
  // (English as the page's own words when its strings could not be loaded.)
  function refusalWords(status, code) {
    if (code === "rate_limited" || status === 429) {
      return t("error_rate_limited") || "Too many requests. Please wait a moment and try again.";
    }
    if (code === "no_session") {
      return t("tk_no_session") || "The laptop has no session yet: nothing to run.";
    }
    if (code === "busy" || status >= 500) {
      return t("tk_busy") || "The laptop is busy: nothing was done. Try again in a moment.";
    }
    return t("tk_refused") || "The laptop refused this. Check the clock and the message.";
  }

  function showResult(text, bad) {
    var node = $("result");
    node.textContent = text;
    node.className = "form-message" + (bad ? " bad" : "");
  }

  // The stage once, now (after a press left without an answer); the polling goes on.
  async function refresh() {
    try {
      var answer = await request("GET", "/podium");
      if (answer.ok) { take(answer.data, answer.sentAt, answer.receivedAt); }
    } catch (e) {
      // Still no answer: the clock goes once the last answer is STALE_MS old.
    }
    draw();
  }

  async function poll() {
    if (!revoked) {
      try {
        var answer = await request("GET", "/podium");
        if (answer.ok) { take(answer.data, answer.sentAt, answer.receivedAt); } else { refuse(answer); }
      } catch (e) {
        // No answer: the clock goes once the last answer is STALE_MS old.
      }
      draw();
      setTimeout(poll, POLL_MS);
    }
  }

  async function act(action, body, button) {
    // One request at a time per button (the start/pause button sends either).
    var key = button ? button.getAttribute("data-action") : action;
    if (pending[key] || revoked) { return; }
    pending[key] = true;
    if (button) { button.setAttribute("aria-busy", "true"); }
    showResult("", false);
    try {
      var answer = await request("POST", "/control/" + action, body || {});
      if (answer.ok) {
        take(answer.data.stage, answer.sentAt, answer.receivedAt);
        if (action === "message") { $("message").value = ""; }
        if (CLOCK_KEYS.indexOf(action) >= 0 && !answer.data.changed) {
          // Done on the laptop meanwhile (the moderator paused, moved on): the clock shown
          // now is the laptop's, and this press changed nothing.
          showResult(t("tk_unchanged") || "Nothing changed: the laptop may have done it "
                     + "already. Check the clock.", true);
        }
      } else {
        refuse(answer);
      }
    } catch (e) {
      // No answer is not "not done": the press may have reached the laptop and only its
      // answer been lost. "Try again" would make a second Next skip a speaker, so the page
      // says to check the clock and asks the laptop for it at once.
      showResult(t("tk_no_answer") || "No answer from the laptop: check the clock before "
                 + "pressing again.", true);
      refresh();
    } finally {
      pending[key] = false;
      if (button) { button.removeAttribute("aria-busy"); }
      draw();
    }
  }

  // The clock key the page means: what its button says, for the speaker it shows. A
  // "toggle" sent on a second-old view would resume a clock the moderator just paused.
  function clockKey(action) {
    var timer = state && state.timer;
    if (action === "toggle") {
      action = timer && timer.started_at !== null && timer.ended_at === null
        && !clock.isPaused(timer) ? "pause" : "start";
    }
    return action;
  }

  function toggleWord(timer) {
    if (!timer) { return t("tk_start") || "Start"; }
    if (timer.started_at === null) { return t("tk_start") || "Start"; }
    if (clock.isPaused(timer) || timer.ended_at !== null) { return t("tk_resume") || "Resume"; }
    return t("tk_pause") || "Pause";
  }

  function statusWords(timer, level) {
    if (!timer) { return t("speaker_waiting"); }
    if (timer.started_at === null) { return t("speaker_ready"); }
    if (timer.ended_at !== null) { return t("speaker_ended"); }
    var words = level === "danger" ? t("speaker_conclude") : level === "overtime" ? t("speaker_overtime") : "";
    if (clock.isPaused(timer)) { return words ? t("speaker_paused") + " · " + words : t("speaker_paused"); }
    return words || t("tk_running");
  }

  function draw() {
    var lost = lastAnswer.stale(STALE_MS);
    $("offline").hidden = revoked || !lost;
    var live = state && !lost && !revoked;
    var timer = live ? state.timer : null;
    setText("session", live ? state.title : "");
    setText("speaker", timer ? state.speaker.name : "");
    setText("affiliation", timer ? state.speaker.affiliation : "");
    setText("next-speaker", live && state.next ? t("podium_next").replace("{name}", state.next) : "");
    var level = "normal";
    if (timer) {
      var left = clock.timeLeft(timer, nowSeconds() + estimate.offset);
      level = clock.level(timer, left, state.warning, state.danger);
      setText("clock", clock.formatClock(left));
    } else {
      setText("clock", "–:––");
    }
    setText("status", live ? statusWords(timer, level) : "");
    $("now").className = "card tk-now " + level + (timer && clock.isPaused(timer) ? " paused" : "");
    setText("toggle", toggleWord(timer));
    var stage = live ? state.stage : { message: "", blackout: false };
    setText("shown", stage.message ? (t("tk_shown") || "On stage: {text}").replace("{text}", stage.message) : "");
    $("blackout").setAttribute("aria-pressed", stage.blackout ? "true" : "false");
    setText("blackout", stage.blackout ? t("tk_blackout_on") || "Blackout: on" : t("tk_blackout") || "Blackout");
    var buttons = document.querySelectorAll("button[data-action]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = !live; }
    $("message-form").querySelector("button[type=submit]").disabled = !live;
  }

  function wire() {
    var buttons = document.querySelectorAll("button[data-action]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        var button = event.currentTarget;
        var action = button.getAttribute("data-action");
        var body = {};
        if (CLOCK_KEYS.indexOf(action) >= 0) {
          action = clockKey(action);
          body.slot = state && state.slot_id !== undefined ? state.slot_id : null;
        }
        if (action === "add_time") { body.seconds = parseInt(button.getAttribute("data-seconds"), 10); }
        if (action === "blackout") { body.on = button.getAttribute("aria-pressed") !== "true"; }
        act(action, body, button);
      });
    }
    $("message-form").addEventListener("submit", function (event) {
      event.preventDefault();  // the CSP's form-action 'none': the page sends it itself
      var text = $("message").value.trim();
      if (text) { act("message", { text: text, blink: $("blink").checked }, null); }
    });
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
    var labelled = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < labelled.length; i++) {
      var text = t(labelled[i].getAttribute("data-i18n"));
      if (text) { labelled[i].textContent = text; }
    }
    document.title = t("tk_title") || document.title;
    wire();
    document.body.classList.remove("loading");
    draw();
    poll();
    setInterval(draw, 200);
  }

  start();
}());
