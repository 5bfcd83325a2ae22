// Themes demo: live controls for the newspaper block, and the theme's CSS shown as text.
const paper = document.querySelector('article-feedback.newspaper');
const form = document.getElementById('theme-form');
const samples = [
  ...document.querySelectorAll('.theme-sample--light article-feedback, .theme-sample--dark article-feedback'),
];
const original = samples.map((el) => el.getAttribute('theme'));

form?.addEventListener('input', (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement)) return;
  if (input.name === 'theme') {
    samples.forEach((el, i) => el.setAttribute('theme', input.value || original[i] || 'auto'));
    return;
  }
  if (input.name.startsWith('--af-')) {
    paper?.style.setProperty(input.name, input.value + (input.dataset.unit ?? ''));
  }
});

// Show the theme part of themes.css, so the page documents itself.
const pre = document.getElementById('theme-css');
if (pre) {
  fetch('/themes.css')
    .then((response) => (response.ok ? response.text() : ''))
    .then((text) => {
      const match = /\/\* BEGIN THEME \*\/\n([\s\S]*?)\/\* END THEME \*\//.exec(text);
      pre.textContent = match ? match[1].trim() : text;
    })
    .catch(() => {
      pre.textContent = 'See themes.css.';
    });
}
