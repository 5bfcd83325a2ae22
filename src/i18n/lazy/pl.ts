import type { Catalogue } from '../types.js';

/**
 * Polish, in the direct "ty" that Polish news sites and big platforms use for forms.
 * Plurals: `one` 1; `few` 2–4, 22–24…; `many` 0, 5–21, 25–31…; `other` fractions.
 */
const polish: Catalogue = {
  'feedback.heading': 'Dodaj komentarz',
  'feedback.rateLabel': 'Oceń ten artykuł:',

  'form.label': 'Napisz komentarz',
  'form.email': 'E-mail',
  'form.name': 'Imię lub pseudonim',
  'form.message': 'Treść',
  'form.rating': 'Twoja ocena',
  'form.honeypot': 'Pozostaw to pole puste',
  'form.submit': 'Opublikuj komentarz',
  'form.reply': 'Opublikuj odpowiedź',
  'form.sending': 'Wysyłanie…',
  'form.valid': 'Wszystko w porządku!',
  'form.charsLeft': (c) =>
    c === 'one'
      ? 'Pozostał {n} znak'
      : c === 'few'
        ? 'Pozostały {n} znaki'
        : c === 'many'
          ? 'Pozostało {n} znaków'
          : 'Pozostało {n} znaku',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} pole wymaga poprawy.'
      : c === 'few'
        ? '{n} pola wymagają poprawy.'
        : c === 'many'
          ? '{n} pól wymaga poprawy.'
          : '{n} pola wymaga poprawy.',
  'form.published': 'Dziękujemy! Komentarz został opublikowany.',
  'form.pending': 'Dziękujemy! Komentarz czeka na moderację.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Komentujesz zbyt szybko. Spróbuj ponownie za {n} sekundę.'
      : c === 'few'
        ? 'Komentujesz zbyt szybko. Spróbuj ponownie za {n} sekundy.'
        : c === 'many'
          ? 'Komentujesz zbyt szybko. Spróbuj ponownie za {n} sekund.'
          : 'Komentujesz zbyt szybko. Spróbuj ponownie za {n} sekundy.',
  'form.failed': 'Nie udało się wysłać komentarza. Został zapisany tutaj – spróbuj ponownie.',
  'form.retry': 'Spróbuj ponownie',
  'form.rejected': 'Komentarz nie został przyjęty. Sprawdź go i spróbuj ponownie.',
  'form.draftRestored': 'Przywrócono niewysłany komentarz.',

  'email.required': 'Podaj adres e-mail.',
  'email.invalid': 'Podaj prawidłowy adres e-mail.',
  'email.tooLong': 'Ten adres e-mail jest za długi.',
  'name.required': 'Podaj imię lub pseudonim.',
  'name.tooLong': 'Imię może mieć najwyżej {max} znaków.',
  'name.control': 'Usuń niewidoczne znaki sterujące z imienia.',
  'message.required': 'Wpisz treść komentarza.',
  'message.tooLong': 'Skróć komentarz do najwyżej {max} znaków.',
  'message.control': 'Usuń niewidoczne znaki sterujące z komentarza.',
  'rating.required': 'Oceń ten artykuł.',
  'rating.range': 'Wybierz od 1 do {max} gwiazdek.',
  'captcha.required': 'Potwierdź reCAPTCHA.',
  'captcha.requiredOther': 'Rozwiąż captchę.',
  'captcha.invalid': 'Nie udało się sprawdzić captchy. Spróbuj ponownie.',
  'captcha.label': 'Ochrona przed spamem',
  'captcha.verifying': 'Sprawdzanie…',
  'captcha.verified': 'Sprawdzono',
  'captcha.error': 'Weryfikacja nie powiodła się. Spróbuj ponownie.',
  'captcha.unavailable': 'Nie udało się wczytać captchy. Spróbuj ponownie później.',
  'parent.invalid': 'Komentarz, na który odpowiadasz, nie jest już dostępny.',
  'voter.invalid': 'Przeglądarka wysłała nieprawidłowy identyfikator głosującego. Odśwież stronę.',
  'field.invalid': 'Ta wartość jest nieprawidłowa.',

  'rating.label': 'Ocena',
  'rating.star': '{n} z {max} gwiazdek',
  'rating.summary': (c) =>
    c === 'one'
      ? '{average} · {n} ocena'
      : c === 'few'
        ? '{average} · {n} oceny'
        : c === 'many'
          ? '{average} · {n} ocen'
          : '{average} · {n} oceny',
  'rating.none': 'Brak ocen',
  'rating.thanks': 'Dziękujemy za ocenę!',
  'rating.failed': 'Nie udało się zapisać oceny. Spróbuj ponownie.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Zbyt wiele głosów. Spróbuj ponownie za {n} sekundę.'
      : c === 'few'
        ? 'Zbyt wiele głosów. Spróbuj ponownie za {n} sekundy.'
        : c === 'many'
          ? 'Zbyt wiele głosów. Spróbuj ponownie za {n} sekund.'
          : 'Zbyt wiele głosów. Spróbuj ponownie za {n} sekundy.',
  'rating.hint': 'Wybierz strzałkami, a potem naciśnij Enter, aby zagłosować.',

  'list.label': 'Komentarze',
  'list.empty': 'Napisz pierwszy komentarz',
  'list.loading': 'Wczytywanie komentarzy…',
  'list.loadMore': 'Pokaż więcej komentarzy',
  'list.loadingMore': 'Wczytywanie…',
  'list.count': (c) =>
    c === 'one' ? '{n} komentarz' : c === 'few' ? '{n} komentarze' : c === 'many' ? '{n} komentarzy' : '{n} komentarza',
  'list.error': 'Nie udało się wczytać komentarzy.',
  'list.retry': 'Ponów',
  'list.reply': 'Odpowiedz',
  'list.cancelReply': 'Anuluj odpowiedź',
  'list.replyTo': 'Odpowiedź dla: {name}',
  'list.pending': 'Czeka na moderację',
  'list.sortLabel': 'Sortuj komentarze',
  'list.sortNewest': 'Od najnowszych',
  'list.sortOldest': 'Od najstarszych',
  'list.rated': 'Ocena: {n} z {max} gwiazdek',
  // ---- notifications (#16) ----
  'form.notify': 'Powiadom mnie e-mailem, gdy ktoś odpowie',
  // #18 count
  'count.comments': (c) =>
    c === 'one' ? '{n} komentarz' : c === 'few' ? '{n} komentarze' : c === 'many' ? '{n} komentarzy' : '{n} komentarza',
  'count.rated': (c) =>
    c === 'one'
      ? 'Ocena {average} na {max} od {n} czytelnika'
      : c === 'few' || c === 'many'
        ? 'Ocena {average} na {max} od {n} czytelników'
        : 'Ocena {average} na {max} od {n} czytelnika',
  // #18 reader-widget
  'list.sortBest': 'Najlepsze najpierw',
  'list.upvote': (c) =>
    c === 'one'
      ? 'Głos za, {n} głos'
      : c === 'few'
        ? 'Głos za, {n} głosy'
        : c === 'many'
          ? 'Głos za, {n} głosów'
          : 'Głos za, {n} głosu',
  'list.downvote': (c) =>
    c === 'one'
      ? 'Głos przeciw, {n} głos'
      : c === 'few'
        ? 'Głos przeciw, {n} głosy'
        : c === 'many'
          ? 'Głos przeciw, {n} głosów'
          : 'Głos przeciw, {n} głosu',
  'list.voteFailed': 'Nie udało się zapisać głosu. Spróbuj ponownie.',
  'list.edit': 'Edytuj',
  'list.delete': 'Usuń',
  'list.save': 'Zapisz',
  'list.cancel': 'Anuluj',
  'list.saved': 'Twój komentarz został zaktualizowany.',
  'list.confirmDelete': 'Usunąć ten komentarz?',
  'list.keep': 'Zachowaj',
  'list.deletedYours': 'Twój komentarz został usunięty.',
  'list.deleted': 'Ten komentarz został usunięty.',
  'list.edited': 'edytowano',
  'list.editClosed': 'Czas na zmianę tego komentarza minął.',
  'list.editRefused': 'Tego komentarza nie można już zmienić w tej przeglądarce.',
  'list.changeFailed': 'Nie udało się zmienić komentarza. Spróbuj ponownie.',
  'form.preview': 'Podgląd',
  'form.previewEmpty': 'Na razie nie ma czego pokazać.',
  'form.formatHelp': 'Pomoc w formatowaniu',
  'form.formatSample':
    '**pogrubienie**\n*kursywa*\n`kod`\n> cytat\n- element listy\n1. element numerowany\n[link](https://example.com)',
  'form.formatNote':
    'Wiersz z trzema grawisami (```) przed i po kilku wierszach tworzy blok kodu. Wszystko inne wyświetla się tak, jak to wpisano.',
};
export default polish;
