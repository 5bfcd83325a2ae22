// Logs the form's public events, as a publisher's analytics hook would see them.
const log = document.getElementById('event-log');

function record(event) {
  const item = document.createElement('li');
  const detail = { ...event.detail };
  if ('email' in detail) detail.email = '(hidden in this log)';
  item.textContent = `${new Date().toLocaleTimeString()} ${event.type} ${JSON.stringify(detail)}`;
  log?.prepend(item);
}

for (const type of ['comment-submit', 'comment-submitted', 'comment-error']) {
  document.addEventListener(type, record);
}
