/* Asking for the floor from the phone page (loaded by phone.js only for sessions that take
   requests, or once this phone has asked). Plain ES2017; user text only via textContent. */
(function () {
  "use strict";

  var P = window.facilitatorPhone;
  var section = document.getElementById("floor-section");
  var ACTIVE = { waiting: true, listed: true, next: true };
  var POLL_MS = 3000;  // while a request is live: the place in the queue moves
  var HIDDEN_POLL_MS = 10000;
  var SPEAKING_POLL_MS = 5000;
  var MAX_NAME = 100;
  var url = "/api/j/" + P.token + "/floor";
  var state = null;  // the server's answer: open, kinds, constituencies, requests
  var open = false;
  var etag = "";
  var timer = null;
  var sending = false;
  var form = null;
  var fields = {};
  var built = false;

  function $(id) { return document.getElementById(id); }
  function t(key, values) { return P.t(key, values); }

  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function field(tag, id, labelKey) {
    var label = P.element("label", "", t(labelKey));
    label.htmlFor = id;
    label.setAttribute("data-floor-i18n", labelKey);
    var input = document.createElement(tag);
    input.id = id;
    input.name = id;
    if (tag === "input") { input.dir = "auto"; }
    form.appendChild(label);
    form.appendChild(input);
    return input;
  }

  function build() {
    built = true;
    var title = P.element("h2", "", t("floor_title"));
    title.setAttribute("data-floor-i18n", "floor_title");
    section.appendChild(title);
    section.appendChild(P.element("ul", "list floor-mine"));
    section.lastChild.id = "floor-mine";
    form = P.element("form", "floor-form");
    form.id = "floor-form";
    form.noValidate = true;
    var hint = P.element("p", "hint", t("floor_hint"));
    hint.setAttribute("data-floor-i18n", "floor_hint");
    form.appendChild(hint);
    fields.kind = field("select", "floor-kind", "floor_kind");
    fields.name = field("input", "floor-name", "floor_name");
    fields.name.autocomplete = "name";
    fields.organisation = field("input", "floor-organisation", "org_optional");
    fields.organisation.autocomplete = "organization";
    fields.constituency = field("select", "floor-constituency", "floor_constituency");
    fields.behalf = field("input", "floor-behalf", "floor_behalf");
    var send = P.element("button", "floor-send", t("floor_send"));
    send.type = "submit";
    send.id = "floor-send";
    send.setAttribute("data-floor-i18n", "floor_send");
    form.appendChild(send);
    var message = P.element("p", "form-message");
    message.id = "floor-message";
    message.setAttribute("role", "status");
    message.setAttribute("aria-live", "polite");
    form.appendChild(message);
    section.appendChild(form);
    // A name the person asked the page to remember for questions serves here too.
    if (P.store.getItem("facilitator.remember") === "1") {
      fields.name.value = P.store.getItem("facilitator.author") || "";
      fields.organisation.value = P.store.getItem("facilitator.organisation") || "";
    }
    [fields.name, fields.organisation, fields.behalf].forEach(function (input) {
      P.limitOnInput(input, MAX_NAME);
    });
    form.addEventListener("submit", submit);
  }

  function fillChoices() {
    if (!state) { return; }
    var kind = fields.kind.value || "intervention";
    P.clear(fields.kind);
    Object.keys(state.kinds).forEach(function (name) {
      var option = P.element("option", "", t("floor_ask_" + name, { time: clock(state.kinds[name]) }));
      option.value = name;
      fields.kind.appendChild(option);
    });
    fields.kind.value = kind;
    var chosen = fields.constituency.value;
    P.clear(fields.constituency);
    var none = P.element("option", "", t("floor_constituency_none"));
    none.value = "";
    fields.constituency.appendChild(none);
    var strings = P.strings();
    state.constituencies.forEach(function (name) {
      var key = "constituency:" + name;  // the app's list, in English; shown translated
      var option = P.element("option", "",
        Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : name);
      option.value = name;
      fields.constituency.appendChild(option);
    });
    fields.constituency.value = chosen;
  }

  function stateText(request) {
    switch (request.state) {
      case "waiting": return t("floor_waiting", { n: request.place });
      case "listed": return request.ahead === 1 ? t("floor_listed_one")
        : t("floor_listed", { n: request.ahead });
      default: return t("floor_" + request.state);
    }
  }

  function render() {
    if (!built) { build(); }
    var requests = state ? state.requests : [];
    section.hidden = !(open || requests.length);
    var waiting = requests.some(function (r) { return r.state === "waiting"; });
    form.hidden = !open || waiting;
    var list = $("floor-mine");
    P.clear(list);
    // The live requests, or else the latest answered one (what the phone last asked).
    var shown = requests.filter(function (r) { return ACTIVE[r.state] || r.state === "speaking"; });
    if (!shown.length && requests.length) { shown = [requests[0]]; }
    shown.forEach(function (request) {
      var item = P.element("li", "item mine floor-request " + request.state);
      item.setAttribute("data-state", request.state);
      item.appendChild(P.element("span", "badge", t("floor_is_" + request.kind)));
      item.appendChild(P.userText("p", "meta", request.name));
      item.appendChild(P.element("p", "floor-state", stateText(request)));
      if (request.state === "waiting") {
        var withdrawButton = P.element("button", "floor-withdraw", t("floor_withdraw"));
        withdrawButton.type = "button";
        withdrawButton.addEventListener("click", function () { withdraw(request.id, withdrawButton); });
        item.appendChild(withdrawButton);
      }
      list.appendChild(item);
    });
    if (!open && !shown.length) { section.hidden = true; }
  }

  function errorText(result) {
    var code = result && result.data && result.data.error;
    var strings = P.strings();
    if (code && Object.prototype.hasOwnProperty.call(strings, "floor_error_" + code)) {
      return t("floor_error_" + code);
    }
    return P.errorText(result);
  }

  function say(text, good) {
    var message = $("floor-message");
    message.textContent = text;
    message.className = "form-message " + (good ? "good" : "bad");
  }

  function schedule() {
    if (timer) { clearTimeout(timer); timer = null; }
    var requests = state ? state.requests : [];
    var live = requests.some(function (r) { return ACTIVE[r.state]; });
    var speaking = requests.some(function (r) { return r.state === "speaking"; });
    if (live || speaking) {
      timer = setTimeout(refresh, document.hidden ? HIDDEN_POLL_MS : (live ? POLL_MS : SPEAKING_POLL_MS));
    }
  }

  function took(data) {
    state = data;
    open = data.open;
    if (data.requests.length) { P.store.setItem("facilitator.floor." + P.token, "1"); }
    if (!built) { build(); }
    fillChoices();
    render();
  }

  async function refresh() {
    timer = null;
    try {
      var result = await P.api("GET", url, undefined, etag);
      if (result.status === 200 && result.data) {
        etag = result.etag || "";
        took(result.data);
      } else if (P.isWait(result)) {
        timer = setTimeout(refresh, result.retryAfter * 1000);
        return;
      }
    } catch (e) { /* the page's own poll says when the laptop is unreachable */ }
    schedule();
  }

  async function submit(event) {
    event.preventDefault();
    if (sending) { return; }
    var name = fields.name.value.replace(/\s+/g, " ").trim();
    if (P.looksEmpty(name)) { say(t("floor_error_name_empty"), false); fields.name.focus(); return; }
    // One id per request: a retry after a lost answer is stored once on the laptop.
    var key = "facilitator.floor-request." + P.token;
    var requestId = P.store.getItem(key) || P.randomId();
    P.store.setItem(key, requestId);
    sending = true;
    $("floor-send").disabled = true;
    say(t("sending"), true);
    try {
      var result = await P.api("POST", url, {
        name: name, organisation: fields.organisation.value,
        constituency: fields.constituency.value, on_behalf_of: fields.behalf.value,
        kind: fields.kind.value, request_id: requestId
      });
      if (P.isWait(result)) {
        say(P.waitText(result), false);
        sending = false;
        $("floor-send").disabled = false;
        setTimeout(function () { submit({ preventDefault: function () {} }); }, result.retryAfter * 1000);
        return;
      }
      if (!P.fromLaptop(result)) {
        say(t("error_network"), false);  // not the laptop's answer: the request id is kept
      } else if (result.status === 201 || result.status === 200) {
        P.store.removeItem(key);
        say("", true);
        etag = "";
        took(result.data);
      } else {
        if (result.status >= 400 && result.status < 500) { P.store.removeItem(key); }
        say(errorText(result), false);
      }
    } catch (e) {
      say(t("error_network"), false);
    }
    sending = false;
    $("floor-send").disabled = false;
    schedule();
  }

  async function withdraw(id, button) {
    button.disabled = true;
    try {
      var result = await P.api("POST", url + "/" + id + "/withdraw", {});
      if (result.status === 200 && result.data) {
        etag = "";
        took(result.data);
      } else {
        P.showError(errorText(result));
        button.disabled = false;
        refresh();
      }
    } catch (e) {
      P.showError(t("error_network"));
      button.disabled = false;
    }
  }

  function translate() {
    if (!built) { return; }
    var nodes = section.querySelectorAll("[data-floor-i18n]");
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute("data-floor-i18n"));
    }
    fillChoices();
    render();
  }

  window.facilitatorFloor = {
    // The shared state arrived (every 2 s at most): the floor opened or closed.
    update: function (shared) {
      var was = open;
      open = !!shared.floor;
      if (!state || was !== open) { refresh(); } else { render(); }
    },
    translate: translate
  };
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && timer) { clearTimeout(timer); refresh(); }
  });
}());
