// Applies the reader's theme before the page is drawn (no flash): the saved choice, else the system's scheme.
// data-jp-theme-light is what the engine's trace views follow, so traces switch with the page.
(function () {
  var saved = null;
  try { saved = localStorage.getItem('iamlab-theme'); } catch (e) { /* storage off (file:// in some browsers) */ }
  var dark = saved ? saved === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
  document.documentElement.setAttribute('data-jp-theme-light', dark ? 'false' : 'true');
})();
