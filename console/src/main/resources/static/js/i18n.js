// Message bundles per locale (JSON under /i18n), zh-CN by default; the choice is remembered in this browser.

const KEY = 'console.locale';
export const LOCALES = ['zh-CN', 'en'];
let messages = {};
let current = 'zh-CN';

export function locale() {
  return current;
}

export async function useLocale(wanted) {
  const chosen = LOCALES.includes(wanted) ? wanted : (localStorage.getItem(KEY) || 'zh-CN');
  const response = await fetch(`/i18n/${chosen}.json`);
  messages = await response.json();
  current = chosen;
  localStorage.setItem(KEY, chosen);
  document.documentElement.lang = chosen;
  translate(document);
  return chosen;
}

/** The message for key, with {name} placeholders filled; the key itself when a bundle lacks it. */
export function t(key, vars = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] ?? m));
}

/** Fills elements marked data-i18n (text), data-i18n-placeholder and data-i18n-title. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}

/** A catalog entry's name in the current language (nameZh / nameEn), else its code. */
export function nameOf(entry, fallback) {
  if (!entry) return fallback ?? '';
  return (current === 'en' ? entry.nameEn : entry.nameZh) || entry.nameZh || entry.nameEn || entry.code || fallback;
}
