/**
 * Keeps the Enter that confirms an input-method conversion from submitting a search form.
 * Chrome never submits on it, but Safari reports that Enter after `compositionend`, with
 * `isComposing` false and keyCode 229, and lets it submit the form.
 */
export function guardImeSubmit(form: HTMLFormElement): void {
  let composing = false;
  let imeEnter = false;
  form.addEventListener('compositionstart', () => {
    composing = true;
  });
  form.addEventListener('compositionend', () => {
    composing = false;
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    imeEnter = composing || event.isComposing || event.keyCode === 229;
  });
  form.addEventListener('keyup', () => {
    imeEnter = false;
  });
  form.addEventListener('submit', (event) => {
    if (composing || imeEnter) {
      event.preventDefault();
      imeEnter = false;
    }
  });
}
