/* The audience's phone page. Plain ES2017, no build step, no libraries.
   User text is only ever placed with textContent. */
(function () {
  "use strict";

  var LANGUAGES = ["en", "fr", "es", "ar", "zh", "ru"];
  var POLL_MS = 2000;
  var HIDDEN_POLL_MS = 10000;
  // The laptop restarting or the Wi-Fi dropping for a moment must not flash an error:
  // polls back off quietly and "offline" shows only after this many misses in a row.
  var QUIET_MISSES = 3;
  var MAX_BACKOFF_MS = 15000;
  var misses = 0;
  var MINE_REFRESH_MS = 30000;  // this phone's own bits, asked again at least this often
  var store = safeStorage();
  var strings = {};
  var language = "en";
  var token = null;
  // This page load's id, only to tell its polls apart from other pages behind the same
  // address. Who this phone is (for votes and "your questions") is the server's cookie.
  var viewId = randomId();
  // The session's shared state (the same bytes for every phone, mostly a 304) and this
  // phone's own votes and questions (small, asked when the shared "rev" moves or after
  // this phone wrote), each with its own ETag.
  var sharedEtag = "";
  var mineEtag = "";
  var shared = null;
  var own = { voted: [], mine: [] };
  var ownRev = null;
  var ownAt = 0;
  var ownWanted = true;
  var lastState = null;
  var pollTimer = null;
  var sending = false;

  function $(id) { return document.getElementById(id); }

  function safeStorage() {
    // Private browsing on older Safari throws on setItem: fall back to memory.
    var memory = {};
    try {
      window.localStorage.setItem("facilitator.test", "1");
      window.localStorage.removeItem("facilitator.test");
      return window.localStorage;
    } catch (e) {
      return {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var out = "";
    for (var i = 0; i < bytes.length; i++) {
      out += ("0" + bytes[i].toString(16)).slice(-2);
    }
    return out;
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

  function pickLanguage() {
    var saved = store.getItem("facilitator.language");
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
    // The page names its files' version: the strings are then kept, not asked again.
    var version = document.documentElement.getAttribute("data-assets") || "";
    var response = await fetch("/web/i18n/" + code + ".json" + (version ? "?v=" + version : ""),
                               { credentials: "same-origin" });
    if (!response.ok) { throw new Error("strings"); }
    strings = await response.json();
    language = code;
    document.documentElement.lang = code;
    document.documentElement.dir = strings.dir === "rtl" ? "rtl" : "ltr";
    $("language").value = code;
    $("language").setAttribute("aria-label", t("language"));
    var nodes = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute("data-i18n"));
    }
    if (!lastState) { $("title").textContent = t("app_title"); }
    document.title = lastState ? lastState.session.title : t("app_title");
    if (lastState) { render(lastState); }
    if (window.facilitatorFloor) { window.facilitatorFloor.translate(); }
  }

  async function api(method, url, body, etag) {
    var headers = { "X-Facilitator": "1" };
    var options = { method: method, headers: headers, credentials: "same-origin", cache: "no-store" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    if (method === "GET" && etag) {
      headers["If-None-Match"] = etag;
    }
    var response = await fetch(url, options);
    var data = null;
    if (response.status !== 304) {
      try { data = await response.json(); } catch (e) { data = null; }
    }
    return { status: response.status, data: data, etag: response.headers.get("ETag"),
             retryAfter: retryAfterSeconds(response) };
  }

  /* --- waiting when the laptop asks (429, 503) ----------------------------------------- */

  // Seconds the server asked to wait (Retry-After), within reason, with a little jitter so
  // a hall of phones told the same number does not come back in one wave.
  function retryAfterSeconds(response) {
    var value = parseInt(response.headers.get("Retry-After") || "", 10);
    var seconds = isFinite(value) && value > 0 ? Math.min(value, 120) : 5;
    return seconds + Math.random() * Math.min(seconds, 3);
  }

  function isWait(result) { return result.status === 429 || result.status === 503; }

  // Whether an answer is the laptop's own: its JSON, an object (a refusal names its error).
  // On venue Wi-Fi a captive portal or a gateway may answer instead (a login page, 200 or
  // 4xx): that says nothing about what the laptop has, so it counts as no answer at all.
  function fromLaptop(result) {
    if (result.data === null || typeof result.data !== "object") { return false; }
    return result.status < 400 || typeof result.data.error === "string";
  }

  function waitText(result) {
    return t("wait_retrying", { n: Math.ceil(result.retryAfter) });
  }

  function errorText(result) {
    var code = result && result.data && result.data.error;
    var key = "error_" + code;
    if (code && Object.prototype.hasOwnProperty.call(strings, key)) { return t(key); }
    // Any other refusal in the page's language, never the server's English.
    if (result && result.status >= 400 && result.status < 500) { return t("error_refused"); }
    return t("error_network");
  }

  function showError(text) {
    var box = $("error");
    box.textContent = text || "";
    box.hidden = !text;
  }

  /* --- the code view ------------------------------------------------------------------ */

  async function joinByCode(event) {
    event.preventDefault();
    // Sent as typed: the laptop folds lower case, full-width letters and Arabic-Indic or
    // Persian digits to the code's form (core.codes.normalise_short_code).
    var code = $("code").value.replace(/\s+/g, "").slice(0, 40);
    if (!code) { return; }
    try {
      var result = await api("GET", "/api/code/" + encodeURIComponent(code));
      if (result.status === 200 && result.data && result.data.join) {
        window.location.assign(result.data.join);
      } else if (isWait(result)) {
        showError(t("wait_retrying", { n: Math.ceil(result.retryAfter) }));
        setTimeout(function () { joinByCode(event); }, result.retryAfter * 1000);
      } else {
        showError(errorText(result));
      }
    } catch (e) {
      showError(t("error_network"));
    }
  }

  /* --- the session view --------------------------------------------------------------- */

  function schedulePoll(delay) {
    if (pollTimer) { clearTimeout(pollTimer); }
    pollTimer = setTimeout(poll, delay);
  }

  function backoff() {
    // 2 s, 4 s, 8 s… up to 15 s, with jitter so a hall does not come back all at once.
    var delay = Math.min(MAX_BACKOFF_MS, POLL_MS * Math.pow(2, Math.min(misses - 1, 4)));
    return delay / 2 + Math.random() * delay / 2;
  }

  async function poll() {
    pollTimer = null;
    try {
      var changed = false;
      var result = await api("GET", "/api/j/" + token + "/shared?view=" + viewId, undefined,
                             sharedEtag);
      if (isWait(result)) {
        showError(waitText(result));
        schedulePoll(result.retryAfter * 1000);
        return;
      }
      if (result.status === 304) {
        misses = 0;
        showError("");
      } else if (!fromLaptop(result) || result.status >= 500) {
        missed();  // busy or restarting, or not the laptop answering: quietly, like a miss
      } else if (result.status === 200) {
        misses = 0;
        sharedEtag = result.etag || "";
        shared = result.data;
        changed = true;
        showError("");
      } else if (result.status === 404) {
        showError(t("error_not_found"));
        return;  // the session is gone: stop polling
      } else {
        misses = 0;
        showError(errorText(result));
      }
      if (shared && (ownWanted || shared.rev !== ownRev || Date.now() - ownAt > MINE_REFRESH_MS)) {
        var rev = shared.rev;
        var mine = await api("GET", "/api/j/" + token + "/me?view=" + viewId, undefined,
                             mineEtag);
        if (isWait(mine)) {
          showError(waitText(mine));
          schedulePoll(mine.retryAfter * 1000);
          return;
        }
        if (mine.status === 200 && mine.data) {
          mineEtag = mine.etag || "";
          own = mine.data;
          changed = true;
        }
        if (mine.status === 200 || mine.status === 304) {
          ownRev = rev;
          ownAt = Date.now();
          ownWanted = false;
        }
      }
      if (changed && shared) { render(combined(shared, own)); floorNews(shared); }
    } catch (e) {
      missed();
    }
    // A poll answer kept while the laptop was out of reach goes now (phone-polls.js).
    if (!misses) { document.dispatchEvent(new Event("facilitator:heard")); }
    schedulePoll(misses ? backoff() : (document.hidden ? HIDDEN_POLL_MS : POLL_MS));
  }

  function missed() {
    misses += 1;
    if (misses >= QUIET_MISSES) { showError(t("offline")); }
  }

  // The state the page shows: the shared one, with this phone's votes and questions (and
  // the counts of the questions it upvoted as of its last ask: the shared state may hold
  // counts back a few seconds, and a phone sees its own vote counted).
  function combined(state, mine) {
    var voted = {};
    mine.voted.forEach(function (id) { voted[id] = true; });
    var counts = mine.counts || {};
    function withVote(question) {
      if (!voted[question.id]) { return question; }
      var votes = Math.max(question.votes, counts[question.id] || 0);
      return Object.assign({}, question, { voted: true, votes: votes });
    }
    return {
      session: state.session,
      speakers: state.speakers,
      questions: state.questions.map(withVote),
      mine: mine.mine,
      on_screen: state.on_screen ? withVote(state.on_screen) : null
    };
  }

  // This phone's own vote, shown at once with the count the laptop answered (the shared
  // state, published a few times a second, may not have it yet).
  function countOwnVote(id, votes) {
    if (own.voted.indexOf(id) < 0) {
      var counts = Object.assign({}, own.counts || {});
      counts[id] = votes;
      own = { voted: own.voted.concat([id]), counts: counts, mine: own.mine };
    }
    if (!shared) { return; }
    var questions = shared.questions.map(function (question) {
      return question.id === id && question.votes < votes
        ? Object.assign({}, question, { votes: votes }) : question;
    });
    shared = Object.assign({}, shared, { questions: questions });
    render(combined(shared, own));
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  // The audience writes in any language: each text takes its own direction (an English
  // question keeps its question mark at its end on the Arabic page, and the reverse).
  function userText(tag, className, text) {
    var node = element(tag, className, text);
    node.dir = "auto";
    return node;
  }

  function byline(question) {
    var parts = [];
    var names = [question.author, question.organisation].filter(Boolean);
    // The Arabic comma between Arabic names, the Latin one between Latin names.
    var who = names.join(/[\u0600-\u06FF]/.test(names.join("")) ? "، " : ", ");
    if (who) { parts.push(who); }
    if (question.to) { parts.push(t("to_label", { name: question.to })); }
    return parts.join(" · ");
  }

  function votesText(n) {
    return n === 1 ? t("votes_one") : t("votes_many", { n: n });
  }

  function render(state) {
    lastState = state;
    $("title").textContent = state.session.title;
    document.title = state.session.title;
    var open = state.session.open;
    $("closed").hidden = open;
    $("ask-form").hidden = !open;

    var select = $("to");
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    state.speakers.forEach(function (name) {
      var option = element("option", "", name);
      option.value = name;
      select.appendChild(option);
    });
    select.value = state.speakers.indexOf(chosen) >= 0 ? chosen : "";

    var shown = state.on_screen;
    $("on-screen").hidden = !shown;
    if (shown) {
      $("on-screen-text").textContent = shown.text;
      $("on-screen-meta").textContent = byline(shown);
    }

    var mine = $("mine");
    clear(mine);
    state.mine.forEach(function (question) {
      var item = element("li", "item mine");
      item.appendChild(userText("p", "question-text", question.text));
      var badge = element("span", "badge " + question.status, t("status_" + question.status));
      item.appendChild(badge);
      if (question.into) {
        // Merged: the asker follows the question theirs joined.
        item.appendChild(element("p", "meta", t("merged_into")));
        item.appendChild(userText("p", "question-text merged-into", question.into.text));
        item.appendChild(element("span", "badge " + question.into.status,
          t("status_" + question.into.status)));
      }
      mine.appendChild(item);
    });
    $("mine-section").hidden = state.mine.length === 0;

    var list = $("questions");
    clear(list);
    state.questions.forEach(function (question) {
      var item = element("li", "item" + (question.status === "answered" ? " answered" : ""));
      item.setAttribute("data-id", String(question.id));
      var body = element("div", "item-body");
      body.appendChild(userText("p", "question-text", question.text));
      var meta = byline(question);
      if (meta) { body.appendChild(userText("p", "meta", meta)); }
      if (question.status === "answered") {
        body.appendChild(element("span", "badge answered", t("status_answered")));
      }
      item.appendChild(body);
      var button = element("button", "vote" + (question.voted ? " voted" : ""));
      button.type = "button";
      button.setAttribute("aria-pressed", question.voted ? "true" : "false");
      button.disabled = question.voted || question.status !== "approved";
      button.appendChild(element("span", "vote-arrow", "▲"));
      button.appendChild(element("span", "vote-count", String(question.votes)));
      button.setAttribute("aria-label", (question.voted ? t("upvoted") : t("upvote")) + ", " +
        votesText(question.votes));
      button.title = question.voted ? t("upvoted") : t("upvote");
      button.addEventListener("click", function () { vote(question.id, button); });
      item.appendChild(button);
      list.appendChild(item);
    });
    $("empty").hidden = state.questions.length > 0;
    tellParts();
  }

  // Other parts of the page follow the shared state and the language, with what they need
  // to speak and to write. Live polls (phone-polls.js) load only once a poll is open: the
  // first load stays small.
  var pollsScript = null;
  function tellParts() {
    window.facilitatorPage = { state: shared, token: token, t: t, api: api, isWait: isWait,
                               fromLaptop: fromLaptop, errorText: errorText, element: element,
                               userText: userText };
    if (shared && shared.poll && !pollsScript) {
      var version = document.documentElement.getAttribute("data-assets") || "";
      pollsScript = document.createElement("script");
      pollsScript.src = "/web/phone-polls.js" + (version ? "?v=" + version : "");
      document.head.appendChild(pollsScript);
    }
    document.dispatchEvent(new CustomEvent("facilitator:shared", { detail: window.facilitatorPage }));
  }

  async function vote(id, button) {
    button.disabled = true;
    try {
      var result = await api("POST", "/api/j/" + token + "/questions/" + id + "/vote", {});
      if (isWait(result)) {
        // The vote is kept and sent again by itself: a vote counts once per phone anyway.
        showError(waitText(result));
        setTimeout(function () { vote(id, button); }, result.retryAfter * 1000);
        return;
      }
      if (result.status !== 200) {
        showError(errorText(result));
        button.disabled = false;
      } else if (result.data) {
        countOwnVote(id, result.data.votes);
      }
    } catch (e) {
      showError(t("error_network"));
      button.disabled = false;
    }
    ownWanted = true;
    schedulePoll(0);
  }

  /* Lengths are counted as the laptop counts them: code points after NFC. (The HTML
     maxlength counts UTF-16 units, so it cut 300 emoji to 250.) */
  var MAX_QUESTION = 500;
  var MAX_NAME = 100;

  function codePoints(text) {
    return Array.from(text.normalize ? text.normalize("NFC") : text);
  }

  // Marks, joiners and filler letters alone show nothing: the laptop refuses them as empty.
  // Built from a string: a \p{} literal would stop the whole script on browsers without it.
  var NOTHING_SHOWN = (function () {
    try {
      return new RegExp("^[\\s\\p{M}\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0\\u2800]*$", "u");
    } catch (e) {
      return /^[\s\u115F\u1160\u3164\uFFA0\u2800\u200B-\u200F\u2060\uFEFF]*$/;
    }
  }());
  var SHOWN_FORMATS = /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2]/;

  function looksEmpty(text) {
    return NOTHING_SHOWN.test(text) && !SHOWN_FORMATS.test(text);
  }

  function keepWithin(field, max) {
    var points = codePoints(field.value);
    if (points.length > max) { field.value = points.slice(0, max).join(""); }
  }

  function limitOnInput(field, max) {
    field.addEventListener("input", function (event) {
      if (!event.isComposing) { keepWithin(field, max); }
    });
    field.addEventListener("compositionend", function () { keepWithin(field, max); });
  }

  function updateCounter() {
    var length = codePoints($("text").value).length;
    $("counter").textContent = String(length);
    $("counter").parentNode.className = "counter" + (length > MAX_QUESTION - 50 ? " near" : "");
    store.setItem("facilitator.draft." + token, $("text").value);
  }

  async function submit(event) {
    event.preventDefault();
    if (sending) { return; }
    var text = $("text").value.replace(/\s+/g, " ").trim();
    var message = $("form-message");
    message.className = "form-message";
    if (looksEmpty(text)) { message.textContent = t("error_empty"); message.className += " bad"; return; }
    if (codePoints(text).length > MAX_QUESTION) { message.textContent = t("error_too_long"); message.className += " bad"; return; }
    // One id per question: a retry after a lost answer is stored once on the laptop. The id
    // belongs to the text it was made for: edited text is a new question with a new id.
    var requestKey = "facilitator.request." + token;
    var requestTextKey = "facilitator.request-text." + token;
    var requestId = store.getItem(requestKey);
    if (!requestId || store.getItem(requestTextKey) !== text) {
      requestId = randomId();
      store.setItem(requestKey, requestId);
      store.setItem(requestTextKey, text);
    }
    sending = true;
    $("send").disabled = true;
    message.textContent = t("sending");
    try {
      var result = await api("POST", "/api/j/" + token + "/questions", {
        text: text,
        author: $("author").value,
        organisation: $("organisation").value,
        to: $("to").value,
        language: language,
        request_id: requestId
      });
      if (isWait(result)) {
        // Same text, same request id: sent again by itself, stored once on the laptop.
        message.textContent = waitText(result);
        message.className = "form-message bad";
        sending = false;
        setTimeout(function () {
          // Only the text that was waiting: an edit since is the person's new question.
          if ($("text").value.replace(/\s+/g, " ").trim() === text) {
            submit({ preventDefault: function () {} });
          }
        }, result.retryAfter * 1000);
        return;
      }
      if (!fromLaptop(result)) {
        // Not the laptop's answer: the text and its id are kept for the next try.
        message.textContent = t("error_network");
        message.className = "form-message bad";
      } else if (result.status === 201 || result.status === 200) {
        store.removeItem(requestKey);
        rememberName();
        $("text").value = "";
        updateCounter();
        message.textContent = result.data.status === "approved" ? t("sent_approved") : t("sent");
        message.className = "form-message good";
        ownWanted = true;
        schedulePoll(0);
      } else {
        if (result.status === 400 || result.status === 413 || result.status === 409) {
          store.removeItem(requestKey);  // refused for good: a new attempt is a new question
        }
        message.textContent = errorText(result);
        message.className = "form-message bad";
      }
    } catch (e) {
      message.textContent = t("error_network");
      message.className = "form-message bad";
    }
    sending = false;
    $("send").disabled = false;
  }

  /* --- the name, only if asked to remember it ------------------------------------------ */

  // Anonymous by default: a name typed once must not sign the next question unasked. It is
  // kept on this phone only when the person ticks "remember my name on this phone".
  function rememberName() {
    if ($("remember").checked) {
      store.setItem("facilitator.remember", "1");
      store.setItem("facilitator.author", $("author").value);
      store.setItem("facilitator.organisation", $("organisation").value);
    } else {
      forgetName();
    }
  }

  function forgetName() {
    store.removeItem("facilitator.remember");
    store.removeItem("facilitator.author");
    store.removeItem("facilitator.organisation");
  }

  function restoreName() {
    if (store.getItem("facilitator.remember") === "1") {
      $("remember").checked = true;
      $("author").value = store.getItem("facilitator.author") || "";
      $("organisation").value = store.getItem("facilitator.organisation") || "";
    } else {
      forgetName();  // names an older page kept without asking
    }
    $("remember").addEventListener("change", function () {
      if (!$("remember").checked) { forgetName(); }
    });
  }

  function startSession() {
    $("session-view").hidden = false;
    $("text").value = store.getItem("facilitator.draft." + token) || "";
    store.removeItem("facilitator.device");  // older pages' own id; the server issues one now
    restoreName();
    limitOnInput($("text"), MAX_QUESTION);
    limitOnInput($("author"), MAX_NAME);
    limitOnInput($("organisation"), MAX_NAME);
    updateCounter();
    $("text").addEventListener("input", updateCounter);
    $("ask-form").addEventListener("submit", submit);
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) { schedulePoll(0); }
    });
    poll();
  }

  /* --- requests for the floor: floor.js, loaded only where the session takes them or
     this phone asked before (the first load stays small) ----------------------------- */

  var floorLoading = false;

  function floorNews(state) {
    if (window.facilitatorFloor) { window.facilitatorFloor.update(state); return; }
    if (floorLoading || !(state.floor || store.getItem("facilitator.floor." + token))) { return; }
    floorLoading = true;
    window.facilitatorPhone = {
      api: api, t: t, token: token, store: store, element: element, userText: userText,
      clear: clear, isWait: isWait, fromLaptop: fromLaptop, waitText: waitText, errorText: errorText,
      codePoints: codePoints, looksEmpty: looksEmpty, limitOnInput: limitOnInput,
      randomId: randomId, showError: showError, language: function () { return language; },
      strings: function () { return strings; }
    };
    var version = document.documentElement.getAttribute("data-assets") || "";
    var script = document.createElement("script");
    script.src = "/web/floor.js" + (version ? "?v=" + version : "");
    script.onload = function () { if (window.facilitatorFloor) { window.facilitatorFloor.update(shared); } };
    script.onerror = function () { floorLoading = false; };  // tried again at the next news
    document.head.appendChild(script);
  }

  async function start() {
    var match = /^\/j\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname);
    token = match ? match[1] : null;
    try {
      await setLanguage(pickLanguage());
    } catch (e) {
      showError("Could not load the page's text. Please reload.");
    }
    document.body.className = "";
    $("language").addEventListener("change", function () {
      store.setItem("facilitator.language", $("language").value);
      setLanguage($("language").value).catch(function () { showError(t("error_network")); });
    });
    if (token) {
      startSession();
    } else {
      $("code-view").hidden = false;
      $("code-form").addEventListener("submit", joinByCode);
    }
  }

  start();
}());
