// Starts Pagefind's search interface and opens /search/?q=… with that query searched,
// so the header search box (a plain form) and shared links land on results.
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({ element: "#search", showImages: false, showSubResults: false, resetStyles: false });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
