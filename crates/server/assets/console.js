// The moderator console: the review queue with counts, one claimed item at a time (spans
// highlighted, clause links, the engine's fix), decisions (approve, reject with codes,
// approve the fixed text) and the item's history; keyboard shortcuts N, A, E, R, Esc. Appeals and
// statements of reasons are shown by appeal.js.
"use strict";

(() => {
  const { RTL, $, ui, appendSafe, setSafe, highlight, renderViolations, api } = window.davarText;
  let current = null; // the claimed queue item
  let busy = false;

  const lang = () => $("ui-lang").value;

  function applyLanguage() {
    const l = lang();
    const t = ui(l);
    document.documentElement.lang = window.davarText.UI[l] ? l : "en";
    document.documentElement.dir = RTL.has(l) ? "rtl" : "ltr";
    for (const el of document.querySelectorAll("[data-i18n]")) {
      const text = t[el.dataset.i18n];
      if (typeof text === "string") el.textContent = text;
    }
    if (current) renderItem(current.item, current.history);
  }

  function showTab(name) {
    for (const [tab, panel] of [["tab-queue", "queue-panel"], ["tab-try", "try-panel"]]) {
      const on = tab === `tab-${name}`;
      $(tab).setAttribute("aria-selected", String(on));
      $(panel).hidden = !on;
    }
  }

  function status(text, error) {
    $("queue-status").className = error ? "error" : "";
    $("queue-status").textContent = text || "";
  }

  function filterQuery() {
    const params = new URLSearchParams();
    for (const [id, name] of [["filter-code", "code"], ["filter-kind", "kind"], ["filter-lang", "lang"]]) {
      if ($(id).value) params.set(name, $(id).value);
    }
    const q = params.toString();
    return q ? `?${q}` : "";
  }

  function age(iso) {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 90) return `${seconds} s`;
    if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
    return `${Math.round(seconds / 3600)} h`;
  }

  async function refresh() {
    const { payload } = await api("GET", `/v1/queue${filterQuery()}`);
    const t = ui(lang());
    $("count-pending").textContent = String(payload.counts.pending);
    $("count-claimed").textContent = String(payload.counts.claimed);
    const chips = $("code-counts");
    chips.replaceChildren();
    const select = $("filter-code");
    const chosen = select.value;
    for (const option of [...select.options].slice(1)) option.remove();
    for (const [code, n] of Object.entries(payload.counts.by_code)) {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.dataset.code = code;
      chip.textContent = `${code} · ${n}`;
      chip.addEventListener("click", () => { select.value = code; refresh().catch(fail); });
      chips.append(chip);
      const option = document.createElement("option");
      option.value = code;
      option.textContent = code;
      select.append(option);
    }
    select.value = chosen;
    const list = $("pending");
    list.replaceChildren();
    $("queue-empty").hidden = payload.items.length > 0;
    for (const item of payload.items) {
      const li = document.createElement("li");
      li.dataset.id = item.id;
      const snippet = document.createElement("bdi");
      snippet.className = "snippet";
      appendSafe(snippet, Array.from(item.record.comment.body).slice(0, 80).join(""));
      const meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = ` ${item.record.comment.kind} · ${item.record.comment.lang} · ${age(item.enqueued_at)}` +
        (item.claimed_by ? ` · ${item.claimed_by}` : "");
      const codes = document.createElement("span");
      codes.className = "code";
      codes.textContent = ` ${[...new Set(item.record.violations.map((v) => v.code))].join(" ")} `;
      const claim = document.createElement("button");
      claim.type = "button";
      claim.className = "plain small";
      claim.textContent = t.claim;
      claim.addEventListener("click", () => claimItem(item.id));
      li.append(snippet, codes, meta, claim);
      const badge = window.davarAppeal.pendingBadge(item, lang());
      if (badge) {
        li.dataset.appeal = "true";
        li.prepend(badge, " ");
      }
      list.append(li);
    }
  }

  function renderItem(item, history) {
    const l = lang();
    const t = ui(l);
    const record = item.record;
    const comment = record.comment;
    const verdict = $("item-verdict");
    verdict.className = `verdict ${record.verdict}`;
    verdict.dataset.verdict = record.verdict;
    verdict.textContent = t.verdicts[record.verdict] || record.verdict;
    const meta = $("item-meta");
    meta.replaceChildren();
    appendSafe(meta, `${comment.kind} · ${comment.lang} · ${record.ruleset.id}` +
      (comment.product ? ` · ${comment.product}` : "") + ` · ${t.waitingFor} ${age(item.enqueued_at)}`);
    const dir = RTL.has(comment.lang) ? "rtl" : "ltr";
    for (const id of ["item-title", "item-body", "edit-title", "edit-body"]) $(id).dir = dir;
    $("item-title").hidden = !comment.title;
    if (comment.title) highlight($("item-title"), comment.title, record.violations, "title", l, "item-violation");
    highlight($("item-body"), comment.body, record.violations, "body", l, "item-violation");
    renderViolations($("item-violations"), record.violations, l, "item-violation");
    $("item-fixed-block").hidden = !record.fixed;
    $("edit-approve").hidden = !record.fixed;
    if (record.fixed) {
      $("edit-title").value = record.fixed.title ?? "";
      $("edit-title").hidden = record.fixed.title == null;
      $("edit-body").value = record.fixed.body;
    }
    const codes = $("reject-codes");
    codes.replaceChildren();
    const seen = new Set();
    for (const v of record.violations) {
      if (seen.has(v.code)) continue;
      seen.add(v.code);
      const label = document.createElement("label");
      label.className = "check";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = v.code;
      box.checked = v.severity === "reject" || v.severity === "review";
      const name = document.createElement("span");
      name.className = "code";
      name.textContent = v.code;
      label.append(box, name);
      codes.append(label);
    }
    $("note").value = "";
    window.davarAppeal.renderAppeal(record, history, l, $("me").textContent);
    renderHistory(history);
    $("item").hidden = false;
    $("item").dataset.id = item.id;
    if (item.decided_by_record) $("item").dataset.decided = "true";
    else delete $("item").dataset.decided;
  }

  function renderHistory(history) {
    $("history").replaceChildren(...history.map((r) => window.davarAppeal.historyEntry(r, lang())));
  }

  async function show(item) {
    $("statement").hidden = true;
    const { payload } = await api("GET", `/v1/queue/${encodeURIComponent(item.id)}`);
    current = { item: payload.item, history: payload.history };
    renderItem(payload.item, payload.history);
  }

  async function run(action) {
    if (busy) return;
    busy = true;
    try {
      await action();
    } catch (err) {
      fail(err);
    } finally {
      busy = false;
    }
  }

  function fail(err) { status(err.message || String(err), true); }

  function claimNext() {
    return run(async () => {
      const { status: code, payload } = await api("POST", `/v1/queue/claim${filterQuery()}`);
      if (code === 204) {
        current = null;
        $("item").hidden = true;
        status(ui(lang()).noItem);
      } else {
        status("");
        await show(payload);
      }
      await refresh();
    });
  }

  function claimItem(id) {
    return run(async () => {
      const { payload } = await api("POST", `/v1/queue/${encodeURIComponent(id)}/claim`);
      status("");
      await show(payload);
      await refresh();
    });
  }

  function decide(kind) {
    if (!current) return;
    return run(async () => {
      const body = { action: kind };
      const note = $("note").value.trim();
      if (note) body.note = note;
      const upheldEdit = kind === "reject" &&
        window.davarAppeal.contestedEdit(current.item.record, current.history);
      if (upheldEdit) {
        // Upholding an edit publishes the same edited text again.
        body.action = "edit-approve";
        body.body = upheldEdit.body;
        if (upheldEdit.title != null) body.title = upheldEdit.title;
      } else if (kind === "reject") {
        body.codes = [...$("reject-codes").querySelectorAll("input:checked")].map((b) => b.value);
        if (body.codes.length === 0) throw new Error(ui(lang()).pickCode);
      }
      if (kind === "edit-approve") {
        body.body = $("edit-body").value;
        if (current.item.record.fixed?.title != null) body.title = $("edit-title").value;
      }
      const id = current.item.id;
      const { payload: decided } = await api("POST", `/v1/queue/${encodeURIComponent(id)}/decision`, body);
      const { payload } = await api("GET", `/v1/queue/${encodeURIComponent(id)}`);
      current = { item: payload.item, history: payload.history };
      renderHistory(payload.history);
      $("item").dataset.decided = "true";
      status(`${ui(lang()).decided}: ${id}`);
      // An appeal's outcome, a rejection and an edit that removed parts each have a statement
      // of reasons for the author.
      if (window.davarAppeal.hasStatement(decided)) {
        await window.davarAppeal.showStatement(decided.id);
      }
      await refresh();
    });
  }

  function release() {
    if (!current) return;
    return run(async () => {
      await api("POST", `/v1/queue/${encodeURIComponent(current.item.id)}/release`);
      current = null;
      $("item").hidden = true;
      await refresh();
    });
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, textarea, select")) return;
    if ($("queue-panel").hidden) return;
    const key = event.key.toLowerCase();
    const decidable = current && !$("item").dataset.decided && !$("approve").disabled;
    if (key === "n") claimNext();
    else if (key === "a" && decidable) decide("approve");
    else if (key === "r" && decidable) decide("reject");
    else if (key === "e" && decidable && current.item.record.fixed) decide("edit-approve");
    else if (event.key === "Escape" && decidable) release();
    else return;
    event.preventDefault();
  }

  async function start() {
    try {
      const { payload } = await api("GET", "/v1/queue/me");
      $("me").textContent = payload.moderator;
      await refresh();
    } catch (err) {
      fail(err);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("tab-queue").addEventListener("click", () => showTab("queue"));
    $("tab-try").addEventListener("click", () => showTab("try"));
    $("ui-lang").addEventListener("change", () => {
      $("lang").value = lang();
      applyLanguage();
    });
    $("lang").addEventListener("change", () => { $("ui-lang").value = $("lang").value; applyLanguage(); });
    $("key-save").addEventListener("click", () => {
      const key = $("api-key").value.trim();
      if (key) sessionStorage.setItem("davar-api-key", key);
      $("key-row").hidden = true;
      start();
    });
    for (const id of ["filter-code", "filter-kind", "filter-lang"]) {
      $(id).addEventListener("change", () => refresh().catch(fail));
    }
    $("next").addEventListener("click", claimNext);
    $("approve").addEventListener("click", () => decide("approve"));
    $("reject").addEventListener("click", () => decide("reject"));
    $("edit-approve").addEventListener("click", () => decide("edit-approve"));
    $("release").addEventListener("click", release);
    document.addEventListener("keydown", onKey);
    applyLanguage();
    if (location.hash === "#try") showTab("try");
    start();
  });
})();
