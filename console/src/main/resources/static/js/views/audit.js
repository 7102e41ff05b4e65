// The auditor's page: verify the audit log's hash chain, and start a replay and follow its progress.
import { getJson, postJson } from '../api.js';
import { t } from '../i18n.js';
import { el, dateTime } from '../format.js';

// audit-service endpoints (through the console's /api/audit pass-through)
export const VERIFY_URL = '/api/audit/verify';
export const REPLAYS_URL = '/api/audit/replays';

/**
 * How far a replay is, 0..1, from audit's answer to GET /api/audit/replays/{id} (ReplayProgress: status QUEUED,
 * RUNNING, DONE or FAILED; published + withheld of total records gone through). Only DONE is 1: until then the
 * last records may be sent but not yet acknowledged by the broker.
 */
export function progressOf(replay) {
  if (replay.status === 'DONE') return 1;
  return replay.total > 0 ? Math.min(0.99, (replay.published + replay.withheld) / replay.total) : 0;
}

const FINISHED = ['DONE', 'FAILED'];

/** A datetime-local input's value for a moment, in the browser's time zone. */
function localInput(date) {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function unavailableOr(e, box, what) {
  box.className = e.status === 404 ? 'notice unavailable' : 'error';
  box.dataset.status = e.status;
  box.textContent = e.status === 404 ? t('common.unavailable', { what }) : e.message;
}

export function mount(root) {
  const verifyResult = el('div', { id: 'verify-result' });
  const verifyButton = el('button', { type: 'button', id: 'verify-run' }, t('audit.verify'));
  const now = new Date();
  // The last hour, into a new topic named after its start: the usual replay, ready to go.
  const from = el('input', { type: 'datetime-local', id: 'replay-from', required: true, value: localInput(new Date(now - 3600000)) });
  const to = el('input', { type: 'datetime-local', id: 'replay-to' });
  const target = el('input', { id: 'replay-target', required: true, size: 28,
    value: `replay-${localInput(now).replace(/[-:]/g, '').replace('T', '-')}` });
  const bar = el('progress', { id: 'replay-progress', max: 100, value: 0 });
  const replayStatus = el('div', { id: 'replay-status' });
  const startButton = el('button', { type: 'button', id: 'replay-start' }, t('audit.replayStart'));
  let poll;

  root.append(el('h1', {}, t('audit.title')),
    el('section', { class: 'card' }, el('h2', {}, t('audit.verifyTitle')), el('p', { class: 'muted' }, t('audit.verifyLead')),
      verifyButton, verifyResult),
    el('section', { class: 'card' }, el('h2', {}, t('audit.replayTitle')), el('p', { class: 'muted' }, t('audit.replayLead')),
      el('div', { class: 'filters' }, el('label', {}, t('audit.from'), from), el('label', {}, t('audit.to'), to),
        el('label', {}, t('audit.targetTopic'), target), startButton),
      bar, replayStatus));

  verifyButton.addEventListener('click', async () => {
    verifyButton.disabled = true;
    verifyResult.className = 'muted';
    verifyResult.textContent = t('common.loading');
    try {
      const report = await getJson(VERIFY_URL);
      verifyResult.className = report.ok ? 'result ok' : 'result error';
      verifyResult.dataset.ok = report.ok;
      verifyResult.dataset.rowsChecked = report.rowsChecked;
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

  function show(replay) {
    bar.value = Math.round(progressOf(replay) * 100);
    replayStatus.dataset.status = replay.status;
    const counts = { id: replay.id, status: t(`audit.status.${replay.status}`), percent: bar.value,
      published: replay.published, withheld: replay.withheld, total: replay.total };
    if (replay.status === 'FAILED') {
      replayStatus.className = 'error';
      replayStatus.textContent = t('audit.replayFailed', { ...counts, error: replay.error || '' });
    } else {
      replayStatus.className = replay.status === 'DONE' ? 'result ok' : 'muted';
      replayStatus.textContent = t(replay.status === 'DONE' ? 'audit.replayDone' : 'audit.replayProgress', counts);
    }
  }

  function follow(id) {
    clearInterval(poll);
    poll = setInterval(async () => {
      try {
        const replay = await getJson(`${REPLAYS_URL}/${encodeURIComponent(id)}`);
        show(replay);
        if (FINISHED.includes(replay.status)) clearInterval(poll);
      } catch (e) {
        clearInterval(poll);
        unavailableOr(e, replayStatus, t('audit.replayTitle'));
      }
    }, 1000);
  }

  startButton.addEventListener('click', async () => {
    const missing = !from.value ? 'audit.from' : !target.value.trim() ? 'audit.targetTopic' : null;
    if (missing) { replayStatus.className = 'error'; replayStatus.textContent = t('action.missing', { field: t(missing) }); return; }
    clearInterval(poll);
    bar.value = 0;
    delete replayStatus.dataset.status;
    startButton.disabled = true;
    try {
      // Audit answers 202 at once with the replay's progress, which GET /api/audit/replays/{id} then follows.
      const started = await postJson(REPLAYS_URL, {
        topic: target.value.trim(), from: new Date(from.value).toISOString(),
        to: (to.value ? new Date(to.value) : new Date()).toISOString(),
      }, { Prefer: 'respond-async' });
      show(started);
      if (!FINISHED.includes(started.status)) follow(started.id);
    } catch (e) {
      unavailableOr(e, replayStatus, t('audit.replayTitle'));
    } finally {
      startButton.disabled = false;
    }
  });
  return () => clearInterval(poll);
}
