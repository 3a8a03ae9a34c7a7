// Copy buttons for the embed codes of a task page's badges. Without
// JavaScript the buttons stay hidden and the code stays in its readonly
// field, to be selected and copied by hand. With it, each button is shown;
// pressing it copies its field's text (the Clipboard API, else the field's
// selection and execCommand) and says whether it worked in the live region
// beside it, in the words the page gives (data-done, data-failed).
(function () {
  'use strict';
  function say(button, ok) {
    var status = button.parentNode.querySelector('.copy-status');
    if (status) {
      // Emptied first, so that pressing again is announced again.
      status.textContent = '';
      window.setTimeout(function () {
        status.textContent = button.getAttribute(ok ? 'data-done' : 'data-failed');
      }, 50);
    }
  }
  function fallback(field) {
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }
  var buttons = document.querySelectorAll('button.copy-button[data-copy]');
  Array.prototype.forEach.call(buttons, function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = field.value;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          say(button, true);
        }, function () {
          say(button, fallback(field));
        });
      } else {
        say(button, fallback(field));
      }
    });
  });
})();
