// Pronunciation: a "listen" button beside a Chinese headword (in the term
// popup and on entry pages) that speaks the simplified form through the
// browser's own speech synthesis, and one in each line of a character of
// the headword (dict.js's lines, in the popup and on the entry page) that
// speaks that character alone.
//
// Only with a Chinese voice that runs on this device (voice.localService):
// a voice of a speech service would send the term over the network, and the
// site sends nothing anywhere. Without such a voice the buttons are hidden,
// not disabled: a control that can never work is noise, most of all to a
// screen reader. Browsers load their voices late and say so with
// 'voiceschanged', so the buttons are made in any case and shown when a
// voice turns up.
(function (G) {
  'use strict';
  const { el, say } = G;
  const synth = window.speechSynthesis;
  const LISTEN = 'listen';

  // The Chinese voice to speak with: Mandarin as written in mainland China
  // (zh-CN) first, as the simplified forms are; else any Chinese one.
  function chineseVoice() {
    if (!synth || typeof synth.getVoices !== 'function') return null;
    const voices = [...synth.getVoices()].filter((voice) => voice.localService &&
        String(voice.lang).replace('_', '-').toLowerCase().startsWith('zh'));
    return voices.find((voice) => /^zh-cn\b/i.test(voice.lang.replace('_', '-'))) ||
        voices[0] || null;
  }

  function speak(text) {
    const voice = chineseVoice();
    if (!voice || !text) return;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.voice = voice;
    synth.cancel();  // a second press starts again rather than queueing
    synth.speak(utterance);
  }

  // A speaker, drawn; the button's name says what it does.
  function speakerIcon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 16 16');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M2 6h3l4-3v10l-4-3H2z M11 5.5c1.2 1.4 1.2 3.6 0 5 M12.8 3.8c2.1 2.4 2.1 6 0 8.4');
    svg.append(path);
    return svg;
  }

  // The name in the interface language, which is the lang of the button
  // and of its drawing (every element the script inserts has one): „征
  // anhören“ / "Listen to 征" for a character's button, which names its
  // character (a line's listen buttons are told apart by it), „Aussprache
  // anhören“ / "Listen to the pronunciation" for the headword's.
  function label(button) {
    for (const node of [button, ...button.querySelectorAll('*')]) node.setAttribute('lang', G.ui());
    const c = button.dataset.character;
    button.setAttribute('aria-label', c ? say(c + ' anhören', 'Listen to ' + c)
      : say('Aussprache anhören', 'Listen to the pronunciation'));
    button.title = button.getAttribute('aria-label');
  }

  // The button that speaks `source`'s text (an element holding the
  // simplified form), hidden while there is no voice; `character`: the
  // one character it speaks, for its name.
  function listenButton(source, character) {
    const button = el('button', { type: 'button', class: LISTEN });
    if (character) button.dataset.character = character;
    button.append(speakerIcon());
    label(button);
    button.hidden = !chineseVoice();
    button.addEventListener('click', () => speak(source.textContent.trim()));
    return button;
  }

  function showButtons() {
    const hidden = !chineseVoice();
    for (const button of document.querySelectorAll('button.' + LISTEN)) button.hidden = hidden;
  }

  // In the popup, after the headword line's simplified form and pinyin.
  function addToPopup(box) {
    const line = box.querySelector('.popup-zh');
    const source = line && line.querySelector(':scope > [lang="zh-Hans"]');
    if (source) line.append(' ', listenButton(source));
  }

  // In the line of a character (class char-line: "信 xìn letter; …"),
  // right after the character (a traditional form stands with the reading
  // it belongs to: "征 zhēng journey · 徵 zhēng to levy"). dict.js calls it
  // for a popup's lines; an entry page's lines are in its markup.
  function addToCharacterLine(line) {
    const source = line.querySelector(':scope > .hans');
    if (!source || line.querySelector(':scope > button.' + LISTEN)) return;
    source.after(listenButton(source, source.textContent.trim()));
  }

  // On an entry page, at the end of the heading (simplified, traditional,
  // pinyin). A button inside a heading lends the heading its label ("信用
  // 信用 xìnyòng Aussprache anhören" in a screen reader's list of
  // headings), so the heading's own text moves into a span that names it.
  function setUpEntry() {
    const heading = document.querySelector('article.entry h1');
    const source = heading && heading.querySelector('[lang="zh-Hans"]');
    if (!source) return;
    const name = el('span', { id: 'entry-heading-name', lang: heading.closest('[lang]').lang });
    name.append(...heading.childNodes);
    heading.append(name, ' ', listenButton(source));
    heading.setAttribute('aria-labelledby', name.id);
    document.querySelectorAll('article.entry .entry-chars .char-line').forEach(addToCharacterLine);
  }

  if (!synth) return;
  G.addCharacterButton = addToCharacterLine;
  G.onPopup(addToPopup);
  G.onStart(setUpEntry);
  G.onUi(() => document.querySelectorAll('button.' + LISTEN).forEach(label));
  synth.addEventListener('voiceschanged', showButtons);
})(window.GLOSSA);
