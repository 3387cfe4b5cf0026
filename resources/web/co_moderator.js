/* The co-moderator's desk (co_moderator.html; server: audience/co_moderator.py): the
   moderation queue with the laptop's actions. Every button runs the command the laptop's
   Questions tab runs; the page shows what the laptop answers, it keeps no state of its own. */
(function () {
  "use strict";

  var D = window.Desk;
  var $ = D.$, t = D.t;
  var POLL_MS = 1000;
  var state = null;
  var filter = "pending";
  var online = true;
  var heard = false;  // the laptop has answered: only then "Connected" (else "Connecting")
  var problem = "";
  var shutOut = false;     // the laptop refused this link (revoked): said on the line
  var editing = null;      // the question id whose wording is being edited
  var tagging = null;      // the question id whose tag picker is open (co_moderator_tags.js)
  var merging = null;      // {keep: id, others: {id: true}}
  var busy = false;
  var queuePoll;

  function showConnection() {
    var line = $("connection");
    line.textContent = shutOut ? problem : !online ? t("offline")
      : heard ? t("connected") : t("connecting");
    line.className = "connection " + (shutOut || !online ? "offline"
      : heard ? "online" : "sending");
    $("error").hidden = !problem || shutOut;
    $("error").textContent = problem;
  }

  function say(text, bad) {
    var box = $("action-message");
    box.hidden = !text;
    box.textContent = text || "";
    box.classList.toggle("error", !!bad);
  }

  async function act(question, action, body) {
    if (busy) { return; }
    busy = true;
    say("");
    var result = await D.api("POST", "/questions/" + question.id + "/" + action, body || {});
    busy = false;
    if (result.status === 200) {
      if (action === "wording") { editing = null; }
      if (action === "merge") { merging = null; }
      if (action === "tags") { tagging = null; }
      // The question as the laptop now has it, shown at once; the queue follows.
      var now = result.data && result.data.question;
      if (now && state) {
        state.questions = state.questions.map(function (old) { return old.id === now.id ? now : old; });
        render();
      }
      if (action === "tags") { focusTagsButton(question.id); }
      queuePoll.now();
    } else if (result.status === 409 && result.data && result.data.error === "tags_changed") {
      // Tagged on the laptop meanwhile: its tags shown and ticked, the picker kept open to
      // check them again (a new save starts from them).
      var current = result.data.question;
      if (current && state) {
        state.questions = state.questions.map(function (old) {
          return old.id === current.id ? current : old;
        });
        window.QuestionTags.restart(current);
        render();
        focusPicker(current.id);
      }
      say(t("tags_changed"), true);
    } else if (result.status === 409 && result.data && result.data.error === "wording_changed") {
      // Edited on the laptop meanwhile: the editor keeps what was typed here, the laptop's
      // wording is shown, and a second save (from it) replaces it knowingly.
      var edited = result.data.question;
      if (edited && state) {
        state.questions = state.questions.map(function (old) {
          return old.id === edited.id ? edited : old;
        });
        var area = $("wording-" + edited.id);
        if (area) { area.setAttribute("data-base", edited.text); area.focus(); }
      }
      say(t("wording_changed", { text: edited ? edited.text : "" }), true);
    } else if (result.status === 409 && result.data && result.data.error === "merged") {
      // Merged on the laptop meanwhile: shown as it now is (folded into the other one).
      var merged = result.data.question;
      if (merged && state) {
        state.questions = state.questions.map(function (old) {
          return old.id === merged.id ? merged : old;
        });
        render();
      }
      if (action === "merge") { merging = null; }
      say(t("question_merged"), true);
      queuePoll.now();
    } else if (result.status === 0) {
      online = false;
      showConnection();
      say(t("not_done_offline"), true);
    } else {
      say(window.QuestionTags.refusal(result.status, result.data, state) ||
          D.refusal(result.status, result.data), true);
    }
  }

  function use(data) {
    state = data;
    heard = true;
    problem = "";
    shutOut = false;
    online = true;
    $("title").textContent = data.session.title;
    document.title = t("co_moderator") + " · " + data.session.title;
    showConnection();
    render();
  }

  function counts() {
    var n = { pending: 0, approved: 0, answered: 0, rejected: 0 };
    state.questions.forEach(function (q) {
      if (Object.prototype.hasOwnProperty.call(n, q.status)) { n[q.status] += 1; }
    });
    return n;
  }

  function renderFilters() {
    var n = state ? counts() : {};
    var buttons = document.querySelectorAll(".filter");
    for (var i = 0; i < buttons.length; i++) {
      var name = buttons[i].getAttribute("data-filter");
      buttons[i].textContent = t("filter_" + name, { n: n[name] || 0 });
      buttons[i].setAttribute("aria-pressed", name === filter ? "true" : "false");
    }
  }

  function render() {
    renderFilters();
    var list = $("questions");
    list.textContent = "";
    if (!state) { return; }
    var shown = state.questions.filter(function (q) { return q.status === filter; });
    // New questions oldest first (the order they came in); the rest by votes.
    shown.sort(filter === "pending"
      ? function (a, b) { return a.at - b.at; }
      : function (a, b) { return (b.starred - a.starred) || (b.votes - a.votes) || (a.at - b.at); });
    shown.forEach(function (q) { list.appendChild(card(q)); });
    $("empty").hidden = shown.length > 0;
    $("empty").textContent = t("empty_" + filter);
    renderMergeBar();
  }

  function renderMergeBar() {
    var bar = $("merge-bar");
    bar.hidden = !merging;
    if (!merging || !state) { return; }
    var keep = find(merging.keep);
    if (!keep) { merging = null; bar.hidden = true; return; }
    var chosen = Object.keys(merging.others).map(Number);
    $("merge-text").textContent = chosen.length
      ? t("merge_chosen", { n: chosen.length + 1, text: keep.text })
      : t("merge_choose", { text: keep.text });
    var go = $("merge-go");
    if (!go) {
      go = D.button("", function () {
        var others = Object.keys(merging.others).map(Number);
        if (others.length) { act(find(merging.keep), "merge", { others: others }); }
      });
      go.id = "merge-go";
      bar.insertBefore(go, $("merge-cancel"));
    }
    go.textContent = t("merge_go", { n: chosen.length + 1 });
    go.disabled = !chosen.length;
  }

  // Keyboard users land in the picker they opened, and back on its button when it closes.
  function focusPicker(id) {
    var form = $("tags-" + id);
    var first = form && (form.querySelector("input") || form.querySelector("h2"));
    if (first) { first.focus(); }
  }

  function focusTagsButton(id) {
    var button = $("tags-button-" + id);
    if (button) { button.focus(); }
  }

  // While the picker is open the card is not redrawn (the ticks would go), but its chips
  // follow the queue: the laptop's tags show up as they are set.
  function refreshTaggingChips() {
    var form = $("tags-" + tagging);
    var q = find(tagging);
    if (!form || !q) { return; }
    var body = form.parentNode;
    var old = body.querySelector(".tag-chips");
    var fresh = window.QuestionTags.chips(q, state);
    if (old && fresh) { body.replaceChild(fresh, old); } else if (old) { body.removeChild(old); } else if (fresh) {
      body.insertBefore(fresh, form);
    }
  }

  function find(id) {
    for (var i = 0; i < state.questions.length; i++) {
      if (state.questions[i].id === id) { return state.questions[i]; }
    }
    return null;
  }

  function card(q) {
    var li = D.element("li", "item question");
    if (q.on_screen) { li.classList.add("on-screen"); }
    var body = D.element("div", "item-body");
    var badges = D.element("p", "badges");
    if (q.on_screen) { badges.appendChild(D.element("span", "badge approved", t("on_screen"))); }
    if (q.starred) { badges.appendChild(D.element("span", "badge star", "★ " + t("starred"))); }
    if (q.flagged) { badges.appendChild(D.element("span", "badge pending", t("flagged"))); }
    if (q.answered_by) {
      badges.appendChild(D.element("span", "badge answered", t("answered_by_name", { name: q.answered_by })));
    }
    if (badges.childNodes.length) { body.appendChild(badges); }
    if (editing === q.id) {
      body.appendChild(wordingEditor(q));
    } else {
      var text = D.element("p", "question-text", q.text);
      text.dir = "auto";
      body.appendChild(text);
      if (q.sent_text && q.sent_text !== q.text) {
        var sent = D.element("p", "meta", t("as_sent", { text: q.sent_text }));
        sent.dir = "auto";
        body.appendChild(sent);
      }
    }
    var who = [q.author || t("anonymous"), q.organisation, q.to ? t("to_name", { name: q.to }) : ""]
      .filter(Boolean).join(" · ");
    // The asker's words in their own direction (bdi), the page's words in the page's.
    var meta = D.element("p", "meta");
    meta.appendChild(D.element("bdi", "", who));
    meta.appendChild(document.createTextNode(" · " + D.tn("votes", q.votes)));
    body.appendChild(meta);
    var chips = window.QuestionTags.chips(q, state);
    if (chips) { body.appendChild(chips); }
    if (tagging === q.id && !merging) {
      body.appendChild(window.QuestionTags.picker(q, state, function (tags, base) {
        if (tags.length > state.tag_limit) {
          say(t("tags_invalid", { n: state.tag_limit }), true);
        } else { act(q, "tags", { tags: tags, base: base }); }
      }, function () { tagging = null; say(""); render(); focusTagsButton(q.id); }));
    } else if (merging && merging.keep !== q.id) {
      var label = D.element("label", "check merge-pick");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = !!merging.others[q.id];
      box.addEventListener("change", function () {
        if (box.checked) { merging.others[q.id] = true; } else { delete merging.others[q.id]; }
        renderMergeBar();
      });
      label.appendChild(box);
      label.appendChild(D.element("span", "", t("merge_pick")));
      body.appendChild(label);
    } else if (!merging) {
      body.appendChild(actions(q));
    }
    li.appendChild(body);
    return li;
  }

  function actions(q) {
    var row = D.element("div", "actions");
    function add(text, action, body, secondary) {
      row.appendChild(D.button(text, function () { act(q, action, body); },
                               secondary ? "secondary" : ""));
    }
    if (q.status === "pending") {
      add(t("approve"), "approve");
      add(t("not_selected"), "reject", undefined, true);
    }
    if (q.status === "approved" || q.status === "answered") {
      add(q.on_screen ? t("off_screen") : t("put_on_screen"), "screen", { on: !q.on_screen });
    }
    if (q.status === "rejected" || q.status === "answered") {
      add(t("back_to_new"), "reopen", undefined, true);
    }
    if (q.status === "approved") { add(t("not_selected"), "reject", undefined, true); }
    add(q.starred ? t("unstar") : t("star"), "star", { starred: !q.starred }, true);
    row.appendChild(D.button(t("edit_wording"), function () { editing = q.id; render(); }, "secondary"));
    var tagsButton = D.button(window.QuestionTags.buttonLabel(q), function () {
      window.QuestionTags.forget();
      tagging = q.id;
      render();
      focusPicker(q.id);
    }, "secondary");
    tagsButton.id = "tags-button-" + q.id;
    row.appendChild(tagsButton);
    if (q.status === "pending" || q.status === "approved") {
      row.appendChild(D.button(t("merge"), function () {
        merging = { keep: q.id, others: {} };
        render();
      }, "secondary"));
    }
    if (q.status === "approved" || q.status === "answered") { row.appendChild(answeredBy(q)); }
    return row;
  }

  function answeredBy(q) {
    var holder = D.element("div", "answered-by");
    var select = document.createElement("select");
    select.id = "answered-" + q.id;
    select.setAttribute("aria-label", t("answered_by"));
    var first = document.createElement("option");
    first.value = "";
    first.textContent = t("answered_by");
    select.appendChild(first);
    state.speakers.forEach(function (name) {
      var o = document.createElement("option");
      o.value = name;
      o.textContent = name;
      select.appendChild(o);
    });
    select.value = q.answered_by && state.speakers.indexOf(q.answered_by) >= 0 ? q.answered_by : "";
    select.addEventListener("change", function () {
      if (select.value) { act(q, "answered", { by: select.value }); }
    });
    holder.appendChild(select);
    return holder;
  }

  function wordingEditor(q) {
    var form = D.element("div", "wording");
    var area = document.createElement("textarea");
    area.id = "wording-" + q.id;
    area.dir = "auto";
    area.value = q.text;
    area.setAttribute("aria-label", t("edit_wording"));
    form.appendChild(area);
    var row = D.element("div", "actions");
    // Saved from the wording the editor opened on: an edit made meanwhile on the laptop is
    // refused (409 wording_changed) and shown, never overwritten unseen.
    area.setAttribute("data-base", q.text);
    row.appendChild(D.button(t("save"), function () {
      act(q, "wording", { text: area.value, base: area.getAttribute("data-base") });
    }));
    row.appendChild(D.button(t("cancel"), function () { editing = null; render(); }, "secondary"));
    form.appendChild(row);
    window.setTimeout(function () { area.focus(); }, 0);
    return form;
  }

  function failed(status, data) {
    if (status === 0 || status >= 500) { online = false; } else if (status !== 429) {
      problem = D.refusal(status, data);
      shutOut = D.shutOut(status, data);
    }
    showConnection();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll(".filter");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        filter = event.currentTarget.getAttribute("data-filter");
        render();
      });
    }
    $("merge-cancel").addEventListener("click", function () { merging = null; render(); });
    D.start(function () { showConnection(); render(); }).then(function () {
      showConnection();
      queuePoll = D.poll("/queue", POLL_MS, function (data) {
        // A poll must not wipe a wording being typed or tags being ticked: re-render only
        // when neither is open.
        if (editing !== null || tagging !== null) {
          state = data;
          renderFilters();
          if (tagging !== null && editing === null && !merging) { refreshTaggingChips(); }
          return;
        }
        use(data);
      }, failed, function () {
        if (!online || !heard) { online = heard = true; showConnection(); }
      });
    });
  });
})();
