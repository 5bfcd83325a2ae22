// The rating demo: an event log, and what a plain form would submit.
const log = document.getElementById('event-log');

function record(event) {
  const item = document.createElement('li');
  const source = event.composedPath()[0];
  const name = source instanceof Element ? source.getAttribute('name') || source.id || source.localName : '';
  item.textContent = `${new Date().toLocaleTimeString()} ${event.type} (${name}) ${JSON.stringify(event.detail)}`;
  log?.prepend(item);
}

for (const type of ['rating-change', 'rating-submitted']) {
  document.addEventListener(type, record);
}

const form = document.getElementById('plain-form');
const output = document.getElementById('form-output');
const fieldset = document.getElementById('plain-fieldset');
const toggle = document.getElementById('toggle-fieldset');

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const entries = [...new FormData(form)].map(([key, value]) => `${key}=${value}`);
  if (output) output.textContent = entries.length ? `Would submit: ${entries.join('&')}` : 'Would submit nothing.';
});

form?.addEventListener('reset', () => {
  if (output) output.textContent = '';
});

toggle?.addEventListener('click', () => {
  fieldset.disabled = !fieldset.disabled;
  toggle.textContent = fieldset.disabled ? 'Enable the fieldset' : 'Disable the fieldset';
});
