/* /today: one key or one click per outcome (1-5), j/k between cards. The outcome goes to the server through the
   page's form (its ViewState guards it); the list comes back redrawn in place and the next card gets the focus. */
var RapportToday = (function () {
  var KEYS = {"1": "REACHED", "2": "VOICEMAIL", "3": "NO_ANSWER", "4": "RESCHEDULED", "5": "NOT_NEEDED"};
  var lastIndex = 0;

  function cards() { return Array.prototype.slice.call(document.querySelectorAll("article.card[data-item]")); }
  function cardOf(el) { return el && el.closest ? el.closest("article.card[data-item]") : null; }

  function focusCard(index) {
    var all = cards();
    if (all.length === 0) { return; }
    var i = Math.max(0, Math.min(index, all.length - 1));
    all[i].focus();
    lastIndex = i;
  }

  function send(card, outcome, note, date) {
    lastIndex = cards().indexOf(card);
    card.classList.add("sending");
    recordOutcome([
      {name: "item", value: card.getAttribute("data-item")},
      {name: "outcome", value: outcome},
      {name: "note", value: note || ""},
      {name: "rescheduleTo", value: date || ""}
    ]);
  }

  function later(card, action, date) {
    lastIndex = cards().indexOf(card);
    card.classList.add("sending");
    var params = [{name: "item", value: card.getAttribute("data-item")}];
    if (action === "SNOOZE") {
      params.push({name: "until", value: date || ""});
      snoozeCall(params);
    } else {
      handBackCall(params);
    }
  }

  function choose(card, outcome) {
    if (outcome === "RESCHEDULED" || outcome === "NOT_NEEDED") {
      var panel = card.querySelector(outcome === "RESCHEDULED" ? ".more.reschedule" : ".more.not-needed");
      card.querySelectorAll(".more").forEach(function (p) { p.hidden = p !== panel; });
      panel.querySelector("input").focus();
      return;
    }
    send(card, outcome);
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button[data-outcome], button[data-save], button[data-later]") : null;
    var card = cardOf(button);
    if (!card) { return; }
    if (button.hasAttribute("data-outcome")) {
      choose(card, button.getAttribute("data-outcome"));
    } else if (button.getAttribute("data-later") === "SNOOZE") {
      var panel = card.querySelector(".more.snooze");
      card.querySelectorAll(".more").forEach(function (p) { p.hidden = p !== panel; });
      panel.querySelector("input").focus();
    } else if (button.hasAttribute("data-later")) {
      later(card, "HAND_BACK");
    } else {
      var input = button.parentNode.querySelector("input");
      var outcome = button.getAttribute("data-save");
      if (outcome === "SNOOZE") {
        later(card, "SNOOZE", input.value);
      } else {
        send(card, outcome, outcome === "NOT_NEEDED" ? input.value : "", outcome === "RESCHEDULED" ? input.value : "");
      }
    }
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) {
      if (e.key === "Enter" && cardOf(t)) {
        e.preventDefault();
        t.parentNode.querySelector("button[data-save]").click();
      } else if (e.key === "Escape" && cardOf(t)) {
        t.closest(".more").hidden = true;
        cardOf(t).focus();
      }
      return;
    }
    var card = cardOf(document.activeElement);
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      var index = card ? cards().indexOf(card) : -1;
      focusCard(e.key === "j" ? index + 1 : Math.max(0, index - 1));
    } else if (KEYS[e.key] && card && card.querySelector(".outcomes")) {
      // only a card with outcome buttons takes an outcome: an escalated call waits for the manager's decision
      e.preventDefault();
      choose(card, KEYS[e.key]);
    }
  });

  return {
    /* after the list came back: the card now at the worked card's place (the next one) gets the focus */
    redrawn: function () { focusCard(lastIndex); }
  };
})();
