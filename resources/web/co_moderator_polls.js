/* The co-moderator's polls (co_moderator.html; server: audience/co_moderator_polls.py): the
   room's session's polls with their live results, Open / Close / Show / Hide results, and a
   quick poll made on the spot. Every button runs the laptop's own poll command; the page
   keeps no state of its own and shows what the laptop answers. Results are drawn as bars
   with their counts and percentages in words, never by colour alone. */
(function () {
  "use strict";

  var D = window.Desk;
  var $ = D.$, t = D.t;
  // Each second while the polls are in view; otherwise every five, enough for the view's
  // "one open" and light on the link's request budget (audience/roles.py).
  var POLL_MS = 1000;
  var AWAY_MS = 5000;
  var state = null;
  var view = "questions";
  var busy = false;
  var pollsPoll;

  function say(text, bad) {
    var box = $("action-message");
    box.hidden = !text;
    box.textContent = text || "";
    box.classList.toggle("error", !!bad);
  }

  // A refusal in the page's language: the poll's own codes first, then the desk's.
  function refusal(status, data) {
    var code = data && data.error;
    if (code && /^poll_[a-z_]+$/.test(code)) {
      var text = t("error_" + code);
      if (text !== "error_" + code) { return text; }
    }
    if (status === 0) { return t("not_done_offline"); }
    return D.refusal(status, data);
  }

  async function send(path, body) {
    if (busy) { return null; }
    busy = true;
    say("");
    var result = await D.api("POST", path, body || {});
    busy = false;
    if (result.status === 200) {
      pollsPoll.now();
      return result.data;
    }
    say(refusal(result.status, result.data), true);
    return null;
  }

  function showView() {
    var buttons = document.querySelectorAll(".view");
    for (var i = 0; i < buttons.length; i++) {
      var name = buttons[i].getAttribute("data-view");
      buttons[i].setAttribute("aria-pressed", name === view ? "true" : "false");
    }
    $("questions-view").hidden = view !== "questions";
    $("polls-view").hidden = view !== "polls";
    labelViews();
  }

  function labelViews() {
    var open = state ? state.polls.filter(function (p) { return p.state === "open"; }).length : 0;
    var buttons = document.querySelectorAll(".view");
    for (var i = 0; i < buttons.length; i++) {
      var name = buttons[i].getAttribute("data-view");
      buttons[i].textContent = name === "polls"
        ? (open ? t("view_polls_open") : t("view_polls")) : t("view_questions");
    }
  }

  function kindName(poll) {
    if (poll.kind === "rating") { return t("kind_rating_" + (poll.scale === 10 ? "10" : "5")); }
    return t("kind_" + poll.kind);
  }

  function percent(value) {
    // Whole percents read best across a room; "0.4 %" still shows as more than nothing.
    return (value > 0 && value < 1 ? "<1" : String(Math.round(value))) + " %";
  }

  function bars(results, box) {
    (results.bars || []).forEach(function (bar) {
      var row = D.element("div", "poll-bar");
      var label = D.element("span", "poll-bar-label", bar.label);
      label.dir = "auto";
      row.appendChild(label);
      // The bar is a picture of the number said next to it: hidden from screen readers.
      var track = D.element("span", "poll-bar-track");
      track.setAttribute("aria-hidden", "true");
      var fill = D.element("span", "poll-bar-fill");
      fill.style.width = Math.max(0, Math.min(100, bar.percent)) + "%";
      track.appendChild(fill);
      row.appendChild(track);
      row.appendChild(D.element("span", "poll-bar-number",
                                t("bar_number", { n: bar.count, p: percent(bar.percent) })));
      box.appendChild(row);
    });
  }

  function results(poll) {
    var data = poll.results;
    var box = D.element("div", "poll-results");
    box.appendChild(D.element("h3", "", t("results")));
    bars(data, box);
    if (data.average !== undefined && data.average !== null) {
      box.appendChild(D.element("p", "meta", t("average", { n: data.average })));
    }
    if (data.ranking && data.answers) {
      var ranked = D.element("ol", "poll-ranking");
      data.ranking.forEach(function (r) {
        var item = D.element("li", "", "");
        item.appendChild(D.element("bdi", "", r.label));
        item.appendChild(document.createTextNode(" · " + t("average_place", { n: r.average_position })));
        ranked.appendChild(item);
      });
      box.appendChild(ranked);
    }
    if (data.words && data.words.length) {
      var words = D.element("ul", "poll-words");
      data.words.forEach(function (w) {
        var item = D.element("li", "");
        item.appendChild(D.element("bdi", "", w.word));
        item.appendChild(document.createTextNode(" · " + w.count));
        words.appendChild(item);
      });
      box.appendChild(words);
    }
    (data.texts || []).forEach(function (text) {
      var said = D.element("p", "poll-said", text);
      said.dir = "auto";
      box.appendChild(said);
    });
    if (data.held_back) { box.appendChild(D.element("p", "meta", t("held_back", { n: data.held_back }))); }
    return box;
  }

  function card(poll) {
    var li = D.element("li", "item poll-card" + (poll.state === "open" ? " open" : ""));
    li.setAttribute("data-poll", String(poll.id));
    var body = D.element("div", "item-body");
    var badges = D.element("p", "badges");
    badges.appendChild(D.element("span", "badge " + (poll.state === "open" ? "open" : poll.state === "closed" ? "closed" : "pending"),
                                 t("state_" + poll.state)));
    if (poll.shown) { badges.appendChild(D.element("span", "badge shown", t("results_shown"))); }
    body.appendChild(badges);
    var question = D.element("p", "question-text", poll.question);
    question.dir = "auto";
    body.appendChild(question);
    var meta = [kindName(poll)];
    if (poll.options.length && poll.state === "prepared") { meta.push(poll.options.join(" / ")); }
    if (poll.state !== "prepared") { meta.push(t("answers_n", { n: poll.answers })); }
    var line = D.element("p", "meta", meta.join(" · "));
    line.dir = "auto";
    body.appendChild(line);
    if (poll.results) { body.appendChild(results(poll)); }
    var row = D.element("div", "actions");
    function add(text, action, secondary) {
      var node = D.button(text, function () { send("/polls/" + poll.id + "/" + action); },
                          secondary ? "secondary" : "");
      node.setAttribute("data-key", poll.id + "-" + action);
      row.appendChild(node);
    }
    if (poll.state === "open") { add(t("close_poll"), "close"); } else { add(t("open_poll"), "open"); }
    if (poll.state !== "prepared") {
      if (poll.shown) { add(t("hide_results"), "hide", true); } else { add(t("show_results"), "show", true); }
    }
    body.appendChild(row);
    li.appendChild(body);
    return li;
  }

  function render() {
    labelViews();
    var list = $("polls");
    if (!state) { return; }
    // A redraw each second must not take the focus from the button a keyboard is on.
    var focused = document.activeElement && list.contains(document.activeElement)
      ? document.activeElement.getAttribute("data-key") : null;
    list.textContent = "";
    state.polls.forEach(function (poll) { list.appendChild(card(poll)); });
    $("polls-empty").hidden = state.polls.length > 0;
    if (focused) {
      var again = list.querySelector('[data-key="' + focused + '"]');
      if (again) { again.focus(); }
    }
  }

  function showOptionsBox() {
    var kind = $("poll-kind").value;
    $("poll-options-box").hidden = !(kind === "single" || kind === "multiple" || kind === "ranking");
  }

  var adding = null;  // {id, body}: the quick poll being sent, until the laptop has it

  async function addPoll() {
    var kind = $("poll-kind").value;
    var body = { question: $("poll-question").value, kind: kind, open: $("poll-open-now").checked };
    if (kind.indexOf("rating-") === 0) {
      body.kind = "rating";
      body.scale = Number(kind.slice(7));
    } else if (!$("poll-options-box").hidden) {
      body.options = $("poll-options").value.split("\n")
        .map(function (o) { return o.trim(); }).filter(Boolean);
    }
    // One request id per poll: sent again after a lost answer, the same poll comes back
    // instead of a second one. Another question or kind is another poll with a new id.
    var wanted = JSON.stringify(body);
    if (!adding || adding.body !== wanted) { adding = { id: D.uuid(), body: wanted }; }
    body.request_id = adding.id;
    var done = await send("/polls", body);
    if (done) {
      adding = null;
      $("poll-question").value = "";
      $("poll-options").value = "";
      $("poll-open-now").checked = false;
      say(t("poll_added"));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll(".view");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (event) {
        view = event.currentTarget.getAttribute("data-view");
        say("");
        showView();
        if (view === "polls") { pollsPoll.now(); }
      });
    }
    $("poll-kind").addEventListener("change", showOptionsBox);
    $("poll-add").addEventListener("click", addPoll);
    showOptionsBox();
    D.onLanguage(function () { showView(); render(); });
    // The queue's poll (co_moderator.js) says what the connection is; this one is quiet.
    pollsPoll = D.poll("/polls", function () { return view === "polls" ? POLL_MS : AWAY_MS; },
                       function (data) { state = data; render(); }, function () {}, function () {});
  });
})();
