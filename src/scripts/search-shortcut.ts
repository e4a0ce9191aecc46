// The only search script on reading pages: “/” or Ctrl/Cmd+K moves to the search box (the search page's own,
// or the one in the header). The box itself is a plain form to the search page and needs no script.

/** Whether the key press is meant for a text field rather than for the page. */
function typing(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])'));
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing || event.altKey) return;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typing(event.target);
  const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
  const input = document.querySelector<HTMLInputElement>('[data-search-input]');
  if ((!slash && !k) || !input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
