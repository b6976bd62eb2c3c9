/* The letter's live word count against the newspaper's limit. Without JavaScript the limit is
   still written under the field, and the thank-you page warns about a letter that is too long. */
(function () {
  "use strict";
  function words(text) {
    var trimmed = text.trim();
    return trimmed ? trimmed.split(/\s+/).length : 0;
  }
  document.querySelectorAll("textarea[data-word-limit]").forEach(function (area) {
    var limit = parseInt(area.getAttribute("data-word-limit"), 10);
    var note = document.createElement("p");
    note.className = "words";
    note.setAttribute("aria-live", "polite");
    area.parentNode.insertBefore(note, area.nextSibling);
    function update() {
      var n = words(area.value);
      note.textContent = n + " / " + limit;
      note.classList.toggle("over", n > limit);
    }
    area.addEventListener("input", update);
    update();
  });
})();
