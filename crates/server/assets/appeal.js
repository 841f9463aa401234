// Appeals in the moderator console (DSA Art. 20): an appeal item shows the decision it contests
// and the author's text, its buttons read "reverse" and "uphold", and a moderator who took the
// contested decision is told that someone else decides it (the server refuses them anyway).
// An appeal against a publication with parts removed (a moderator's edit, or the engine's
// repair removing content) is upheld by publishing the same text again, so its "uphold" sends
// that text rather than a rejection.
// Statements of reasons (of a rejection, of an edit or a repair that removed parts, or of an
// appeal's outcome) are fetched and shown in place; the decision log history links each record that has
// one.
"use strict";

(() => {
  const { $, ui, appendSafe, api } = window.davarText;

  /** Whether `record` lodges an appeal (as opposed to deciding one). */
  const isLodged = (record) => record.stage === "appeal" && record.action === "queue";

  /**
   * Whether `record` has a statement of reasons: a rejection, an edit that removed or changed
   * parts under the rules (its record lists the violations the edit removed), the engine's
   * repair that removed content (a violation whose repair removes content), or an appeal's
   * outcome.
   */
  const hasStatement = (record) =>
    (record.stage === "appeal" && record.action !== "queue") ||
    record.action === "reject" ||
    (record.action === "edit-approve" && record.violations.length > 0) ||
    (record.action === "fix" && record.violations.some((v) => v.removes_content));

  /**
   * The text `record` published other than the author's: a moderator's edit (`edited`) or the
   * engine's repair (`fixed`), else null.
   */
  const publishedText = (record) =>
    (record.action === "edit-approve" && record.edited) || (record.action === "fix" && record.fixed) || null;

  /**
   * For an appeal item `record`, the text the decision it contests published with parts
   * removed (from `history`), else null: upholding it publishes that text again.
   */
  function contestedEdit(record, history) {
    if (!isLodged(record)) return null;
    const contested = history.find((r) => r.id === record.follows);
    return contested ? publishedText(contested) : null;
  }

  const when = (iso) => new Date(iso).toISOString().replace("T", " ").slice(0, 16);

  /** The label of a record in the history and the pending list. */
  function label(record, t) {
    if (isLodged(record)) return t.appealLodged;
    if (record.stage === "appeal") {
      const upheld = record.appeal_outcome ? record.appeal_outcome === "upheld" : record.action === "reject";
      return upheld ? t.appealUpheld : t.appealReversed;
    }
    return t.actions[record.action] || record.action;
  }

  /**
   * Shows the appeal block of `record` (hidden for any other item): the contested decision
   * from `history`, the author's text, and a warning when `me` took the contested decision.
   * Returns whether the item is an appeal.
   */
  function renderAppeal(record, history, lang, me) {
    const t = ui(lang);
    const appeal = isLodged(record);
    $("item-appeal").hidden = !appeal;
    $("item").dataset.appeal = String(appeal);
    $("approve").querySelector("span").textContent = appeal ? t.reverse : t.approve;
    const edit = contestedEdit(record, history);
    $("reject").querySelector("span").textContent = edit ? t.upholdEdit : appeal ? t.uphold : t.reject;
    $("item").dataset.contestedEdit = String(Boolean(edit));
    for (const id of ["approve", "reject", "edit-approve"]) $(id).disabled = false;
    if (!appeal) return false;
    const contested = history.find((r) => r.id === record.follows);
    const line = $("appeal-contested");
    line.replaceChildren();
    if (contested) {
      const codes = [...new Set(contested.violations.map((v) => v.code))].join(" ");
      appendSafe(line, `${t.contested}: ${t.actions[contested.action] || contested.action} · ${t.by} ` +
        `${contested.decided_by} · ${when(contested.decided_at)} UTC${codes ? ` · ${codes}` : ""}`);
      line.dataset.decidedBy = contested.decided_by;
      line.append(" ", statementButton(contested.id, t));
    }
    const text = $("appeal-text");
    text.replaceChildren();
    appendSafe(text, record.appeal_text || "");
    $("appeal-received").textContent = `${t.appealReceived} ${when(record.decided_at)} UTC`;
    const own = Boolean(contested && contested.decided_by === me);
    $("appeal-own").hidden = !own;
    for (const id of ["approve", "reject", "edit-approve"]) $(id).disabled = own;
    return true;
  }

  /** A button that loads the statement of decision `id` into the statement panel. */
  function statementButton(id, t) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "plain small statement-link";
    button.dataset.decision = id;
    button.textContent = t.statement;
    button.addEventListener("click", () => {
      showStatement(id).catch((err) => {
        $("queue-status").className = "error";
        $("queue-status").textContent = err.message || String(err);
      });
    });
    return button;
  }

  /** Fetches the statement of reasons of decision `id` and shows it. */
  async function showStatement(id) {
    const { payload } = await api("GET", `/v1/decisions/${encodeURIComponent(id)}/statement`);
    const panel = $("statement");
    panel.dataset.decision = payload.decision_id;
    panel.dataset.kind = payload.kind;
    panel.lang = payload.lang;
    panel.dir = payload.lang === "fa" ? "rtl" : "ltr";
    $("statement-subject").textContent = payload.subject;
    const body = $("statement-text");
    body.replaceChildren();
    for (const paragraph of payload.text) {
      const p = document.createElement("p");
      appendSafe(p, paragraph);
      body.append(p);
    }
    $("statement-path").textContent = `GET /v1/decisions/${payload.decision_id}/statement`;
    panel.hidden = false;
    return payload;
  }

  /** The history entry of `record`: its label, who and when, and its statement if it has one. */
  function historyEntry(record, lang) {
    const t = ui(lang);
    const li = document.createElement("li");
    li.dataset.action = record.action;
    li.dataset.stage = record.stage;
    li.dataset.decidedBy = record.decided_by;
    li.dataset.id = record.id;
    const codes = [...new Set(record.violations.map((v) => v.code))].join(" ");
    const head = document.createElement("strong");
    head.textContent = label(record, t);
    const rest = document.createElement("span");
    appendSafe(rest, ` · ${t.by} ${record.decided_by} · ${when(record.decided_at)} UTC` +
      `${codes && !isLodged(record) ? ` · ${codes}` : ""}${record.note ? ` · ${record.note}` : ""}`);
    li.append(head, rest);
    if (hasStatement(record)) li.append(" ", statementButton(record.id, t));
    return li;
  }

  /** The badge of an appeal in the pending list (with its queue priority). */
  function pendingBadge(item, lang) {
    if (!isLodged(item.record)) return null;
    const badge = document.createElement("span");
    badge.className = "badge appeal";
    badge.dataset.priority = String(item.priority);
    badge.textContent = `${ui(lang).appealBadge} · ${ui(lang).priority} ${item.priority}`;
    return badge;
  }

  window.davarAppeal = {
    isLodged, hasStatement, contestedEdit, renderAppeal, showStatement, historyEntry, pendingBadge,
  };
})();
