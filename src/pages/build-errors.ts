/**
 * The dev server's error page (layouts/build-errors.ts) for the error a build stopped with: the
 * archive's problems, with file, line and field, when it is the archive's ContentError (or an
 * error wrapping one); its short text otherwise. Only `npm start` shows it (src/eleventy/dev-server-errors.ts).
 */
import { renderBuildErrors } from "../../layouts/build-errors.js";
import { ContentError } from "../content/release.js";
import { messageLanguage, type MessageLanguage } from "../messages/messages.js";

/**
 * The ContentError that `error` is, or wraps: Eleventy wraps an error thrown while it renders a
 * template in its own (`originalError`), and JavaScript's convention is `cause`.
 */
export function contentErrorOf(error: unknown): ContentError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    if (current instanceof ContentError) return current;
    seen.add(current);
    current = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
  }
  return undefined;
}

export function buildErrorsPage(error: unknown, language: MessageLanguage = messageLanguage()): string {
  const content = contentErrorOf(error);
  if (content && content.problems.length > 0) return renderBuildErrors({ language, problems: content.problems });
  return renderBuildErrors({ language, problems: [], failure: error instanceof Error ? error.message : String(error) });
}
