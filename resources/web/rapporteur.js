/* The rapporteur's desk (rapporteur.html; server: audience/rapporteur.py).

   Nothing typed is lost: a note goes to the browser's storage first, with a random client
   id, and leaves the outbox only when the laptop has answered for it; the laptop stores a
   client id once, so a resend after a dropped answer is harmless. A summary section being
   edited is kept in storage too until the laptop has saved it. */
(function () {
  "use strict";

  var D = window.Desk;
  var $ = D.$, t = D.t;
  var NOTES_POLL_MS = 1500;  // the speaker shown at the top follows the laptop within ~2 s
  var SUMMARY_POLL_MS = 3000;
  var RETRY_MS = 3000;
  var KEY = "facilitator.desk." + D.token();

  var outbox = D.readJson(KEY + ".outbox", []);    // notes the laptop has not confirmed
  var refused = D.readJson(KEY + ".refused", []);  // notes it refused: shown, never dropped
  // Notes the laptop kept otherwise than sent (their speaker or session was removed
  // meanwhile), by client id: "speaker_removed" or "session_removed", said on the note.
  var kept = D.readJson(KEY + ".kept", {});
  var drafts = D.readJson(KEY + ".sections", {});  // summary texts typed, not yet saved
  var state = null;
  var online = true;
  // Whether the laptop has answered this page yet: until then the line says "Connecting",
  // never "Connected" (a page whose first requests wait on a dropped Wi-Fi heard nothing).
  var heard = false;
  // Notes the laptop confirmed, by client id: {note, after} (``after``: the requests sent by
  // the confirmation, Desk.requestsSent). A state asked for before then may have been read
  // before the note was stored: the note stays listed until a state asked later comes.
  var confirmed = {};
  var problem = "";
  var shutOut = false;  // the laptop refused this link (revoked): said on the line
  var flushing = false;
  var retryTimer = null;
  var typingStarted = null;  // when this note's first character was typed (device clock)
  var shownOptions = "";
  var summaryState = null;
  var sections = {};  // key -> {server, revision, editor, status, conflictBox, conflict}
  var sectionsFor = null;
  var notesPoll, summaryPoll;

  function saveOutbox() {
    D.writeJson(KEY + ".outbox", outbox);
    D.writeJson(KEY + ".refused", refused);
  }

  /* --- the connection line ---------------------------------------------------------- */

  function showConnection() {
    var line = $("connection");
    var waiting = outbox.length;
    var text, level;
    if (shutOut) {
      text = problem;  // the laptop answers, but no longer to this link: not "Connected"
      level = "offline";
    } else if (!online) {
      text = D.tn("offline_waiting", waiting);
      level = "offline";
    } else if (waiting) {
      text = D.tn("sending_waiting", waiting);
      level = "sending";
    } else if (!heard) {
      text = t("connecting");
      level = "sending";
    } else {
      text = t("connected");
      level = "online";
    }
    if (!D.storage.persistent) { text += " " + t("no_storage"); }
    line.textContent = text;
    line.className = "connection " + level;
    var error = $("error");
    error.hidden = !problem || shutOut;
    error.textContent = problem;
  }

  function wentOffline() {
    online = false;
    showConnection();
    if (retryTimer === null) {
      retryTimer = window.setTimeout(function () { retryTimer = null; flush(); }, RETRY_MS);
    }
  }

  /* --- sending notes, exactly once ------------------------------------------------------ */

  async function flush() {
    if (flushing) { return; }
    flushing = true;
    try {
      while (outbox.length) {
        var entry = outbox[0];
        var body = {
          client_id: entry.client_id, text: entry.text, kind: entry.kind, tags: entry.tags,
          slot: entry.slot, typed_at: entry.typed_at, sent_at: Date.now()
        };
        if (entry.session !== null && entry.session !== undefined) { body.session = entry.session; }
        var result = await D.api("POST", "/notes", body);
        if (!D.fromLaptop(result)) {
          // A captive portal's login page, a gateway's error: the laptop may not have it.
          wentOffline();
          break;
        } else if ((result.status === 200 || result.status === 201) && result.data.note
                   && result.data.note.client_id === entry.client_id) {
          outbox.shift();
          confirmed[entry.client_id] = { note: result.data.note, after: D.requestsSent() };
          if (result.data.speaker_removed || result.data.session_removed) {
            kept[entry.client_id] = result.data.session_removed ? "session_removed"
              : "speaker_removed";
            D.writeJson(KEY + ".kept", kept);
          }
          saveOutbox();
          back();  // the laptop is there: the summary sections saved offline go too
          if (state && result.data && result.data.note) { remember(result.data.note); }
        } else if (result.status < 400 || result.status >= 500 || result.status === 429) {
          wentOffline();  // busy, or an answer for another note: sent again later
          break;
        } else {
          // Refused for good (the text was empty once cleaned, a revoked link): keep the
          // words on screen so they can be copied, never silently dropped.
          outbox.shift();
          entry.problem = D.refusal(result.status, result.data);
          entry.code = result.data.error;  // a dead link's notes go on with the next link
          shutOut = shutOut || D.shutOut(result.status, result.data);
          if (shutOut) { problem = entry.problem; }
          refused.push(entry);
          saveOutbox();
        }
      }
    } finally {
      flushing = false;
      showConnection();
      renderNotes();
    }
  }

  /* --- notes typed under a link revoked since ---------------------------------------- */

  // The moderator may revoke this device's link and give it a new one while notes wait (a
  // tablet that was offline, a link thought lost): they are in this browser under the old
  // link, which the laptop now refuses. Opened with the new link, the page sends them on
  // (the laptop stores each client id once, so a note the old page sent too is not doubled).
  // Only "revoked": such a link is in this event's file. An unknown one may be another
  // event's, served earlier on the same address, whose notes must not land in this one.
  var LINK_REFUSALS = ["revoked"];

  async function adoptFromDeadLinks() {
    var area = D.storage.area;
    var others = {};
    for (var i = 0; D.storage.persistent && i < area.length; i++) {
      var match = /^facilitator\.desk\.([A-Za-z0-9_-]+)\.(outbox|refused)$/.exec(area.key(i) || "");
      if (match && match[1] !== D.token()) { others[match[1]] = true; }
    }
    var tokens = Object.keys(others);
    for (var n = 0; n < tokens.length; n++) {
      var key = "facilitator.desk." + tokens[n];
      var waiting = D.readJson(key + ".outbox", []);
      var stopped = D.readJson(key + ".refused", []);
      var dead = stopped.filter(function (e) { return LINK_REFUSALS.indexOf(e.code) >= 0; });
      if (!waiting.length && !dead.length) { continue; }
      // Given up like every desk request (REQUEST_TIMEOUT_MS): a Wi-Fi silent at start-up
      // must not hold this page's own notes back. Offline: asked again at the next start.
      var data = (await D.api("GET", "", undefined, undefined, tokens[n])).data;
      // Only a link the laptop itself says is gone: a live one is someone else's desk.
      if (!data || LINK_REFUSALS.indexOf(data.error) < 0) { continue; }
      var known = {};
      outbox.concat(refused).forEach(function (e) { known[e.client_id] = true; });
      waiting.concat(dead).forEach(function (entry) {
        if (known[entry.client_id]) { return; }
        delete entry.problem;
        delete entry.code;
        outbox.push(entry);
      });
      saveOutbox();  // kept here before the old link's copies go
      D.writeJson(key + ".outbox", []);
      D.writeJson(key + ".refused", stopped.filter(function (e) { return dead.indexOf(e) < 0; }));
    }
  }

  function remember(note) {
    for (var i = 0; i < state.notes.length; i++) {
      if (state.notes[i].client_id === note.client_id) { return; }
    }
    state.notes.push(note);
  }

  function addNote(event) {
    event.preventDefault();
    var text = $("note-text").value;
    if (!text.trim()) { $("note-text").focus(); return; }
    var speaker = $("note-speaker").value;
    var tags = [];
    var boxes = document.querySelectorAll("#tag-choices input:checked");
    for (var i = 0; i < boxes.length; i++) { tags.push(boxes[i].value); boxes[i].checked = false; }
    outbox.push({
      client_id: D.uuid(), text: text, kind: $("note-kind").value || "note", tags: tags,
      slot: speaker === "auto" ? "auto" : (speaker === "none" ? null : parseInt(speaker, 10)),
      typed_at: typingStarted || Date.now(),
      session: state ? state.session.id : null
    });
    saveOutbox();  // stored before anything is sent: a closed tab loses nothing
    typingStarted = null;
    $("note-text").value = "";
    $("note-speaker").value = "auto";
    showTagCount();
    renderNotes();
    showConnection();
    $("note-text").focus();
    flush();
  }

  /* --- the desk's state -------------------------------------------------------------------- */

  // ``asked``: the number of the request this state answers (Desk.api).
  function useState(data, asked) {
    state = data;
    Object.keys(confirmed).forEach(function (clientId) {
      // Asked after the laptop confirmed the note: its list is the truth (a note deleted
      // on the laptop meanwhile is gone); asked before, it may not hold the note yet.
      if (asked > confirmed[clientId].after) { delete confirmed[clientId]; }
      else { remember(confirmed[clientId].note); }
    });
    heard = true;
    problem = "";
    shutOut = false;
    online = true;
    $("title").textContent = data.session.title;
    document.title = t("rapporteur") + " · " + data.session.title;
    showSpeaking();
    showOptions();
    renderNotes();
    showConnection();
    if (outbox.length) { flush(); }
  }

  function showSpeaking() {
    var line = $("speaking");
    if (!state) { line.textContent = ""; return; }
    // "speaking" is a turn under way only; "next": the cursor's speaker, not started yet.
    line.textContent = state.speaking
      ? t("speaking_now", { name: state.speaking.name })
      : state.next ? t("next_speaking", { name: state.next.name }) : t("nobody_speaking");
    line.classList.toggle("nobody", !state.speaking);
  }

  function kindLabel(kind) { return t("kind_" + kind); }

  function option(value, text) {
    var node = document.createElement("option");
    node.value = String(value);
    node.textContent = text;
    return node;
  }

  function showOptions() {
    if (!state) { return; }
    var key = D.language() + JSON.stringify([state.kinds, state.speakers, state.tags]);
    if (key === shownOptions) { return; }
    shownOptions = key;
    var kind = $("note-kind"), speaker = $("note-speaker");
    var keptKind = kind.value || "note", keptSpeaker = speaker.value || "auto";
    kind.textContent = "";
    state.kinds.forEach(function (k) { kind.appendChild(option(k, kindLabel(k))); });
    kind.value = keptKind;
    speaker.textContent = "";
    speaker.appendChild(option("auto", t("whoever_speaks")));
    state.speakers.forEach(function (s) { speaker.appendChild(option(s.slot, s.name)); });
    speaker.appendChild(option("none", t("nobody")));
    speaker.value = keptSpeaker;
    if (speaker.value !== keptSpeaker) { speaker.value = "auto"; }
    var checked = {};
    var boxes = document.querySelectorAll("#tag-choices input:checked");
    for (var i = 0; i < boxes.length; i++) { checked[boxes[i].value] = true; }
    var choices = $("tag-choices");
    choices.textContent = "";
    var group = null, list = null;
    state.tags.forEach(function (choice, index) {
      if (choice.group !== group) {
        group = choice.group;
        var set = D.element("fieldset", "tag-group");
        set.appendChild(D.element("legend", "", D.tagGroup(group)));
        list = D.element("div", "tag-list");
        set.appendChild(list);
        choices.appendChild(set);
      }
      var label = D.element("label", "check");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = choice.tag;
      box.id = "tag-" + index;
      box.checked = !!checked[choice.tag];
      box.addEventListener("change", showTagCount);
      label.appendChild(box);
      label.appendChild(D.element("span", "", D.tagLabel(choice)));
      list.appendChild(label);
    });
    showTagCount();
  }

  function showTagCount() {
    var count = document.querySelectorAll("#tag-choices input:checked").length;
    $("tag-summary").textContent = count ? t("tags_count", { n: count }) : t("tags");
  }

  /* --- the note stream ---------------------------------------------------------------------- */

  function renderNotes() {
    var list = $("notes");
    list.textContent = "";
    var zone = state ? state.zone : "";
    var shown = state ? state.notes.slice() : [];
    var known = {};
    shown.forEach(function (n) { known[n.client_id] = true; });
    var items = [];
    refused.forEach(function (entry) { items.push({ entry: entry, refused: true }); });
    outbox.forEach(function (entry) {
      if (!known[entry.client_id]) { items.push({ entry: entry, waiting: true }); }
    });
    shown.sort(function (a, b) { return b.at - a.at || b.id - a.id; });
    items.reverse();
    shown.forEach(function (note) { items.push({ note: note }); });
    items.forEach(function (item) { list.appendChild(noteItem(item, zone)); });
    if (!items.length) {
      list.appendChild(D.element("li", "hint", t("no_notes")));
    }
  }

  function noteItem(item, zone) {
    var li = D.element("li", "item note");
    var body = D.element("div", "item-body");
    var note = item.note || item.entry;
    var meta = [];
    if (item.note) {
      meta.push(D.clockTime(note.at, zone));
      meta.push(note.speaker || t("nobody_linked"));
    } else {
      // Waiting: typed on this device's clock, shown on the laptop's, in the event's zone,
      // as the laptop will stamp it (its time less the note's age) and shows saved ones.
      meta.push(D.clockTime(D.laptopSeconds(note.typed_at), zone));
    }
    meta.push(kindLabel(note.kind));
    // A speaker's name may be in another script: each part keeps its own direction.
    var head = D.element("p", "meta note-meta");
    meta.forEach(function (part, index) {
      if (index) { head.appendChild(document.createTextNode(" · ")); }
      head.appendChild(D.element("bdi", "", part));
    });
    body.appendChild(head);
    var text = D.element("p", "question-text", note.text);
    text.dir = "auto";
    body.appendChild(text);
    if (note.tags && note.tags.length) {
      body.appendChild(D.element("p", "meta", note.tags.join(", ")));
    }
    if (item.note && kept[note.client_id]) {
      body.appendChild(D.element("p", "meta kept", t("note_" + kept[note.client_id])));
    }
    if (item.note && note.by && state && note.by.indexOf(":") > 0 &&
        note.by.split(":").slice(1).join(":") !== state.name) {
      body.appendChild(D.element("p", "meta", t("by", { name: note.by.split(":").slice(1).join(":") })));
    }
    if (item.waiting) {
      li.classList.add("waiting");
      body.appendChild(D.element("span", "badge pending", online ? t("sending") : t("waiting")));
    }
    if (item.refused) {
      li.classList.add("refused");
      body.appendChild(D.element("p", "form-message bad", t("not_kept", { reason: note.problem })));
    }
    li.appendChild(body);
    return li;
  }

  /* --- the summary ------------------------------------------------------------------------ */

  function sectionTitle(key) {
    if (key.indexOf("answer.") === 0) {
      var index = parseInt(key.slice(7), 10);
      var question = summaryState.session.questions[index] || "";
      return t("answer_to", { n: index + 1, question: question });
    }
    return t(key);
  }

  function draftsOf() {
    var id = summaryState ? String(summaryState.session.id) : "";
    if (!drafts[id]) { drafts[id] = {}; }
    return drafts[id];
  }

  function keepDraft(key, text, base) {
    var mine = draftsOf();
    if (text === null) { delete mine[key]; } else { mine[key] = { text: text, base: base }; }
    D.writeJson(KEY + ".sections", drafts);
  }

  function useSummary(data) {
    var rebuild = !summaryState || sectionsFor !== data.session.id ||
      JSON.stringify(data.sections.map(function (s) { return s.key; })) !==
      JSON.stringify(Object.keys(sections)) || summaryState.session.questions.join("\n") !==
      data.session.questions.join("\n");
    summaryState = data;
    $("summary-hint").textContent = data.draft ? t("summary_draft") : t("summary_saved");
    if (rebuild) { buildSections(); }
    data.sections.forEach(function (s) {
      var section = sections[s.key];
      if (!section) { return; }
      section.server = s.text;
      section.latest = s.revision;
      if (!section.dirty) {
        section.revision = s.revision;
        if (section.editor.value !== s.text) { section.editor.value = s.text; }
      }
      showSectionStatus(section);
    });
  }

  function buildSections() {
    var holder = $("sections");
    holder.textContent = "";
    sections = {};
    sectionsFor = summaryState.session.id;
    var mine = draftsOf();
    summaryState.sections.forEach(function (s) {
      var card = D.element("div", "card section");
      var id = "section-" + s.key.replace(".", "-");
      var label = D.element("label", "", sectionTitle(s.key));
      label.htmlFor = id;
      var editor = document.createElement("textarea");
      editor.id = id;
      editor.dir = "auto";
      editor.rows = 4;
      editor.value = s.text;
      var status = D.element("p", "hint section-status");
      status.id = id + "-status";
      status.setAttribute("aria-live", "polite");
      editor.setAttribute("aria-describedby", status.id);
      var save = D.button(t("save"), function () { saveSection(section); });
      save.className = "secondary";
      var conflictBox = D.element("div", "conflict");
      conflictBox.hidden = true;
      var section = { key: s.key, server: s.text, revision: s.revision, latest: s.revision,
                      editor: editor, status: status, conflictBox: conflictBox,
                      dirty: false, saving: false };
      if (mine[s.key] && mine[s.key].text !== s.text) {
        // Typed before a reload or while offline, not saved yet: it comes back.
        editor.value = mine[s.key].text;
        section.revision = mine[s.key].base;
        section.dirty = true;
      }
      editor.addEventListener("input", function () {
        section.dirty = editor.value !== section.server || section.revision !== section.latest;
        keepDraft(section.key, section.dirty ? editor.value : null, section.revision);
        showSectionStatus(section);
      });
      editor.addEventListener("change", function () { if (section.dirty) { saveSection(section); } });
      card.appendChild(label);
      card.appendChild(editor);
      var row = D.element("div", "section-row");
      row.appendChild(status);
      row.appendChild(save);
      card.appendChild(row);
      card.appendChild(conflictBox);
      holder.appendChild(card);
      sections[s.key] = section;
      showSectionStatus(section);
    });
  }

  function showSectionStatus(section) {
    var text;
    if (section.conflict) { text = t("section_conflict"); }
    else if (section.saving) { text = t("saving"); }
    else if (section.offline) { text = t("section_offline"); }
    else if (section.dirty) { text = t("section_unsaved"); }
    else if (!section.revision) { text = t("section_draft"); }
    else { text = t("section_saved"); }
    section.status.textContent = text;
  }

  async function saveSection(section, base) {
    if (section.saving || !summaryState) { return; }
    section.saving = true;
    showSectionStatus(section);
    var text = section.editor.value;
    var from = base === undefined ? section.revision : base;
    var result = await D.api("POST", "/summary/" + section.key,
                             { text: text, base: from, session: summaryState.session.id });
    section.saving = false;
    section.offline = false;
    if (!D.fromLaptop(result)) {
      section.offline = true;  // no answer, or not the laptop's: kept, saved when it answers
      wentOffline();
    } else if (result.status === 200 && result.data.section) {
      back();  // the laptop is there: what else waited for it goes too
      section.server = text;
      section.revision = section.latest = result.data.section.revision;
      section.dirty = section.editor.value !== text;
      section.conflict = null;
      section.conflictBox.hidden = true;
      keepDraft(section.key, section.dirty ? section.editor.value : null, section.revision);
    } else if (result.status === 409 && result.data && result.data.error === "conflict") {
      showConflict(section, text, result.data);
    } else if (result.status < 400 || result.status >= 500 || result.status === 429) {
      section.offline = true;  // kept in storage; saved when the laptop answers again
      wentOffline();
    } else {
      problem = D.refusal(result.status, result.data);
      showConnection();
    }
    showSectionStatus(section);
  }

  function showConflict(section, mine, data) {
    section.conflict = { theirs: data.theirs, revision: data.revision, mine: mine };
    var box = section.conflictBox;
    box.textContent = "";
    box.hidden = false;
    box.appendChild(D.element("p", "conflict-title", t("conflict_explain")));
    var columns = D.element("div", "conflict-columns");
    [[t("yours"), mine], [t("theirs"), data.theirs]].forEach(function (pair) {
      var column = D.element("div", "conflict-text");
      column.appendChild(D.element("h3", "", pair[0]));
      var text = D.element("p", "question-text", pair[1] || t("empty_section"));
      text.dir = "auto";
      column.appendChild(text);
      columns.appendChild(column);
    });
    box.appendChild(columns);
    var row = D.element("div", "conflict-actions");
    row.appendChild(D.button(t("keep_mine"), function () {
      saveSection(section, section.conflict.revision);
    }));
    row.appendChild(D.button(t("take_theirs"), function () {
      var c = section.conflict;
      section.editor.value = c.theirs;
      section.server = c.theirs;
      section.revision = section.latest = c.revision;
      section.dirty = false;
      section.conflict = null;
      box.hidden = true;
      keepDraft(section.key, null, c.revision);
      showSectionStatus(section);
    }, "secondary"));
    row.appendChild(D.button(t("merge_by_hand"), function () {
      var c = section.conflict;
      section.editor.value = [c.mine.replace(/\s+$/, ""), c.theirs.replace(/\s+$/, "")]
        .filter(Boolean).join("\n");
      section.server = c.theirs;
      section.revision = section.latest = c.revision;
      section.dirty = true;
      section.conflict = null;
      box.hidden = true;
      keepDraft(section.key, section.editor.value, c.revision);
      showSectionStatus(section);
      section.editor.focus();
    }, "secondary"));
    box.appendChild(row);
    showSectionStatus(section);
  }

  function saveOfflineSections() {
    Object.keys(sections).forEach(function (key) {
      var section = sections[key];
      if (section.offline && section.dirty && !section.conflict) { saveSection(section); }
    });
  }

  /* --- start ------------------------------------------------------------------------------ */

  function failed(status, data) {
    if (!D.fromLaptop({ status: status, data: data }) || status >= 500) {
      wentOffline();
    } else if (status !== 429) {
      problem = D.refusal(status, data);
      shutOut = D.shutOut(status, data);
      showConnection();
    }
  }

  // The laptop answered, whichever request heard it first (a poll, a note sent again, a
  // section saved): if it was out of reach, everything that waited for it goes now. Only
  // the polls called this: a note resent by the retry timer heard the laptop first, set
  // "online", and the sections saved offline then waited for the next drop of the Wi-Fi.
  function back() {
    var was = online;
    var wasShut = shutOut;
    var wasHeard = heard;
    heard = true;
    online = true;
    shutOut = false;  // answered: the link is live (again)
    problem = problem && state ? "" : problem;
    if (wasShut || !wasHeard) { showConnection(); }
    if (!was) {
      showConnection();
      flush();
      saveOfflineSections();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("note-form").addEventListener("submit", addNote);
    $("note-text").addEventListener("input", function () {
      if (typingStarted === null && $("note-text").value.trim()) { typingStarted = Date.now(); }
      if (!$("note-text").value.trim()) { typingStarted = null; }
    });
    $("note-text").addEventListener("keydown", function (event) {
      // Ctrl+Enter (Cmd+Enter) adds the note; Enter alone is a new line.
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { addNote(event); }
    });
    $("pdf").setAttribute("href", "/r/" + D.token() + "/summary.pdf");
    window.addEventListener("online", function () { flush(); });
    D.start(function () {
      shownOptions = "";
      showOptions();
      showSpeaking();
      renderNotes();
      showConnection();
      if (summaryState) { buildSections(); useSummary(summaryState); }
    }).then(function () {
      showConnection();
      renderNotes();
      notesPoll = D.poll("/rapporteur", NOTES_POLL_MS, useState, failed, back);
      summaryPoll = D.poll("/summary", SUMMARY_POLL_MS, useSummary, failed, back);
      return adoptFromDeadLinks().catch(function () {}).then(function () {
        showConnection();
        renderNotes();
        if (outbox.length) { flush(); }
      });
    });
  });
})();
