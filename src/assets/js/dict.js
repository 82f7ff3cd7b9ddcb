// General dictionaries (issues 15 and 16), on a site built with them:
// data.js then sets window.GLOSSA_DICT, naming two data files
// (dict_data.cc writes them; a site without dictionaries has neither, and
// this part does nothing).
//
// Words. On the report, pointing at (or tapping) any word that is not a
// glossary term opens a popup in the term popup's style with what the
// general dictionaries say of it, labelled as such, with the dictionary's
// licence. The word under the pointer comes from the caret position there
// (caretPositionFromPoint, else caretRangeFromPoint): German and English
// as the word around it, looked up as written, then in lower case;
// Chinese segmented from the start of its text by the longest form the
// data has, as MarkWords segmented it when the site was built, so every
// character of a marked word finds it. assets/dict-data.js is loaded on
// the first word pointed at: a page that is only read never loads it.
//
// Keyboard users: words are not tab stops (that would be thousands); a
// word selected with the keyboard (caret browsing, F7, then Shift+arrows,
// or the caret standing in a word) opens its popup, and Escape closes it.
// Search finds a word's sentences; the meaning is in this popup.
//
// Characters. A term's popup gets a line per character of its Chinese
// headword (reading and short meaning, from the dictionary's single-
// character entries), added through G.onPopup, each with its listen
// button (speech.js). assets/chars-data.js is loaded by the first popup
// (which gets its lines a moment later, and is placed again). An entry
// page has the same lines in its markup (dict_data.cc, EntryCharacters,
// from the same table): there from the first paint, and without script.
(function (G) {
  'use strict';
  const { say } = G;
  const files = () => window.GLOSSA_DICT;

  // An element in language `lang`, marked so whatever it is inserted into.
  const el = (name, lang, attributes, text) =>
    G.el(name, Object.assign({ lang: lang }, attributes), text);

  // ---- the data files, each loaded once ------------------------------------
  const loads = {};
  function load(file, variable) {
    if (window[variable]) return Promise.resolve(window[variable]);
    if (!loads[file]) {
      loads[file] = new Promise((resolve, reject) => {
        const script = G.el('script', { src: G.base + file });
        script.addEventListener('load', () =>
          (window[variable] ? resolve(window[variable]) : reject(new Error(file))));
        script.addEventListener('error', () => {
          delete loads[file];  // a later try loads it again
          script.remove();
          reject(new Error(file));
        });
        document.head.append(script);
      });
    }
    return loads[file];
  }
  const words = () => load(files().words, 'GLOSSA_DICT_DATA');
  const chars = () => load(files().chars, 'GLOSSA_CHARS_DATA');

  // ---- what a dictionary's line says ---------------------------------------
  // "Allgemeines Wörterbuch: Ding" / "General dictionary: CC-CEDICT".
  const label = (source) =>
    say('Allgemeines Wörterbuch: ', 'General dictionary: ') + source.name;

  // "Ding, Frank Richter, TU Chemnitz · GPL-2.0-or-later · https://…".
  function licenceLine(source, ui, prefix) {
    const parts = [source.name + (source.by ? ', ' + source.by : '')];
    if (source.licence) parts.push(source.licence);
    if (source.home) parts.push(source.home);
    return el('p', ui, { class: 'dict-licence' }, (prefix || '') + parts.join(' · '));
  }

  // "区块链 區塊鏈 qū kuài liàn" into `parent`.
  function appendChinese(parent, [simplified, traditional, pinyin]) {
    parent.append(el('span', 'zh-Hans', { class: 'hans' }, simplified));
    if (traditional) parent.append(' ', el('span', 'zh-Hant', { class: 'hant' }, traditional));
    if (pinyin) parent.append(' ', el('span', 'zh-Latn-pinyin', { class: 'pinyin' }, pinyin));
  }

  // One entry (dict_data.cc's EntryJson) as elements.
  function entryElements(entry, ui) {
    const out = [];
    // What the site left out of the entry (dict_data.cc cuts it).
    const more = entry.m
      ? ' ' + say('(+' + entry.m + ' weitere im Wörterbuch)', '(+' + entry.m + ' more in the dictionary)')
      : '';
    if (entry.z) {
      const head = el('p', 'zh-Hans', { class: 'popup-zh' });
      appendChinese(head, entry.z);
      out.push(head, el('p', 'en', { class: 'dict-senses' }, entry.g.join('; ') + more));
    } else if (entry.p) {
      entry.p.forEach(([german, english], i) => {
        const line = el('p', ui, { class: i === 0 ? 'dict-pair dict-head' : 'dict-pair' });
        line.append(el('span', 'de', {}, german), ' — ', el('span', 'en', {}, english));
        if (i === entry.p.length - 1 && more) line.append(more);
        out.push(line);
      });
    } else {
      out.push(el('p', ui, { class: 'dict-head' }, entry.h));
      for (const [lang, text] of entry.l) out.push(el('p', lang, { class: 'dict-pair' }, text));
      if (more) out.push(el('p', ui, { class: 'dict-pair' }, more.trim()));
    }
    return out;
  }

  // ---- the popup -------------------------------------------------------------
  let popup = null;
  let region = null;
  let shown = null;  // { node, start, end }: the word the popup is for
  let hideTimer = 0;

  // A word opened from the keyboard has no element to describe (words are
  // not elements), so what its popup says is also put, in short, into a
  // polite live region: a screen reader speaks it once. Pointing with the
  // mouse says nothing; there the popup is for the eyes.
  let spoken = null;

  function popupElement() {
    if (popup) return popup;
    popup = G.el('div', { id: 'glossa-dict-popup', class: 'popup dict-popup', role: 'tooltip' });
    popup.hidden = true;
    popup.addEventListener('mouseenter', () => clearTimeout(hideTimer));
    popup.addEventListener('mouseleave', scheduleHide);
    // A landmark of its own, as the term popup's (axe: region).
    region = G.el('div', { role: 'region', class: 'popup-region' });
    spoken = G.el('p', { id: 'glossa-dict-spoken', class: 'visually-hidden', role: 'status' });
    region.append(popup, spoken);
    document.body.append(region);
    return popup;
  }

  function fill(box, word, ids, data) {
    const ui = G.ui();
    box.replaceChildren();
    box.setAttribute('lang', ui);
    const entries = ids.map((id) => data.entries[id]);
    const source = data.sources[entries[0].d];
    box.setAttribute('aria-label', label(source) + ' – ' + word.text);
    box.append(el('p', ui, { class: 'dict-label' }, label(source)));
    for (const entry of entries) {
      const block = el('div', ui, { class: 'dict-entry' });
      block.append(...entryElements(entry, ui));
      box.append(block);
    }
    box.append(licenceLine(source, ui));
  }

  // Below the word, or above it when there is no room; never over it.
  function place(box, rect) {
    box.style.left = '0px';
    box.style.top = '0px';
    const gap = 6;
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    let top = rect.bottom + gap;
    if (top + height > window.innerHeight && rect.top - gap - height >= 0) {
      top = rect.top - gap - height;
    }
    const viewportWidth = document.documentElement.clientWidth;
    const left = Math.max(4, Math.min(rect.left, viewportWidth - width - 4));
    box.style.left = (left + window.scrollX) + 'px';
    box.style.top = (top + window.scrollY) + 'px';
  }

  function sameWord(a, b) {
    return a && b && a.node === b.node && a.start === b.start && a.end === b.end;
  }

  // The popup in short, for the live region: the label, then each entry's
  // headword and meaning, each in its language (copies of the lines).
  function shortLines(box) {
    const lines = box.querySelectorAll('.dict-label, .popup-zh, .dict-senses, .dict-head');
    return [...lines].flatMap((line, i) => {
      const copy = G.el('span', { lang: line.lang }, line.textContent.trim());
      return i ? ['. ', copy] : [copy];
    });
  }

  // `aloud`: opened from the keyboard, so said in the live region too.
  function show(word, aloud) {
    if (sameWord(word, shown) && popup && !popup.hidden) {
      clearTimeout(hideTimer);
      return;
    }
    words().then((data) => {
      const ids = word.chinese ? data.zh[word.text]
        : data.words[word.text] || data.words[word.text.toLowerCase()];
      if (!ids || !ids.length) {
        if (popup && !popup.hidden) scheduleHide();
        return;
      }
      clearTimeout(hideTimer);
      const box = popupElement();
      region.setAttribute('aria-label', say('Wörterbuch', 'Dictionary'));
      region.setAttribute('lang', G.ui());
      fill(box, word, ids, data);
      box.hidden = false;
      spoken.setAttribute('lang', G.ui());
      spoken.replaceChildren(...(aloud ? shortLines(box) : []));
      shown = word;
      place(box, rangeOf(word).getBoundingClientRect());
    }, () => {});
  }

  function hide() {
    clearTimeout(hideTimer);
    if (popup) popup.hidden = true;
    if (spoken) spoken.textContent = '';
    shown = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  // ---- the word at a point ---------------------------------------------------
  const WORD_PART = /[\p{L}\p{Nd}\p{M}]/u;
  const LETTER = /\p{L}/u;
  const CJK_LETTER =
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
  const APOSTROPHE = /['\u2019]/;

  const isCjk = (c) => CJK_LETTER.test(c);
  const isPart = (c) => c !== undefined && WORD_PART.test(c) && !isCjk(c);
  const isLetter = (c) => c !== undefined && LETTER.test(c) && !isCjk(c);

  // The word (letters, digits, marks, an apostrophe between letters) of
  // `text` around index `at`, as MarkWords reads one; null when none.
  function wordAround(text, at) {
    if (!isPart(text[at])) return null;
    let start = at;
    let end = at + 1;
    for (;;) {
      if (isPart(text[start - 1])) start -= 1;
      else if (APOSTROPHE.test(text[start - 1] || '') && isLetter(text[start]) &&
               isLetter(text[start - 2])) start -= 2;
      else break;
    }
    for (;;) {
      if (isPart(text[end])) end += 1;
      else if (APOSTROPHE.test(text[end] || '') && isLetter(text[end + 1])) end += 2;
      else break;
    }
    const word = text.slice(start, end);
    return LETTER.test(word) ? { start, end, text: word, chinese: false } : null;
  }

  let longest = 0;  // the longest Chinese form the data has, in UTF-16 units
  // The Chinese word of `text` that holds index `at`: the text segmented
  // from its start by the longest form in `zh`; null when `at` is in none.
  function chineseAround(text, at, zh) {
    if (!longest) longest = Math.max(1, ...Object.keys(zh).map((form) => form.length));
    for (let i = 0; i <= at;) {
      if (!isCjk(text[i])) {
        i += 1;
        continue;
      }
      let length = Math.min(longest, text.length - i);
      while (length > 0 && !zh[text.slice(i, i + length)]) length -= 1;
      if (length === 0) {
        i += 1;
        continue;
      }
      if (at < i + length) return { start: i, end: i + length, text: text.slice(i, i + length), chinese: true };
      i += length;
    }
    return null;
  }

  function caretAt(x, y) {
    if (document.caretPositionFromPoint) {
      const position = document.caretPositionFromPoint(x, y);
      return position && { node: position.offsetNode, offset: position.offset };
    }
    if (document.caretRangeFromPoint) {
      const range = document.caretRangeFromPoint(x, y);
      return range && { node: range.startContainer, offset: range.startOffset };
    }
    return null;
  }

  function rangeOf(word) {
    const range = document.createRange();
    range.setStart(word.node, word.start);
    range.setEnd(word.node, word.end);
    return range;
  }

  // Whether words in `node` (a text node) are looked up: the report's
  // text, not its links (terms have their own popup), buttons or controls.
  function inText(node) {
    const parent = node && node.nodeType === Node.TEXT_NODE ? node.parentElement : null;
    return Boolean(parent && parent.closest('article.report') &&
      !parent.closest('a, button, summary, input, textarea, select, svg, .popup'));
  }

  // The word in text node `node` at character `at` (either side of a caret
  // offset), or null.
  function wordIn(node, at, data) {
    const text = node.data;
    if (at < 0 || at >= text.length) return null;
    const found = isCjk(text[at]) ? (data ? chineseAround(text, at, data.zh) : null)
      : wordAround(text, at);
    return found && Object.assign(found, { node });
  }

  // The word under the point (x, y): the caret there, and the word on
  // either side of it whose box holds the point.
  function wordAt(x, y, data) {
    const caret = caretAt(x, y);
    if (!caret || !inText(caret.node)) return null;
    for (const at of [caret.offset, caret.offset - 1]) {
      const word = wordIn(caret.node, at, data);
      if (!word) continue;
      for (const box of rangeOf(word).getClientRects()) {
        if (x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1) {
          return word;
        }
      }
    }
    return null;
  }

  // ---- events ----------------------------------------------------------------
  let lastPointer = 'mouse';
  let lastInput = 'pointer';
  let pending = null;  // the latest pointer position not yet looked at

  function lookAt(x, y) {
    const data = window.GLOSSA_DICT_DATA;
    if (!data) {
      // The first time the pointer rests on the text: the data, then the
      // word (Chinese is segmented over the data's forms).
      const caret = caretAt(x, y);
      if (caret && inText(caret.node)) words().then(() => lookAt(x, y), () => {});
      return;
    }
    const word = wordAt(x, y, data);
    if (word) show(word);
    else if (popup && !popup.hidden) scheduleHide();
  }

  function onMove(event) {
    if (lastPointer === 'touch') return;
    const target = event.target;
    if (target.closest && target.closest('a.term')) {
      hide();  // a term has its own popup
      return;
    }
    if (popup && popup.contains(target)) {
      clearTimeout(hideTimer);
      return;
    }
    if (!pending) {
      requestAnimationFrame(() => {
        const { x, y } = pending;
        pending = null;
        lookAt(x, y);
      });
    }
    pending = { x: event.clientX, y: event.clientY };
  }

  // A word selected with the keyboard, or the word the caret stands in.
  function onSelection() {
    if (lastInput !== 'keyboard') return;
    const selection = document.getSelection();
    if (!selection || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    const node = range.startContainer;
    if (!inText(node)) return;
    words().then((data) => {
      let word = null;
      if (range.collapsed) {
        word = wordIn(node, range.startOffset, data) || wordIn(node, range.startOffset - 1, data);
      } else if (range.endContainer === node) {
        const text = node.data.slice(range.startOffset, range.endOffset).trim();
        const start = node.data.indexOf(text, range.startOffset);
        if (text) word = { node, start, end: start + text.length, text, chinese: isCjk(text[0]) };
      }
      if (word) show(word, true);
      else hide();
    }, () => {});
  }

  function setUpWords() {
    if (G.root.dataset.page !== 'report' || !document.querySelector('article.report')) return;
    document.addEventListener('pointerdown', (event) => {
      lastPointer = event.pointerType || 'mouse';
      lastInput = 'pointer';
    }, true);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        hide();
        return;
      }
      lastInput = 'keyboard';
    }, true);
    document.addEventListener('mousemove', onMove, { passive: true });
    document.addEventListener('click', (event) => {
      if (popup && popup.contains(event.target)) return;
      if (lastPointer !== 'touch') return;
      if (event.target.closest && event.target.closest('a')) return;
      const { clientX: x, clientY: y } = event;
      const tapped = (data) => {
        const word = wordAt(x, y, data);
        if (word) show(word);
        else hide();
      };
      if (window.GLOSSA_DICT_DATA) tapped(window.GLOSSA_DICT_DATA);
      else words().then(tapped, () => {});
    });
    document.addEventListener('selectionchange', onSelection);
    document.addEventListener('focusin', (event) => {
      if (event.target.closest && event.target.closest('a.term')) hide();
    });
    window.addEventListener('resize', () => {
      if (shown && popup && !popup.hidden) place(popup, rangeOf(shown).getBoundingClientRect());
    });
  }

  // ---- characters ------------------------------------------------------------
  // The Han characters of `text`, each once, in order.
  const charactersOf = (text) => [...new Set([...text].filter(isCjk))];

  // A line per character of `text` that the data knows:
  // "信 xìn letter; mail; to trust · …".
  function characterLines(text, data) {
    const lines = [];
    for (const c of charactersOf(text)) {
      const item = data.chars[c];
      if (!item) continue;
      const line = el('p', 'zh-Hans', { class: 'char-line' });
      line.append(el('span', 'zh-Hans', { class: 'hans' }, c));
      // A reading for another traditional character names it: 征 is read
      // for 征 "journey" and for 徵 "to levy".
      item.r.forEach(([reading, meaning, traditional], i) => {
        line.append(i ? ' · ' : ' ');
        if (traditional) line.append(el('span', 'zh-Hant', { class: 'hant' }, traditional), ' ');
        if (reading) line.append(el('span', 'zh-Latn-pinyin', { class: 'pinyin' }, reading), ' ');
        line.append(el('span', 'en', { class: 'char-meaning' }, meaning));
      });
      if (G.addCharacterButton) G.addCharacterButton(line);
      lines.push({ line, source: data.sources[item.d] });
    }
    return lines;
  }

  // The sources of `lines`, one licence line each: "Zeichen: CC-CEDICT, …".
  function characterLicences(lines, ui) {
    const sources = [...new Set(lines.map((item) => item.source))];
    return sources.map((source) => licenceLine(source, ui, say('Zeichen: ', 'Characters: ')));
  }

  // In a term's popup, before its link to the entry page.
  function addToPopup(box, id, entry) {
    const head = entry.chinese && entry.chinese[0];
    box.dataset.dictFor = id;
    if (!head || !files()) return;
    const add = (data) => {
      if (box.dataset.dictFor !== id || box.querySelector('.popup-chars')) return;
      const lines = characterLines(head.simplified, data);
      if (!lines.length) return;
      const ui = G.ui();
      const part = el('div', ui, { class: 'popup-chars' });
      part.append(...lines.map((item) => item.line), ...characterLicences(lines, ui));
      box.insertBefore(part, box.querySelector('.popup-link'));
    };
    if (window.GLOSSA_CHARS_DATA) {
      add(window.GLOSSA_CHARS_DATA);
    } else {
      // The popup is placed already; placed again once it has grown.
      chars().then((data) => {
        add(data);
        window.dispatchEvent(new Event('resize'));
      }, () => {});
    }
  }

  G.onPopup(addToPopup);
  G.onUi(hide);
  G.onStart(() => {
    if (files()) setUpWords();
  });
})(window.GLOSSA);
