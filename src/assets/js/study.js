// Study tools: terms a reader saves or marks as known, kept in this browser
// only; known terms shown unmarked in the report; and study.html, the
// reader's "my terms" page with flashcards and export.
//
// What the reader chose is stored in localStorage under 'glossa-study' as
// {"saved": [entry ids, in the order saved], "known": [entry ids],
// "hideKnown": true|false}. Entry ids (data-entry), not page names or
// positions, so the choices survive a rebuilt or grown glossary; an id the
// glossary no longer has is kept but not shown. Changing this format
// strands what readers saved: read the old one too if you do.
//
// study.html reads assets/study-data.js (window.GLOSSA_STUDY, written by
// src/core/site/study_page.cc): per entry what a card shows; and, on the
// first download, assets/export-data.js (window.GLOSSA_EXPORT): per entry
// its lines of `glossa export --format anki --source zh` and `--format
// csv`, which the export joins under the same head as the CLI writes;
// nothing here formats a line of those files.
(function (G) {
  'use strict';
  const { el, say } = G;

  // ---- the store ---------------------------------------------------------------
  const STORE = 'glossa-study';
  let state = read();
  const views = new Set();  // functions that redraw a view of the state

  function read() {
    let value = null;
    try {
      value = JSON.parse(localStorage.getItem(STORE) || 'null');
    } catch (e) {
      value = null;  // storage off, or not ours: start empty
    }
    const ids = (list) => (Array.isArray(list) ? list.filter((id) => typeof id === 'string') : []);
    return {
      saved: ids(value && value.saved),
      known: ids(value && value.known),
      hideKnown: Boolean(value && value.hideKnown),
    };
  }

  function redraw() {
    for (const view of [...views]) view();
  }

  function write() {
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch (e) {
      // Storage may be off (private mode): the choice holds on this page.
    }
    redraw();
  }

  const has = (list, id) => state[list].includes(id);

  function toggle(list, id) {
    const at = state[list].indexOf(id);
    if (at >= 0) {
      state[list].splice(at, 1);
    } else {
      state[list].push(id);
    }
    write();
  }

  // `draw` now and whenever the state or the interface language changes,
  // for as long as `node` is in the page.
  function keepDrawn(node, draw) {
    const view = () => {
      if (node.isConnected) {
        draw();
      } else {
        views.delete(view);
      }
    };
    views.add(view);
    draw();
  }

  // ---- save / known buttons ----------------------------------------------------
  const ACTIONS = [
    ['saved', 'Speichern', 'Save'],
    ['known', 'Bekannt', 'Known'],
  ];

  // The buttons for entry `id`; each label names the action, aria-pressed
  // says whether it is on. In `box` when given (an entry page has it in its
  // markup), else in a new one.
  function actionButtons(id, box = el('div', { class: 'study-actions' })) {
    box.dataset.entry = id;
    const buttons = ACTIONS.map(([list]) => {
      const button = el('button', { type: 'button', class: 'study-toggle', 'data-list': list });
      button.addEventListener('click', () => toggle(list, id));
      box.append(button);
      return button;
    });
    keepDrawn(box, () => {
      box.setAttribute('lang', G.ui());  // the labels are the interface's
      ACTIONS.forEach(([list, de, en], i) => {
        buttons[i].setAttribute('lang', G.ui());
        buttons[i].textContent = say(de, en);
        buttons[i].setAttribute('aria-pressed', String(has(list, id)));
      });
    });
    return box;
  }

  // ---- known terms unmarked ----------------------------------------------------
  function markKnown() {
    G.root.classList.toggle('study-hide-known', state.hideKnown);
    const known = new Set(state.known);
    for (const link of document.querySelectorAll('a.term[data-entry]')) {
      link.classList.toggle('known', known.has(link.dataset.entry));
    }
  }

  function hideKnownSwitch() {
    const button = el('button', { type: 'button', class: 'study-switch', id: 'study-hide-known' });
    button.addEventListener('click', () => {
      state.hideKnown = !state.hideKnown;
      write();
    });
    keepDrawn(button, () => {
      button.setAttribute('lang', G.ui());
      button.textContent = say('Bekannte Begriffe unmarkiert', 'Known terms unmarked');
      button.setAttribute('aria-pressed', String(state.hideKnown));
    });
    return button;
  }

  // ---- entry pages ---------------------------------------------------------------
  // Into the box the page keeps for them under the heading (entry_page.cc):
  // made here, the buttons moved the definition down once the page was
  // drawn.
  function setUpEntry() {
    const article = document.querySelector('article.entry[data-entry]');
    const box = article && article.querySelector(':scope > .study-actions');
    if (box) actionButtons(article.dataset.entry, box);
  }

  // ---- study.html: the saved terms -----------------------------------------------
  const study = () => window.GLOSSA_STUDY || { entries: [] };
  let byId = null;

  function entryOf(id) {
    if (!byId) byId = new Map(study().entries.map((entry) => [entry.id, entry]));
    return byId.get(id);
  }

  // The saved entries the data knows, in the order saved.
  const savedEntries = () => state.saved.map(entryOf).filter(Boolean);

  // The entry's Chinese term (with its traditional form), else its term in
  // the interface language, as spans with their language.
  function headword(entry) {
    if (!entry.zh) {
      const lang = entry[G.ui()] ? G.ui() : (entry.de ? 'de' : 'en');
      return [el('span', { lang }, entry[lang])];
    }
    const out = [el('span', { lang: 'zh-Hans' }, entry.zh)];
    if (entry.zh_hant) out.push(' ', el('span', { lang: 'zh-Hant', class: 'hant' }, entry.zh_hant));
    return out;
  }

  // The meaning in the interface language first: its term, the other
  // language's term, the first sentence of the definition.
  function meaning(entry, parent) {
    const first = G.ui();
    const other = first === 'en' ? 'de' : 'en';
    const terms = el('p', { class: 'study-meaning' });
    if (entry[first]) terms.append(el('strong', { lang: first }, entry[first]));
    if (entry[other]) {
      if (entry[first]) terms.append(' · ');
      terms.append(el('span', { lang: other, class: 'other' }, entry[other]));
    }
    parent.append(terms);
    const lang = entry.definition[first] ? first : other;
    if (entry.definition[lang]) {
      parent.append(el('p', { class: 'study-definition', lang }, entry.definition[lang]));
    }
  }

  function listItem(entry) {
    const item = el('li', { class: 'study-item', 'data-entry': entry.id });
    const name = el('p', { class: 'study-term' });
    const link = el('a', { href: entry.url });
    link.append(...headword(entry));
    name.append(link);
    if (entry.pinyin) name.append(' ', el('span', { lang: 'zh-Latn-pinyin', class: 'pinyin' }, entry.pinyin));
    item.append(name);
    meaning(entry, item);
    item.append(actionButtons(entry.id));
    return item;
  }

  function setUpList() {
    const list = document.getElementById('study-list');
    const empty = document.querySelector('.study-empty');
    const heading = document.getElementById('study-saved-heading');
    heading.tabIndex = -1;
    keepDrawn(list, () => {
      // Where the focus was, to put it back on the same button, or on the
      // list's heading when its item has gone (unsaved).
      const focused = list.contains(document.activeElement) ? document.activeElement : null;
      const where = focused && focused.closest('li') ? focused.closest('li').dataset.entry : null;
      const which = focused && focused.dataset.list;
      const saved = savedEntries();
      empty.hidden = saved.length > 0;
      list.replaceChildren(...saved.map(listItem));
      if (!focused) return;
      const again = [...list.children].find((li) => li.dataset.entry === where);
      const same = again && (which
        ? again.querySelector(`button[data-list="${which}"]`) : again.querySelector('a'));
      (same || heading).focus();
    });
  }

  // ---- study.html: flashcards ----------------------------------------------------
  // A session goes through `queue`, the saved terms not known (or, with
  // `all`, every saved term): "again" puts the card last, "known" marks the
  // term known and takes it out. Terms saved during the session join the
  // end; terms unsaved leave.
  const deck = { all: false, queue: [], finished: new Set(), flipped: false };

  function syncDeck() {
    const wanted = savedEntries().filter((entry) => deck.all || !has('known', entry.id))
        .map((entry) => entry.id);
    const kept = deck.queue.filter((id) => wanted.includes(id));
    const added = wanted.filter((id) => !kept.includes(id) && !deck.finished.has(id));
    if (kept[0] !== deck.queue[0]) deck.flipped = false;
    deck.queue = kept.concat(added);
  }

  function startDeck(all) {
    Object.assign(deck, { all, queue: [], finished: new Set(), flipped: false });
    syncDeck();
    redraw();
  }

  function flip() {
    if (!deck.queue.length) return;
    deck.flipped = !deck.flipped;
    redraw();
  }

  function grade(known) {
    const id = deck.queue.shift();
    if (id === undefined) return;
    deck.flipped = false;
    if (known) {
      deck.finished.add(id);
      if (!has('known', id)) {
        state.known.push(id);
        write();
        return;
      }
    } else {
      deck.queue.push(id);
    }
    redraw();
  }

  function fillFront(front, entry) {
    const term = el('p', { class: 'card-term' });
    term.append(...headword(entry));
    front.append(term);
    if (entry.cue) {
      const cue = el('p', { class: 'card-cue' });
      cue.append(el('q', { lang: 'de' }, entry.cue.text), ' ',
        el('a', { href: entry.cue.href, class: 'card-where' }, entry.cue.where));
      front.append(cue);
    }
  }

  function fillBack(back, entry) {
    if (entry.pinyin) back.append(el('p', { class: 'card-pinyin', lang: 'zh-Latn-pinyin' }, entry.pinyin));
    meaning(entry, back);
    back.append(el('a', { href: entry.url, class: 'card-entry' }, say('Zum Eintrag', 'To the entry')));
  }

  function setUpDeck() {
    const box = document.getElementById('study-deck');
    const status = el('p', { class: 'card-status', role: 'status', tabindex: '-1' });
    const card = el('div', { class: 'card', id: 'study-card', role: 'group', tabindex: '0' });
    const front = el('div', { class: 'card-front' });
    const back = el('div', { class: 'card-back', id: 'study-card-back' });
    card.append(front, back);
    const flipButton = el('button', { type: 'button', class: 'card-flip', 'aria-controls': 'study-card-back' });
    const againButton = el('button', { type: 'button', class: 'card-again' });
    const knownButton = el('button', { type: 'button', class: 'card-known' });
    const controls = el('div', { class: 'card-controls' });
    controls.append(flipButton, againButton, knownButton);
    const restart = el('button', { type: 'button', class: 'card-restart' });
    box.append(status, card, controls, restart);
    flipButton.addEventListener('click', flip);
    againButton.addEventListener('click', () => grade(false));
    knownButton.addEventListener('click', () => grade(true));
    restart.addEventListener('click', () => {
      startDeck(true);
      card.focus();
    });
    box.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const act = { ' ': flip, ArrowLeft: () => grade(false), ArrowRight: () => grade(true) }[event.key];
      if (!act || !deck.queue.length) return;
      // Space turns the card even on a focused button, instead of pressing it.
      event.preventDefault();
      act();
    });
    keepDrawn(box, () => {
      syncDeck();
      const saved = savedEntries().length;
      const entry = entryOf(deck.queue[0]);
      const focused = card.contains(document.activeElement) ||
          controls.contains(document.activeElement);
      card.hidden = controls.hidden = !entry;
      restart.hidden = Boolean(entry) || !saved;
      restart.textContent = say('Alle gespeicherten Begriffe wiederholen', 'Review all saved terms');
      flipButton.textContent = say('Umdrehen (Leertaste)', 'Turn over (Space)');
      flipButton.setAttribute('aria-expanded', String(deck.flipped));
      againButton.textContent = say('← Noch einmal', '← Again');
      knownButton.textContent = say('Gewusst →', 'Known →');
      if (!entry) {
        status.textContent = !saved
          ? say('Noch keine Karten: speichern Sie zuerst Begriffe.', 'No cards yet: save some terms first.')
          : deck.finished.size
            ? say(`Fertig: ${deck.finished.size} gewusst.`, `Done: ${deck.finished.size} known.`)
            : say('Alle gespeicherten Begriffe sind als bekannt markiert.',
              'Every saved term is marked as known.');
        if (focused) (restart.hidden ? status : restart).focus();
        return;
      }
      const left = deck.queue.length;
      status.textContent = say(left === 1 ? 'Noch 1 Karte' : `Noch ${left} Karten`,
        left === 1 ? '1 card left' : `${left} cards left`);
      card.setAttribute('aria-label', say('Karteikarte', 'Flashcard'));
      card.classList.toggle('flipped', deck.flipped);
      front.replaceChildren();
      fillFront(front, entry);
      back.replaceChildren();
      back.hidden = !deck.flipped;
      if (deck.flipped) fillBack(back, entry);
    });
  }

  // ---- study.html: export ----------------------------------------------------------
  // The files' lines are in assets/export-data.js (window.GLOSSA_EXPORT),
  // two thirds of the page's data and most visits export nothing: it is
  // loaded on the first download, by a script element, which works from
  // file:// and under the pages' policy (as search-data.js).
  let blobUrls = [];
  let exportData = null;  // a promise of window.GLOSSA_EXPORT

  function loadExport() {
    if (!exportData) {
      exportData = new Promise((resolve, reject) => {
        const script = el('script', { src: G.base + 'assets/export-data.js' });
        script.addEventListener('load', () => (window.GLOSSA_EXPORT
          ? resolve(window.GLOSSA_EXPORT) : reject(new Error('no GLOSSA_EXPORT'))));
        script.addEventListener('error', () => {
          exportData = null;  // a later click tries again
          script.remove();
          reject(new Error('cannot load'));
        });
        document.head.append(script);
      });
    }
    return exportData;
  }

  // An entry's Anki note for `target`: the data carries the front and the
  // tags both notes share once (study_page.cc, SharedNote).
  const note = (anki, target) => anki.front + anki[target] + anki.tags + '\n';

  // File `kind` ('de', 'en': Anki; 'csv') of the entries `ids`, in the
  // CLI's order (the glossary's), so a file is the CLI's file with the
  // other entries' lines left out.
  function fileText(data, kind, ids) {
    const lines = ids.map((id) => data.entries[id]).filter(Boolean);
    if (kind === 'csv') return data.csv_head + lines.map((entry) => entry.csv).join('');
    return data.anki_head[kind] + lines.map((entry) => note(entry.anki, kind)).join('');
  }

  // A download link: its blob: address is made on the first click, once
  // the data is there; the click then goes on to it.
  function downloadLink(label, name, kind, ids, box) {
    const link = el('a', { href: '#study-export', download: name, class: 'study-download' }, label);
    link.addEventListener('click', (event) => {
      if (link.href.startsWith('blob:')) return;
      event.preventDefault();
      loadExport().then((data) => {
        const type = kind === 'csv' ? 'text/csv' : 'text/plain';
        const url = URL.createObjectURL(
          new Blob([fileText(data, kind, ids)], { type: type + ';charset=utf-8' }));
        blobUrls.push(url);
        link.href = url;
        link.click();
      }, () => {
        if (box.querySelector('.study-error')) return;
        box.append(el('span', { class: 'study-error', role: 'alert' },
          say(' Die Exportdaten (assets/export-data.js) konnten nicht geladen werden.',
            ' The export data (assets/export-data.js) could not be loaded.')));
      });
    });
    return link;
  }

  function setUpExport() {
    const box = document.getElementById('study-downloads');
    keepDrawn(box, () => {
      for (const url of blobUrls) URL.revokeObjectURL(url);
      blobUrls = [];
      box.replaceChildren();
      const saved = new Set(state.saved);
      const ids = study().entries.filter((entry) => saved.has(entry.id)).map((entry) => entry.id);
      if (!ids.length) {
        box.append(say('Noch nichts zu exportieren.', 'Nothing to export yet.'));
        return;
      }
      for (const [label, name, kind] of [
        [say('Anki: Chinesisch → Deutsch', 'Anki: Chinese → German'), 'glossa-anki-zh-de.txt', 'de'],
        [say('Anki: Chinesisch → Englisch', 'Anki: Chinese → English'), 'glossa-anki-zh-en.txt', 'en'],
        [say('Tabelle (CSV)', 'Spreadsheet (CSV)'), 'glossa-terms.csv', 'csv'],
      ]) {
        box.append(downloadLink(label, name, kind, ids, box), ' ');
      }
      box.append(say(`(${ids.length} ${ids.length === 1 ? 'Begriff' : 'Begriffe'})`,
        `(${ids.length} ${ids.length === 1 ? 'term' : 'terms'})`));
    });
  }

  // ---- set-up --------------------------------------------------------------------
  function setUp() {
    keepDrawn(document.documentElement, markKnown);
    setUpEntry();
    if (G.root.dataset.page === 'study') {
      document.getElementById('study-switches').append(hideKnownSwitch());
      setUpList();
      setUpDeck();
      setUpExport();
    } else if (document.querySelector('a.term[data-entry]')) {
      // At the top of the text rather than in the bar, which has no room on
      // a narrow window; shown once a term is known.
      const main = document.getElementById('main');
      if (main) {
        const line = el('p', { class: 'study-known-line' });
        line.append(hideKnownSwitch());
        main.prepend(line);
        keepDrawn(line, () => {
          line.hidden = state.known.length === 0;
        });
      }
    }
    window.addEventListener('storage', (event) => {
      if (event.key !== STORE) return;
      state = read();
      redraw();
    });
  }

  G.onPopup((box, id) => box.append(actionButtons(id)));
  G.onUi(redraw);
  G.onStart(setUp);
})(window.GLOSSA);
