// The only search script reading pages load at first: “/” or Ctrl/Cmd+K, or a click on the header's box, opens the
// search form in a modal dialog (on the search page it moves to the page's own box). The dialog's first opening
// loads its live results (search/element.ts); until then no search code is loaded. Its form, like the header's, is a
// plain form to the search page.

/** Whether the key press is meant for a text field rather than for the page. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    Boolean(
      target.closest(
        'input:not([type=checkbox], [type=radio], [type=button], [type=submit], [type=reset]), textarea, select, [contenteditable]:not([contenteditable="false"])',
      ),
    )
  );
}

const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');

/** Opens the dialog, or moves to the search page's own box. */
function open(): boolean {
  const input = document.querySelector<HTMLInputElement>('search-view input[name=q]');
  if (!input) return false;
  if (dialog && !dialog.open) {
    dialog.showModal();
    // Should its code not load (a deploy has replaced it, or the reader is offline before the copy is saved), the
    // search page searches, as without JavaScript.
    void import('./search/element.ts').catch(() => dialog.querySelector('form')?.submit());
  }
  input.focus();
  input.select();
  return true;
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing || event.altKey) return;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typing(event.target);
  const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
  if ((slash || k) && open()) event.preventDefault();
});

// A click or tap on the header's box opens the dialog too: a phone has no key to press. A tapped box gives up the
// focus first, or the dialog would return it there on closing and the phone would bring its keyboard up again.
// Reached from the keyboard, the box is typed into and submitted to the search page, as without JavaScript.
const box = document.querySelector<HTMLInputElement>('form.site-search input[name=q]');
box?.addEventListener('click', (event) => {
  if (event.pointerType === 'touch') box.blur();
  open();
});

if (dialog) {
  dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its form) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}
