// The auditor's page: verify the audit log's hash chain, and start a replay and follow its progress.
import { getJson, postJson } from '../api.js';
import { t } from '../i18n.js';
import { el, dateTime } from '../format.js';

// audit-service endpoints (through the console's /api/audit pass-through)
export const VERIFY_URL = '/api/audit/verify';
export const REPLAYS_URL = '/api/audit/replays';

/** Progress of a replay as a fraction 0..1, from whichever counters audit reports. */
export function progressOf(replay) {
  if (typeof replay.progress === 'number') return replay.progress > 1 ? replay.progress / 100 : replay.progress;
  const done = replay.processed ?? replay.replayed ?? replay.done ?? replay.published;
  const total = replay.total ?? replay.expected;
  if (typeof done === 'number' && typeof total === 'number' && total > 0) return Math.min(1, done / total);
  return ['DONE', 'COMPLETED', 'FINISHED'].includes(String(replay.status || replay.state).toUpperCase()) ? 1 : 0;
}

function unavailableOr(e, box, what) {
  box.className = e.status === 404 ? 'notice unavailable' : 'error';
  box.dataset.status = e.status;
  box.textContent = e.status === 404 ? t('common.unavailable', { what }) : e.message;
}

export function mount(root) {
  const verifyResult = el('div', { id: 'verify-result' });
  const verifyButton = el('button', { type: 'button', id: 'verify-run' }, t('audit.verify'));
  const from = el('input', { type: 'datetime-local', id: 'replay-from', required: true });
  const to = el('input', { type: 'datetime-local', id: 'replay-to' });
  const caseId = el('input', { id: 'replay-case', placeholder: 'NG-…' });
  const target = el('input', { id: 'replay-target', placeholder: 'replay-…' });
  const bar = el('progress', { id: 'replay-progress', max: 100, value: 0 });
  const replayStatus = el('div', { id: 'replay-status' });
  const startButton = el('button', { type: 'button', id: 'replay-start' }, t('audit.replayStart'));
  let poll;

  root.append(el('h1', {}, t('audit.title')),
    el('section', { class: 'card' }, el('h2', {}, t('audit.verifyTitle')), el('p', { class: 'muted' }, t('audit.verifyLead')),
      verifyButton, verifyResult),
    el('section', { class: 'card' }, el('h2', {}, t('audit.replayTitle')), el('p', { class: 'muted' }, t('audit.replayLead')),
      el('div', { class: 'filters' }, el('label', {}, t('audit.from'), from), el('label', {}, t('audit.to'), to),
        el('label', {}, t('audit.caseId'), caseId), el('label', {}, t('audit.targetTopic'), target), startButton),
      bar, replayStatus));

  verifyButton.addEventListener('click', async () => {
    verifyButton.disabled = true;
    verifyResult.className = 'muted';
    verifyResult.textContent = t('common.loading');
    try {
      const report = await getJson(VERIFY_URL);
      verifyResult.className = report.ok ? 'result ok' : 'result error';
      verifyResult.dataset.ok = report.ok;
      const broken = report.firstBroken;
      verifyResult.replaceChildren(el('p', {}, el('b', {}, report.ok ? t('audit.intact') : t('audit.broken'))),
        el('dl', {}, [['audit.rowsChecked', report.rowsChecked], ['audit.checkpointsChecked', report.checkpointsChecked],
          ['audit.chainHead', report.chainHeadSeq], ['audit.checkedAt', dateTime(new Date().toISOString())]]
          .map(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, String(v ?? '—'))]).flat()),
        broken ? el('pre', { class: 'broken' }, JSON.stringify(broken, null, 2)) : '');
    } catch (e) {
      unavailableOr(e, verifyResult, t('audit.verifyTitle'));
    } finally {
      verifyButton.disabled = false;
    }
  });

  function follow(id) {
    clearInterval(poll);
    poll = setInterval(async () => {
      try {
        const replay = await getJson(`${REPLAYS_URL}/${encodeURIComponent(id)}`);
        const fraction = progressOf(replay);
        bar.value = Math.round(fraction * 100);
        replayStatus.className = 'muted';
        replayStatus.textContent = t('audit.replayProgress', { id, status: replay.status || replay.state || '', percent: bar.value });
        if (fraction >= 1 || ['FAILED', 'DONE', 'COMPLETED'].includes(String(replay.status || replay.state).toUpperCase())) clearInterval(poll);
      } catch (e) {
        clearInterval(poll);
        unavailableOr(e, replayStatus, t('audit.replayTitle'));
      }
    }, 1000);
  }

  startButton.addEventListener('click', async () => {
    if (!from.value) { replayStatus.className = 'error'; replayStatus.textContent = t('action.missing', { field: t('audit.from') }); return; }
    bar.value = 0;
    try {
      const started = await postJson(REPLAYS_URL, {
        from: new Date(from.value).toISOString(), to: to.value ? new Date(to.value).toISOString() : undefined,
        caseId: caseId.value.trim() || undefined, targetTopic: target.value.trim() || undefined,
      });
      const id = started.replayId || started.id;
      replayStatus.textContent = t('audit.replayStarted', { id });
      follow(id);
    } catch (e) {
      unavailableOr(e, replayStatus, t('audit.replayTitle'));
    }
  });
  return () => clearInterval(poll);
}
