// Languages demo: overriding a few strings through the `messages` property.
await customElements.whenDefined('article-feedback');

const custom = document.getElementById('custom-words');
if (custom) {
  custom.messages = {
    'feedback.heading': 'Ihre Meinung zählt',
    'list.empty': 'Noch keine Leserbriefe — schreiben Sie den ersten!',
    // A plural entry is a function of the CLDR plural category.
    'list.count': (category) => (category === 'one' ? '{n} Leserbrief' : '{n} Leserbriefe'),
  };
}
