// The last part: every part's set-up, once the page is parsed.
(function (G) {
  'use strict';

  function start() {
    for (const setUp of G.starts) setUp();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})(window.GLOSSA);
