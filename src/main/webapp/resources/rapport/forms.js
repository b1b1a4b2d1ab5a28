// A form that saves a record (class "record") is sent once: a second click or Enter while the first post is on its
// way is dropped. The button is not disabled, which would leave its name out of the post and Faces would not act.
// The server side holds too: a purchase or problem form posts the key it was drawn with, so a post sent again
// stores nothing new.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains('record')) {
    return;
  }
  if (form.dataset.sent) {
    event.preventDefault();
    return;
  }
  form.dataset.sent = 'true';
  form.setAttribute('aria-busy', 'true');
}, true);
// Back to a page from the browser's cache: its forms may be sent again.
window.addEventListener('pageshow', function () {
  document.querySelectorAll('form.record[data-sent]').forEach(function (form) {
    delete form.dataset.sent;
    form.removeAttribute('aria-busy');
  });
});
