// Moderator page: posts the form to /v1/moderate and shows the verdict, each violating span
// highlighted in place, the messages with their policy clause, and the fixed text.
// Spans are Unicode code-point offsets, so text is split with Array.from (not UTF-16 indices).
// Text is inserted with textContent only: nothing the user typed is parsed as HTML.
"use strict";

const UI = {
  en: {
    subtitle: "Moderator", kind: "Kind", review: "Review", question: "Question", answer: "Answer",
    lang: "Language", product: "Product (for duplicate questions)", title: "Title", body: "Comment",
    key: "API key", check: "Check", highlighted: "Where", violations: "Problems",
    none: "No problems found.", fixed: "Fixed text", policies: "Published policies",
    checking: "Checking…", clause: "Policy clause", needKey: "This server needs an API key.",
    failed: "Request failed", approve: "approve", fix: "fix", review_v: "review", reject: "reject",
    sev: { hint: "hint", fix: "fix", review: "review", reject: "reject" },
  },
  fa: {
    subtitle: "بررسی دیدگاه", kind: "نوع", review: "دیدگاه", question: "پرسش", answer: "پاسخ",
    lang: "زبان", product: "کالا (برای پرسش تکراری)", title: "عنوان", body: "متن",
    key: "کلید API", check: "بررسی", highlighted: "محل مشکل", violations: "مشکل‌ها",
    none: "مشکلی پیدا نشد.", fixed: "متن اصلاح‌شده", policies: "قوانین منتشرشده",
    checking: "در حال بررسی…", clause: "بند قوانین", needKey: "این سرور کلید API می‌خواهد.",
    failed: "درخواست ناموفق بود", approve: "تأیید", fix: "اصلاح", review_v: "بازبینی", reject: "رد",
    sev: { hint: "راهنما", fix: "اصلاح", review: "بازبینی", reject: "رد" },
  },
};
const RTL = new Set(["fa", "ar", "he", "ur"]);

const $ = (id) => document.getElementById(id);

function ui(lang) { return UI[lang] || UI.en; }

function applyLanguage(lang) {
  const t = ui(lang);
  document.documentElement.lang = UI[lang] ? lang : "en";
  document.documentElement.dir = RTL.has(lang) ? "rtl" : "ltr";
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const text = t[el.dataset.i18n];
    if (text) el.textContent = text;
  }
  $("title-label").hidden = $("kind").value !== "review";
}

function severityRank(s) { return { hint: 0, fix: 1, review: 2, reject: 3 }[s] ?? 0; }

// Renders `text` into `container`, wrapping each span covered by violations of `field` in a <mark>.
// Overlapping spans are cut at every boundary; a piece takes the worst severity covering it.
function highlight(container, text, violations, field) {
  container.replaceChildren();
  const chars = Array.from(text);
  const mine = violations
    .map((v, index) => ({ ...v, index }))
    .filter((v) => v.field === field && v.end > v.start);
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
      container.append(document.createTextNode(piece));
      continue;
    }
    const worst = covering.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
    const mark = document.createElement("mark");
    mark.className = worst.severity;
    mark.dataset.code = covering.map((v) => v.code).join(" ");
    mark.title = covering.map((v) => `${v.code}: ${messageFor(v)}`).join("\n");
    mark.textContent = piece;
    for (const v of covering) {
      if (v.end === to && !numbered.has(v.index)) {
        numbered.add(v.index);
        const sup = document.createElement("sup");
        const link = document.createElement("a");
        link.href = `#violation-${v.index + 1}`;
        link.textContent = String(v.index + 1);
        sup.append(link);
        mark.append(sup);
      }
    }
    container.append(mark);
  }
}

function messageFor(v) {
  const lang = $("lang").value;
  return (lang === "fa" ? v.message?.fa : v.message?.en) || v.message?.en || v.message?.fa || "";
}

function renderViolations(list, violations) {
  const t = ui($("lang").value);
  list.replaceChildren();
  violations.forEach((v, i) => {
    const li = document.createElement("li");
    li.id = `violation-${i + 1}`;
    li.dataset.code = v.code;
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = v.code;
    const sev = document.createElement("span");
    sev.className = `sev ${v.severity}`;
    sev.textContent = t.sev[v.severity] || v.severity;
    const quote = document.createElement("span");
    quote.className = "quote";
    quote.textContent = `«${v.text}»`;
    const msg = document.createElement("div");
    msg.textContent = messageFor(v);
    li.append(code, sev, quote, msg);
    if (v.clause) {
      const link = document.createElement("a");
      link.href = v.clause;
      link.className = "clause";
      link.textContent = `${t.clause} ↗`;
      link.target = "_blank";
      link.rel = "noopener";
      li.append(link);
    }
    list.append(li);
  });
}

function showText(el, text) {
  el.hidden = text == null || text === "";
  el.textContent = text ?? "";
}

function render(request, result) {
  const t = ui(request.lang);
  const verdict = $("verdict");
  verdict.className = `verdict ${result.verdict}`;
  verdict.textContent = t[result.verdict === "review" ? "review_v" : result.verdict] || result.verdict;
  verdict.dataset.verdict = result.verdict;
  $("ruleset").textContent = result.ruleset;
  const dir = RTL.has(request.lang) ? "rtl" : "ltr";
  for (const id of ["highlighted-title", "highlighted-body", "fixed-title", "fixed-body"]) $(id).dir = dir;
  const titleBox = $("highlighted-title");
  titleBox.hidden = !request.title;
  if (request.title) highlight(titleBox, request.title, result.violations, "title");
  highlight($("highlighted-body"), request.body, result.violations, "body");
  renderViolations($("violations"), result.violations);
  $("no-violations").hidden = result.violations.length > 0;
  $("fixed-block").hidden = !result.fixed;
  if (result.fixed) {
    showText($("fixed-title"), result.fixed.title);
    showText($("fixed-body"), result.fixed.body);
  }
  $("result").hidden = false;
}

async function submit(event) {
  event.preventDefault();
  const status = $("status");
  const lang = $("lang").value;
  const t = ui(lang);
  const request = { kind: $("kind").value, lang, body: $("body").value };
  const title = $("title").value;
  if (request.kind === "review" && title) request.title = title;
  const product = $("product").value.trim();
  if (product) request.product = product;
  const headers = { "Content-Type": "application/json" };
  const key = $("api-key").value.trim() || sessionStorage.getItem("davar-api-key") || "";
  if (key) headers.Authorization = `Bearer ${key}`;
  status.className = "";
  status.textContent = t.checking;
  $("submit").disabled = true;
  try {
    const response = await fetch("/v1/moderate", { method: "POST", headers, body: JSON.stringify(request) });
    const payload = await response.json().catch(() => null);
    if (response.status === 401) {
      $("key-row").hidden = false;
      throw new Error(t.needKey);
    }
    if (!response.ok) {
      const err = payload?.error;
      throw new Error(err ? `${err.message}${err.field ? ` (${err.field})` : ""}` : `${t.failed}: ${response.status}`);
    }
    if (key) sessionStorage.setItem("davar-api-key", key);
    render(request, payload);
    status.textContent = "";
  } catch (err) {
    status.className = "error";
    status.textContent = err.message || String(err);
  } finally {
    $("submit").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("comment-form").addEventListener("submit", submit);
  $("lang").addEventListener("change", () => applyLanguage($("lang").value));
  $("kind").addEventListener("change", () => applyLanguage($("lang").value));
  applyLanguage($("lang").value);
});
