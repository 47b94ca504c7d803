/**
 * The error for a setting (an environment variable, not content) that cannot be used: SITE_URL,
 * AKHBAR_NOW, the search's worker count and the like. Its message says what to do, so it is
 * shown without a stack trace.
 */
export class SettingError extends Error {
  /** Tells Eleventy's error handler not to print a stack trace. */
  readonly skipOriginalStack = true;
}
