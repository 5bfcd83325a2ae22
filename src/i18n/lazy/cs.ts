import type { Catalogue } from '../types.js';

/**
 * Czech, with the polite "vy" (imperatives like "Zadejte"). Plurals: `one` 1; `few` 2–4;
 * `many` fractions; `other` 0 and 5 and more.
 */
const czech: Catalogue = {
  'feedback.heading': 'Přidat komentář',
  'feedback.rateLabel': 'Ohodnoťte tento článek:',

  'form.label': 'Napsat komentář',
  'form.email': 'E-mail',
  'form.name': 'Jméno',
  'form.message': 'Zpráva',
  'form.rating': 'Vaše hodnocení',
  'form.honeypot': 'Toto pole nechte prázdné',
  'form.submit': 'Odeslat komentář',
  'form.reply': 'Odeslat odpověď',
  'form.sending': 'Odesílání…',
  'form.valid': 'V pořádku!',
  'form.charsLeft': (c) =>
    c === 'one'
      ? 'Zbývá {n} znak'
      : c === 'few'
        ? 'Zbývají {n} znaky'
        : c === 'many'
          ? 'Zbývá {n} znaku'
          : 'Zbývá {n} znaků',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} pole vyžaduje vaši pozornost.'
      : c === 'few'
        ? '{n} pole vyžadují vaši pozornost.'
        : c === 'many'
          ? '{n} pole vyžaduje vaši pozornost.'
          : '{n} polí vyžaduje vaši pozornost.',
  'form.published': 'Děkujeme! Váš komentář byl zveřejněn.',
  'form.pending': 'Děkujeme! Váš komentář čeká na schválení.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Komentujete příliš rychle. Zkuste to znovu za {n} sekundu.'
      : c === 'few'
        ? 'Komentujete příliš rychle. Zkuste to znovu za {n} sekundy.'
        : c === 'many'
          ? 'Komentujete příliš rychle. Zkuste to znovu za {n} sekundy.'
          : 'Komentujete příliš rychle. Zkuste to znovu za {n} sekund.',
  'form.failed': 'Komentář se nepodařilo odeslat. Je uložen zde – zkuste to znovu.',
  'form.retry': 'Zkusit znovu',
  'form.rejected': 'Váš komentář nebyl přijat. Zkontrolujte ho a zkuste to znovu.',
  'form.draftRestored': 'Váš neodeslaný komentář byl obnoven.',

  'email.required': 'Zadejte e-mailovou adresu.',
  'email.invalid': 'Zadejte platnou e-mailovou adresu.',
  'email.tooLong': 'Tato e-mailová adresa je příliš dlouhá.',
  'name.required': 'Zadejte své jméno.',
  'name.tooLong': 'Jméno může mít nejvýše {max} znaků.',
  'name.control': 'Odstraňte ze jména neviditelné řídicí znaky.',
  'message.required': 'Napište zprávu.',
  'message.tooLong': 'Zkraťte zprávu nejvýše na {max} znaků.',
  'message.control': 'Odstraňte ze zprávy neviditelné řídicí znaky.',
  'rating.required': 'Ohodnoťte prosím tento článek.',
  'rating.range': 'Vyberte 1 až {max} hvězdiček.',
  'captcha.required': 'Potvrďte reCAPTCHA.',
  'captcha.requiredOther': 'Vyplňte captchu.',
  'captcha.invalid': 'Captchu se nepodařilo ověřit. Zkuste to znovu.',
  'captcha.label': 'Ochrana proti spamu',
  'captcha.verifying': 'Ověřování…',
  'captcha.verified': 'Ověřeno',
  'captcha.error': 'Ověření se nezdařilo. Zkuste to znovu.',
  'captcha.unavailable': 'Captchu se nepodařilo načíst. Zkuste to později.',
  'parent.invalid': 'Komentář, na který odpovídáte, už není k dispozici.',
  'voter.invalid': 'Prohlížeč odeslal neplatný identifikátor hlasujícího. Načtěte stránku znovu.',
  'field.invalid': 'Tato hodnota není platná.',

  'rating.label': 'Hodnocení',
  'rating.star': '{n} z {max} hvězdiček',
  // "hodnocení" is the same in every number.
  'rating.summary': () => '{average} · {n} hodnocení',
  'rating.none': 'Zatím bez hodnocení',
  'rating.thanks': 'Děkujeme za hodnocení!',
  'rating.failed': 'Hodnocení se nepodařilo uložit. Zkuste to znovu.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Příliš mnoho hlasů. Zkuste to znovu za {n} sekundu.'
      : c === 'few'
        ? 'Příliš mnoho hlasů. Zkuste to znovu za {n} sekundy.'
        : c === 'many'
          ? 'Příliš mnoho hlasů. Zkuste to znovu za {n} sekundy.'
          : 'Příliš mnoho hlasů. Zkuste to znovu za {n} sekund.',
  'rating.hint': 'Vyberte šipkami a hlasujte klávesou Enter.',

  'list.label': 'Komentáře',
  'list.empty': 'Napište první komentář',
  'list.loading': 'Načítání komentářů…',
  'list.loadMore': 'Načíst další komentáře',
  'list.loadingMore': 'Načítání…',
  'list.count': (c) =>
    c === 'one' ? '{n} komentář' : c === 'few' ? '{n} komentáře' : c === 'many' ? '{n} komentáře' : '{n} komentářů',
  'list.error': 'Komentáře se nepodařilo načíst.',
  'list.retry': 'Zkusit znovu',
  'list.reply': 'Odpovědět',
  'list.cancelReply': 'Zrušit odpověď',
  'list.replyTo': 'Odpověď pro {name}',
  'list.pending': 'Čeká na schválení',
  'list.sortLabel': 'Řadit komentáře',
  'list.sortNewest': 'Od nejnovějších',
  'list.sortOldest': 'Od nejstarších',
  'list.rated': 'Hodnocení {n} z {max} hvězdiček',
  // ---- notifications (#16) ----
  'form.notify': 'Pošlete mi e-mail, když někdo odpoví',
  // #18 count
  'count.comments': (c) =>
    c === 'one' ? '{n} komentář' : c === 'few' ? '{n} komentáře' : c === 'many' ? '{n} komentáře' : '{n} komentářů',
  'count.rated': (c) =>
    c === 'one' || c === 'many'
      ? 'Hodnocení {average} z {max} od {n} čtenáře'
      : c === 'few'
        ? 'Hodnocení {average} z {max} od {n} čtenářů'
        : 'Hodnocení {average} z {max} od {n} čtenářů',
  // #18 reader-widget
  'list.sortBest': 'Nejlepší první',
  'list.upvote': (c) =>
    c === 'one'
      ? 'Hlasovat pro, {n} hlas'
      : c === 'few'
        ? 'Hlasovat pro, {n} hlasy'
        : c === 'many'
          ? 'Hlasovat pro, {n} hlasu'
          : 'Hlasovat pro, {n} hlasů',
  'list.downvote': (c) =>
    c === 'one'
      ? 'Hlasovat proti, {n} hlas'
      : c === 'few'
        ? 'Hlasovat proti, {n} hlasy'
        : c === 'many'
          ? 'Hlasovat proti, {n} hlasu'
          : 'Hlasovat proti, {n} hlasů',
  'list.voteFailed': 'Váš hlas se nepodařilo uložit. Zkuste to znovu.',
  'list.edit': 'Upravit',
  'list.delete': 'Smazat',
  'list.save': 'Uložit',
  'list.cancel': 'Zrušit',
  'list.saved': 'Váš komentář byl upraven.',
  'list.confirmDelete': 'Smazat tento komentář?',
  'list.keep': 'Ponechat',
  'list.deletedYours': 'Váš komentář byl smazán.',
  'list.deleted': 'Tento komentář byl smazán.',
  'list.edited': 'upraveno',
  'list.editClosed': 'Čas na změnu tohoto komentáře vypršel.',
  'list.editRefused': 'Tento komentář už v tomto prohlížeči nelze změnit.',
  'list.changeFailed': 'Váš komentář se nepodařilo změnit. Zkuste to znovu.',
  'form.preview': 'Náhled',
  'form.previewEmpty': 'Zatím není co zobrazit.',
  'form.formatHelp': 'Nápověda k formátování',
  'form.formatSample':
    '**tučně**\n*kurzívou*\n`kód`\n> citace\n- položka seznamu\n1. číslovaná položka\n[odkaz](https://example.com)',
  'form.formatNote':
    'Řádek se třemi zpětnými apostrofy (```) před a za několika řádky vytvoří blok kódu. Vše ostatní se zobrazí tak, jak jste to napsali.',
};
export default czech;
