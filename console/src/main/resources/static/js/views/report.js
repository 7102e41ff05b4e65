// The hotline desk's form: a complaint taken on the phone goes to intake, which answers with the case number.
import { postJson, loadCatalog } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el } from '../format.js';

const CHANNELS = ['HOTLINE_12345', 'MOBILE_APP', 'GRID_PATROL', 'SANITATION_REPORTER', 'OTHER'];
const URGENCIES = ['', 'ROUTINE', 'URGENT', 'EMERGENCY'];

export function mount(root) {
  // One key per filled-in form: pressing submit twice (or resending after a timeout) files one case.
  let idempotencyKey = crypto.randomUUID();
  const field = (name, label, input) => el('label', { class: 'field', dataset: { field: name } }, label, input,
    el('span', { class: 'field-error', dataset: { errorFor: name } }));
  const category = el('select', { name: 'category', id: 'report-category', required: true });
  const form = el('form', { id: 'report-form', class: 'report', novalidate: true },
    field('channel', t('report.channel'), el('select', { name: 'channel', id: 'report-channel' },
      CHANNELS.map((c) => el('option', { value: c }, t(`channel.${c}`))))),
    field('category', t('report.category'), category),
    field('description', t('report.description'), el('textarea', { name: 'description', id: 'report-description', rows: 4, required: true })),
    el('fieldset', {}, el('legend', {}, t('report.location')),
      field('location.latitude', t('report.latitude'), el('input', { name: 'latitude', id: 'report-latitude', inputmode: 'decimal', placeholder: '43.88' })),
      field('location.longitude', t('report.longitude'), el('input', { name: 'longitude', id: 'report-longitude', inputmode: 'decimal', placeholder: '125.33' })),
      field('location.address', t('report.address'), el('input', { name: 'address', id: 'report-address' })),
      field('location.gridCode', t('report.gridCode'), el('input', { name: 'gridCode', id: 'report-grid', placeholder: 'NG-S01-C01-G01' }))),
    el('fieldset', {}, el('legend', {}, t('report.reporter')),
      field('reporter.name', t('report.name'), el('input', { name: 'name', id: 'report-name' })),
      field('reporter.phone', t('report.phone'), el('input', { name: 'phone', id: 'report-phone', inputmode: 'tel' })),
      field('urgency', t('report.urgency'), el('select', { name: 'urgency', id: 'report-urgency' },
        URGENCIES.map((u) => el('option', { value: u }, u ? t(`urgency.${u}`) : t('report.byCatalog')))))),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', id: 'report-submit' }, t('report.submit'))));
  const result = el('div', { id: 'report-result', class: 'result', hidden: true });
  root.append(el('h1', {}, t('report.title')), el('p', { class: 'muted' }, t('report.lead')), form, result);

  loadCatalog().then((c) => {
    category.replaceChildren(el('option', { value: '' }, t('report.pickCategory')),
      ...c.matters.map((m) => el('option', { value: m.code }, `${nameOf(m)} (${m.code})`)));
  }).catch((e) => category.replaceChildren(el('option', { value: '' }, e.message)));

  function body() {
    const v = (name) => form.elements[name].value.trim();
    const number = (name) => (v(name) === '' ? undefined : Number(v(name)));
    const reporter = { name: v('name') || undefined, phone: v('phone') || undefined };
    return {
      channel: v('channel'), category: v('category'), description: v('description'), urgency: v('urgency') || undefined,
      location: { latitude: number('latitude'), longitude: number('longitude'), address: v('address') || undefined, gridCode: v('gridCode') || undefined },
      reporter: reporter.name || reporter.phone ? reporter : undefined,
    };
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelectorAll('.field-error').forEach((e) => { e.textContent = ''; });
    const submit = form.querySelector('#report-submit');
    submit.disabled = true;
    try {
      const answer = await postJson('/api/incidents', body(), { 'Idempotency-Key': idempotencyKey });
      idempotencyKey = crypto.randomUUID();
      result.className = 'result ok';
      result.dataset.caseId = answer.caseId;
      result.replaceChildren(el('p', {}, t('report.accepted')), el('p', { class: 'case-number' },
        el('a', { href: `#/case/${encodeURIComponent(answer.caseId)}`, id: 'report-case-link' }, answer.caseId)),
      answer.suspectedDuplicateOf ? el('p', { class: 'notice' }, t('report.duplicate', { caseId: answer.suspectedDuplicateOf })) : '');
      form.reset();
    } catch (e) {
      result.className = 'result error';
      delete result.dataset.caseId;
      result.replaceChildren(el('p', {}, e.message));
      (e.problem.errors || []).forEach((err) => {
        const slot = form.querySelector(`[data-error-for="${err.field}"]`)
          || form.querySelector(`[data-error-for^="${err.field}."]`);
        if (slot) slot.textContent = err.message;
        else result.append(el('p', {}, `${err.field}: ${err.message}`));
      });
    } finally {
      submit.disabled = false;
      result.hidden = false;
    }
  });
}
