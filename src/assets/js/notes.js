// Footnotes opened in place, and the block a link pointed at.
(function (G) {
  'use strict';
  const { el, say } = G;

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

  function setUpHighlight() {
    highlightTarget();
    window.addEventListener('hashchange', highlightTarget);
  }

  G.onStart(setUpNotes);
  G.onStart(setUpHighlight);
})(window.GLOSSA);
