/// <reference lib="dom" />
/**
 * The release page's script, bundled by esbuild (release-script.ts) and served fingerprinted as
 * /assets/release.<hash>.js, deferred. A release is read without it; it adds two things:
 *
 * - Videos (src/render/video-markdown.ts): a click on a video's placeholder (a link to the video on
 *   its provider, so Enter works and the page works without the script) puts the provider's player
 *   in its place. The player's address is read from the placeholder's `data-akhbar-video` and used
 *   only if it is one src/render/video.ts makes: whatever the markup says, no frame of another host
 *   is opened (and the Content-Security-Policy's frame-src would refuse it).
 * - Copy-link buttons: every `button[data-akhbar-copy]` (hidden in the markup, since without the
 *   script it does nothing) is shown, and copies its attribute's address; its text becomes its
 *   `data-akhbar-copied` for a few seconds.
 */
import { isPlayerAddress } from "../render/video.js";

/** How long a copy button shows that it copied. */
const COPIED_FOR_MS = 3000;

/** The player replacing the placeholder `link` of `figure`, focused so that keyboard users are where they were. */
function openPlayer(figure: HTMLElement, link: HTMLAnchorElement): boolean {
  const address = figure.dataset.akhbarVideo ?? "";
  if (!isPlayerAddress(address)) return false;
  const frame = document.createElement("iframe");
  frame.src = address;
  frame.title = link.querySelector(".video__title")?.textContent ?? link.textContent ?? "";
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.loading = "eager";
  frame.className = "video__frame";
  link.replaceWith(frame);
  figure.classList.add("video--playing");
  frame.focus();
  return true;
}

function setUpVideos(): void {
  document.addEventListener("click", (event) => {
    // A click with a modifier (a new tab, a new window) goes to the provider as the link says.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.("a.video__link");
    const figure = link?.closest<HTMLElement>("figure[data-akhbar-video]");
    if (!(link instanceof HTMLAnchorElement) || !figure) return;
    if (openPlayer(figure, link)) event.preventDefault();
  });
}

function setUpCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-akhbar-copy]")) {
    // Only where the browser can copy: elsewhere the button stays hidden, as without the script.
    if (!navigator.clipboard?.writeText) continue;
    const label = button.textContent ?? "";
    let timer: number | undefined;
    button.hidden = false;
    button.addEventListener("click", () => {
      const address = button.dataset.akhbarCopy ?? "";
      navigator.clipboard.writeText(address).then(
        () => {
          button.textContent = button.dataset.akhbarCopied ?? label;
          window.clearTimeout(timer);
          timer = window.setTimeout(() => (button.textContent = label), COPIED_FOR_MS);
        },
        () => undefined,
      );
    });
  }
}

setUpVideos();
setUpCopyButtons();
