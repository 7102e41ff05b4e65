// One case: state, tasks, timers with countdowns, responses, the audit timeline with its proof, operator actions.
import { getJson, postJson, loadCatalog } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el, countdown, dateTime, toast } from '../format.js';
import { kindOf, responseKinds, summaryOf } from '../timeline.js';
import { openAction } from '../dialog.js';
import { operatorName } from '../operator.js';

const REFRESH_MS = 3000;

export function mount(root, [caseId]) {
  let file = null;
  let events = [];
  let departments = [];
  let shownAsOf = '';
  const header = el('div', { class: 'title-row' }, el('h1', {}, t('case.title', { caseId })));
  const state = el('div', { class: 'case-state', id: 'case-state' });
  const actions = el('div', { class: 'actions', id: 'case-actions' });
  const tasks = el('tbody', { id: 'case-tasks' });
  const timers = el('tbody', { id: 'case-timers' });
  const responses = el('ul', { class: 'responses', id: 'case-responses' });
  const timeline = el('ol', { class: 'timeline', id: 'case-timeline' });
  const fileError = el('p', { class: 'error', hidden: true });
  const timelineError = el('p', { class: 'notice', hidden: true });
  const asOf = el('input', { type: 'datetime-local', id: 'timeline-asof', 'aria-label': t('case.asOf') });

  root.append(header, fileError, state, actions,
    el('div', { class: 'case-grid' },
      el('section', {}, el('h2', {}, t('case.tasks')), el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['case.department', 'case.role', 'case.status', 'case.signBy', 'case.resolveBy',
          'case.arriveBy', 'case.extensions', 'case.unit'].map((k) => el('th', {}, t(k))))), tasks))),
      el('section', {}, el('h2', {}, t('case.timers')), el('table', {},
        el('thead', {}, el('tr', {}, ['case.stage', 'case.kind', 'case.task', 'case.deadline', 'case.dueIn'].map((k) => el('th', {}, t(k))))), timers)),
      el('section', {}, el('h2', {}, t('case.responses')), responses)),
    el('section', {}, el('div', { class: 'title-row' }, el('h2', {}, t('case.timeline')),
      el('label', { class: 'inline' }, t('case.asOf'), asOf)), timelineError, timeline));

  function renderState() {
    if (!file) return;
    state.replaceChildren(
      el('span', { class: `pill state-${file.state}`, id: 'case-state-value' }, t(`state.${file.state}`)),
      file.paused ? el('span', { class: 'pill paused', id: 'case-paused' }, t('case.paused', { since: dateTime(file.pausedSince) })) : '',
      el('span', {}, `${t('case.matter')}: `, file.matterCode || '—'),
      el('span', { class: 'muted' }, `${t('case.catalog')}: ${file.catalogVersion || '—'}`));
    tasks.replaceChildren(...file.tasks.map((task) => el('tr', { dataset: { taskId: task.taskId }, class: task.status === 'RETURNED' ? 'returned' : '' },
      el('td', {}, nameOf(departments.find((d) => d.code === task.departmentCode), task.departmentCode)),
      el('td', {}, t(`role.${task.role}`)),
      el('td', {}, t(`status.${task.status}`)),
      ...['signBy', 'resolveBy', 'arriveBy'].map((k) => el('td', { class: 'deadline', dataset: { deadline: task[k] || '' } }, task[k] ? dateTime(task[k]) : '—')),
      el('td', {}, String(task.extensions)),
      el('td', {}, task.assignedUnit || task.ownerUnit || '—'))));
    timers.replaceChildren(...(file.timers.length ? file.timers.map((timer) => el('tr', {},
      el('td', {}, t(`stage.${timer.stage}`)), el('td', {}, t(`sla.${timer.kind}`)), el('td', { title: timer.taskId || '' }, timer.taskId ? timer.taskId.split('/').pop() : '—'),
      el('td', {}, dateTime(timer.deadline)), el('td', { class: 'countdown', dataset: { deadline: timer.dueAt } }, countdown(timer.dueAt).text)))
      : [el('tr', {}, el('td', { colspan: 5, class: 'empty' }, t('case.noTimers')))]));
    renderActions();
  }

  function renderTimeline() {
    const kinds = responseKinds(events);
    timeline.replaceChildren(...events.map((e) => {
      const kind = kindOf(e, kinds);
      return el('li', { class: `event topic-${(e.topic || '').replace(/[^a-z-]/g, '')}`, dataset: { kind } },
        el('div', { class: 'event-head' }, el('time', {}, dateTime(e.recordedAt)), el('b', {}, t(`event.${kind}`) === `event.${kind}` ? kind : t(`event.${kind}`)),
          el('span', { class: 'muted' }, e.topic)),
        el('div', { class: 'event-body' }, e.decodeError ? el('span', { class: 'error' }, e.decodeError) : summaryOf(e)),
        el('details', { class: 'proof' }, el('summary', {}, t('case.proof')),
          el('dl', {}, proofOf(e).map(([k, v]) => [el('dt', {}, k), el('dd', {}, String(v))]).flat())));
    }));
    responses.replaceChildren(...(events.filter((e) => e.topic === 'department-responses').map((e) => el('li', {},
      el('b', {}, t(`response.${e.payload.kind}`)), ' ', nameOf(departments.find((d) => d.code === e.payload.departmentCode), e.payload.departmentCode),
      ' · ', dateTime(e.payload.respondedAt), e.payload.note ? ` · ${e.payload.note}` : '', e.payload.returnReason ? ` · ${e.payload.returnReason}` : ''))));
    if (!responses.children.length) responses.append(el('li', { class: 'muted' }, t('case.noResponses')));
  }

  /** Where the event sits in the log: enough to find and check it (hash-chain fields when audit gives them). */
  function proofOf(e) {
    const proof = [['topic', e.topic], ['partition', e.partition], ['offset', e.offset], ['schemaId', e.schemaId ?? '—'],
      ['eventType', e.eventType || '—'], ['recordedAt', e.recordedAt]];
    ['seq', 'chainSeq', 'rowHash', 'prevHash', 'hash', 'checkpoint'].forEach((k) => { if (e[k] !== undefined) proof.push([k, e[k]]); });
    return proof;
  }

  function command(name, body, message) {
    return postJson(`/api/cases/${encodeURIComponent(caseId)}/${name}`, body, { 'X-Operator': operatorName() || 'console' })
      .then((answer) => { toast(t('action.accepted', { action: message, commandId: answer.commandId || '' }), 'ok'); setTimeout(refresh, 800); });
  }

  function renderActions() {
    const open = file.tasks.filter((task) => !['RESOLVED', 'WITHDRAWN', 'RETURNED'].includes(task.status));
    const returned = file.tasks.filter((task) => task.status === 'RETURNED');
    const taskOptions = (list) => list.map((task) => ({ value: task.taskId, label: `${nameOf(departments.find((d) => d.code === task.departmentCode), task.departmentCode)} · ${t(`status.${task.status}`)}` }));
    const button = (id, label, handler, disabled) => el('button', { type: 'button', id, disabled, onclick: handler }, label);
    actions.replaceChildren(
      file.paused
        ? button('action-resume', t('action.resume'), () => openAction({
          title: t('action.resume'), fields: [], summary: () => [t('action.resumeSummary', { caseId })],
          submit: () => command('resume', undefined, t('action.resume')),
        }))
        : button('action-pause', t('action.pause'), () => openAction({
          title: t('action.pause'),
          fields: [{ name: 'reason', label: t('action.reason'), type: 'textarea', required: true }],
          summary: (v) => [t('action.pauseSummary', { caseId }), `${t('action.reason')}: ${v.reason}`],
          submit: (v) => command('pause', { reason: v.reason }, t('action.pause')),
        }), file.state === 'CLOSED'),
      button('action-extension', t('action.extension'), () => openAction({
        title: t('action.extension'),
        fields: [{ name: 'taskId', label: t('case.task'), type: 'select', options: taskOptions(open), required: true },
          { name: 'hours', label: t('action.hours'), type: 'number', value: '8', min: '1', required: true },
          { name: 'reason', label: t('action.reason'), type: 'textarea', required: true }],
        summary: (v) => [t('action.extensionSummary', { hours: v.hours, task: v.taskId }), `${t('action.reason')}: ${v.reason}`],
        submit: (v) => command('extension', { taskId: v.taskId, extension: `PT${Number(v.hours)}H`, reason: v.reason }, t('action.extension')),
      }), open.length === 0),
      button('action-reroute', t('action.reroute'), () => openAction({
        title: t('action.reroute'),
        fields: [{ name: 'returnedTaskId', label: t('action.returnedTask'), type: 'select', options: taskOptions(returned), required: true },
          { name: 'toDepartment', label: t('action.toDepartment'), type: 'select', required: true,
            options: departments.map((d) => ({ value: d.code, label: nameOf(d) })) },
          { name: 'reason', label: t('action.reason'), type: 'textarea', required: true }],
        summary: (v) => [t('action.rerouteSummary', { task: v.returnedTaskId, department: nameOf(departments.find((d) => d.code === v.toDepartment), v.toDepartment) }), `${t('action.reason')}: ${v.reason}`],
        submit: (v) => command('reroute', v, t('action.reroute')),
      }), returned.length === 0),
      button('action-escalate', t('action.escalate'), () => openAction({
        title: t('action.escalate'),
        fields: [{ name: 'toUnit', label: t('action.toUnit'), type: 'text' },
          { name: 'reason', label: t('action.reason'), type: 'textarea', required: true }],
        summary: (v) => [t('action.escalateSummary', { caseId, unit: v.toUnit || t('action.nextInChain') }), `${t('action.reason')}: ${v.reason}`],
        submit: (v) => command('escalation', { reason: v.reason, toUnit: v.toUnit || null }, t('action.escalate')),
      }), file.state === 'CLOSED'),
      button('action-merge', t('action.merge'), () => openAction({
        title: t('action.merge'),
        fields: [{ name: 'intoCaseId', label: t('action.intoCase'), type: 'text', required: true }],
        summary: (v) => [t('action.mergeSummary', { caseId, into: v.intoCaseId })],
        submit: (v) => command('merge', { intoCaseId: v.intoCaseId }, t('action.merge')),
      }), file.state === 'CLOSED'));
  }

  async function refresh() {
    try {
      const next = await getJson(`/api/cases/${encodeURIComponent(caseId)}`);
      fileError.hidden = true;
      // Re-draw only on change, so an operator's open details and focus survive the polling.
      if (JSON.stringify(next) !== JSON.stringify(file)) { file = next; renderState(); }
    } catch (e) {
      fileError.textContent = e.status === 404 ? t('case.unknown', { caseId }) : e.message;
      fileError.hidden = false;
    }
    const when = asOf.value ? `?asOf=${encodeURIComponent(new Date(asOf.value).toISOString())}` : '';
    try {
      const next = (await getJson(`/api/cases/${encodeURIComponent(caseId)}/timeline${when}`)).events || [];
      timelineError.hidden = true;
      if (next.length !== events.length || when !== shownAsOf) { events = next; shownAsOf = when; renderTimeline(); }
    } catch (e) {
      events = [];
      renderTimeline();
      timelineError.textContent = e.status === 404 ? t('case.noTimeline') : e.message;
      timelineError.hidden = false;
    }
  }

  function tick() {
    root.querySelectorAll('td.countdown').forEach((cell) => {
      const left = countdown(cell.dataset.deadline);
      cell.textContent = left.text;
      cell.classList.toggle('breached-text', left.overdue);
    });
  }

  asOf.addEventListener('change', refresh);
  loadCatalog().then((c) => { departments = c.departments; renderState(); renderTimeline(); }).catch(() => {});
  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  const ticker = setInterval(tick, 1000);
  return () => { clearInterval(timer); clearInterval(ticker); };
}
