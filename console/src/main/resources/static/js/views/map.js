// Open cases by grid on the district's own GeoJSON polygons (no tiles can be fetched), kept live by the queue feed.
import { subscribeQueue, loadTerritory, loadCatalog } from '../api.js';
import { t, nameOf } from '../i18n.js';
import { el, countdown } from '../format.js';
import { liveState } from './queue.js';

const SVG = 'http://www.w3.org/2000/svg';
const SCALE = [0, 1, 2, 4, 8];

/** Open cases (distinct case ids) and breached ones per grid code. */
export function countByGrid(entries) {
  const grids = new Map();
  entries.forEach((e) => {
    if (!e.gridCode) return;
    const g = grids.get(e.gridCode) || { cases: new Set(), breached: new Set() };
    g.cases.add(e.caseId);
    if (e.breached) g.breached.add(e.caseId);
    grids.set(e.gridCode, g);
  });
  return grids;
}

function level(count) {
  let l = 0;
  SCALE.forEach((min, i) => { if (count >= min && min > 0) l = i; });
  return l;
}

export function mount(root) {
  let entries = [];
  let matters = {};
  let selected = null;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('id', 'grid-map');
  svg.setAttribute('role', 'img');
  const live = el('span', { class: 'live off' }, t('queue.connecting'));
  const panel = el('aside', { class: 'grid-panel', id: 'grid-panel' }, t('map.pick'));
  const legend = el('div', { class: 'legend' }, SCALE.map((min, i) => el('span', { class: `swatch l${i}` },
    i === 0 ? t('map.none') : (i === SCALE.length - 1 ? `≥${min}` : `${min}–${SCALE[i + 1] - 1}`))),
  el('span', { class: 'swatch breached-outline' }, t('map.breached')));
  const totals = el('span', { class: 'muted', id: 'map-totals' });
  root.append(el('div', { class: 'title-row' }, el('h1', {}, t('map.title')), live, totals), legend,
    el('div', { class: 'map-layout' }, el('div', { class: 'map-wrap' }, svg), panel));

  const polygons = new Map();

  function draw(territory) {
    const rings = territory.features.map((f) => f.geometry.coordinates[0]);
    const lons = rings.flat().map((p) => p[0]);
    const lats = rings.flat().map((p) => p[1]);
    const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
    const width = 1000;
    const scale = width / ((maxLon - minLon) * kx);
    const height = (maxLat - minLat) * scale;
    svg.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(height)}`);
    territory.features.forEach((f) => {
      const d = f.geometry.coordinates[0].map(([lon, lat], i) => `${i ? 'L' : 'M'}${((lon - minLon) * kx * scale).toFixed(1)},${((maxLat - lat) * scale).toFixed(1)}`).join('') + 'Z';
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      path.dataset.grid = f.properties.grid;
      path.classList.add('grid', 'l0');
      const title = document.createElementNS(SVG, 'title');
      path.append(title);
      path.addEventListener('click', () => { selected = f; paint(); });
      svg.append(path);
      polygons.set(f.properties.grid, { path, title, feature: f });
    });
  }

  function paint() {
    const counts = countByGrid(entries);
    let cases = 0;
    polygons.forEach(({ path, title, feature }, code) => {
      const c = counts.get(code);
      const n = c ? c.cases.size : 0;
      cases += n;
      path.setAttribute('class', `grid l${level(n)}${c && c.breached.size ? ' breached' : ''}${selected && selected.properties.grid === code ? ' selected' : ''}`);
      path.dataset.count = n;
      const p = feature.properties;
      title.textContent = `${p.gridName} ${code} · ${p.communityName} · ${p.streetName}\n${t('map.openCases', { count: n })}`;
    });
    totals.textContent = t('map.totals', { cases, grids: [...counts.keys()].filter((g) => polygons.has(g)).length });
    if (selected) {
      const p = selected.properties;
      const here = entries.filter((e) => e.gridCode === p.grid);
      panel.replaceChildren(el('h2', {}, `${p.gridName} (${p.grid})`), el('p', { class: 'muted' }, `${p.communityName} · ${p.streetName}`),
        here.length ? el('ul', {}, here.map((e) => el('li', { class: e.breached ? 'breached-text' : '' },
          el('a', { href: `#/case/${encodeURIComponent(e.caseId)}` }, e.caseId), ' ',
          nameOf(matters[e.matterCode], e.matterCode), ' · ', countdown(e.deadline).text)))
          : el('p', {}, t('map.noCases')));
    }
  }

  loadCatalog().then((c) => { matters = Object.fromEntries(c.matters.map((m) => [m.code, m])); }).catch(() => {});
  let close = () => {};
  loadTerritory().then((territory) => {
    draw(territory);
    paint();
    close = subscribeQueue({}, (list) => { entries = list; paint(); }, (ok, error) => { [live.className, live.textContent] = liveState(ok, error); });
  }).catch((e) => panel.replaceChildren(el('p', { class: 'error' }, e.message)));
  return () => close();
}
