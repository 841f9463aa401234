// The console's try mode: posts the form to /v1/moderate/try (a dry run: nothing is stored,
// no decision, no metrics) and shows the verdict, each violating span highlighted in place,
// the messages with their policy clause, and the fixed text.
"use strict";

(() => {
  const { RTL, $, ui, setSafe, highlight, renderViolations, api } = window.davarText;

  function showText(el, text) {
    el.hidden = text == null || text === "";
    setSafe(el, text ?? "");
  }

  function render(request, result) {
    const t = ui(request.lang);
    const verdict = $("verdict");
    verdict.className = `verdict ${result.verdict}`;
    verdict.textContent = t.verdicts[result.verdict] || result.verdict;
    verdict.dataset.verdict = result.verdict;
    $("ruleset").textContent = result.ruleset;
    const dir = RTL.has(request.lang) ? "rtl" : "ltr";
    for (const id of ["highlighted-title", "highlighted-body", "fixed-title", "fixed-body"]) $(id).dir = dir;
    const titleBox = $("highlighted-title");
    titleBox.hidden = !request.title;
    if (request.title) highlight(titleBox, request.title, result.violations, "title", request.lang, "violation");
    highlight($("highlighted-body"), request.body, result.violations, "body", request.lang, "violation");
    renderViolations($("violations"), result.violations, request.lang, "violation");
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
    status.className = "";
    status.textContent = t.checking;
    $("submit").disabled = true;
    try {
      const { payload } = await api("POST", "/v1/moderate/try", request);
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
    const titleVisibility = () => { $("title-label").hidden = $("kind").value !== "review"; };
    $("kind").addEventListener("change", titleVisibility);
    titleVisibility();
  });
})();
