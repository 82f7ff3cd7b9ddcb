// Term popups: hover, focus or tap a term for its meaning in short.
//
// Meaning first, in the reader's language: the headword (simplified,
// traditional, pinyin); the rendering in the interface language and the
// definition in it; the other language's rendering (its definition is one
// step away, on the entry page, so the popup stays short); every other
// form the reader may meet on one line ("auch: …"); the forms the glossary
// warns against, with their status (no other status is shown); the link
// to the entry page. Every element it inserts carries its lang.
//
// A tooltip, not a dialog: it opens without taking focus. While it is
// open, the term's aria-describedby points at a short text (headword,
// rendering, definition), not at the whole box: that text is the
// role="tooltip". The box around it is a labelled group, because it holds
// controls (listen, save, known), which a tooltip may not. The term is itself the
// link to the entry page, so keyboard users follow it with Enter; the
// popup's own link is out of the tab order (tabindex -1) and serves mouse
// and touch, where a first tap on a term opens the popup and a tap on its
// link (or a second on the term) leads on.
//
// The controls other parts add (listen, save, known) are reached by
// keyboard where they are seen: Tab on the term goes into the popup, Tab
// on its last control on to what follows the term in the page, Shift+Tab
// on its first back to the term. The popup stands at the end of <body>
// (so that no container clips it), which the browser's own order would
// reach only after the whole page. Escape closes it and puts the focus
// back on the term, without opening it again.
(function (G) {
  'use strict';
  const { say } = G;
  const DESCRIPTION = 'glossa-popup-description';

  // ---- popups ---------------------------------------------------------------
  let popup = null;
  let region = null;  // the landmark the popup stands in
  let popupTerm = null;
  let hideTimer = 0;
  let lastPointer = 'mouse';
  let returning = false;  // the focus goes back to the term after Escape

  // An element in language `lang`, marked so whatever it is inserted into.
  const el = (name, lang, attributes, text) =>
    G.el(name, Object.assign({ lang: lang }, attributes), text);

  function popupElement() {
    if (popup) return popup;
    popup = G.el('div', { id: 'glossa-popup', class: 'popup', role: 'group' });
    popup.hidden = true;
    popup.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    popup.addEventListener('mouseleave', scheduleHide);
    popup.addEventListener('keydown', popupKey);
    // Inside a landmark of its own, so that no content of the page stands
    // outside a landmark (axe: region); labelled anew each time it opens.
    region = G.el('div', { role: 'region', class: 'popup-region' });
    region.append(popup);
    document.body.appendChild(region);
    return popup;
  }

  const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const reachable = (node) => node.tabIndex >= 0 && !node.disabled && !node.inert &&
      node.getClientRects().length > 0;

  // The popup's controls in the order they are seen.
  const controls = () => [...popup.querySelectorAll(FOCUSABLE)].filter(reachable);

  // What Tab reaches after `term` in the page, the popup aside (null: nothing).
  function nextAfter(term) {
    return [...document.querySelectorAll(FOCUSABLE)].find((node) =>
      (term.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      !term.contains(node) && !popup.contains(node) && reachable(node)) || null;
  }

  // Closes the popup and puts the focus back on its term.
  function dismiss() {
    const term = popupTerm;
    hidePopup();
    if (!term) return;
    returning = true;
    term.focus();
    returning = false;
  }

  // Tab and Escape inside the popup (its other keys are its controls').
  function popupKey(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dismiss();
      return;
    }
    if (event.key !== 'Tab' || !popupTerm) return;
    const list = controls();
    const at = list.indexOf(document.activeElement);
    if (event.shiftKey && at <= 0) {
      event.preventDefault();
      popupTerm.focus();
    } else if (!event.shiftKey && at === list.length - 1) {
      const next = nextAfter(popupTerm);
      if (!next) return;  // the end of the page: on to the browser's own
      event.preventDefault();
      next.focus();
    }
  }

  // Tab on the term whose popup is open: into the popup, when it has controls.
  function termKey(event) {
    const term = termOf(event.target);
    if (event.key !== 'Tab' || event.shiftKey || !term || term !== popupTerm ||
        !popup || popup.hidden) {
      return;
    }
    const first = controls()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  }

  // "信用评分 信用評分 xìnyòng píngfēn": a Chinese form in `parent`, its
  // traditional form where it differs; `css`: the simplified form's class.
  function appendChinese(parent, forms, css) {
    parent.append(el('span', 'zh-Hans', { class: css }, forms.simplified));
    if (forms.traditional) {
      parent.append(' ', el('span', 'zh-Hant', { class: 'hant' }, forms.traditional));
    }
    if (forms.pinyin) {
      parent.append(' ', el('span', 'zh-Latn-pinyin', { class: 'pinyin' }, forms.pinyin));
    }
  }

  // "DE" or "EN", in the interface language.
  const tag = (lang, ui) => el('span', ui, { class: 'lang-tag' }, lang.toUpperCase());

  function statusLabel(status, ui) {
    const label = G.STATUS[status] || [status, status];
    return el('span', ui, { class: 'status ' + status }, ui === 'en' ? label[1] : label[0]);
  }

  // The line of a language's rendering: "EN credit score".
  function renderingLine(renderings, lang, ui) {
    const line = el('p', lang, { class: 'popup-rendering' });
    line.append(tag(lang, ui), ' ',
      el('span', lang, { class: 'popup-term' }, renderings.term));
    if (renderings.status) line.append(' ', statusLabel(renderings.status, ui));
    return line;
  }

  // Appends `items` (each appends itself) to `line`, separated by ", ".
  function appendList(line, items) {
    items.forEach((append, i) => {
      if (i > 0) line.append(', ');
      append(line);
    });
  }

  // The forms a language contributes to a line, as functions that append
  // them; the other language's group opens with its tag.
  function group(texts, lang, ui) {
    return (texts || []).map((text, i) => (line) => {
      if (i === 0 && lang !== ui) line.append(tag(lang, ui), ' ');
      line.append(el('span', lang, { class: 'popup-term' }, text));
    });
  }

  // One line for every other form the reader may meet, and one per status
  // that warns (deprecated, superseded), each form in its language.
  function formLines(entry, ui, other) {
    const chinese = (forms) => (line) => appendChinese(line, forms, 'popup-term hans');
    const more = entry.chinese.slice(1);
    const lines = [];
    const also = [
      group(entry[ui].also, ui, ui),
      group(entry[other].also, other, ui),
      more.filter((forms) => !forms.status).map(chinese),
    ].filter((items) => items.length);
    if (also.length) {
      const line = el('p', ui, { class: 'popup-also' });
      line.append(el('span', ui, { class: 'label' }, say('auch:', 'also:')), ' ');
      also.forEach((items, i) => {
        if (i > 0) line.append(' · ');
        appendList(line, items);
      });
      lines.push(line);
    }
    for (const status of ['deprecated', 'superseded']) {
      const warned = (lang) => (entry[lang].warn || [])
          .filter((form) => form.status === status).map((form) => form.text);
      const items = [
        ...group(warned(ui), ui, ui),
        ...group(warned(other), other, ui),
        ...more.filter((forms) => forms.status === status).map(chinese),
      ];
      if (!items.length) continue;
      const line = el('p', ui, { class: 'popup-warn', 'data-status': status });
      line.append(statusLabel(status, ui), ' ');
      appendList(line, items);
      lines.push(line);
    }
    return lines;
  }

  // What the term's aria-describedby reads: headword, rendering, definition.
  function description(head, renderings, definition, ui) {
    const text = el('p', ui, { id: DESCRIPTION, role: 'tooltip', hidden: '' });
    if (head) {
      text.append(el('span', 'zh-Hans', {}, head.simplified));
      if (head.pinyin) text.append(' ', el('span', 'zh-Latn-pinyin', {}, head.pinyin));
      text.append(' – ');
    }
    // The colon inside the span: Chromium puts a space between the spans of
    // a description it reads, whatever stands between them.
    if (renderings.term) text.append(el('span', ui, {}, renderings.term + ':'), ' ');
    if (definition.text) text.append(el('span', definition.lang, {}, definition.text));
    return text;
  }

  function fillPopup(box, id, entry) {
    const ui = G.ui();
    const other = ui === 'en' ? 'de' : 'en';
    entry = Object.assign({ chinese: [], de: {}, en: {}, definition: {} }, entry);
    box.replaceChildren();
    box.setAttribute('lang', ui);
    // Its name; what the term's description reads is shorter (description()).
    box.setAttribute('aria-label', entry.headline);
    const head = entry.chinese[0];
    if (head) {
      const zh = el('p', 'zh-Hans', { class: 'popup-zh' });
      appendChinese(zh, head, 'hans');
      if (head.status) zh.append(' ', statusLabel(head.status, ui));
      box.append(zh);
    }
    if (entry[ui].term) box.append(renderingLine(entry[ui], ui, ui));
    // An entry without a definition in the reader's language shows the other.
    const definition = entry.definition[ui]
      ? { lang: ui, text: entry.definition[ui] }
      : { lang: other, text: entry.definition[other] };
    if (definition.text) {
      box.append(el('p', definition.lang, { class: 'popup-definition' }, definition.text));
    }
    if (entry[other].term) box.append(renderingLine(entry[other], other, ui));
    box.append(...formLines(entry, ui, other));
    const n = entry.passages;
    box.append(el('a', ui, { class: 'popup-link', href: G.base + entry.url, tabindex: '-1' },
      n === 1 ? say('1 Stelle', '1 passage') : say(n + ' Stellen', n + ' passages')));
    box.append(description(head, entry[ui], definition, ui));
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
    region.setAttribute('aria-label', G.say('Begriff', 'Term'));
    region.setAttribute('lang', G.ui());
    if (popupTerm !== term || box.hidden) {
      if (popupTerm) popupTerm.removeAttribute('aria-describedby');
      fillPopup(box, id, entry);
      popupTerm = term;
      term.setAttribute('aria-describedby', DESCRIPTION);
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
        if (!returning) showPopup(term);
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
      termKey(event);
    });
    window.addEventListener('resize', () => {
      if (popupTerm && popup && !popup.hidden) placePopup(popup, popupTerm);
    });
  }

  G.onUi(hidePopup);

  G.onStart(setUpTerms);
})(window.GLOSSA);
