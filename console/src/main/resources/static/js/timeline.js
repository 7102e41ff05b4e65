// Names for audit timeline events. Audit stores a union's branch without its name, so a case event's kind is read
// from the fields it carries (a `payloadType` from audit, when present, wins).

const CASE_EVENT_FIELDS = [
  ['IncidentDispatched', 'leadDepartment'], ['TaskAccepted', 'staffId'], ['CaseRerouted', 'newTaskId'],
  ['ExtensionGranted', 'extensionMillis'], ['CaseRated', 'satisfied'], ['CaseReopened', 'reopenCount'],
  ['CaseMerged', 'intoCaseId'], ['CaseClosed', 'closure'], ['CommandRefused', 'commandId'],
  ['CaseResumed', 'pausedMillis'], ['CaseEscalated', 'fromUnit'],
];
const COMMAND_FIELDS = [
  ['RerouteTask', 'returnedTaskId'], ['ExtendTask', 'extensionMillis'], ['RateCase', 'satisfied'],
  ['MergeCase', 'intoCaseId'], ['EscalateCase', 'toUnit'],
];

function byField(table, body) {
  const hit = table.find(([, field]) => body && Object.prototype.hasOwnProperty.call(body, field));
  return hit && hit[0];
}

/** The kind of one timeline event: a case-event branch, a command, or the topic's own kind. */
export function kindOf(event, responseKinds = {}) {
  const p = event.payload || {};
  if (p.payloadType) return p.payloadType;
  const topic = event.topic || '';
  if (event.decodeError) return 'Undecodable';
  if (topic === 'case-events') {
    const body = p.payload || {};
    const known = byField(CASE_EVENT_FIELDS, body);
    if (known) return known;
    if ('responseId' in body) {
      // TaskProgressed, TaskResolved, TaskReturned and ResponseRefused differ only by the response they answer.
      const kind = responseKinds[body.responseId];
      if ('note' in body) return kind === 'RESOLVED' ? 'TaskResolved' : 'TaskProgressed';
      return kind === 'RETURNED' ? 'TaskReturned' : 'ResponseRefused';
    }
    if ('reason' in body && 'operator' in body) return 'CasePaused';
    return 'CaseEvent';
  }
  if (topic === 'operator-commands') {
    const command = p.command || {};
    if ('reason' in command && !('toUnit' in command) && Object.keys(command).length <= 1) return 'PauseForCitizen';
    return byField(COMMAND_FIELDS, command) || (Object.keys(command).length === 0 ? 'ResumeFromCitizen' : 'OperatorCommand');
  }
  if (topic === 'incident-reports') return 'IncidentReported';
  if (topic === 'incident-submissions') return 'IncidentSubmission';
  if (topic === 'department-responses') return `Response${p.kind ? `.${p.kind}` : ''}`;
  if (topic === 'sla-events') return `Sla.${p.kind || ''}`;
  if (topic === 'notifications') return 'NotificationSent';
  if (topic === 'notification-failures') return 'NotificationFailed';
  if (topic.startsWith('department-tasks-')) return 'DepartmentTask';
  if (topic.endsWith('-dlq')) return 'DeadLetter';
  return topic;
}

/** responseId → kind, from the department responses on the same timeline. */
export function responseKinds(events) {
  return Object.fromEntries(events.filter((e) => e.topic === 'department-responses' && e.payload)
    .map((e) => [e.payload.responseId, e.payload.kind]));
}

/** A short line on what the event says. */
export function summaryOf(event) {
  const p = event.payload || {};
  const body = event.topic === 'case-events' ? (p.payload || {}) : (event.topic === 'operator-commands' ? { operator: p.operator, ...(p.command || {}) } : p);
  const keys = ['departmentCode', 'leadDepartment', 'toDepartment', 'taskId', 'stage', 'kind', 'reason', 'returnReason',
    'note', 'operator', 'toUnit', 'intoCaseId', 'channel', 'category', 'description', 'recipient', 'notificationChannel'];
  return keys.filter((k) => body[k] !== undefined && body[k] !== null && body[k] !== '')
    .map((k) => `${k}: ${typeof body[k] === 'object' ? JSON.stringify(body[k]) : body[k]}`).join(' · ');
}
