// Languages demo: a picker that puts the block in any of the thirty-one languages, and a few
// strings overridden through the `messages` property.
await customElements.whenDefined('article-feedback');

// Languages written right to left: the page says so with `dir`, the block follows.
const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa']);

const picker = document.getElementById('language-picker');
const holder = document.getElementById('picked-language');

/** Puts a new block (its own thread per language) in the holder, in `lang`. */
function show(lang) {
  holder.lang = lang;
  holder.dir = RIGHT_TO_LEFT.has(lang.split('-')[0]) ? 'rtl' : 'ltr';
  const block = document.createElement('article-feedback');
  block.setAttribute('endpoint', '/api');
  block.setAttribute('thread', `/demo/languages/${lang}`);
  holder.replaceChildren(block);
}

if (picker && holder) {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && [...picker.options].some((o) => o.value === asked)) picker.value = asked;
  show(picker.value);
  picker.addEventListener('change', () => {
    show(picker.value);
    const url = new URL(location.href);
    url.searchParams.set('lang', picker.value);
    history.replaceState(null, '', url);
  });
}

const custom = document.getElementById('custom-words');
if (custom) {
  custom.messages = {
    'feedback.heading': 'Ihre Meinung zählt',
    'list.empty': 'Noch keine Leserbriefe — schreiben Sie den ersten!',
    // A plural entry is a function of the CLDR plural category.
    'list.count': (category) => (category === 'one' ? '{n} Leserbrief' : '{n} Leserbriefe'),
  };
}
