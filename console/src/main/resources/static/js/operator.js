// Who gives operator commands (sent as X-Operator); set in the header, remembered in this browser.

export function operatorName() {
  const input = document.getElementById('operator');
  return ((input && input.value) || localStorage.getItem('console.operator') || '').trim();
}
