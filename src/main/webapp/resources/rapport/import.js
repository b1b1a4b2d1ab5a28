// PrimeFaces draws each upload's "choose" control as a focusable <span> carrying aria-labelledby without a role (not
// allowed there), around the real <input type="file">. The name belongs to the input, which assistive technology
// reaches; the span keeps its visible text.
document.querySelectorAll('.ui-fileupload-choose').forEach(function (choose) {
  var input = choose.querySelector('input[type=file]');
  var label = choose.getAttribute('aria-labelledby');
  if (input && label) {
    input.setAttribute('aria-labelledby', label);
    choose.removeAttribute('aria-labelledby');
  }
});
