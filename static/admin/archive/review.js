// The review screen (archive/admin/review_screen.py): every action form is
// sent with fetch(), one request per action, and the answer replaces the
// panel and the text in place. Without this script the same forms post and
// the page reloads. Keys: J/K next/previous fact, C confirm, H hide, E
// correct, N "done, next article". No inline script (the CSP forbids it).
(function () {
  "use strict";
  const review = document.querySelector(".review");
  if (!review) return;
  const panel = review.querySelector(".review-panel");
  const text = review.querySelector(".review-text");
  const status = review.querySelector(".review-status");
  let current = null; // the data-ref of the fact in focus

  function facts() {
    return Array.from(panel.querySelectorAll("li.fact[data-ref]:not(.is-hidden)"));
  }

  function select(ref, scroll) {
    current = ref;
    panel.querySelectorAll(".is-current").forEach((el) => el.classList.remove("is-current"));
    text.querySelectorAll(".is-current").forEach((el) => el.classList.remove("is-current"));
    const item = panel.querySelector(`li.fact[data-ref="${ref}"]`);
    if (!item) return;
    item.classList.add("is-current");
    const mark = Array.from(text.querySelectorAll("mark[data-refs]")).find(
      (m) => m.dataset.refs.split(" ").includes(ref));
    if (mark) mark.classList.add("is-current");
    if (scroll) {
      item.scrollIntoView({ block: "nearest" });
      if (mark) mark.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    const list = facts();
    if (!list.length) return;
    const at = list.findIndex((item) => item.dataset.ref === current);
    const next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(at + step, 0), list.length - 1);
    select(list[next].dataset.ref, true);
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("is-error", Boolean(isError));
  }

  async function send(form, submitter) {
    const data = new FormData(form, submitter);
    let answer;
    try {
      // getAttribute: the forms hold an input named "action", which form.action would return.
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        headers: { Accept: "application/json", "X-CSRFToken": data.get("csrfmiddlewaretoken") },
        credentials: "same-origin",
      });
      answer = await response.json();
    } catch (error) {
      console.error(error);
      say("Không lưu được (mất kết nối?). Thử lại.", true);
      return;
    }
    if (!answer.ok) {
      say(answer.message, true);
      return;
    }
    if (answer.next) {
      window.location.assign(answer.next);
      return;
    }
    panel.innerHTML = answer.panel;
    text.innerHTML = answer.text;
    say(answer.message, false);
    select(answer.focus, true);
    const item = panel.querySelector(`li.fact[data-ref="${answer.focus}"]`);
    if (item) item.classList.add("is-changed");
  }

  review.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.classList.contains("js-action")) return; // "done" navigates as a normal form
    event.preventDefault();
    send(form, event.submitter);
  });

  panel.addEventListener("click", (event) => {
    const item = event.target.closest("li.fact[data-ref]");
    if (item && !item.classList.contains("is-hidden")) select(item.dataset.ref, false);
  });

  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-refs]");
    if (mark) select(mark.dataset.refs.split(" ")[0], true);
  });

  // -- adding a fact from a selection of the text ------------------------------------
  const tools = document.createElement("div");
  tools.className = "selection-tools";
  tools.hidden = true;
  const kinds = [["role", "Thêm cán bộ"], ["locality", "Thêm địa phương"], ["organisation", "Thêm cơ quan"],
    ["period", "Thêm giai đoạn"], ["document", "Thêm văn bản"]];
  for (const [kind, label] of kinds) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.kind = kind;
    button.textContent = label;
    tools.appendChild(button);
  }
  document.body.appendChild(tools);
  let chosen = "";

  function selectedText() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !text.contains(selection.anchorNode)) return "";
    return selection.toString().replace(/\s+/g, " ").trim();
  }

  text.addEventListener("mouseup", () => {
    chosen = selectedText();
    if (!chosen || chosen.length > 300) {
      tools.hidden = true;
      return;
    }
    const box = window.getSelection().getRangeAt(0).getBoundingClientRect();
    tools.style.top = `${window.scrollY + box.bottom + 6}px`;
    tools.style.left = `${Math.max(4, Math.min(window.scrollX + box.left, window.innerWidth - 260))}px`;
    tools.hidden = false;
  });

  tools.addEventListener("click", (event) => {
    const kind = event.target.dataset.kind;
    if (!kind) return;
    const form = panel.querySelector(".add-form");
    form.elements.kind.value = kind;
    form.elements.text.value = chosen;
    tools.hidden = true;
    const field = kind === "role" ? form.elements.title : form.querySelector("button[type=submit]");
    field.scrollIntoView({ block: "nearest" });
    field.focus();
  });

  // -- keys ----------------------------------------------------------------------------
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    const key = event.key.toLowerCase();
    const item = current && panel.querySelector(`li.fact[data-ref="${current}"]`);
    if (key === "j") move(1);
    else if (key === "k") move(-1);
    else if ((key === "c" || key === "h") && item) {
      const button = item.querySelector(`.fact-actions button[data-key="${key}"]`);
      if (button) button.form.requestSubmit(button);
    } else if (key === "e" && item) {
      const details = item.querySelector("details.fact-correct");
      if (details) {
        details.open = true;
        const field = details.querySelector("input:not([type=hidden]), select, textarea");
        if (field) field.focus();
      }
    } else if (key === "n") {
      const done = review.querySelector(".js-done");
      if (done) done.requestSubmit(done.querySelector("button[name=action]"));
    } else return;
    event.preventDefault();
  });
})();
