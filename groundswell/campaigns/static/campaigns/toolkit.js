/* Copy buttons for the share toolkit. Without JavaScript the buttons stay hidden and the
   read-only text boxes can still be selected and copied by hand. */
(function () {
  "use strict";
  function copied(button) {
    var label = button.textContent;
    button.textContent = button.getAttribute("data-copied");
    window.setTimeout(function () { button.textContent = label; }, 2000);
  }
  function fallback(field, button) {
    field.focus();
    field.select();
    try { if (document.execCommand("copy")) { copied(button); } } catch (e) { /* selected: copy by hand */ }
  }
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { copied(button); },
          function () { fallback(field, button); });
      } else {
        fallback(field, button);
      }
    });
  });
})();
