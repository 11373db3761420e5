/**
 * The one inline script of the site, in the <head> of every page (BaseLayout.astro). It runs before
 * first paint, so neither the theme nor the shell tabs flash:
 * - theme: a stored choice wins; otherwise follow the OS, also when it changes later;
 * - shell: a stored choice wins; otherwise Windows readers start on PowerShell.
 *
 * It is a string, not a module, because the Content-Security-Policy allows it by the SHA-256 of
 * exactly these characters (src/security/csp.ts hashes this constant; the page writes it verbatim).
 * Everything else the pages run is an external module script under /_astro/.
 */
export const THEME_INIT_SCRIPT = `(function () {
  var root = document.documentElement,
    stored = null,
    shell = null;
  try {
    stored = localStorage.getItem('dockside-theme');
    shell = localStorage.getItem('dockside-shell');
  } catch (e) {}
  var platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
  root.dataset.shell =
    shell === 'bash' || shell === 'powershell' ? shell : /win/i.test(platform) ? 'powershell' : 'bash';
  var media = matchMedia('(prefers-color-scheme: dark)');
  var apply = function () {
    root.dataset.theme = stored === 'light' || stored === 'dark' ? stored : media.matches ? 'dark' : 'light';
  };
  apply();
  media.addEventListener('change', apply);
  root.classList.add('js');
})();`;
