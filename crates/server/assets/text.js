// Shared by the console and the try mode: interface strings, safe display of user text, span
// highlighting and violation lists.
// Spans are Unicode code-point offsets, so text is split with Array.from (not UTF-16 indices).
// Text is inserted with textContent only: nothing a user wrote is parsed as HTML. Bidirectional
// control characters (embeddings, overrides, isolates, marks) are shown as visible labels and
// never act on the text around them; every user text sits in an isolated box.
"use strict";

const UI = {
  en: {
    subtitle: "Moderator", kind: "Kind", review: "Review", question: "Question", answer: "Answer",
    lang: "Language", product: "Product (for duplicate questions)", title: "Title", body: "Comment",
    key: "API key", use: "Use", check: "Check", highlighted: "Where", violations: "Problems",
    none: "No problems found.", fixed: "Fixed text", policies: "Published policies",
    checking: "Checking…", clause: "Policy clause", needKey: "This server needs a moderator key.",
    failed: "Request failed", approve: "Approve", fix: "fix", review_v: "review", reject: "Reject",
    queue: "Queue", try: "Try", pending: "Pending", claimed: "Claimed", code: "Code", all: "All",
    next: "Next item", editTitle: "Title to publish", editBody: "Text to publish",
    rejectCodes: "Reject because of", note: "Note (internal)", editApprove: "Approve the fixed text",
    release: "Put back", history: "History", waiting: "Waiting, oldest first",
    empty: "Nothing is waiting.", claim: "Claim", tryNote:
      "Try mode: nothing is recorded (no question stored, no decision, no metrics).",
    keys: "Keys: N next · A approve · E approve the fixed text · R reject · Esc put back",
    pickCode: "Pick at least one code to reject.", decided: "Decided", waitingFor: "waiting",
    by: "by", noItem: "Nothing to claim with these filters.",
    appealTitle: "Appeal by the author", appealBadge: "appeal", priority: "priority",
    contested: "Contested decision", appealReceived: "Appeal received", reverse: "Reverse: publish",
    uphold: "Uphold: keep unpublished", upholdEdit: "Uphold: keep the edited text",
    appealLodged: "appealed by the author",
    appealUpheld: "appeal: upheld", appealReversed: "appeal: reversed",
    appealOwn: "You took the contested decision: another moderator decides this appeal.",
    statement: "Statement", statementTitle: "Statement of reasons sent to the author",
    verdicts: { approve: "approve", fix: "fix", review: "review", reject: "reject" },
    actions: { approve: "approved", fix: "published fixed", queue: "queued", reject: "rejected",
      "edit-approve": "approved with edit" },
    sev: { hint: "hint", fix: "fix", review: "review", reject: "reject" },
  },
  fa: {
    subtitle: "بررسی دیدگاه", kind: "نوع", review: "دیدگاه", question: "پرسش", answer: "پاسخ",
    lang: "زبان", product: "کالا (برای پرسش تکراری)", title: "عنوان", body: "متن",
    key: "کلید API", use: "ثبت", check: "بررسی", highlighted: "محل مشکل", violations: "مشکل‌ها",
    none: "مشکلی پیدا نشد.", fixed: "متن اصلاح‌شده", policies: "قوانین منتشرشده",
    checking: "در حال بررسی…", clause: "بند قوانین", needKey: "این سرور کلید ناظر می‌خواهد.",
    failed: "درخواست ناموفق بود", approve: "تأیید", fix: "اصلاح", review_v: "بازبینی", reject: "رد",
    queue: "صف", try: "آزمایش", pending: "در انتظار", claimed: "در دست بررسی", code: "کد",
    all: "همه", next: "مورد بعدی", editTitle: "عنوانِ منتشرشونده", editBody: "متنِ منتشرشونده",
    rejectCodes: "دلیل رد", note: "یادداشت (داخلی)", editApprove: "تأیید متن اصلاح‌شده",
    release: "بازگرداندن", history: "سابقه", waiting: "در انتظار، قدیمی‌ترین اول",
    empty: "چیزی در انتظار نیست.", claim: "برداشتن", tryNote:
      "حالت آزمایش: چیزی ثبت نمی‌شود (نه پرسش، نه تصمیم، نه آمار).",
    keys: "کلیدها: N بعدی · A تأیید · E تأیید متن اصلاح‌شده · R رد · Esc بازگرداندن",
    pickCode: "برای رد دست‌کم یک کد انتخاب کنید.", decided: "تصمیم گرفته شد", waitingFor: "انتظار",
    by: "توسط", noItem: "با این فیلترها موردی نیست.",
    appealTitle: "اعتراض نویسنده", appealBadge: "اعتراض", priority: "اولویت",
    contested: "تصمیمِ مورد اعتراض", appealReceived: "دریافت اعتراض", reverse: "لغو تصمیم: انتشار",
    uphold: "تأیید تصمیم: منتشر نشود", upholdEdit: "تأیید تصمیم: متن ویرایش‌شده بماند",
    appealLodged: "اعتراض نویسنده",
    appealUpheld: "اعتراض: تصمیم تأیید شد", appealReversed: "اعتراض: تصمیم لغو شد",
    appealOwn: "تصمیمِ مورد اعتراض را شما گرفته‌اید: ناظر دیگری درباره‌ی این اعتراض تصمیم می‌گیرد.",
    statement: "بیانیه", statementTitle: "بیانیه‌ی دلایلِ فرستاده‌شده به نویسنده",
    verdicts: { approve: "تأیید", fix: "اصلاح", review: "بازبینی", reject: "رد" },
    actions: { approve: "تأیید شد", fix: "با اصلاح منتشر شد", queue: "به صف رفت", reject: "رد شد",
      "edit-approve": "با ویرایش تأیید شد" },
    sev: { hint: "راهنما", fix: "اصلاح", review: "بازبینی", reject: "رد" },
  },
};
const RTL = new Set(["fa", "ar", "he", "ur"]);
const $ = (id) => document.getElementById(id);
const ui = (lang) => UI[lang] || UI.en;

/** Bidirectional controls shown as labels: they must not reorder what surrounds them. */
const BIDI_NAMES = {
  "\u202A": "LRE", "\u202B": "RLE", "\u202C": "PDF", "\u202D": "LRO", "\u202E": "RLO",
  "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
  "\u200E": "LRM", "\u200F": "RLM", "\u061C": "ALM",
};

/** Appends `text` to `parent`: plain text nodes, bidi controls as visible `<span class="ctl">`. */
function appendSafe(parent, text) {
  let run = "";
  for (const ch of text) {
    const name = BIDI_NAMES[ch];
    if (!name) {
      run += ch;
      continue;
    }
    if (run) parent.append(document.createTextNode(run));
    run = "";
    const label = document.createElement("span");
    label.className = "ctl";
    label.dataset.char = `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    label.title = `${name} ${label.dataset.char}`;
    label.textContent = `⟦${name}⟧`;
    parent.append(label);
  }
  if (run) parent.append(document.createTextNode(run));
}

/** Replaces the content of `el` with `text` shown safely (see appendSafe). */
function setSafe(el, text) {
  el.replaceChildren();
  appendSafe(el, text ?? "");
}

function severityRank(s) { return { hint: 0, fix: 1, review: 2, reject: 3 }[s] ?? 0; }

function messageFor(v, lang) {
  return (lang === "fa" ? v.message?.fa : v.message?.en) || v.message?.en || v.message?.fa || "";
}

/** The clause URL of a violation: a string (moderation result) or `{url}` (decision record). */
function clauseUrl(v) {
  return typeof v.clause === "string" ? v.clause : v.clause?.url || null;
}

// Renders `text` into `container`, wrapping each span covered by violations of `field` in a <mark>.
// Overlapping spans are cut at every boundary; a piece takes the worst severity covering it.
function highlight(container, text, violations, field, lang, idPrefix) {
  container.replaceChildren();
  const chars = Array.from(text);
  const mine = violations
    .map((v, index) => ({ ...v, index }))
    .filter((v) => v.field === field && v.start != null && v.end > v.start);
  const cuts = new Set([0, chars.length]);
  for (const v of mine) {
    cuts.add(Math.max(0, Math.min(v.start, chars.length)));
    cuts.add(Math.max(0, Math.min(v.end, chars.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const numbered = new Set();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const covering = mine.filter((v) => v.start <= from && v.end >= to);
    if (covering.length === 0) {
      appendSafe(container, piece);
      continue;
    }
    const worst = covering.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
    const mark = document.createElement("mark");
    mark.className = worst.severity;
    mark.dataset.code = covering.map((v) => v.code).join(" ");
    mark.title = covering.map((v) => `${v.code}: ${messageFor(v, lang)}`).join("\n");
    appendSafe(mark, piece);
    for (const v of covering) {
      if (v.end === to && !numbered.has(v.index)) {
        numbered.add(v.index);
        const sup = document.createElement("sup");
        const link = document.createElement("a");
        link.href = `#${idPrefix}-${v.index + 1}`;
        link.textContent = String(v.index + 1);
        sup.append(link);
        mark.append(sup);
      }
    }
    container.append(mark);
  }
}

function renderViolations(list, violations, lang, idPrefix) {
  const t = ui(lang);
  list.replaceChildren();
  violations.forEach((v, i) => {
    const li = document.createElement("li");
    li.id = `${idPrefix}-${i + 1}`;
    li.dataset.code = v.code;
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = v.code;
    const sev = document.createElement("span");
    sev.className = `sev ${v.severity}`;
    sev.textContent = t.sev[v.severity] || v.severity;
    li.append(code, sev);
    if (v.text != null && v.text.trim() !== "") {
      const quote = document.createElement("span");
      quote.className = "quote";
      appendSafe(quote, `«${v.text}»`);
      li.append(quote);
    }
    const msg = document.createElement("div");
    msg.textContent = messageFor(v, lang);
    li.append(msg);
    const url = clauseUrl(v);
    if (url) {
      const link = document.createElement("a");
      link.href = url;
      link.className = "clause";
      link.textContent = `${t.clause} ↗`;
      link.target = "_blank";
      link.rel = "noopener";
      li.append(link);
    }
    list.append(li);
  });
}

/** Request headers with the saved key, if any. */
function apiHeaders(json) {
  const headers = json ? { "Content-Type": "application/json" } : {};
  const key = sessionStorage.getItem("davar-api-key") || "";
  if (key) headers.Authorization = `Bearer ${key}`;
  return headers;
}

/** Calls the API; resolves to `{status, payload}`, throws with the server's message on errors. */
async function api(method, path, body) {
  const response = await fetch(path, {
    method, headers: apiHeaders(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 || response.status === 403) $("key-row").hidden = false;
  if (!response.ok) {
    const err = payload?.error;
    const error = new Error(err ? `${err.message}${err.field ? ` (${err.field})` : ""}` : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return { status: response.status, payload };
}

window.davarText = { UI, RTL, $, ui, appendSafe, setSafe, highlight, renderViolations, messageFor, api };
