// Operator actions go through two steps: fill in the form, then confirm a plain summary of what will happen.
import { t } from './i18n.js';
import { el } from './format.js';

/**
 * Opens the action dialog. fields: [{ name, label, type: text|number|select|textarea, options, required, value }].
 * summary(values) gives the confirmation lines; submit(values) sends and resolves with a message, or throws.
 */
export function openAction({ title, fields, summary, submit }) {
  const dialog = document.getElementById('action-dialog');
  const box = document.getElementById('action-fields');
  const confirmBox = document.getElementById('action-summary');
  const error = document.getElementById('action-error');
  const next = document.getElementById('action-next');
  const confirm = document.getElementById('action-confirm');
  const cancel = document.getElementById('action-cancel');
  document.getElementById('action-title').textContent = title;
  box.hidden = false;
  confirmBox.hidden = true;
  error.hidden = true;
  next.hidden = false;
  confirm.hidden = true;
  box.replaceChildren(...fields.map((f) => {
    let input;
    if (f.type === 'select') {
      input = el('select', { name: f.name, required: f.required }, f.options.map((o) => el('option', { value: o.value, selected: o.value === f.value }, o.label)));
    } else if (f.type === 'textarea') {
      input = el('textarea', { name: f.name, required: f.required, rows: 3 }, f.value || '');
    } else {
      input = el('input', { name: f.name, type: f.type || 'text', required: f.required, value: f.value ?? '', min: f.min });
    }
    return el('label', { class: 'field' }, f.label, input);
  }));

  const values = () => Object.fromEntries(fields.map((f) => [f.name, box.querySelector(`[name="${f.name}"]`).value.trim()]));
  const showError = (message) => { error.textContent = message; error.hidden = false; };

  next.onclick = () => {
    const missing = fields.find((f) => f.required && !values()[f.name]);
    if (missing) { showError(t('action.missing', { field: missing.label })); return; }
    error.hidden = true;
    confirmBox.replaceChildren(el('p', {}, t('action.confirmLead')), el('ul', {}, summary(values()).map((line) => el('li', {}, line))));
    box.hidden = true;
    confirmBox.hidden = false;
    next.hidden = true;
    confirm.hidden = false;
    confirm.focus();
  };
  confirm.onclick = async () => {
    confirm.disabled = true;
    try {
      await submit(values());
      dialog.close();
    } catch (e) {
      showError(e.message);
    } finally {
      confirm.disabled = false;
    }
  };
  cancel.onclick = () => dialog.close();
  dialog.showModal();
}
