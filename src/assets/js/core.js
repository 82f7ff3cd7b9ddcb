// glossa's reader: term popups, footnotes in place, search, the index
// orders and the interface language. Loaded as one file, assets/glossa.js,
// which the build concatenates from src/assets/js/ in the order
// CMakeLists.txt lists (the pages' policy forbids inline scripts). It reads
// its data from assets/data.js (window.GLOSSA_DATA). Everything it shows
// from the data goes in as text (textContent), never as markup.
//
// This file is first: it sets up window.GLOSSA, what the other parts
// share. Each part is a function of it and registers what it sets up with
// G.onStart; main.js, the last part, starts them in that order.
'use strict';

window.GLOSSA = (function () {
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

  const ui = () => (root.dataset.ui === 'en' ? 'en' : 'de');
  const starts = [];
  const uiListeners = [];
  const popupParts = [];

  function el(name, attributes, text) {
    const node = document.createElement(name);
    for (const [key, value] of Object.entries(attributes || {})) {
      node.setAttribute(key, value);
    }
    if (text !== undefined && text !== null && text !== '') node.textContent = text;
    return node;
  }

  // ---- interface language -------------------------------------------------
  function setUi(lang) {
    root.dataset.ui = lang;
    try {
      localStorage.setItem(STORE, lang);
    } catch (e) {
      // Storage may be off (private mode); the switch still works here.
    }
    for (const listener of uiListeners) listener(lang);
  }

  return {
    root,
    base: root.dataset.root || '',
    ui,
    say: (de, en) => (ui() === 'en' ? en : de),
    STATUS: {
      preferred: ['bevorzugt', 'preferred'],
      admitted: ['zugelassen', 'admitted'],
      deprecated: ['abgelehnt', 'deprecated'],
      superseded: ['veraltet', 'superseded'],
    },
    el,
    data: () => window.GLOSSA_DATA || { entries: {}, terms: [] },
    setUi,
    // `listener(lang)` runs when the reader switches the interface language.
    onUi: (listener) => uiListeners.push(listener),
    // `setUp()` runs once the page is parsed (main.js).
    onStart: (setUp) => starts.push(setUp),
    starts,
    // `add(box, id, entry)` runs after popup.js has filled the popup of
    // entry `id`, to add to it (the study tools' buttons).
    onPopup: (add) => popupParts.push(add),
    popupParts,
  };
})();
