// Search in the bar of every page: the glossary's entries, then the
// sentences of the report that hold the query.
(function (G) {
  'use strict';
  const { el, say } = G;

  // ---- the index, loaded when the reader starts searching ----------------
  // assets/search-data.js (search_data.cc) sets window.GLOSSA_SEARCH_DATA.
  // It is added as a <script> on the field's first focus or input: a script
  // element works from file:// and under the pages' policy, where fetch
  // would not. Pages that are only read never load it.
  const data = () => window.GLOSSA_SEARCH_DATA;
  let loading = null;  // a promise of the prepared index
  let index = null;

  function load() {
    if (!index && data()) index = prepare(data());
    if (index) return Promise.resolve(index);
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const script = el('script', { src: G.base + 'assets/search-data.js' });
        script.addEventListener('load', () => {
          if (!data()) {
            reject(new Error('no GLOSSA_SEARCH_DATA'));
            return;
          }
          resolve((index = prepare(data())));
          // The sentences are folded while the reader is still typing the
          // first letters, not on the keystroke that needs them.
          (window.requestIdleCallback || setTimeout)(() => foldedSentences(index));
        });
        script.addEventListener('error', () => {
          loading = null;  // a later keystroke tries again
          script.remove();
          reject(new Error('cannot load'));
        });
        document.head.append(script);
      });
    }
    return loading;
  }

  // ---- folding ------------------------------------------------------------
  // glossa builds each term's loose key with KeysOf (src/core/lookup.h):
  // NFKC, traditional characters simplified, case folded, no diacritics. A
  // query is folded here the same way (the browser tests compare the two on
  // every term); data.simplified holds the traditional characters of the
  // glossary.
  const UMLAUTS = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

  // One character folded: with `transcribe`, ä ö ü are written ae oe ue
  // before the diacritics go, so that "Bonitaet" meets "Bonität" (and
  // "Muenchen" "München") on both sides.
  function foldCharacter(c, transcribe) {
    const simplified = data()?.simplified || {};
    let folded = '';
    for (const d of c.normalize('NFKC')) folded += simplified[d] || d;
    if (transcribe) folded = folded.replace(/[äöüÄÖÜ]/g, (u) => UMLAUTS[u]);
    return folded.toLowerCase().replace(/ß/g, 'ss').normalize('NFD')
      .replace(/\p{M}/gu, '').normalize('NFC');
  }

  // `text` folded (foldCharacter), white space collapsed and trimmed, with
  // `at`: for each UTF-16 unit of the folded text the index in `text` of
  // the character it came from, so that a match lands on what the reader
  // sees.
  function foldWithMap(text, transcribe) {
    let folded = '';
    const at = [];
    let space = true;  // no space at the start
    for (let i = 0; i < text.length;) {
      const c = String.fromCodePoint(text.codePointAt(i));
      const f = foldCharacter(c.normalize('NFC'), transcribe);
      if (/^\s*$/u.test(f)) {
        if (!space && f) {
          folded += ' ';
          at.push(i);
          space = true;
        }
      } else {
        folded += f;
        for (let k = 0; k < f.length; ++k) at.push(i);
        space = false;
      }
      i += c.length;
    }
    if (folded.endsWith(' ')) {
      folded = folded.slice(0, -1);
      at.pop();
    }
    return { folded, at };
  }

  const looseKey = (text) => foldWithMap(text.normalize('NFC'), false).folded;
  const transcribedKey = (text) => foldWithMap(text.normalize('NFC'), true).folded;

  // The toneless pinyin of a loose key: no tone numbers, no separators,
  // "v" and "u:" for "ü" (already "u" in the loose key).
  function tonelessKey(loose) {
    return loose.replace(/u:/g, 'u').replace(/v/g, 'u').replace(/[\d\s'’\-]/g, '');
  }

  // ---- the index ------------------------------------------------------------
  // Every term and every form the report prints, with the keys a query
  // meets: glossa's loose key and toneless pinyin, and the transcribed key.
  function prepare(source) {
    const order = new Map(Object.keys(source.entries).map((id, i) => [id, i]));
    const candidates = [];
    const add = (text, lang, id, loose, pinyin, status, form) => {
      const transcribed = transcribedKey(text);
      // What a near miss is measured against, as code points: the keys and
      // each of their words.
      const near = new Set([loose, transcribed, pinyin, ...loose.split(' '), ...transcribed.split(' ')]);
      near.delete('');
      candidates.push({ text, lang, id, status, form, loose, transcribed, pinyin,
        near: [...near].map((key) => [...key]) });
    };
    for (const [text, lang, id, loose, pinyin, status] of source.terms) {
      add(text, lang, id, loose, pinyin, status, false);
    }
    for (const [text, id, loose, status] of source.forms) add(text, source.lang, id, loose, '', status, true);
    return { source, order, candidates, sentences: null };
  }

  // The sentences folded, on the first query that reaches them.
  function foldedSentences(idx) {
    if (!idx.sentences) {
      idx.sentences = idx.source.sentences.map((row) => {
        const text = row[6];
        return { row, loose: foldWithMap(text, false), transcribed: foldWithMap(text, true) };
      });
    }
    return idx.sentences;
  }

  // ---- matching -------------------------------------------------------------
  // Levenshtein distance between two arrays of code points, or limit + 1
  // as soon as it must be more (as EditDistance in src/core/lookup.cc).
  let rows = [new Int32Array(64), new Int32Array(64)];  // reused: one search compares thousands
  function editDistance(x, y, limit) {
    if (Math.abs(x.length - y.length) > limit) return limit + 1;
    if (rows[0].length <= y.length) rows = [new Int32Array(2 * y.length), new Int32Array(2 * y.length)];
    let [row, next] = rows;
    for (let j = 0; j <= y.length; ++j) row[j] = j;
    for (let i = 1; i <= x.length; ++i) {
      next[0] = i;
      let best = i;
      for (let j = 1; j <= y.length; ++j) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        if (next[j] < best) best = next[j];
      }
      if (best > limit) return limit + 1;
      [row, next] = [next, row];
    }
    return row[y.length];
  }

  // How many typing mistakes a query may hold: none below four letters
  // (too many words are one edit from a short one), one from four to
  // seven ("Bonitet" for "Bonität"), two from eight.
  function typosAllowed(loose) {
    const letters = [...loose.replace(/ /g, '')].length;
    return letters < 4 ? 0 : letters < 8 ? 1 : 2;
  }

  function rankOf(key, query) {
    if (!key || !query) return -1;
    if (key === query) return 0;
    if (key.startsWith(query)) return 1;
    return key.includes(query) ? 2 : -1;
  }

  // Ranks: 0 the whole term (or the entry's id), 1 its start, 2 inside it,
  // 3 within the typos allowed of the term or of one of its words.
  function match(candidate, query) {
    const ranks = [rankOf(candidate.loose, query.loose), rankOf(candidate.transcribed, query.transcribed),
      rankOf(candidate.pinyin, query.pinyin)].filter((r) => r >= 0);
    if (ranks.length) return { rank: Math.min(...ranks), distance: 0 };
    if (!query.typos) return null;
    let distance = query.typos + 1;
    for (const key of candidate.near) {
      for (const wanted of query.near) {
        if (Math.abs(key.length - wanted.length) <= query.typos) {
          distance = Math.min(distance, editDistance(wanted, key, query.typos));
        }
      }
    }
    return distance <= query.typos ? { rank: 3, distance } : null;
  }

  const MAX_ENTRIES = 10;
  const MAX_SENTENCES = 10;

  function queryOf(text) {
    const loose = looseKey(text);
    const transcribed = transcribedKey(text);
    const pinyin = tonelessKey(loose);
    const near = [...new Set([loose, transcribed, pinyin])].filter(Boolean).map((key) => [...key]);
    return { text: text.trim(), loose, transcribed, pinyin, near, typos: typosAllowed(loose) };
  }

  // The entries a query finds, best first, at most MAX_ENTRIES: whole-term
  // matches in glossary order (as `glossa lookup` lists them), then the
  // shortest terms that start with or hold the query, then near misses,
  // nearest first.
  function search(text) {
    const query = queryOf(text);
    if (!query.loose || !index) return [];
    const best = new Map();  // by entry
    for (const candidate of index.candidates) {
      let found = match(candidate, query);
      if (candidate.id === query.text) found = { rank: 0, distance: 0 };
      if (!found) continue;
      const seen = best.get(candidate.id);
      // Per entry the best match; of equals the shortest term, and of
      // spellings of one length the one typed ("Schwarze Listen", not
      // "SCHWARZE LISTEN").
      const better = () => found.rank - seen.rank || found.distance - seen.distance ||
          candidate.text.length - seen.candidate.text.length ||
          (candidate.text === query.text ? -1 : 0);
      if (!seen || better() < 0) {
        best.set(candidate.id, { id: candidate.id, candidate, ...found });
      }
    }
    const length = (result) => (result.rank === 0 ? 0 : result.candidate.text.length);
    return [...best.values()].sort((a, b) => a.rank - b.rank || a.distance - b.distance ||
        length(a) - length(b) || index.order.get(a.id) - index.order.get(b.id))
      .slice(0, MAX_ENTRIES)
      .map((result) => ({ id: result.id, rank: result.rank, text: result.candidate.text,
        lang: result.candidate.lang, status: result.candidate.status, form: result.candidate.form }));
  }

  // The sentences of the report that hold the query (folded, with or
  // without umlauts transcribed), in the report's order: { total, shown }.
  // A query needs three letters, or one Chinese character.
  function passages(text) {
    const query = queryOf(text);
    const enough = [...query.loose].length >= 3 || /\p{Script=Han}/u.test(query.loose);
    if (!enough || !index) return { total: 0, shown: [] };
    const shown = [];
    let total = 0;
    for (const sentence of foldedSentences(index)) {
      let hit = null;
      for (const [fold, wanted] of [[sentence.loose, query.loose], [sentence.transcribed, query.transcribed]]) {
        const at = fold.folded.indexOf(wanted);
        if (at >= 0) {
          const text = sentence.row[6];
          const last = fold.at[at + wanted.length - 1];
          hit = { begin: fold.at[at], end: last + String.fromCodePoint(text.codePointAt(last)).length };
          break;
        }
      }
      if (!hit) continue;
      ++total;
      if (shown.length < MAX_SENTENCES) {
        const [unit, anchor, place, section, footnote, page, sentenceText] = sentence.row;
        shown.push({ unit, anchor, place, section, footnote, page, text: sentenceText, ...hit });
      }
    }
    return { total, shown };
  }

  // For the browser tests, which compare the search with `glossa lookup`.
  window.GLOSSA_SEARCH = { load, looseKey, transcribedKey, search, passages };

  // ---- showing the results -------------------------------------------------
  const ui = () => G.ui();
  const STATUS_SIGN = { deprecated: ['⚠ abgelehnt', '⚠ deprecated'], superseded: ['⚠ veraltet', '⚠ superseded'] };
  const PLACES = {
    front: ['Vorspann', 'front matter'], 'key findings': ['Kernergebnisse', 'key findings'],
    title: ['Titel', 'title'], caption: ['Abbildung', 'figure'], sidebar: ['Kasten', 'sidebar'],
    quote: ['Zitat', 'pull quote'],
  };

  // Where a sentence stands, in the reader's language: "§3.2, S. 9",
  // "Fn. 9, S. 16", "Kernergebnisse, S. 1"; the unit id after it.
  function locator(p) {
    const parts = [];
    if (p.place === 'footnote') parts.push(say('Fn. ', 'fn. ') + p.footnote);
    else {
      if (p.section) parts.push('§' + p.section);
      if (PLACES[p.place]) parts.push(say(...PLACES[p.place]));
    }
    if (p.page > 0) parts.push(say('S. ', 'p. ') + p.page);
    return parts.join(', ') + ' · ' + p.unit;
  }

  // A sentence's text around the match: more than 120 characters on one
  // side are cut to about 100, at a space, "…" marking the cut.
  function around(p) {
    let before = p.text.slice(0, p.begin);
    let after = p.text.slice(p.end);
    if (before.length > 120) before = '…' + before.slice(before.indexOf(' ', before.length - 100) + 1);
    if (after.length > 120) after = after.slice(0, after.lastIndexOf(' ', 100)) + '…';
    return [before, p.text.slice(p.begin, p.end), after];
  }

  function entryOption(result, lang) {
    const entry = index.source.entries[result.id];
    const link = el('a', { href: G.base + entry.url, 'data-entry': result.id, lang });
    const head = el('span', { class: 'result-head', lang });
    entry.head.forEach(([text, runLang], i) => {
      if (i) head.append(' ');
      head.append(el('span', { lang: runLang, class: runLang === 'zh-Latn-pinyin' ? 'result-pinyin' : '' }, text));
    });
    link.append(head);
    if (!entry.head.some(([text]) => text === result.text)) {
      link.append(' ', el('span', { class: 'result-term', lang: result.lang }, result.text));
      if (result.form) link.append(' ', el('span', { class: 'result-term', lang }, say('(im Bericht)', '(in the report)')));
    }
    if (STATUS_SIGN[result.status]) {
      link.append(' ', el('span', { class: 'result-deprecated', lang }, say(...STATUS_SIGN[result.status])));
    }
    // The meaning: the preferred rendering and the gloss in the reader's
    // language, else in the other.
    const other = lang === 'de' ? 'en' : 'de';
    const [rendering, gloss] = entry[lang][0] ? entry[lang] : entry[other];
    const renderingLang = entry[lang][0] ? lang : other;
    if (rendering) link.append(el('span', { class: 'result-meaning', lang: renderingLang }, rendering));
    const [shownGloss, glossLang] = entry[lang][1] ? [entry[lang][1], lang] : [entry[other][1], other];
    if (shownGloss) link.append(el('span', { class: 'result-gloss', lang: glossLang }, shownGloss));
    return link;
  }

  function passageOption(p, lang) {
    const href = G.base + 'index.html' + (p.anchor ? '#' + p.anchor : '');
    const link = el('a', { href, 'data-unit': p.unit, lang });
    link.append(el('span', { class: 'result-where', lang }, locator(p)));
    const sentence = el('span', { class: 'result-sentence', lang: index.source.lang });
    const [before, hit, after] = around(p);
    sentence.append(before, el('mark', { lang: index.source.lang }, hit), after);
    link.append(sentence);
    return link;
  }

  function countText(entries, found) {
    const de = [];
    const en = [];
    if (entries) {
      de.push(`${entries} ${entries === 1 ? 'Eintrag' : 'Einträge'}`);
      en.push(`${entries} ${entries === 1 ? 'entry' : 'entries'}`);
    }
    if (found.total) {
      const more = found.total > found.shown.length;
      de.push(`${found.total} ${found.total === 1 ? 'Satz' : 'Sätze'} im Bericht` +
        (more ? ` (die ersten ${found.shown.length} gezeigt)` : ''));
      en.push(`${found.total} ${found.total === 1 ? 'sentence' : 'sentences'} in the report` +
        (more ? ` (first ${found.shown.length} shown)` : ''));
    }
    return say(de.join(', '), en.join(', '));
  }

  function setUpSearch() {
    const input = document.getElementById('search');
    const list = document.getElementById('search-results');
    const status = document.getElementById('search-status');
    if (!input || !list || !status) return;
    const form = input.closest('form');
    let active = -1;  // the option the arrow keys reached
    let announce = 0;  // the timer of the next status

    const options = () => [...list.querySelectorAll('[role="option"]')];

    // The live region speaks once typing pauses, not on every key.
    function tell(text, shown) {
      clearTimeout(announce);
      status.classList.toggle('shown', !!shown);
      status.setAttribute('lang', ui());
      if (shown) status.textContent = text;
      else announce = setTimeout(() => { status.textContent = text; }, 300);
    }

    function setActive(n) {
      const all = options();
      active = n < 0 || n >= all.length ? -1 : n;
      all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
      if (active >= 0) {
        input.setAttribute('aria-activedescendant', all[active].id);
        all[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
    }

    function render() {
      const text = input.value;
      list.replaceChildren();
      active = -1;
      input.removeAttribute('aria-activedescendant');
      if (!text.trim()) {
        close();
        tell('', false);
        return;
      }
      if (!index) {
        load().then(render, () => {
          close();
          tell(say('Der Suchindex (assets/search-data.js) konnte nicht geladen werden.',
            'The search index (assets/search-data.js) could not be loaded.'), true);
        });
        return;
      }
      const lang = ui();
      const entries = search(text);
      const found = passages(text);
      const add = (link) => {
        link.id = 'search-option-' + list.querySelectorAll('[role="option"]').length;
        link.setAttribute('role', 'option');
        link.setAttribute('tabindex', '-1');
        link.setAttribute('aria-selected', 'false');
        const item = el('li', { role: 'presentation', lang });
        item.append(link);
        list.append(item);
      };
      const heading = (de, en) => list.append(el('li', { class: 'search-heading', role: 'presentation',
        'aria-hidden': 'true', lang }, say(de, en)));
      if (entries.length && found.shown.length) heading('Glossar', 'Glossary');
      for (const result of entries) add(entryOption(result, lang));
      if (found.shown.length) heading('Im Bericht', 'In the report');
      for (const p of found.shown) add(passageOption(p, lang));
      if (!entries.length && !found.total) {
        close();
        tell(say(`Nichts gefunden für „${text.trim()}“`, `Nothing found for “${text.trim()}”`), true);
        return;
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      tell(countText(entries.length, found), false);
    }

    input.addEventListener('focus', () => {
      if (input.value.trim()) render();
      else load().catch(() => {});  // the next render() says so if it failed
    });
    input.addEventListener('input', render);
    input.addEventListener('keydown', (event) => {
      const all = options();
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (list.hidden) {
          render();
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (active < 0) setActive(step > 0 ? 0 : all.length - 1);
        else setActive(Math.min(active + step, all.length - 1));
      } else if (event.key === 'Escape') {
        // The first Escape closes the list and keeps the query (a search
        // field would clear itself); the next one clears it.
        event.preventDefault();
        if (!list.hidden) close();
        else {
          input.value = '';
          render();
        }
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const all = options();
      const chosen = all[active >= 0 ? active : 0];
      if (chosen && !list.hidden) location.href = chosen.href;
    });
    form.addEventListener('focusout', (event) => {
      if (!form.contains(event.relatedTarget)) close();
    });
    document.addEventListener('click', (event) => {
      if (!form.contains(event.target)) close();
    });
    // A result in the report itself moves the page, not to another one.
    window.addEventListener('hashchange', close);
    G.onUi(() => {
      if (!list.hidden || status.classList.contains('shown')) render();
    });
  }

  G.onStart(setUpSearch);
})(window.GLOSSA);
