/**
 * html-validate's settings for the built pages (tests/build/ship-output.test.ts validates every page
 * of a build with them; `npx html-validate "_site/**\/*.html"` does the same by hand).
 * The strictest preset, with five rules set otherwise, each for the reason given.
 */
export default {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // `<!doctype html>` is the form the HTML standard itself writes; either case is valid.
    // The rule stays on, so that every page uses the one form.
    "doctype-style": ["error", { style: "lowercase" }],
    // A release page's title is its headline (Persian press headlines run past 70 characters)
    // and the site's name. Cutting headlines would hide what the page is about; the rule is a
    // search-engine display heuristic, not validity or accessibility.
    "long-title": "off",
    // Lists carry a name where the name says what the list is (the tags of a release, the
    // months of a year with their counts): ARIA allows naming the list role, and screen
    // readers announce it with the list. The rule's default only warns that it is unusual.
    "aria-label-misuse": ["error", { allowAnyNamable: true }],
    // `crossorigin` and `crossorigin=""`, `defer` and `defer=""` are the same attribute. A site
    // under a path prefix has its addresses rewritten by Eleventy's HtmlBasePlugin, whose HTML
    // writer (PostHTML) spells empty attributes the second way; pages without a prefix keep
    // the first. Both are valid HTML, and neither changes what a browser does.
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
  },
};
