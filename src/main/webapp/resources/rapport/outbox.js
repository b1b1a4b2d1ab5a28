/* /outbox: "Send again" asks the server through the page's form (its ViewState guards it), with the message's id; the
   service decides, and the message comes back redrawn in place with its new status or the refusal above it. */
(function () {
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("button[data-resend]") : null;
    if (!button) { return; }
    button.disabled = true;
    resendMessage([{name: "message", value: button.getAttribute("data-resend")}]);
  });
})();
