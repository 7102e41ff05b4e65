// Live dispatch queues per department and street: SLA countdowns, breached tasks first, no manual refresh.
import { subscribeQueue, loadCatalog, loadTerritory } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { countdown, el, dateTime } from '../format.js';

const FILTER_KEY = 'console.queueFilter';

/** Breached first, then the nearest deadline. */
export function ordered(entries) {
  return [...entries].sort((a, b) => (Number(b.breached) - Number(a.breached))
    || (Date.parse(a.deadline || 0) - Date.parse(b.deadline || 0)));
}

/** The live badge's class and text for the feed's state. */
export function liveState(ok, error) {
  if (ok) return ['live on', t('queue.live')];
  return ['live off', error && [401, 403].includes(error.status) ? t('queue.unauthorized') : t('queue.reconnecting')];
}

export function mount(root) {
  const filter = JSON.parse(localStorage.getItem(FILTER_KEY) || '{}');
  let entries = [];
  let departments = {};
  let matters = {};
  let streets = [];
  let communities = [];
  let close = () => {};

  const live = el('span', { class: 'live off', id: 'live' }, t('queue.connecting'));
  const updated = el('span', { class: 'muted', id: 'updated' });
  const department = el('select', { id: 'filter-department', 'aria-label': t('queue.department') });
  const street = el('select', { id: 'filter-street', 'aria-label': t('queue.street') });
  const community = el('select', { id: 'filter-community', 'aria-label': t('queue.community') });
  const summary = el('div', { class: 'summary-bar', id: 'queue-summary' });
  const byDepartment = el('div', { class: 'chips', id: 'by-department' });
  const byStreet = el('div', { class: 'chips', id: 'by-street' });
  const body = el('tbody', { id: 'queue-rows' });

  root.append(
    el('div', { class: 'title-row' }, el('h1', {}, t('queue.title')), live, updated),
    el('div', { class: 'filters' },
      el('label', {}, t('queue.department'), department),
      el('label', {}, t('queue.street'), street),
      el('label', {}, t('queue.community'), community)),
    summary,
    el('div', { class: 'groups' },
      el('section', {}, el('h2', {}, t('queue.byDepartment')), byDepartment),
      el('section', {}, el('h2', {}, t('queue.byStreet')), byStreet)),
    el('div', { class: 'table-wrap' }, el('table', { class: 'queue', id: 'queue-table' },
      el('thead', {}, el('tr', {},
        ['queue.remaining', 'queue.stage', 'queue.case', 'queue.matter', 'queue.department', 'queue.place',
          'queue.status', 'queue.description'].map((k) => el('th', {}, t(k))))),
      body)));

  function options(select, items, selected, allLabel) {
    select.replaceChildren(el('option', { value: '' }, allLabel),
      ...items.map((i) => el('option', { value: i.code, selected: i.code === selected }, i.label)));
  }

  function fillFilters() {
    options(department, Object.values(departments).map((d) => ({ code: d.code, label: nameOf(d) })),
      filter.department, t('queue.allDepartments'));
    options(street, streets.map((s) => ({ code: s.code, label: `${s.name} (${s.code})` })), filter.street,
      t('queue.allStreets'));
    options(community, communities.filter((c) => !filter.street || c.street === filter.street)
      .map((c) => ({ code: c.code, label: `${c.name} (${c.code})` })), filter.community, t('queue.allCommunities'));
  }

  function chips(box, counts, field, label) {
    box.replaceChildren(...[...counts.entries()].sort((a, b) => b[1].breached - a[1].breached || b[1].open - a[1].open)
      .map(([code, c]) => el('button', {
        type: 'button', class: `chip${c.breached ? ' breached' : ''}${filter[field] === code ? ' active' : ''}`,
        dataset: { code }, onclick: () => setFilter({ [field]: filter[field] === code ? '' : code, ...(field === 'street' ? { community: '' } : {}) }),
      }, label(code), el('b', {}, ` ${c.open}`), c.breached ? el('span', { class: 'badge' }, ` ${c.breached}`) : '')));
  }

  function tally(key) {
    const counts = new Map();
    entries.forEach((e) => {
      const c = counts.get(e[key]) || { open: 0, breached: 0 };
      c.open += 1;
      c.breached += e.breached ? 1 : 0;
      counts.set(e[key], c);
    });
    return counts;
  }

  function render() {
    const rows = ordered(entries);
    const breached = rows.filter((e) => e.breached).length;
    summary.replaceChildren(el('span', {}, t('queue.open', { count: rows.length })),
      el('span', { class: breached ? 'breached-text' : '' }, t('queue.breached', { count: breached })));
    chips(byDepartment, tally('departmentCode'), 'department', (code) => nameOf(departments[code], code));
    const streetNames = Object.fromEntries(streets.map((s) => [s.code, s.name]));
    chips(byStreet, tally('streetCode'), 'street', (code) => streetNames[code] || code || '—');
    body.replaceChildren(...(rows.length ? rows.map((e) => {
      const left = countdown(e.deadline);
      return el('tr', { class: left.overdue ? 'breached' : '', dataset: { caseId: e.caseId, taskId: e.taskId } },
        el('td', { class: 'countdown', dataset: { deadline: e.deadline || '' } }, left.text),
        el('td', {}, t(`stage.${e.stage}`)),
        el('td', {}, el('a', { href: `#/case/${encodeURIComponent(e.caseId)}` }, e.caseId)),
        el('td', {}, nameOf(matters[e.matterCode], e.matterCode)),
        el('td', {}, nameOf(departments[e.departmentCode], e.departmentCode), e.role === 'LEAD' ? '' : el('small', {}, ` (${t('role.' + e.role)})`)),
        el('td', {}, [e.streetCode, e.communityCode, e.gridCode].filter(Boolean).join(' › ')),
        el('td', {}, t(`status.${e.taskStatus}`)),
        el('td', { class: 'description' }, e.description || ''));
    }) : [el('tr', {}, el('td', { colspan: 8, class: 'empty' }, t('queue.empty')))]));
  }

  function tick() {
    body.querySelectorAll('td.countdown').forEach((cell) => {
      const left = countdown(cell.dataset.deadline);
      cell.textContent = left.text;
      cell.parentElement.classList.toggle('breached', left.overdue);
    });
  }

  function connect() {
    close();
    live.className = 'live off';
    live.textContent = t('queue.connecting');
    close = subscribeQueue(filter, (list) => {
      entries = list;
      updated.textContent = t('queue.updated', { time: dateTime(new Date().toISOString()) });
      render();
    }, (ok, error) => { [live.className, live.textContent] = liveState(ok, error); });
  }

  function setFilter(change) {
    Object.assign(filter, change);
    localStorage.setItem(FILTER_KEY, JSON.stringify(filter));
    fillFilters();
    connect();
  }

  department.addEventListener('change', () => setFilter({ department: department.value }));
  street.addEventListener('change', () => setFilter({ street: street.value, community: '' }));
  community.addEventListener('change', () => setFilter({ community: community.value }));

  Promise.allSettled([loadCatalog(), loadTerritory()]).then(([c, g]) => {
    if (c.status === 'fulfilled') {
      departments = Object.fromEntries(c.value.departments.map((d) => [d.code, d]));
      matters = Object.fromEntries(c.value.matters.map((m) => [m.code, m]));
    }
    if (g.status === 'fulfilled') {
      streets = g.value.streets;
      communities = g.value.communities;
    }
    fillFilters();
    render();
  });
  fillFilters();
  render();
  connect();
  const timer = setInterval(tick, 1000);
  return () => { clearInterval(timer); close(); };
}
