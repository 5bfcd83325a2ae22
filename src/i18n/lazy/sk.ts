import type { Catalogue } from '../types.js';

/**
 * Slovak, with the polite "vy" (imperatives like "Zadajte"). Plurals: `one` 1; `few` 2–4;
 * `many` fractions; `other` 0 and 5 and more.
 */
const slovak: Catalogue = {
  'feedback.heading': 'Pridať komentár',
  'feedback.rateLabel': 'Ohodnoťte tento článok:',

  'form.label': 'Napísať komentár',
  'form.email': 'E-mail',
  'form.name': 'Meno',
  'form.message': 'Správa',
  'form.rating': 'Vaše hodnotenie',
  'form.honeypot': 'Toto pole nechajte prázdne',
  'form.submit': 'Odoslať komentár',
  'form.reply': 'Odoslať odpoveď',
  'form.sending': 'Odosiela sa…',
  'form.valid': 'V poriadku!',
  'form.charsLeft': (c) =>
    c === 'one'
      ? 'Zostáva {n} znak'
      : c === 'few'
        ? 'Zostávajú {n} znaky'
        : c === 'many'
          ? 'Zostáva {n} znaku'
          : 'Zostáva {n} znakov',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} pole si vyžaduje vašu pozornosť.'
      : c === 'few'
        ? '{n} polia si vyžadujú vašu pozornosť.'
        : c === 'many'
          ? '{n} poľa si vyžaduje vašu pozornosť.'
          : '{n} polí si vyžaduje vašu pozornosť.',
  'form.published': 'Ďakujeme! Váš komentár bol zverejnený.',
  'form.pending': 'Ďakujeme! Váš komentár čaká na schválenie.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Komentujete príliš rýchlo. Skúste to znova o {n} sekundu.'
      : c === 'few'
        ? 'Komentujete príliš rýchlo. Skúste to znova o {n} sekundy.'
        : c === 'many'
          ? 'Komentujete príliš rýchlo. Skúste to znova o {n} sekundy.'
          : 'Komentujete príliš rýchlo. Skúste to znova o {n} sekúnd.',
  'form.failed': 'Komentár sa nepodarilo odoslať. Je uložený tu – skúste to znova.',
  'form.retry': 'Skúsiť znova',
  'form.rejected': 'Váš komentár nebol prijatý. Skontrolujte ho a skúste to znova.',
  'form.draftRestored': 'Váš neodoslaný komentár bol obnovený.',

  'email.required': 'Zadajte e-mailovú adresu.',
  'email.invalid': 'Zadajte platnú e-mailovú adresu.',
  'email.tooLong': 'Táto e-mailová adresa je príliš dlhá.',
  'name.required': 'Zadajte svoje meno.',
  'name.tooLong': 'Meno môže mať najviac {max} znakov.',
  'name.control': 'Odstráňte z mena neviditeľné riadiace znaky.',
  'message.required': 'Napíšte správu.',
  'message.tooLong': 'Skráťte správu najviac na {max} znakov.',
  'message.control': 'Odstráňte zo správy neviditeľné riadiace znaky.',
  'rating.required': 'Ohodnoťte, prosím, tento článok.',
  'rating.range': 'Vyberte 1 až {max} hviezdičiek.',
  'captcha.required': 'Potvrďte reCAPTCHA.',
  'captcha.requiredOther': 'Vyplňte captchu.',
  'captcha.invalid': 'Captchu sa nepodarilo overiť. Skúste to znova.',
  'captcha.label': 'Ochrana pred spamom',
  'captcha.verifying': 'Overuje sa…',
  'captcha.verified': 'Overené',
  'captcha.error': 'Overenie zlyhalo. Skúste to znova.',
  'captcha.unavailable': 'Captchu sa nepodarilo načítať. Skúste to neskôr.',
  'parent.invalid': 'Komentár, na ktorý odpovedáte, už nie je k dispozícii.',
  'voter.invalid': 'Prehliadač odoslal neplatný identifikátor hlasujúceho. Načítajte stránku znova.',
  'field.invalid': 'Táto hodnota nie je platná.',

  'rating.label': 'Hodnotenie',
  'rating.star': '{n} z {max} hviezdičiek',
  'rating.summary': (c) =>
    c === 'one'
      ? '{average} · {n} hodnotenie'
      : c === 'few'
        ? '{average} · {n} hodnotenia'
        : c === 'many'
          ? '{average} · {n} hodnotenia'
          : '{average} · {n} hodnotení',
  'rating.none': 'Zatiaľ bez hodnotenia',
  'rating.thanks': 'Ďakujeme za hodnotenie!',
  'rating.failed': 'Hodnotenie sa nepodarilo uložiť. Skúste to znova.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Príliš veľa hlasov. Skúste to znova o {n} sekundu.'
      : c === 'few'
        ? 'Príliš veľa hlasov. Skúste to znova o {n} sekundy.'
        : c === 'many'
          ? 'Príliš veľa hlasov. Skúste to znova o {n} sekundy.'
          : 'Príliš veľa hlasov. Skúste to znova o {n} sekúnd.',
  'rating.hint': 'Vyberte šípkami a hlasujte klávesom Enter.',

  'list.label': 'Komentáre',
  'list.empty': 'Napíšte prvý komentár',
  'list.loading': 'Načítavajú sa komentáre…',
  'list.loadMore': 'Načítať ďalšie komentáre',
  'list.loadingMore': 'Načítava sa…',
  'list.count': (c) =>
    c === 'one' ? '{n} komentár' : c === 'few' ? '{n} komentáre' : c === 'many' ? '{n} komentára' : '{n} komentárov',
  'list.error': 'Komentáre sa nepodarilo načítať.',
  'list.retry': 'Skúsiť znova',
  'list.reply': 'Odpovedať',
  'list.cancelReply': 'Zrušiť odpoveď',
  'list.replyTo': 'Odpoveď pre {name}',
  'list.pending': 'Čaká na schválenie',
  'list.sortLabel': 'Zoradiť komentáre',
  'list.sortNewest': 'Od najnovších',
  'list.sortOldest': 'Od najstarších',
  'list.rated': 'Hodnotenie {n} z {max} hviezdičiek',
  // ---- notifications (#16) ----
  'form.notify': 'Pošlite mi e-mail, keď niekto odpovie',
  // #18 count
  'count.comments': (c) =>
    c === 'one' ? '{n} komentár' : c === 'few' ? '{n} komentáre' : c === 'many' ? '{n} komentára' : '{n} komentárov',
  'count.rated': (c) =>
    c === 'one' || c === 'many'
      ? 'Hodnotenie {average} z {max} od {n} čitateľa'
      : c === 'few'
        ? 'Hodnotenie {average} z {max} od {n} čitateľov'
        : 'Hodnotenie {average} z {max} od {n} čitateľov',
  // #18 reader-widget
  'list.sortBest': 'Najlepšie prvé',
  'list.upvote': (c) =>
    c === 'one'
      ? 'Hlasovať za, {n} hlas'
      : c === 'few'
        ? 'Hlasovať za, {n} hlasy'
        : c === 'many'
          ? 'Hlasovať za, {n} hlasu'
          : 'Hlasovať za, {n} hlasov',
  'list.downvote': (c) =>
    c === 'one'
      ? 'Hlasovať proti, {n} hlas'
      : c === 'few'
        ? 'Hlasovať proti, {n} hlasy'
        : c === 'many'
          ? 'Hlasovať proti, {n} hlasu'
          : 'Hlasovať proti, {n} hlasov',
  'list.voteFailed': 'Váš hlas sa nepodarilo uložiť. Skúste to znova.',
  'list.edit': 'Upraviť',
  'list.delete': 'Odstrániť',
  'list.save': 'Uložiť',
  'list.cancel': 'Zrušiť',
  'list.saved': 'Váš komentár bol upravený.',
  'list.confirmDelete': 'Odstrániť tento komentár?',
  'list.keep': 'Ponechať',
  'list.deletedYours': 'Váš komentár bol odstránený.',
  'list.deleted': 'Tento komentár bol odstránený.',
  'list.edited': 'upravené',
  'list.editClosed': 'Čas na zmenu tohto komentára uplynul.',
  'list.editRefused': 'Tento komentár už v tomto prehliadači nemožno zmeniť.',
  'list.changeFailed': 'Váš komentár sa nepodarilo zmeniť. Skúste to znova.',
  'form.preview': 'Náhľad',
  'form.previewEmpty': 'Zatiaľ nie je čo zobraziť.',
  'form.formatHelp': 'Pomocník formátovania',
  'form.formatSample':
    '**tučné**\n*kurzíva*\n`kód`\n> citát\n- položka zoznamu\n1. číslovaná položka\n[odkaz](https://example.com)',
  'form.formatNote':
    'Riadok s tromi opačnými apostrofmi (```) pred a za niekoľkými riadkami vytvorí blok kódu. Všetko ostatné sa zobrazí tak, ako ste to napísali.',
};
export default slovak;
