/* What the rapporteur's and co-moderator's pages share (rapporteur.js, co_moderator.js):
   the link's token, strings in six languages, the JSON API with its custom header, polling
   with ETags, the connection line, random ids. Plain ES2017, no build step, no libraries;
   user text is only ever placed with textContent. */
(function () {
  "use strict";

  var LANGUAGES = ["en", "fr", "es", "ar", "zh", "ru"];
  var strings = {};
  var language = "en";
  var listeners = [];

  function $(id) { return document.getElementById(id); }

  function safeStorage() {
    // Private browsing on older Safari throws on setItem: fall back to memory (the page
    // then says so: what is typed survives the Wi-Fi, not a reload).
    var memory = {};
    try {
      window.localStorage.setItem("facilitator.test", "1");
      window.localStorage.removeItem("facilitator.test");
      return { persistent: true, area: window.localStorage };
    } catch (e) {
      return {
        persistent: false,
        area: {
          getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
          setItem: function (k, v) { memory[k] = String(v); },
          removeItem: function (k) { delete memory[k]; }
        }
      };
    }
  }
  var storage = safeStorage();

  function readJson(key, fallback) {
    try {
      var text = storage.area.getItem(key);
      return text ? JSON.parse(text) : fallback;
    } catch (e) { return fallback; }
  }

  function writeJson(key, value) {
    storage.area.setItem(key, JSON.stringify(value));
  }

  // A random UUID (v4). crypto.randomUUID needs a secure context, which a laptop on the
  // venue network serving plain http is not; getRandomValues works everywhere.
  function uuid() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = [];
    for (var i = 0; i < 16; i++) { h.push(("0" + b[i].toString(16)).slice(-2)); }
    return h.slice(0, 4).join("") + "-" + h.slice(4, 6).join("") + "-" + h.slice(6, 8).join("") +
      "-" + h.slice(8, 10).join("") + "-" + h.slice(10).join("");
  }

  function token() {
    var match = /^\/r\/([A-Za-z0-9_-]+)/.exec(window.location.pathname);
    return match ? match[1] : "";
  }

  function t(key, values) {
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    if (values) {
      Object.keys(values).forEach(function (name) {
        text = text.split("{" + name + "}").join(String(values[name]));
      });
    }
    return text;
  }

  // A count's sentence in the page's language: the key's "_one", "_two", "_few", "_many",
  // "_zero" or "_other" form as Intl.PluralRules picks it (Arabic has six, Russian four,
  // Chinese one), "_other" when the language has no such form; {n} is the count.
  function tn(key, n) {
    var form = "other";
    try { form = new Intl.PluralRules(language).select(n); } catch (error) { form = "other"; }
    var wanted = key + "_" + form;
    var has = Object.prototype.hasOwnProperty.call(strings, wanted);
    return t(has ? wanted : key + "_other", { n: n });
  }

  function pickLanguage() {
    var saved = storage.area.getItem("facilitator.language");
    if (saved && LANGUAGES.indexOf(saved) >= 0) { return saved; }
    var wanted = (navigator.languages && navigator.languages.length)
      ? navigator.languages : [navigator.language || "en"];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i]).slice(0, 2).toLowerCase();
      if (LANGUAGES.indexOf(code) >= 0) { return code; }
    }
    return "en";
  }

  async function setLanguage(code) {
    var version = document.documentElement.getAttribute("data-assets") || "";
    var response = await fetch("/web/i18n/desk-" + code + ".json" + (version ? "?v=" + version : ""),
                               { credentials: "same-origin" });
    if (!response.ok) { throw new Error("strings"); }
    strings = await response.json();
    language = code;
    document.documentElement.lang = code;
    document.documentElement.dir = strings.dir === "rtl" ? "rtl" : "ltr";
    var select = $("language");
    if (select) { select.value = code; select.setAttribute("aria-label", t("language")); }
    var nodes = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute("data-i18n"));
    }
    var labelled = document.querySelectorAll("[data-i18n-label]");
    for (var j = 0; j < labelled.length; j++) {
      labelled[j].setAttribute("aria-label", t(labelled[j].getAttribute("data-i18n-label")));
    }
    var holders = document.querySelectorAll("[data-i18n-placeholder]");
    for (var k = 0; k < holders.length; k++) {
      holders[k].setAttribute("placeholder", t(holders[k].getAttribute("data-i18n-placeholder")));
    }
    listeners.forEach(function (listener) { listener(); });
  }

  async function start(onLanguage) {
    listeners.push(onLanguage);
    var select = $("language");
    if (select) {
      select.addEventListener("change", function () {
        storage.area.setItem("facilitator.language", select.value);
        setLanguage(select.value).catch(function () {});
      });
    }
    try { await setLanguage(pickLanguage()); } catch (e) { await setLanguage("en"); }
    document.body.classList.remove("loading");
  }

  // A request unanswered this long is given up as "no answer". A Wi-Fi that drops without
  // an error (the laptop out of reach, packets lost) leaves fetch waiting for minutes: the
  // page said "Connected" throughout and polled no more, so it never caught up by itself.
  // The laptop answers in milliseconds; a busy disk gives up (503) well before this.
  var REQUEST_TIMEOUT_MS = 8000;

  // The laptop's clock less this device's (milliseconds), from the Date header of the
  // laptop's last answer: a whole second, read half a second on, at the middle of the
  // request's round trip (about ±1 s: enough for the minutes shown). 0 until it answers.
  var laptopOffsetMs = 0;

  function heardLaptopClock(response, sentAt, receivedAt) {
    var said = Date.parse(response.headers.get("Date") || "");
    if (isFinite(said)) { laptopOffsetMs = said + 500 - (sentAt + receivedAt) / 2; }
  }

  // A moment on this device's clock (milliseconds) as seconds on the laptop's clock.
  function laptopSeconds(deviceMs) { return (deviceMs + laptopOffsetMs) / 1000; }

  // Requests sent so far. Each answer says which request it was (``asked``): a poll's
  // answer asked before a write was answered may not hold what that write made yet.
  var requestsSent = 0;

  // One API call. Resolves {status, data, etag, asked} (``asked``: the request's number,
  // see ``requestsSent``); status 0 when the network failed or did
  // not answer in time (the laptop is out of reach): callers keep what they were sending
  // and try again (a note's client id makes a resend harmless). ``link``: another link's
  // token to ask under instead of this page's (the rapporteur's check of its old links).
  async function api(method, path, body, etag, link) {
    var headers = { "X-Facilitator": "1" };
    var options = { method: method, headers: headers, credentials: "same-origin", cache: "no-store" };
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    if (controller) { options.signal = controller.signal; }
    var timeout = controller ? window.setTimeout(function () { controller.abort(); },
                                                 REQUEST_TIMEOUT_MS) : null;
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    if (etag) { headers["If-None-Match"] = etag; }
    var response;
    var data = null;
    var sentAt = Date.now();
    var asked = ++requestsSent;
    try {
      response = await fetch("/api/r/" + (link || token()) + path, options);
      var receivedAt = Date.now();
      if (response.status !== 304) {
        try { data = await response.json(); } catch (e) { data = null; }
      }
      // Only the laptop's own clock: not a captive portal's or a gateway's.
      if (response.status === 304 || fromLaptop({ status: response.status, data: data })) {
        heardLaptopClock(response, sentAt, receivedAt);
      }
    } catch (e) {
      return { status: 0, data: null, etag: null, asked: asked };
    } finally {
      if (timeout !== null) { window.clearTimeout(timeout); }
    }
    return { status: response.status, data: data, etag: response.headers.get("ETag"),
             asked: asked };
  }

  // Poll ``path`` every ``ms`` (milliseconds, or a function giving them each time) while the
  // page is shown (slower when hidden); ``use(data, asked)``
  // gets each new state (``asked``: its request's number, as ``api`` gives it), ``problem(status)`` each failure (0: no network), and ``fine()``
  // each success, a 304 included.
  function poll(path, ms, use, problem, fine) {
    var etag = "";
    var timer = null;
    var misses = 0;
    async function once() {
      timer = null;
      var result = await api("GET", path, undefined, etag);
      if (result.status === 200 && result.data) {
        etag = result.etag || "";
        misses = 0;
        fine();
        use(result.data, result.asked);
      } else if (result.status === 304) {
        misses = 0;
        fine();
      } else {
        misses += 1;
        problem(result.status, result.data);
      }
      var every = typeof ms === "function" ? ms() : ms;
      var wait = document.hidden ? every * 5 : every * Math.min(1 + misses, 4);
      timer = window.setTimeout(once, wait);
    }
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && timer !== null) { window.clearTimeout(timer); once(); }
    });
    once();
    return {
      // Ask at once (after an action); a poll under way just carries on.
      now: function () { if (timer !== null) { window.clearTimeout(timer); once(); } },
      forget: function () { etag = ""; }
    };
  }

  // Whether an answer is the laptop's own: its JSON, an object (a refusal names its error).
  // On venue Wi-Fi a captive portal or a gateway may answer instead (a login page, 200 or
  // 4xx): that says nothing about what the laptop has, so it is no reply at all.
  function fromLaptop(result) {
    if (result.status === 0 || result.data === null || typeof result.data !== "object") {
      return false;
    }
    return result.status < 400 || typeof result.data.error === "string";
  }

  // Whether the laptop shut this link out (revoked, unknown, another role's): then the
  // connection line says so, never "Connected", though the laptop does answer.
  function shutOut(status, data) {
    var code = data && data.error;
    return code === "revoked" || code === "wrong_role" || (code === "not_found" && status === 404);
  }

  // Refusals of a command on the laptop (the server's "reason", a Code's name) the desks
  // say in their own words; every "no such …" is one thing to the person: removed meanwhile.
  var REASONS = ["already_merged", "note_needs_text", "screen_needs_approval",
                 "poll_open_elsewhere", "merge_across_sessions"];

  // The refusal a role link can get, in the page's language: never the server's English.
  function refusal(status, data) {
    var code = data && data.error;
    var reason = data && typeof data.reason === "string" ? data.reason : "";
    if (code === "revoked") { return t("link_revoked"); }
    if (code === "not_found" && status === 404) { return t("link_unknown"); }
    if (code === "wrong_role") { return t("link_wrong_role"); }
    if (code === "no_session") { return t("no_session"); }
    if (code === "question_gone" || code === "section_gone") { return t(code); }
    if (code === "merged") { return t("question_merged"); }
    if (status === 429) { return t("slow_down"); }
    // A long note or section: the words are kept on screen, and the person can split them.
    if (code === "too_large") { return t("too_long"); }
    if (/^no_such_/.test(reason)) { return t("refused_gone"); }
    if (REASONS.indexOf(reason) >= 0) { return t("refused_" + reason); }
    return status >= 400 && status < 500 ? t("refused") : t("problem");
  }

  function clockTime(seconds, zone) {
    var options = { hour: "2-digit", minute: "2-digit", hour12: false };
    try {
      if (zone) { options.timeZone = zone; }
      return new Intl.DateTimeFormat(language, options).format(new Date(seconds * 1000));
    } catch (e) {
      delete options.timeZone;
      return new Intl.DateTimeFormat(language, options).format(new Date(seconds * 1000));
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function button(text, onClick, className) {
    var node = element("button", className || "", text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // A tag as the tag pickers show it: an SDG in the page's language ("ODD 11 : Villes…",
  // the strings' sdg_N, as the printed summary words it), anything else as the laptop
  // sent it (a guiding question or theme: the session's own words).
  function tagLabel(choice) {
    var key = "sdg_" + choice.sdg;
    var words = choice.sdg ? t(key) : key;
    return words === key ? choice.label : words;
  }

  // A group of tags in the page's language.
  function tagGroup(group) {
    return { "Guiding questions": t("tags_questions"), "SDGs": t("tags_sdgs"),
             "WUF12 dialogues and themes": t("tags_themes") }[group] || group;
  }

  window.Desk = {
    $: $, t: t, tn: tn, api: api, poll: poll, start: start, uuid: uuid, token: token,
    readJson: readJson, writeJson: writeJson, storage: storage, refusal: refusal, fromLaptop: fromLaptop, shutOut: shutOut,
    clockTime: clockTime, laptopSeconds: laptopSeconds, element: element, button: button,
    requestsSent: function () { return requestsSent; },
    tagLabel: tagLabel, tagGroup: tagGroup,
    // Another part of a page redraws its words when the language changes.
    onLanguage: function (listener) { listeners.push(listener); },
    language: function () { return language; }
  };
})();
