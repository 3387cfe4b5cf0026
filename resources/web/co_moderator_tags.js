/* A question's tags on the co-moderator's page (co_moderator.js draws the cards): the tags
   as chips on each card, and the tag picker the "Tags" button opens in the card — the
   laptop's list (guiding questions, SDGs, WUF12 dialogues; queue's "tag_choices"), with
   the tags the question's words suggest first and marked as suggestions. As on the laptop
   (gui/question_tags.py), a question without tags opens with its suggestions ticked: the
   co-moderator checks them. Saving runs the laptop's tag command (POST …/tags). */
(function () {
  "use strict";

  var D = window.Desk;
  var t = D.t;
  // What is ticked in the open picker, so a redraw (another card's action) keeps it, and
  // the tags it started from (base): the save sends them, and the laptop refuses it
  // (409 tags_changed) if the question was tagged meanwhile.
  var draft = null;       // {id, tags, base}

  function has(list, tag) { return (list || []).indexOf(tag) >= 0; }

  // The tags on the card; an untagged question says what its words suggest, in grey.
  function chips(q, state) {
    var tags = q.tags || [];
    if (!tags.length && !(q.suggested || []).length) { return null; }
    var row = D.element("p", "tag-chips");
    if (!tags.length) {
      row.classList.add("suggested-only");
      // Each tag isolated (bdi) as the chips are: an Arabic line must not reorder
      // "SDG 11, Q2" around its own words.
      var line = D.element("span", "");
      var parts = t("tags_suggested_line", { tags: "\u0000" }).split("\u0000");
      line.appendChild(document.createTextNode(parts[0]));
      q.suggested.forEach(function (tag, i) {
        if (i) { line.appendChild(document.createTextNode(", ")); }
        line.appendChild(D.element("bdi", "", tag));
      });
      line.appendChild(document.createTextNode(parts.slice(1).join("")));
      row.appendChild(line);
      return row;
    }
    row.setAttribute("aria-label", t("tags"));
    tags.forEach(function (tag) {
      var chip = D.element("span", "tag-chip", tag);
      chip.dir = "auto";
      (state.tag_choices || []).forEach(function (c) { if (c.tag === tag) { chip.title = D.tagLabel(c); } });
      row.appendChild(chip);
    });
    return row;
  }

  function buttonLabel(q) {
    var n = (q.tags || []).length;
    return n ? t("tags_count", { n: n }) : t("tags_add");
  }

  function box(choice, ticked, suggested) {
    var label = D.element("label", "check");
    var input = document.createElement("input");
    input.type = "checkbox";
    input.value = choice.tag;
    input.checked = ticked;
    input.addEventListener("change", function () {
      var tags = draft.tags.filter(function (tag) { return tag !== choice.tag; });
      draft.tags = input.checked ? tags.concat([choice.tag]) : tags;
    });
    label.appendChild(input);
    var words = D.element("span", "", D.tagLabel(choice));
    words.dir = "auto";
    label.appendChild(words);
    if (suggested) { label.appendChild(D.element("span", "badge suggested", t("suggested"))); }
    return label;
  }

  function group(title, labels) {
    var set = D.element("fieldset", "tag-group");
    set.appendChild(D.element("legend", "", title));
    labels.forEach(function (label) { set.appendChild(label); });
    return set;
  }

  // The picker, in place of the card's buttons. ``save(tags)`` sends them; ``cancel()``
  // closes it. What is ticked stays while the queue refreshes (the card is not redrawn).
  function picker(q, state, save, cancel) {
    var form = D.element("div", "tag-picker");
    form.id = "tags-" + q.id;
    var current = q.tags || [];
    var suggested = (q.suggested || []).filter(function (tag) { return !has(current, tag); });
    if (!draft || draft.id !== q.id) {
      draft = { id: q.id, tags: (current.length ? current : suggested).slice(),
                base: current.slice() };
    }
    var ticked = draft.tags;
    var heading = D.element("h2", "", t("tags_of_question"));
    heading.tabIndex = -1;  // focus lands here when the list has no box to tick
    form.appendChild(heading);
    form.appendChild(D.element("p", "hint", suggested.length && !current.length
      ? t("tags_hint_suggested") : t("tags_hint")));
    var choices = (state.tag_choices || []).slice();
    var known = {};
    choices.forEach(function (c) { known[c.tag] = c; });
    // A tag given elsewhere (a theme since removed) stays listed, so it can be unticked.
    current.forEach(function (tag) {
      if (!known[tag]) { known[tag] = { tag: tag, label: tag, group: "" }; choices.push(known[tag]); }
    });
    suggested = suggested.filter(function (tag) { return known[tag]; });
    var first = suggested.map(function (tag) { return box(known[tag], has(ticked, tag), true); });
    if (first.length) { form.appendChild(group(t("tags_suggested_group"), first)); }
    var title = null, labels = [];
    function flush() { if (labels.length) { form.appendChild(group(title, labels)); } labels = []; }
    choices.forEach(function (c) {
      if (has(suggested, c.tag)) { return; }
      var heading = c.group ? D.tagGroup(c.group) : t("tags_other");
      if (heading !== title) { flush(); title = heading; }
      labels.push(box(c, has(ticked, c.tag), false));
    });
    flush();
    var row = D.element("div", "actions tag-actions");
    row.appendChild(D.button(t("save"), function () {
      var boxes = form.querySelectorAll("input:checked");
      var tags = [];
      for (var i = 0; i < boxes.length; i++) { tags.push(boxes[i].value); }
      // Kept in the list's order (the laptop's), whatever came first on screen.
      var order = choices.map(function (c) { return c.tag; });
      tags.sort(function (a, b) { return order.indexOf(a) - order.indexOf(b); });
      save(tags, draft.base);
    }));
    row.appendChild(D.button(t("cancel"), cancel, "secondary"));
    form.appendChild(row);
    // Escape closes the picker without saving, as Cancel does.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); cancel(); }
    });
    return form;
  }

  // A refusal of the tags in the page's language (the laptop's limit included).
  function refusal(status, data, state) {
    if (data && data.error === "tags_changed") { return t("tags_changed"); }
    if (data && data.error === "tags_invalid") {
      return t("tags_invalid", { n: (state && state.tag_limit) || 12 });
    }
    return null;
  }

  window.QuestionTags = { chips: chips, picker: picker, buttonLabel: buttonLabel,
                          refusal: refusal,
                          // A picker opened afresh starts from the question's own tags.
                          forget: function () { draft = null; },
                          // The laptop's tags now (a 409): ticked, and the new base.
                          restart: function (q) {
                            draft = { id: q.id, tags: (q.tags || []).slice(),
                                      base: (q.tags || []).slice() };
                          } };
})();
