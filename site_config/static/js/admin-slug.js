// The page editor shows the page's address (its slug) right under the title, where editors
// look, instead of only in the "Quảng bá" tab. It follows the slug as the admin proposes it
// from the title and as the editor changes it.
(function () {
  "use strict";

  function start() {
    var title = document.getElementById("id_title");
    var slug = document.getElementById("id_slug");
    if (!title || !slug) {
      return;
    }
    var hint = document.createElement("p");
    hint.className = "slug-hint";
    hint.setAttribute("aria-live", "polite");
    var wrapper = title.closest("[data-field-wrapper]") || title.parentElement;
    wrapper.appendChild(hint);

    var shown = null;
    function show() {
      if (slug.value === shown) {
        return;
      }
      shown = slug.value;
      hint.textContent = slug.value
        ? "Địa chỉ của trang: …/" + slug.value + "/ (sửa ở thẻ “Quảng bá”)"
        : "Địa chỉ của trang sẽ được tạo từ tiêu đề.";
    }

    show();
    slug.addEventListener("input", show);
    // The admin fills the slug in from the title by script, which fires no event to listen to.
    window.setInterval(show, 400);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
