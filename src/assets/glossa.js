// glossa's reader: term popups, footnotes in place, search, the index
// orders and the interface language. Loaded as a file (the pages' policy
// forbids inline scripts); it reads its data from assets/data.js
// (window.GLOSSA_DATA). Everything it shows from the data goes in as text
// (textContent), never as markup.
'use strict';

(function () {
  const root = document.documentElement;
  const STORE = 'glossa-ui';

  // The interface language, before the page is drawn: no flash of German.
  function storedUi() {
    try {
      return localStorage.getItem(STORE);
    } catch (e) {
      return null;
    }
  }
  const remembered = storedUi();
  if (remembered === 'de' || remembered === 'en') root.dataset.ui = remembered;
  root.classList.add('js');

  const base = root.dataset.root || '';
  const ui = () => (root.dataset.ui === 'en' ? 'en' : 'de');
  const say = (de, en) => (ui() === 'en' ? en : de);
  const STATUS = {
    preferred: ['bevorzugt', 'preferred'],
    admitted: ['zugelassen', 'admitted'],
    deprecated: ['abgelehnt', 'deprecated'],
    superseded: ['veraltet', 'superseded'],
  };

  function el(name, attributes, text) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      node.setAttribute(key, value);
    }
    if (text !== undefined && text !== null && text !== '') node.textContent = text;
    return node;
  }

  function data() {
    return window.GLOSSA_DATA || { entries: {}, terms: [] };
  }

  // ---- interface language -------------------------------------------------
  function setUi(lang) {
    root.dataset.ui = lang;
    try {
      localStorage.setItem(STORE, lang);
    } catch (e) {
      // Storage may be off (private mode); the switch still works here.
    }
    hidePopup();
  }

  // ---- popups ---------------------------------------------------------------
  let popup = null;
  let popupTerm = null;
  let hideTimer = 0;
  let lastPointer = 'mouse';

  function popupElement() {
    if (popup) return popup;
    popup = el('div', { id: 'glossa-popup', class: 'popup', role: 'dialog' });
    popup.hidden = true;
    popup.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    popup.addEventListener('mouseleave', scheduleHide);
    popup.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        const term = popupTerm;
        hidePopup();
        if (term) term.focus();
      }
    });
    document.body.appendChild(popup);
    return popup;
  }

  function fillPopup(box, id, entry) {
    box.replaceChildren();
    box.setAttribute('aria-label', entry.headline);
    const zh = el('p', { class: 'popup-zh' });
    for (const forms of entry.chinese.slice(0, 1)) {
      zh.append(el('span', { lang: 'zh-Hans', class: 'hans' }, forms.simplified));
      if (forms.traditional && forms.traditional !== forms.simplified) {
        zh.append(' ', el('span', { lang: 'zh-Hant', class: 'hant' }, forms.traditional));
      }
      if (forms.pinyin) {
        zh.append(' ', el('span', { lang: 'zh-Latn-pinyin', class: 'pinyin' }, forms.pinyin));
      }
    }
    if (zh.childNodes.length) box.append(zh);
    const list = el('ul', { class: 'popup-terms' });
    for (const lang of ['de', 'en']) {
      for (const term of entry[lang] || []) {
        const item = el('li', { lang: lang, 'data-status': term.status || '' });
        item.append(el('span', { class: 'lang-tag' }, lang.toUpperCase()), ' ',
          el('span', { class: 'popup-term' }, term.text));
        const label = STATUS[term.status];
        if (label) {
          item.append(' ', el('span', { class: 'status ' + term.status },
            ui() === 'en' ? label[1] : label[0]));
        }
        if (term.in_report) {
          item.append(' ', el('span', { class: 'in-report' },
            say('im Bericht', 'in the report')));
        }
        list.append(item);
      }
    }
    box.append(list);
    const definition = entry.definition[ui()] || entry.definition.en || entry.definition.de;
    if (definition) {
      box.append(el('p', { class: 'popup-definition', lang: ui() }, definition));
    }
    const n = entry.passages;
    box.append(el('a', { class: 'popup-link', href: base + entry.url },
      n === 1 ? say('1 Stelle', '1 passage') : say(n + ' Stellen', n + ' passages')));
  }

  // Below the term, or above when there is no room; never over it.
  function placePopup(box, term) {
    box.style.left = '0px';
    box.style.top = '0px';
    const rect = term.getBoundingClientRect();
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    const gap = 6;
    const viewportWidth = document.documentElement.clientWidth;
    let top = rect.bottom + gap;
    if (top + height > window.innerHeight && rect.top - gap - height >= 0) {
      top = rect.top - gap - height;
    }
    let left = Math.min(rect.left, viewportWidth - width - 4);
    left = Math.max(4, left);
    box.style.left = (left + window.scrollX) + 'px';
    box.style.top = (top + window.scrollY) + 'px';
  }

  function showPopup(term) {
    const id = term.dataset.entry;
    const entry = data().entries[id];
    if (!entry) return;
    clearTimeout(hideTimer);
    const box = popupElement();
    if (popupTerm !== term || box.hidden) {
      if (popupTerm) popupTerm.removeAttribute('aria-describedby');
      fillPopup(box, id, entry);
      popupTerm = term;
      term.setAttribute('aria-describedby', 'glossa-popup');
      box.hidden = false;
    }
    placePopup(box, term);
  }

  function hidePopup() {
    clearTimeout(hideTimer);
    if (popup) popup.hidden = true;
    if (popupTerm) popupTerm.removeAttribute('aria-describedby');
    popupTerm = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hidePopup, 300);
  }

  function termOf(target) {
    return target && target.closest ? target.closest('a.term') : null;
  }

  function setUpTerms() {
    // Whether the popup stood open for the tapped term before this tap: a
    // tap also focuses the term, which opens the popup, so the click that
    // follows must know what the reader saw when they tapped.
    let openBeforeTap = false;
    document.addEventListener('pointerdown', (event) => {
      lastPointer = event.pointerType || 'mouse';
      const term = termOf(event.target);
      openBeforeTap = Boolean(term && popup && !popup.hidden && popupTerm === term);
    }, true);
    document.addEventListener('mouseover', (event) => {
      const term = termOf(event.target);
      if (term && lastPointer !== 'touch') showPopup(term);
    });
    document.addEventListener('mouseout', (event) => {
      const term = termOf(event.target);
      if (term && term === popupTerm && !term.contains(event.relatedTarget)) {
        scheduleHide();
      }
    });
    document.addEventListener('focusin', (event) => {
      const term = termOf(event.target);
      if (term) {
        showPopup(term);
      } else if (popup && !popup.contains(event.target)) {
        hidePopup();
      }
    });
    document.addEventListener('focusout', (event) => {
      const term = termOf(event.target);
      const next = event.relatedTarget;
      if (term && term === popupTerm && !(next && popup && popup.contains(next))) {
        scheduleHide();
      }
    });
    document.addEventListener('click', (event) => {
      const term = termOf(event.target);
      // A first tap opens the popup; its link leads on.
      if (term && lastPointer === 'touch' && !openBeforeTap) {
        event.preventDefault();
        showPopup(term);
        return;
      }
      openBeforeTap = false;
      if (!term && popup && !popup.hidden && !popup.contains(event.target)) hidePopup();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && popup && !popup.hidden) hidePopup();
    });
    window.addEventListener('resize', () => {
      if (popupTerm && popup && !popup.hidden) placePopup(popup, popupTerm);
    });
  }

  // ---- footnotes in place ----------------------------------------------------
  function setUpNotes() {
    document.addEventListener('click', (event) => {
      const call = event.target.closest && event.target.closest('sup.fn-call > a[data-note]');
      if (!call) return;
      const note = document.getElementById(call.dataset.note);
      if (!note) return;
      event.preventDefault();
      const sup = call.parentElement;
      const open = sup.nextElementSibling;
      if (open && open.classList.contains('fn-inline')) {
        open.remove();
        call.setAttribute('aria-expanded', 'false');
        return;
      }
      const inline = el('span', { class: 'fn-inline', role: 'note', id: call.dataset.note + '-inline' });
      for (const child of note.childNodes) {
        if (child.nodeType === Node.ELEMENT_NODE &&
            (child.classList.contains('fn-back') || child.classList.contains('fn-number'))) {
          continue;
        }
        inline.append(child.cloneNode(true));
      }
      const full = el('a', { href: '#' + call.dataset.note, class: 'fn-jump' },
        say('Anmerkung ' + call.textContent, 'Note ' + call.textContent));
      inline.append(' ', full);
      sup.after(inline);
      call.setAttribute('aria-expanded', 'true');
      call.setAttribute('aria-controls', inline.id);
    });
  }

  // ---- the block a link pointed at ---------------------------------------------
  function highlightTarget() {
    for (const old of document.querySelectorAll('.highlight')) old.classList.remove('highlight');
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const target = document.getElementById(id);
    if (target && target.closest('.report')) target.classList.add('highlight');
  }

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
    show(fromHash() || (ui() === 'en' ? 'en' : 'de'));
    window.addEventListener('hashchange', () => {
      const order = fromHash();
      if (order) show(order);
    });
    for (const link of links) {
      link.addEventListener('click', () => show(link.dataset.order));
    }
  }

  // ---- search -----------------------------------------------------------------
  // The index is built by glossa itself: each term comes with the keys
  // `glossa lookup` finds it by (src/core/lookup.h, KeysOf): its loose key
  // (NFKC, case folded, no diacritics, traditional characters simplified)
  // and, for a reading, its toneless pinyin key. A query is folded here the
  // same way: data.simplified holds the traditional characters of the
  // glossary. Unlike lookup, search goes on as you type: a key that starts
  // with, or holds, the query matches too, and tones are never required.
  function looseKey(text) {
    const simplified = data().simplified || {};
    let folded = '';
    for (const c of text.normalize('NFKC')) folded += simplified[c] || c;
    return folded.toLowerCase().replace(/ß/g, 'ss').normalize('NFD')
      .replace(/\p{M}/gu, '').normalize('NFC').replace(/\s+/g, ' ').trim();
  }

  // The toneless pinyin of a loose key: no tone numbers, no separators,
  // "v" and "u:" for "ü" (already "u" in the loose key).
  function tonelessKey(loose) {
    return loose.replace(/u:/g, 'u').replace(/v/g, 'u').replace(/[\d\s'’\-]/g, '');
  }

  function rankOf(key, query) {
    if (!key || !query) return -1;
    if (key === query) return 0;
    if (key.startsWith(query)) return 1;
    return key.includes(query) ? 2 : -1;
  }

  function search(query) {
    const loose = looseKey(query);
    if (!loose) return [];
    const toneless = tonelessKey(loose);
    const best = new Map();  // by entry, in glossary order
    for (const [text, , id, key, pinyin] of data().terms) {
      let rank = rankOf(key, loose);
      const reading = rankOf(pinyin, toneless);
      if (reading >= 0 && (rank < 0 || reading < rank)) rank = reading;
      if (id === query.trim()) rank = 0;
      if (rank < 0) continue;
      const seen = best.get(id);
      if (!seen || rank < seen.rank || (rank === seen.rank && text.length < seen.text.length)) {
        best.set(id, { id, rank, text });
      }
    }
    // Exact matches in glossary order, as `glossa lookup` lists them; then
    // the shortest terms that start with or hold the query.
    const length = (result) => (result.rank === 0 ? 0 : result.text.length);
    return [...best.values()].sort((a, b) => a.rank - b.rank || length(a) - length(b)).slice(0, 12);
  }
  // For the browser tests, which compare the search with `glossa lookup`.
  window.GLOSSA_SEARCH = { looseKey, search };

  function setUpSearch() {
    const input = document.getElementById('search');
    const list = document.getElementById('search-results');
    if (!input || !list) return;
    const form = input.closest('form');
    function render() {
      const results = search(input.value);
      list.replaceChildren();
      for (const result of results) {
        const entry = data().entries[result.id];
        if (!entry) continue;
        const item = el('li');
        const link = el('a', { href: base + entry.url, 'data-entry': result.id });
        link.append(el('span', { class: 'result-headline' }, entry.headline));
        if (result.text !== entry.headline) {
          link.append(' ', el('span', { class: 'result-term' }, result.text));
        }
        item.append(link);
        list.append(item);
      }
      if (!results.length && input.value.trim()) {
        list.append(el('li', { class: 'none' }, say('Kein Eintrag', 'No entry')));
      }
      list.hidden = !list.childNodes.length;
    }
    input.addEventListener('input', render);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        const first = list.querySelector('a');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === 'Escape') {
        input.value = '';
        render();
      }
    });
    list.addEventListener('keydown', (event) => {
      const links = [...list.querySelectorAll('a')];
      const at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at + 1 < links.length) {
        event.preventDefault();
        links[at + 1].focus();
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        (at > 0 ? links[at - 1] : input).focus();
      }
    });
    if (form) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const first = list.querySelector('a');
        if (first) location.href = first.href;
      });
    }
    document.addEventListener('click', (event) => {
      if (!form.contains(event.target)) list.hidden = true;
    });
    input.addEventListener('focus', () => {
      if (input.value) render();
    });
  }

  function start() {
    const toggle = document.getElementById('ui-switch');
    if (toggle) toggle.addEventListener('click', () => setUi(ui() === 'en' ? 'de' : 'en'));
    setUpTerms();
    setUpNotes();
    setUpOrders();
    setUpSearch();
    highlightTarget();
    window.addEventListener('hashchange', highlightTarget);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
