// Countdowns and times, in the page's language.
import { locale, t } from './i18n.js';

/** "2d 3h", "1h 05m", "4m 09s"; negative values are time overdue. */
export function duration(seconds) {
  const s = Math.abs(Math.trunc(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}${t('unit.d')} ${h}${t('unit.h')}`;
  if (h > 0) return `${h}${t('unit.h')} ${String(m).padStart(2, '0')}${t('unit.m')}`;
  return `${m}${t('unit.m')} ${String(sec).padStart(2, '0')}${t('unit.s')}`;
}

/** Time left until an ISO instant, as text with the overdue state. */
export function countdown(deadline, now = Date.now()) {
  if (!deadline) return { text: '—', overdue: false, seconds: Infinity };
  const seconds = (Date.parse(deadline) - now) / 1000;
  return seconds < 0
    ? { text: t('sla.overdue', { time: duration(seconds) }), overdue: true, seconds }
    : { text: duration(seconds), overdue: false, seconds };
}

export function dateTime(value) {
  if (value === null || value === undefined || value === '') return '—';
  const date = typeof value === 'number' ? new Date(value) : new Date(Date.parse(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale(), { hour12: false });
}

/** Makes an element from a tag, attributes and children (strings become text, never HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat().forEach((c) => {
    if (c === undefined || c === null || c === false) return;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  });
  return node;
}

/** Shows a short message at the bottom of the screen. */
export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.className = kind;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 6000);
}
