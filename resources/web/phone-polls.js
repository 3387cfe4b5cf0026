/* Live polls on the phone page: the open poll at the top, this phone's answer (changed
   while the poll is open), results when the moderator shows them. The poll comes with the
   shared state phone.js polls; phone.js loads this file when a poll first opens and tells
   it of each new state with a "facilitator:shared" event.
   User text is only ever placed with textContent. */
(function () {
  "use strict";

  var page = null;  // {state, token, t, api, isWait, errorText} from phone.js
  var pollId = null;
  var mine = null;  // this phone's answer to the open poll (as the laptop keeps it)
  var draft = null;  // what is being chosen before sending (multiple, ranking)
  var note = "";
  var noteBad = false;
  var busy = false;
  var typedNow = null;  // the poll's text field as typed, kept across redraws
  // An answer the laptop has not confirmed (the Wi-Fi dropped, or its reply was lost):
  // {id, value}, sent again by itself when the phone is back online, when a new state
  // comes from the laptop, or after a backoff, until the laptop answers or the poll closes.
  // The laptop takes the same answer sent twice once (store.polls.answer_poll).
  var waiting = null;
  var unsent = false;  // the poll closed while an answer was still waiting
  var resendTimer = null;
  var resendMisses = 0;
  var notBefore = 0;  // the laptop asked to wait (429, 503) until then (device ms)
  var MAX_RESEND_MS = 15000;

  function $(id) { return document.getElementById(id); }
  function t(key, values) { return page.t(key, values); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function user(tag, className, text) {
    var node = el(tag, className, text);
    node.dir = "auto";
    return node;
  }

  function button(text, className, onClick) {
    var node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // Loaded by phone.js once a poll is open: it starts from the state phone.js holds.
  document.addEventListener("facilitator:shared", function (event) { follow(event.detail); });
  if (window.facilitatorPage) { follow(window.facilitatorPage); }

  function follow(detail) {
    page = detail;
    var poll = page.state && page.state.poll;
    if (!poll) { pollId = null; forget(); draw(); return; }
    if (poll.id !== pollId) {
      pollId = poll.id;
      mine = null;
      draft = null;
      note = "";
      forget();
      var field = $("poll-text");
      if (field) { field.value = ""; }
      fetchMine(poll.id);
    } else if (waiting && !poll.open) {
      forget();
      unsent = true;  // said plainly: the answer never reached the laptop
    } else if (waiting && !busy) {
      resend();  // the laptop answered the page's poll: it can take the answer now
    }
    draw();
  }

  function forget() {
    waiting = null;
    unsent = false;
    resendMisses = 0;
    notBefore = 0;
    if (resendTimer) { clearTimeout(resendTimer); resendTimer = null; }
  }

  function resendIn(ms) {
    if (resendTimer) { clearTimeout(resendTimer); }
    resendTimer = setTimeout(function () { resend(true); }, ms);
  }

  // ``due``: the timer set for it; otherwise early (a new state, back online), but never
  // before the time the laptop asked to wait.
  function resend(due) {
    if (!due && Date.now() < notBefore) { return; }
    if (due) { resendTimer = null; }
    var poll = page && page.state && page.state.poll;
    if (waiting && !busy && poll && poll.open && waiting.id === pollId) { send(waiting.value); }
  }

  // 2 s, 4 s, 8 s… up to 15 s, with jitter, as the page's own polls back off.
  function backoff() {
    var delay = Math.min(MAX_RESEND_MS, 2000 * Math.pow(2, Math.min(resendMisses - 1, 4)));
    return delay / 2 + Math.random() * delay / 2;
  }

  window.addEventListener("online", function () {
    if (waiting) { resendMisses = 0; resend(); }
  });

  async function fetchMine(id) {
    try {
      var result = await page.api("GET", "/api/j/" + page.token + "/polls/" + id + "/mine");
      if (result.status === 200 && result.data && id === pollId) {
        mine = result.data.answer;
        draw();
      }
    } catch (e) { /* the form stays; an answer sent later replaces any earlier one */ }
  }

  async function send(value) {
    if (busy) { return; }
    var id = pollId;
    if (resendTimer) { clearTimeout(resendTimer); resendTimer = null; }
    waiting = { id: id, value: value };  // the latest choice is the one sent again
    unsent = false;
    notBefore = 0;
    busy = true;
    note = t("sending");
    noteBad = false;
    draw();
    var result = null;
    try {
      result = await page.api("POST", "/api/j/" + page.token + "/polls/" + id + "/answer",
                              { answer: value });
    } catch (e) { /* no answer at all: kept and sent again below */ }
    busy = false;
    if (id !== pollId || !waiting) { draw(); return; }  // another poll since, or closed
    if (result && page.isWait(result)) {
      note = t("wait_retrying", { n: Math.ceil(result.retryAfter) });
      noteBad = true;
      notBefore = Date.now() + result.retryAfter * 1000;
      resendIn(result.retryAfter * 1000);
    } else if (!result || !page.fromLaptop(result) || result.status >= 500) {
      // No answer, or not the laptop's (a captive portal): nothing was taken.
      resendMisses += 1;
      note = t("poll_waiting");
      noteBad = true;
      resendIn(backoff());
    } else if (result.status === 200 && result.data) {
      forget();
      mine = result.data.answer;
      draft = null;
      note = t("poll_sent");
    } else {
      forget();  // refused for good (closed, invalid): said, not sent again
      unsent = result.data && result.data.error === "poll_closed";
      note = unsent ? t("poll_not_sent") : page.errorText(result);
      noteBad = true;
    }
    draw();
  }

  function chosen(poll) {
    if (draft !== null) { return draft; }
    if (waiting && waiting.id === pollId) {  // shown as chosen while it waits to be sent
      return Array.isArray(waiting.value) ? waiting.value.slice() : waiting.value;
    }
    if (poll.kind === "multiple") { return Array.isArray(mine) ? mine.slice() : []; }
    if (poll.kind === "ranking") {
      return Array.isArray(mine) ? mine.slice() : poll.options.map(function (_, i) { return i; });
    }
    return mine;
  }

  function choices(poll, box) {
    var kind = poll.kind;
    var values = kind === "rating" ? [] : poll.options;
    if (kind === "rating") { for (var n = 1; n <= poll.scale; n++) { values.push(String(n)); } }
    var picked = chosen(poll);
    var list = el("div", "poll-options" + (kind === "rating" ? " rating" : ""));
    values.forEach(function (label, index) {
      var value = kind === "rating" ? index + 1 : index;
      var on = kind === "multiple" ? picked.indexOf(value) >= 0 : picked === value;
      var option = button("", "poll-option" + (on ? " chosen" : ""), function () {
        if (kind === "multiple") {
          var next = chosen(poll).filter(function (v) { return v !== value; });
          if (!on) { next.push(value); }
          draft = next;
          draw();
        } else {
          send(value);
        }
      });
      option.setAttribute("aria-pressed", on ? "true" : "false");
      option.appendChild(user("span", "", label));
      list.appendChild(option);
    });
    box.appendChild(list);
    if (kind === "multiple") {
      var go = button(t("poll_send"), "", function () { send(chosen(poll)); });
      go.disabled = busy || chosen(poll).length === 0;
      box.appendChild(go);
    }
  }

  function ranking(poll, box) {
    var order = chosen(poll);
    box.appendChild(el("p", "hint", t("poll_rank_hint")));
    var list = el("ol", "poll-rank");
    order.forEach(function (index, place) {
      var item = el("li", "");
      item.appendChild(user("span", "", poll.options[index]));
      [["▲", "poll_up", -1], ["▼", "poll_down", 1]].forEach(function (move) {
        var to = place + move[2];
        var arrow = button(move[0], "poll-move", function () {
          var next = order.slice();
          next[place] = next[to];
          next[to] = index;
          draft = next;
          draw();
        });
        arrow.disabled = to < 0 || to >= order.length;
        arrow.setAttribute("aria-label", t(move[1]));
        item.appendChild(arrow);
      });
      list.appendChild(item);
    });
    box.appendChild(list);
    var go = button(t("poll_send"), "", function () { send(order); });
    go.disabled = busy;
    box.appendChild(go);
  }

  function typed(poll, box) {
    var words = poll.kind === "words";
    var field = el(words ? "input" : "textarea", "");
    field.id = "poll-text";
    field.dir = "auto";
    field.maxLength = words ? 100 : 500;
    var label = el("label", "", t(words ? "poll_words_hint" : "poll_text_hint"));
    label.htmlFor = field.id;
    // Keep what is being typed across redraws (the state comes every few seconds).
    field.value = typedNow !== null ? typedNow
      : (mine === null ? "" : (words ? mine.join(", ") : mine));
    box.appendChild(label);
    box.appendChild(field);
    var go = button(t("poll_send"), "", function () {
      var text = field.value.trim();
      if (!text) { note = t("error_poll_empty"); noteBad = true; draw(); return; }
      send(words ? text.split(/[,،、，]/).map(function (w) { return w.trim(); })
        .filter(Boolean) : text);
    });
    go.disabled = busy;
    box.appendChild(go);
  }

  function results(poll, box) {
    var data = poll.results;
    box.appendChild(el("h3", "", t("poll_results")));
    box.appendChild(el("p", "meta", t("poll_answers_n", { n: data.answers })));
    (data.bars || []).forEach(function (bar) {
      var row = el("div", "poll-bar");
      row.appendChild(user("span", "poll-bar-label", bar.label));
      var track = el("span", "poll-bar-track");
      var fill = el("span", "poll-bar-fill");
      fill.style.width = Math.max(0, Math.min(100, bar.percent)) + "%";
      track.appendChild(fill);
      row.appendChild(track);
      row.appendChild(el("span", "poll-bar-number", bar.count + " · " + Math.round(bar.percent) + " %"));
      box.appendChild(row);
    });
    if (data.average !== undefined) { box.appendChild(el("p", "", t("poll_average", { n: data.average }))); }
    var ranked = data.ranking || [];
    if (ranked.length) {
      var list = el("ol", "poll-ranked");
      ranked.forEach(function (r) { list.appendChild(user("li", "", r.label)); });
      box.appendChild(list);
    }
    var words = data.words || [];
    if (words.length) {
      var cloud = el("p", "poll-cloud");
      var most = words[0].count;
      words.forEach(function (w) {
        var word = user("span", "", w.word);
        word.style.fontSize = (0.9 + 1.2 * w.count / most).toFixed(2) + "em";
        word.title = String(w.count);
        cloud.appendChild(word);
        cloud.appendChild(document.createTextNode(" "));
      });
      box.appendChild(cloud);
    }
    (data.texts || []).forEach(function (text) { box.appendChild(user("p", "poll-said", text)); });
  }

  function draw() {
    var box = $("poll");
    if (!box || !page) { return; }
    var poll = page.state && page.state.poll;
    box.hidden = !poll;
    if (!poll) { return; }
    var typing = document.activeElement && document.activeElement.id === "poll-text";
    var caret = typing ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
    typedNow = $("poll-text") ? $("poll-text").value : null;
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(el("h2", "", t("poll_title")));
    box.appendChild(user("p", "question-text", poll.question));
    if (poll.open) {
      var form = el("div", "poll-form");
      if (poll.kind === "ranking") { ranking(poll, form); }
      else if (poll.kind === "words" || poll.kind === "text") { typed(poll, form); }
      else { choices(poll, form); }
      box.appendChild(form);
    }
    var message = el("p", "form-message" + (noteBad ? " bad" : (note ? " good" : "")),
                     !poll.open ? t(unsent ? "poll_not_sent" : "error_poll_closed")
                       : note || (mine !== null ? t("poll_sent") : ""));
    message.setAttribute("role", "status");
    box.appendChild(message);
    if (poll.results) { results(poll, box); }
    if (caret && $("poll-text")) {
      $("poll-text").focus();
      $("poll-text").setSelectionRange(caret[0], caret[1]);
    }
  }
}());
