// Small helpers for building pages safely: every piece of framework or user text is escaped.
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// Saves text as a file through the browser's own download (nothing leaves the machine).
export function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// An NHS.UK error message for one field of a form, or nothing when it has no error.
export function fieldError(errors, field) {
  const e = errors.find((x) => x.field === field);
  return e ? `<span class="nhsuk-error-message" id="${esc(field)}-error">
    <span class="nhsuk-u-visually-hidden">Error:</span> ${esc(e.message)}</span>` : '';
}

// An NHS.UK form group, marked as in error when its field has one.
export function formGroup(errors, field, inner) {
  const bad = errors.some((e) => e.field === field);
  return `<div class="nhsuk-form-group${bad ? ' nhsuk-form-group--error' : ''}">${inner}</div>`;
}
