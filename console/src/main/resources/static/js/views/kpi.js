// KPI charts per department, street or community and per month, quarter or year, from audit's KPI API.
import { getJson, query } from '../api.js';
import { t } from '../i18n.js';
import { el } from '../format.js';

// Where the KPIs come from: audit-service's assessment (JSON, CSV, and an SVG chart per KPI).
export const KPI_URL = (by, at, format = '') => `/api/assessment${query({ period: at, by, format: format || undefined })}`;
export const CHART_URL = (by, at, kpi) => `/api/assessment/chart${query({ period: at, by, kpi })}`;
const LABEL_FIELDS = ['name', 'nameZh', 'code', 'department', 'departmentCode', 'street', 'streetCode', 'community', 'communityCode', 'unit', 'key'];
const SVG = 'http://www.w3.org/2000/svg';

/** One row per unit: its counts and its rates (as fractions; a rate with nothing to count is left out). */
export function rowsOf(answer) {
  const units = (answer && answer.assessment && answer.assessment.units) || [];
  return units.map((u) => {
    const row = { unit: u.unit, ...u.tally };
    Object.entries(u.rates || {}).forEach(([code, rate]) => {
      if (rate && typeof rate.value === 'number') row[code] = rate.value;
    });
    return row;
  });
}

function defaultAt(period) {
  const now = new Date();
  if (period === 'year') return String(now.getFullYear());
  if (period === 'quarter') return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function mount(root) {
  const by = el('select', { id: 'kpi-by' }, ['department', 'street', 'community'].map((b) => el('option', { value: b }, t(`kpi.by.${b}`))));
  const period = el('select', { id: 'kpi-period' }, ['month', 'quarter', 'year'].map((p) => el('option', { value: p }, t(`kpi.period.${p}`))));
  const at = el('input', { id: 'kpi-at', value: defaultAt('month'), size: 8 });
  const metric = el('select', { id: 'kpi-metric' });
  const status = el('div', { id: 'kpi-status' });
  const chart = document.createElementNS(SVG, 'svg');
  chart.setAttribute('id', 'kpi-chart');
  const table = el('table', { id: 'kpi-table' });
  const downloads = el('div', { class: 'downloads' });
  let rows = [];

  root.append(el('h1', {}, t('kpi.title')),
    el('div', { class: 'filters' }, el('label', {}, t('kpi.by'), by), el('label', {}, t('kpi.period'), period),
      el('label', {}, t('kpi.at'), at), el('label', {}, t('kpi.metric'), metric),
      el('button', { type: 'button', id: 'kpi-load', onclick: () => load() }, t('kpi.load'))),
    status, el('div', { class: 'chart-wrap' }, chart), downloads, el('div', { class: 'table-wrap' }, table));

  const labelOf = (row) => String(row[LABEL_FIELDS.find((f) => row[f] !== undefined && row[f] !== null)] ?? '—');
  const numericFields = () => [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')))];

  function drawChart() {
    const field = metric.value;
    chart.replaceChildren();
    if (!field || !rows.length) return;
    const max = Math.max(1, ...rows.map((r) => Number(r[field]) || 0));
    const barHeight = 26;
    const width = 900;
    chart.setAttribute('viewBox', `0 0 ${width} ${rows.length * barHeight + 10}`);
    rows.forEach((r, i) => {
      const value = Number(r[field]) || 0;
      const y = i * barHeight + 5;
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', 0); label.setAttribute('y', y + 17); label.textContent = labelOf(r);
      const bar = document.createElementNS(SVG, 'rect');
      bar.setAttribute('x', 260); bar.setAttribute('y', y); bar.setAttribute('height', barHeight - 6);
      bar.setAttribute('width', Math.max(1, (value / max) * (width - 360)));
      bar.setAttribute('class', 'bar');
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', 266 + (value / max) * (width - 360)); text.setAttribute('y', y + 17);
      text.textContent = Number.isInteger(value) ? value : value.toFixed(2);
      chart.append(label, bar, text);
    });
  }

  function drawTable() {
    const fields = numericFields();
    table.replaceChildren(el('thead', {}, el('tr', {}, el('th', {}, t(`kpi.by.${by.value}`)), fields.map((f) => el('th', {}, t(`kpi.field.${f}`) === `kpi.field.${f}` ? f : t(`kpi.field.${f}`))))),
      el('tbody', {}, rows.map((r) => el('tr', {}, el('td', {}, labelOf(r)), fields.map((f) => el('td', { class: 'num' }, String(r[f])))))));
  }

  async function load() {
    downloads.replaceChildren(el('a', { href: KPI_URL(by.value, at.value, 'csv'), download: '' }, 'CSV'), ' ',
      el('a', { href: CHART_URL(by.value, at.value, metric.value || 'satisfaction_rate'), target: '_blank' }, 'SVG'));
    status.className = 'muted';
    status.textContent = t('common.loading');
    try {
      rows = rowsOf(await getJson(KPI_URL(by.value, at.value)));
      status.textContent = rows.length ? '' : t('kpi.empty');
      const fields = numericFields();
      metric.replaceChildren(...fields.map((f) => el('option', { value: f }, t(`kpi.field.${f}`) === `kpi.field.${f}` ? f : t(`kpi.field.${f}`))));
      drawChart();
      drawTable();
    } catch (e) {
      rows = [];
      chart.replaceChildren();
      table.replaceChildren();
      downloads.replaceChildren();
      status.className = e.status === 404 ? 'notice unavailable' : 'error';
      status.dataset.status = e.status;
      status.textContent = e.status === 404 ? t('common.unavailable', { what: t('kpi.title') }) : e.message;
    }
  }

  period.addEventListener('change', () => { at.value = defaultAt(period.value); load(); });
  by.addEventListener('change', () => load());
  metric.addEventListener('change', drawChart);
  load();
}
