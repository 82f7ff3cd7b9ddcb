// Search in the bar of every page.
(function (G) {
  'use strict';
  const { el, say } = G;

  // ---- search -----------------------------------------------------------------
  // The index is built by glossa itself: each term comes with the keys
  // `glossa lookup` finds it by (src/core/lookup.h, KeysOf): its loose key
  // (NFKC, case folded, no diacritics, traditional characters simplified)
  // and, for a reading, its toneless pinyin key. A query is folded here the
  // same way: data.simplified holds the traditional characters of the
  // glossary. Unlike lookup, search goes on as you type: a key that starts
  // with, or holds, the query matches too, and tones are never required.
  function looseKey(text) {
    const simplified = G.data().simplified || {};
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
    for (const [text, , id, key, pinyin] of G.data().terms) {
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
        const entry = G.data().entries[result.id];
        if (!entry) continue;
        const item = el('li');
        const link = el('a', { href: G.base + entry.url, 'data-entry': result.id });
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

  G.onStart(setUpSearch);
})(window.GLOSSA);
