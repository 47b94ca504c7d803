/**
 * The error for a setting (an environment variable, not content) that cannot be used: SITE_URL,
 * AKHBAR_NOW, the search's worker count and the like. Its message (src/messages/settings.ts) says
 * what to do, so it is shown without a stack trace, in the language messages are shown in.
 */
import { say, type Message } from "../messages/messages.js";

export class SettingError extends Error {
  /** Tells Eleventy's error handler not to print a stack trace. */
  readonly skipOriginalStack = true;

  constructor(
    /** What is wrong with the setting and what to do, in both languages. */
    readonly text: Message,
  ) {
    super(say(text));
    this.name = "SettingError";
  }
}
