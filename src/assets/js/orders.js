// The glossary index's orders (German, English, pinyin).
(function (G) {
  'use strict';
  const { el, say } = G;

  // ---- the index's orders -----------------------------------------------------
  function setUpOrders() {
    const sections = document.querySelectorAll('section.order');
    if (!sections.length) return;
    const links = document.querySelectorAll('nav.orders a[data-order]');
    function show(order) {
      for (const section of sections) {
        section.classList.toggle('active', section.dataset.order === order);
      }
      for (const link of links) {
        link.setAttribute('aria-current', link.dataset.order === order ? 'true' : 'false');
      }
    }
    function fromHash() {
      const hash = location.hash.slice(1);
      const match = /^order-(de|en|pinyin)$/.exec(hash) || /^(de|en|pinyin)-/.exec(hash);
      return match ? match[1] : null;
    }
    show(fromHash() || (G.ui() === 'en' ? 'en' : 'de'));
    window.addEventListener('hashchange', () => {
      const order = fromHash();
      if (order) show(order);
    });
    for (const link of links) {
      link.addEventListener('click', () => show(link.dataset.order));
    }
  }

  G.onStart(setUpOrders);
})(window.GLOSSA);
