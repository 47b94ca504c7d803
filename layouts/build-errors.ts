/**
 * The dev server's error page: what `npm start` shows in the browser instead of the site while
 * the last save left the archive with problems (src/eleventy/dev-server-errors.ts serves it; it is
 * never written to a file, and a production build never makes it). Each problem with its file,
 * line, field (in the editor's words) and what to do; readable on a phone. The dev server adds its
 * live-reload script, which brings the site back after the next good save.
 *
 * Self-contained: a small inline style rather than the site's stylesheet, which a first build that
 * failed never made. Everything taken from the files (names, messages) is escaped by `html`, and
 * the page's policy, like the site's, runs no inline script: only the dev server's own, from the
 * server, and this style by its hash.
 */
import { createHash } from "node:crypto";
import { problemLabel, type ContentProblem } from "../src/content/release.js";
import { directionOf } from "../src/render/i18n.js";
import { html, trustedHtml, type Renderable } from "../src/render/html.js";
import { BUILD_ERRORS_HEADING, BUILD_ERRORS_REFRESH, BUILD_FAILED_ELSEWHERE, buildErrorsLead, PROBLEM_FIELD, problemLine } from "../src/messages/dev-server.js";
import { say, type MessageLanguage } from "../src/messages/messages.js";

export interface BuildErrorsView {
  language: MessageLanguage;
  /** The archive's problems, as the build found them; empty when it failed for another reason. */
  problems: readonly ContentProblem[];
  /** A failure that is not the archive's problems: its short text, shown as it is (it is for whoever maintains the site). */
  failure?: string | undefined;
}

// Light and dark, large enough to read on a phone; long paths and messages wrap rather than widen the
// page. The project's own text, put in as it is (escaping would break its quotes).
const STYLE = `
:root{color-scheme:light dark;--text:#1b1f24;--muted:#57606a;--background:#fff8f6;--card:#fff;--edge:#c62828;--line:#f1c6c1}
@media (prefers-color-scheme:dark){:root{--text:#e6edf3;--muted:#a8b1bb;--background:#1d1414;--card:#2a1c1c;--edge:#ff8a80;--line:#5e2f2c}}
*{box-sizing:border-box}
body{margin:0;background:var(--background);color:var(--text);font:1.0625rem/1.9 Vazirmatn,Tahoma,"Segoe UI","Noto Sans Arabic","DejaVu Sans",sans-serif;overflow-wrap:anywhere}
main{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{margin:0 0 .75rem;font-size:1.45rem;line-height:1.6;color:var(--edge)}
ol{list-style:none;margin:1.25rem 0;padding:0}
li{margin:0 0 .85rem;padding:.7rem .9rem;background:var(--card);border:1px solid var(--line);border-inline-start:.35rem solid var(--edge);border-radius:.5rem}
li p{margin:0}
.where{font-weight:bold}
.where code{display:inline-block;margin-inline-end:.5rem}
.field{color:var(--muted)}
.message code{padding:0 .25em;background:var(--background);border-radius:.25rem;white-space:nowrap}
code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Consolas,monospace;font-size:.9em;overflow-wrap:anywhere;word-break:break-word}
pre{white-space:pre-wrap;padding:.7rem .9rem;background:var(--card);border:1px solid var(--line);border-radius:.5rem;text-align:left}
.refresh{margin-top:1.25rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted)}
`;

/**
 * Scripts from the server only (the dev server's live-reload script, from /.11ty/), which talks to
 * it over a WebSocket; the inline style by its hash; the icon is an empty data: address.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * A message's text, with what it quotes between backticks (`id: 149840`: what the editor types) as
 * code, left to right: in a Persian sentence the browser would otherwise reorder its Latin and
 * digits around the backticks. A text with an odd number of backticks is shown as it is.
 */
export function messageText(text: string): Renderable {
  const parts = text.split("`");
  if (parts.length % 2 === 0) return text;
  return parts.map((part, index) => (index % 2 === 1 ? html`<code dir="ltr">${part}</code>` : part));
}

function renderProblem(problem: ContentProblem, language: MessageLanguage): Renderable {
  // A line of 0 is the file itself (a file the content folder may not hold), not a line of it.
  const line = problem.line > 0 ? html`<span class="line">${say(problemLine(problem.line), language)}</span>` : "";
  return html`<li>
<p class="where"><code dir="ltr">${problem.file}</code>${line}</p>
<p class="field">${say(PROBLEM_FIELD, language)} <span class="label">${say(problemLabel(problem), language)}</span></p>
<p class="message">${messageText(say(problem.message, language))}</p>
</li>
`;
}

export function renderBuildErrors({ language, problems, failure }: BuildErrorsView): string {
  const heading = say(BUILD_ERRORS_HEADING, language);
  const details =
    problems.length > 0
      ? html`<p class="lead">${say(buildErrorsLead(problems.length), language)}</p>
<ol class="problems">
${problems.map((problem) => renderProblem(problem, language))}</ol>`
      : html`<p class="lead">${say(BUILD_FAILED_ELSEWHERE, language)}</p>
<pre dir="ltr">${failure ?? ""}</pre>`;
  return html`<!doctype html>
<html lang="${language}" dir="${directionOf(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${heading}</title>
<link rel="icon" href="data:,">
<style>${trustedHtml(STYLE)}</style>
</head>
<body>
<main>
<h1>${heading}</h1>
${details}
<p class="refresh" role="status">${say(BUILD_ERRORS_REFRESH, language)}</p>
</main>
</body>
</html>
`.value;
}
