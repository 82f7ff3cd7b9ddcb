// Navigation and reading comfort: the bar's buttons (the language switch,
// the font-size control), the bar's height (so that a link's target is not
// hidden under it), the report's table of contents beside the text where
// the window has room, and the reading position in the report and in the
// report beside its translation, remembered on this device.
//
// What is stored (localStorage, this browser only): the font size, and per
// page the id of the block at the top of the window.
(function (G) {
  'use strict';
  const { el, say, root } = G;

  function load(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;  // storage off (private mode): nothing is remembered
    }
  }
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) {
      // As above: the page works, it only forgets.
    }
  }

  // ---- font size -------------------------------------------------------------
  // Percent of the browser's own size, which the style sheet's rem and em
  // follow; set here, before the page is drawn.
  const SIZE_STORE = 'glossa-font-size';
  const SIZES = [87.5, 100, 112.5, 125, 150, 175, 200];
  let size = Number(load(SIZE_STORE));
  if (!SIZES.includes(size)) size = 100;

  function applySize() {
    root.style.fontSize = size === 100 ? '' : size + '%';
  }
  applySize();

  // ---- the bar's buttons -------------------------------------------------------
  // The language switch names the language it switches to; the style sheet
  // shows the label of the interface language (html[data-ui]).
  function setUpUiSwitch() {
    const bar = document.querySelector('header.bar');
    if (!bar) return;
    const toggle = el('button', { type: 'button', id: 'ui-switch', class: 'ui-switch' });
    toggle.append(el('span', { 'data-ui': 'de', lang: 'en' }, 'English'),
      el('span', { 'data-ui': 'en', lang: 'de' }, 'Deutsch'));
    toggle.addEventListener('click', () => G.setUi(G.ui() === 'en' ? 'de' : 'en'));
    bar.append(toggle);
  }

  function setUpFontSize() {
    const bar = document.querySelector('header.bar');
    if (!bar) return;
    const group = el('div', { class: 'font-size', role: 'group' });
    const smaller = el('button', { type: 'button', class: 'smaller' }, 'A−');
    const larger = el('button', { type: 'button', class: 'larger' }, 'A+');
    group.append(smaller, larger);
    // The names start with what the buttons show, for speech input.
    function show() {
      group.setAttribute('aria-label', say('Schriftgröße ', 'Text size ') + size + ' %');
      smaller.setAttribute('aria-label', 'A−: ' + say('Schrift kleiner', 'Smaller text'));
      larger.setAttribute('aria-label', 'A+: ' + say('Schrift größer', 'Larger text'));
      smaller.title = say('Schrift kleiner', 'Smaller text');
      larger.title = say('Schrift größer', 'Larger text');
      smaller.disabled = size === SIZES[0];
      larger.disabled = size === SIZES[SIZES.length - 1];
    }
    function step(by) {
      size = SIZES[Math.min(SIZES.length - 1, Math.max(0, SIZES.indexOf(size) + by))];
      store(SIZE_STORE, size === 100 ? null : String(size));
      applySize();
      show();
    }
    smaller.addEventListener('click', () => step(-1));
    larger.addEventListener('click', () => step(1));
    G.onUi(show);
    show();
    bar.append(group);
  }

  // ---- the bar's height --------------------------------------------------------
  // --bar-height: how far a link's target stays below the top of the window
  // (base.css scroll-padding-top), and where the table of contents starts.
  function setUpBarHeight() {
    const bar = document.querySelector('header.bar');
    if (!bar) return;
    const measure = () => root.style.setProperty('--bar-height', bar.offsetHeight + 'px');
    measure();
    if (window.ResizeObserver) new ResizeObserver(measure).observe(bar);
  }

  // ---- table of contents ------------------------------------------------------
  // Beside the text (html.toc-side, open) where the window has 16rem to
  // spare on each side of the text column; above it, closed, elsewhere.
  function setUpToc() {
    const toc = document.querySelector('nav.toc');
    if (!toc) return;
    const details = toc.querySelector('details');
    let side = false;
    function place() {
      const rem = parseFloat(getComputedStyle(root).fontSize) || 16;
      const wide = window.innerWidth - 46 * rem >= 32 * rem;
      if (wide === side) return;
      side = wide;
      root.classList.toggle('toc-side', side);
      details.open = side;
    }
    place();
    window.addEventListener('resize', place);
    // A font-size step changes what fits.
    new MutationObserver(place).observe(root, { attributes: true, attributeFilter: ['style'] });
    toc.addEventListener('click', (event) => {
      if (!side && event.target.closest('a')) details.open = false;
    });
  }

  // ---- reading position -----------------------------------------------------
  // The block at the top of the window (a paragraph, a heading's section, a
  // note; on translation.html a pair of blocks), by id; on return the page
  // opens there, unless the address names a place (#s2.1) of its own. Each
  // page has its own key, so the two remember their places apart.
  const READ = { report: 'article.report', translation: 'article.translation' };

  function setUpPosition() {
    const selector = READ[root.dataset.page];
    const article = selector && document.querySelector(selector);
    if (!article) return;
    const key = 'glossa-position:' + location.pathname;
    const bar = document.querySelector('header.bar');
    const toc = document.querySelector('nav.toc');
    const tocLinks = toc ? [...toc.querySelectorAll('a[href^="#"]')] : [];

    function topBlock() {
      const box = article.getBoundingClientRect();
      const y = (bar ? bar.getBoundingClientRect().bottom : 0) + 8;
      const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 48), y);
      const block = hit && hit.closest('[id]');
      if (!block || !article.contains(block) || block.closest('nav.toc')) return null;
      return block;
    }

    // The table of contents marks the section the reader is in.
    function markSection(block) {
      let current = null;
      for (const link of tocLinks) {
        const section = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (section && block && (section === block || section.contains(block) ||
            section.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING)) {
          current = link;
        }
      }
      for (const link of tocLinks) {
        if (link === current) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
      // Beside the text, the contents scroll with the reader (their own
      // box only: scrollIntoView would move the page too).
      if (current && root.classList.contains('toc-side')) {
        const box = toc.getBoundingClientRect();
        const at = current.getBoundingClientRect();
        if (at.top < box.top || at.bottom > box.bottom) {
          toc.scrollTop += at.top - box.top - box.height / 3;
        }
      }
    }

    let timer = 0;
    function remember() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const block = window.scrollY > 0 ? topBlock() : null;
        store(key, block ? block.id : null);
        markSection(block);
      }, 200);
    }

    const saved = load(key);
    const target = saved && !location.hash && document.getElementById(saved);
    if (target && article.contains(target)) {
      if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
      target.scrollIntoView({ block: 'start' });
    }
    window.addEventListener('scroll', remember, { passive: true });
    remember();
  }

  G.onStart(setUpUiSwitch);
  G.onStart(setUpFontSize);
  G.onStart(setUpBarHeight);
  G.onStart(setUpToc);
  G.onStart(setUpPosition);
})(window.GLOSSA);
