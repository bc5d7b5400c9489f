// Progressive enhancement only: every flow works without this file.
document.documentElement.classList.add('js');

// Move focus to the error summary so screen-reader and keyboard users hear what to fix (GOV.UK pattern).
const summary = document.querySelector('[data-error-summary]');
if (summary instanceof HTMLElement) summary.focus();

// Conditional reveal: a radio with data-reveals="id" shows that element only while it is checked.
for (const radio of document.querySelectorAll('input[type="radio"][data-reveals]')) {
  const target = document.getElementById(radio.getAttribute('data-reveals') ?? '');
  if (!target) continue;
  const group = document.querySelectorAll(`input[type="radio"][name="${radio.name}"]`);
  const update = () => target.setAttribute('data-hidden-until-revealed', radio.checked ? 'false' : 'true');
  for (const r of group) r.addEventListener('change', update);
  update();
}
