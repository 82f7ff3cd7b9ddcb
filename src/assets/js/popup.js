// Term popups: hover, focus or tap a term for its entry in short.
(function (G) {
  'use strict';
  const { el, say } = G;

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
        const label = G.STATUS[term.status];
        if (label) {
          item.append(' ', el('span', { class: 'status ' + term.status },
            G.ui() === 'en' ? label[1] : label[0]));
        }
        if (term.in_report) {
          item.append(' ', el('span', { class: 'in-report' },
            say('im Bericht', 'in the report')));
        }
        list.append(item);
      }
    }
    box.append(list);
    const definition = entry.definition[G.ui()] || entry.definition.en || entry.definition.de;
    if (definition) {
      box.append(el('p', { class: 'popup-definition', lang: G.ui() }, definition));
    }
    const n = entry.passages;
    box.append(el('a', { class: 'popup-link', href: G.base + entry.url },
      n === 1 ? say('1 Stelle', '1 passage') : say(n + ' Stellen', n + ' passages')));
    for (const add of G.popupParts) add(box, id, entry);
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
    const entry = G.data().entries[id];
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

  G.onUi(hidePopup);

  G.onStart(setUpTerms);
})(window.GLOSSA);
