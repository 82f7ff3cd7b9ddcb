// The last part: the language switch, then every part's set-up, once the
// page is parsed.
(function (G) {
  'use strict';

  function start() {
    const toggle = document.getElementById('ui-switch');
    if (toggle) toggle.addEventListener('click', () => G.setUi(G.ui() === 'en' ? 'de' : 'en'));
    for (const setUp of G.starts) setUp();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(window.GLOSSA);
