/* /approvals: approve in one click; decline or reject asks for the reason first. The decision goes to the server through
   the page's form (its ViewState guards it) and the inbox comes back redrawn in place. */
(function () {
  var SEND = {
    introduction: {approve: function (p) { approveIntroduction(p); }, refuse: function (p) { declineIntroduction(p); }},
    reward: {approve: function (p) { approveReward(p); }, refuse: function (p) { rejectReward(p); }}
  };

  function send(card, act) {
    var params = [{name: "item", value: card.getAttribute("data-item")}];
    if (act === "refuse") {
      var input = card.querySelector(".more input");
      if (!input.value.trim()) { input.focus(); return; }
      params.push({name: "reason", value: input.value});
    }
    card.classList.add("sending");
    SEND[card.getAttribute("data-kind")][act](params);
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("article.decision button[data-act]") : null;
    if (!button) { return; }
    var card = button.closest("article.decision");
    var act = button.getAttribute("data-act");
    if (act === "ask") {
      var more = card.querySelector(".more");
      more.hidden = false;
      more.querySelector("input").focus();
    } else {
      send(card, act);
    }
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "Enter" && t && t.tagName === "INPUT" && t.closest && t.closest("article.decision")) {
      e.preventDefault();
      send(t.closest("article.decision"), "refuse");
    }
  });
})();
