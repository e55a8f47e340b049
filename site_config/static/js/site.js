// Progressive enhancements only: every page reads and works without this file.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Search suggestions: the search boxes are plain GET forms; with this script, titles of matching
// pages appear under the box as the reader types (ARIA combobox, arrow keys, Enter, Escape).
document.querySelectorAll("input[data-suggest-url]").forEach((input, boxNumber) => {
  const list = document.createElement("ul");
  list.id = `suggest-${boxNumber}`;
  list.className = "suggest";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let active = -1;
  let timer = null;
  let controller = null;
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const select = (index) => {
    const items = list.querySelectorAll("li");
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
  };
  const show = (suggestions) => {
    list.replaceChildren();
    suggestions.forEach((suggestion, i) => {
      const item = document.createElement("li");
      item.id = `${list.id}-${i}`;
      item.setAttribute("role", "option");
      const link = document.createElement("a");
      link.href = suggestion.url;
      link.textContent = suggestion.title;
      link.tabIndex = -1;
      item.append(link);
      list.append(item);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    active = -1;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < 2) return close();
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(query)}`;
        const response = await fetch(url, { signal: controller.signal });
        if (response.ok) show((await response.json()).suggestions);
      } catch (error) {
        if (error.name !== "AbortError") close();
      }
    }, 150);
  });
  input.addEventListener("keydown", (event) => {
    const count = list.querySelectorAll("li").length;
    if (list.hidden || count === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      select((active + step + count) % count);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("a")[active].href;
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 200));
});

// Counters behind the cache: pages are served from a front cache, so a page counts its reader
// once shown, and puts the current figures in place of those it was drawn with.
const readingUrl = document.body.dataset.readingUrl;
if (readingUrl) {
  const form = new FormData();
  if (document.body.dataset.page) form.append("trang", document.body.dataset.page);
  const number = new Intl.NumberFormat("vi-VN");
  fetch(readingUrl, { method: "POST", body: form, credentials: "same-origin", keepalive: true })
    .then((response) => (response.ok ? response.json() : null))
    .then((figures) => {
      if (!figures) return;
      if (figures.views !== undefined) {
        document.querySelectorAll("[data-view-count]").forEach((element) => {
          element.textContent = number.format(figures.views);
        });
      }
      Object.entries(figures.visits || {}).forEach(([name, value]) => {
        document.querySelectorAll(`[data-visits="${name}"]`).forEach((element) => {
          element.textContent = number.format(value);
        });
      });
    })
    .catch(() => {});
}

// Photo viewer: an album's photos are links to their large renditions; here they open in a
// dialog, one at a time, with the caption read out. Arrows and buttons move, Escape closes (the
// dialog's own), a swipe moves on phones, focus returns to the photo opened.
document.querySelectorAll("[data-gallery]").forEach((gallery) => {
  const items = Array.from(gallery.querySelectorAll("[data-gallery-item]"));
  if (!items.length || typeof HTMLDialogElement === "undefined") {
    return;
  }
  const dialog = document.createElement("dialog");
  dialog.className = "viewer";
  dialog.setAttribute("aria-label", "Xem ảnh");
  dialog.innerHTML = `
    <figure class="viewer__figure">
      <img class="viewer__image" alt="">
      <figcaption class="viewer__caption" aria-live="polite"></figcaption>
    </figure>
    <p class="viewer__count"></p>
    <button type="button" class="viewer__button viewer__button--prev" aria-label="Ảnh trước">‹</button>
    <button type="button" class="viewer__button viewer__button--next" aria-label="Ảnh sau">›</button>
    <button type="button" class="viewer__button viewer__button--close" aria-label="Đóng">×</button>`;
  document.body.append(dialog);
  const image = dialog.querySelector(".viewer__image");
  const caption = dialog.querySelector(".viewer__caption");
  const count = dialog.querySelector(".viewer__count");
  let current = 0;
  let opener = null;

  const show = (index) => {
    current = (index + items.length) % items.length;
    const item = items[current];
    image.src = item.href;
    image.alt = item.dataset.caption || "";
    caption.textContent = item.dataset.caption || "";
    count.textContent = `Ảnh ${current + 1}/${items.length}`;
  };
  items.forEach((item, index) => {
    item.addEventListener("click", (event) => {
      event.preventDefault();
      opener = item;
      show(index);
      dialog.showModal();
      dialog.querySelector(".viewer__button--next").focus();
    });
  });
  dialog.querySelector(".viewer__button--prev").addEventListener("click", () => show(current - 1));
  dialog.querySelector(".viewer__button--next").addEventListener("click", () => show(current + 1));
  dialog.querySelector(".viewer__button--close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft") {
      show(current - 1);
    } else if (event.key === "ArrowRight") {
      show(current + 1);
    }
  });
  dialog.addEventListener("close", () => {
    if (opener) {
      opener.focus();
    }
  });
  let touchStart = null;
  dialog.addEventListener("touchstart", (event) => {
    touchStart = event.changedTouches[0].clientX;
  }, { passive: true });
  dialog.addEventListener("touchend", (event) => {
    if (touchStart === null) {
      return;
    }
    const distance = event.changedTouches[0].clientX - touchStart;
    touchStart = null;
    if (Math.abs(distance) > 40) {
      show(distance < 0 ? current + 1 : current - 1);
    }
  });
});
