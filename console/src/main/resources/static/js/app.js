// The shell: header (language, operator, wall mode) and a hash router over the views.
import { useLocale, locale, translate } from './i18n.js';
import * as queue from './views/queue.js';
import * as map from './views/map.js';
import * as caseView from './views/case.js';
import * as report from './views/report.js';
import * as kpi from './views/kpi.js';
import * as audit from './views/audit.js';

const ROUTES = { queue, map, case: caseView, new: report, kpi, audit };
let unmount = () => {};

function route() {
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'queue').split('/');
  const view = ROUTES[name] || queue;
  unmount();
  const main = document.getElementById('view');
  main.replaceChildren();
  main.dataset.view = ROUTES[name] ? name : 'queue';
  document.querySelectorAll('.nav a').forEach((a) => a.classList.toggle('active', a.dataset.route === name));
  unmount = view.mount(main, rest.map(decodeURIComponent)) || (() => {});
  translate(main);
}

function setupHeader() {
  const operator = document.getElementById('operator');
  operator.value = localStorage.getItem('console.operator') || 'operator-1';
  operator.addEventListener('change', () => localStorage.setItem('console.operator', operator.value.trim()));

  // A bearer token from the identity provider; without one the console acts with its own dev token, if any.
  const token = document.getElementById('token');
  token.value = sessionStorage.getItem('console.token') || '';
  token.addEventListener('change', () => { sessionStorage.setItem('console.token', token.value.trim()); route(); });

  const wallParam = new URLSearchParams(location.search).get('wall');
  if (wallParam !== null) localStorage.setItem('console.wall', wallParam === '1' ? '1' : '0');
  const applyWall = () => document.documentElement.classList.toggle('wall', localStorage.getItem('console.wall') === '1');
  applyWall();
  document.getElementById('wall').addEventListener('click', () => {
    localStorage.setItem('console.wall', localStorage.getItem('console.wall') === '1' ? '0' : '1');
    applyWall();
  });

  const select = document.getElementById('locale');
  select.value = locale();
  select.addEventListener('change', async () => {
    await useLocale(select.value);
    route();
  });
}

await useLocale();
setupHeader();
window.addEventListener('hashchange', route);
route();
