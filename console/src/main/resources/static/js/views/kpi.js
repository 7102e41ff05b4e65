// KPI charts per department, street or community and per month, quarter or year, from audit's KPI API.
import { getJson, query, loadCatalog, loadTerritory } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el } from '../format.js';

// Where the KPIs come from: audit-service's assessment (JSON, CSV, and an SVG chart per KPI).
export const KPI_URL = (by, at, format = '') => `/api/assessment${query({ period: at, by, format: format || undefined })}`;
export const CHART_URL = (by, at, kpi) => `/api/assessment/chart${query({ period: at, by, kpi })}`;
const SVG = 'http://www.w3.org/2000/svg';

/**
 * One row per unit from audit's answer ({assessment: {units: [{unit, tally: {counts}, rates: {code: {value}}}]}}):
 * the unit's code, its counts, and its rates as fractions (a rate with nothing to count, value null, is left out).
 */
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

/** Rates are the KPI codes (response_rate, …): fractions, shown as percentages on a 0–100 % scale. */
const isRate = (field) => field.endsWith('_rate');
const shown = (field, value) => (isRate(field) ? `${(value * 100).toFixed(1)}%` : String(value));
const fieldName = (field) => (t(`kpi.field.${field}`) === `kpi.field.${field}` ? field : t(`kpi.field.${field}`));

// The assessment puts a case in the period of its dispatch in the district's time zone: "now" is read there too.
const DISTRICT_ZONE = 'Asia/Shanghai';

function defaultAt(period) {
  const now = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: DISTRICT_ZONE, year: 'numeric', month: 'numeric' })
    .formatToParts(new Date()).map((part) => [part.type, Number(part.value)]));
  if (period === 'year') return String(now.year);
  if (period === 'quarter') return `${now.year}-Q${Math.floor((now.month - 1) / 3) + 1}`;
  return `${now.year}-${String(now.month).padStart(2, '0')}`;
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
  // Unit names by grouping and code: departments from the catalog, streets and communities from the territory.
  const names = { department: {}, street: {}, community: {} };

  root.append(el('h1', {}, t('kpi.title')),
    el('div', { class: 'filters' }, el('label', {}, t('kpi.by'), by), el('label', {}, t('kpi.period'), period),
      el('label', {}, t('kpi.at'), at), el('label', {}, t('kpi.metric'), metric),
      el('button', { type: 'button', id: 'kpi-load', onclick: () => load() }, t('kpi.load'))),
    status, el('div', { class: 'chart-wrap' }, chart), downloads, el('div', { class: 'table-wrap' }, table));

  const labelOf = (row) => names[by.value][row.unit] || row.unit;
  const numericFields = () => [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => typeof r[k] === 'number')))];

  function drawChart() {
    const field = metric.value;
    chart.replaceChildren();
    if (!field || !rows.length) return;
    const max = isRate(field) ? 1 : Math.max(1, ...rows.map((r) => Number(r[field]) || 0));
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
      bar.setAttribute('data-unit', r.unit);
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', 266 + (value / max) * (width - 360)); text.setAttribute('y', y + 17);
      text.textContent = r[field] === undefined ? '—' : shown(field, value);
      chart.append(label, bar, text);
    });
  }

  function drawTable() {
    const fields = numericFields();
    table.replaceChildren(el('thead', {}, el('tr', {}, el('th', {}, t(`kpi.by.${by.value}`)), fields.map((f) => el('th', {}, fieldName(f))))),
      el('tbody', {}, rows.map((r) => el('tr', { 'data-unit': r.unit }, el('td', {}, labelOf(r)),
        fields.map((f) => el('td', { class: 'num' }, r[f] === undefined ? '—' : shown(f, r[f])))))));
  }

  async function load() {
    downloads.replaceChildren(el('a', { href: KPI_URL(by.value, at.value, 'csv'), download: '' }, 'CSV'), ' ',
      el('a', { href: CHART_URL(by.value, at.value, isRate(metric.value || '') ? metric.value : 'satisfaction_rate'), target: '_blank' }, 'SVG'));
    status.className = 'muted';
    status.textContent = t('common.loading');
    try {
      rows = rowsOf(await getJson(KPI_URL(by.value, at.value)));
      status.textContent = rows.length ? '' : t('kpi.empty');
      const fields = numericFields();
      const chosen = metric.value;
      metric.replaceChildren(...fields.map((f) => el('option', { value: f }, fieldName(f))));
      if (fields.includes(chosen)) metric.value = chosen;
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
  // Names arrive when they do; until then a unit shows its code.
  Promise.allSettled([loadCatalog(), loadTerritory()]).then(([catalog, territory]) => {
    if (catalog.status === 'fulfilled') catalog.value.departments.forEach((d) => { names.department[d.code] = nameOf(d, d.code); });
    if (territory.status === 'fulfilled') {
      territory.value.streets.forEach((s) => { names.street[s.code] = s.name; });
      territory.value.communities.forEach((c) => { names.community[c.code] = c.name; });
    }
    if (rows.length) { drawChart(); drawTable(); }
  });
}
