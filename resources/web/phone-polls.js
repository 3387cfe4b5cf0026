/* Live polls on the phone: the open poll, this phone's answer, results when shown. Loaded
   by phone.js when a poll opens, told of each state ("facilitator:shared" event).
   User text is only ever placed with textContent. */
(function () {
  "use strict";

  var page = null;  // from phone.js (tellParts), with its t, element and userText:
  var t, el, user;
  var pollId = null;
  var mine = null;  // this phone's answer to the open poll (as the laptop keeps it)
  var draft = null;  // what is being chosen before sending (multiple, ranking)
  var note = "";
  var noteBad = false;
  var busy = false;
  var typedNow = null;  // the poll's text field as typed, kept across redraws
  // {value} not yet confirmed: sent again when the laptop is heard
  var waiting = null;
  var unsent = false;  // refused as closed: said plainly
  var notBefore = 0;

  function $(id) { return document.getElementById(id); }

  function button(text, className, onClick) {
    var node = el("button", className, text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  // Loaded late: it starts from the state phone.js holds.
  document.addEventListener("facilitator:shared", function (event) { follow(event.detail); });
  if (window.facilitatorPage) { follow(window.facilitatorPage); }

  function follow(detail) {
    page = detail;
    t = page.t;
    el = page.element;
    user = page.userText;
    var poll = page.state && page.state.poll;
    if (!poll) { pollId = null; waiting = null; draw(); return; }
    if (poll.id !== pollId) {
      pollId = poll.id;
      mine = null;
      draft = null;
      note = "";
      waiting = null;
      unsent = false;
      var field = $("poll-text");
      if (field) { field.value = ""; }
      fetchMine(poll.id);
    }
    draw();
  }

  function resend() {
    var poll = page.state && page.state.poll;
    if (waiting && !busy && poll && poll.open && Date.now() >= notBefore) { send(waiting.value); }
  }
  document.addEventListener("facilitator:heard", resend);

  async function fetchMine(id) {
    try {
      var result = await page.api("GET", "/api/j/" + page.token + "/polls/" + id + "/mine");
      if (result.status === 200 && result.data && id === pollId) {
        mine = result.data.answer;
        draw();
      }
    } catch (e) { /* the form stays */ }
  }

  async function send(value) {
    if (busy) { return; }
    var id = pollId;
    unsent = false;
    waiting = { value: value };  // the latest choice is the one sent again
    busy = true;
    note = t("sending");
    noteBad = false;
    draw();
    var result = null;
    try {
      result = await page.api("POST", "/api/j/" + page.token + "/polls/" + id + "/answer",
                              { answer: value });
    } catch (e) { /* no answer: sent again below */ }
    busy = false;
    if (!waiting) { draw(); return; }  // another poll since
    var wait = result && page.isWait(result);
    noteBad = true;
    if (wait || !result || !page.fromLaptop(result) || result.status >= 500) {
      // told to wait, no answer, or a captive portal's: kept
      note = wait ? t("wait_retrying", { n: Math.ceil(result.retryAfter) }) : t("poll_waiting");
      notBefore = wait ? Date.now() + result.retryAfter * 1000 : 0;
    } else if (result.status === 200 && result.data) {
      waiting = null;
      mine = result.data.answer;
      draft = null;
      note = t("poll_sent");
      noteBad = false;
    } else {
      waiting = null;  // refused for good: said, not sent again
      unsent = result.data.error === "poll_closed";
      note = unsent ? t("poll_not_sent") : page.errorText(result);
    }
    draw();
  }

  function chosen(poll) {
    if (draft !== null) { return draft; }
    if (waiting) { return waiting.value; }  // shown chosen while it waits
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
    var active = document.activeElement;
    var caret = active && active.id === "poll-text" ? [active.selectionStart, active.selectionEnd] : null;
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
                     !poll.open ? t(waiting || unsent ? "poll_not_sent" : "error_poll_closed")
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
