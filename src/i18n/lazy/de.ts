import type { Catalogue } from '../types.js';

/** German, with the polite "Sie". Plural entries get the CLDR category (`one` or `other`). */
export const de: Catalogue = {
  'feedback.heading': 'Kommentar schreiben',
  'feedback.rateLabel': 'Bewerten Sie diesen Artikel:',

  'form.label': 'Einen Kommentar schreiben',
  'form.email': 'E-Mail',
  'form.name': 'Name',
  'form.message': 'Nachricht',
  'form.rating': 'Ihre Bewertung',
  'form.honeypot': 'Dieses Feld bitte leer lassen',
  'form.submit': 'Kommentar senden',
  'form.reply': 'Antwort senden',
  'form.sending': 'Wird gesendet…',
  'form.valid': 'Sieht gut aus!',
  // "Zeichen" is the same in singular and plural.
  'form.charsLeft': () => 'Noch {n} Zeichen übrig',
  'form.invalidCount': (c) =>
    c === 'one' ? '{n} Feld braucht Ihre Aufmerksamkeit.' : '{n} Felder brauchen Ihre Aufmerksamkeit.',
  'form.published': 'Vielen Dank! Ihr Kommentar ist veröffentlicht.',
  'form.pending': 'Vielen Dank! Ihr Kommentar wartet auf Freigabe.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Sie kommentieren zu schnell. Bitte versuchen Sie es in {n} Sekunde erneut.'
      : 'Sie kommentieren zu schnell. Bitte versuchen Sie es in {n} Sekunden erneut.',
  'form.failed': 'Ihr Kommentar konnte nicht gesendet werden. Er ist hier gespeichert – versuchen Sie es erneut.',
  'form.retry': 'Erneut versuchen',
  'form.rejected': 'Ihr Kommentar wurde nicht angenommen. Bitte prüfen Sie ihn und versuchen Sie es erneut.',
  'form.draftRestored': 'Ihr nicht gesendeter Kommentar wurde wiederhergestellt.',

  'email.required': 'Bitte geben Sie Ihre E-Mail-Adresse ein.',
  'email.invalid': 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  'email.tooLong': 'Diese E-Mail-Adresse ist zu lang.',
  'name.required': 'Bitte geben Sie Ihren Namen ein.',
  'name.tooLong': 'Bitte verwenden Sie höchstens {max} Zeichen für Ihren Namen.',
  'name.control': 'Bitte entfernen Sie unsichtbare Steuerzeichen aus Ihrem Namen.',
  'message.required': 'Bitte geben Sie eine Nachricht ein.',
  'message.tooLong': 'Bitte kürzen Sie Ihre Nachricht auf höchstens {max} Zeichen.',
  'message.control': 'Bitte entfernen Sie unsichtbare Steuerzeichen aus Ihrer Nachricht.',
  'rating.required': 'Bitte bewerten Sie diesen Artikel.',
  'rating.range': 'Bitte wählen Sie zwischen 1 und {max} Sternen.',
  'captcha.required': 'Bitte bestätigen Sie das reCAPTCHA.',
  'captcha.requiredOther': 'Bitte lösen Sie das Captcha.',
  'captcha.invalid': 'Das Captcha konnte nicht überprüft werden. Bitte versuchen Sie es erneut.',
  'captcha.label': 'Spamschutz',
  'captcha.verifying': 'Wird überprüft…',
  'captcha.verified': 'Überprüft',
  'captcha.error': 'Die Überprüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  'captcha.unavailable': 'Das Captcha konnte nicht geladen werden. Bitte versuchen Sie es später erneut.',
  'parent.invalid': 'Der Kommentar, auf den Sie antworten, ist nicht mehr verfügbar.',
  'voter.invalid': 'Ihr Browser hat eine ungültige Abstimmungs-ID gesendet. Bitte laden Sie die Seite neu.',
  'field.invalid': 'Dieser Wert ist ungültig.',

  'rating.label': 'Bewertung',
  'rating.star': '{n} von {max} Sternen',
  'rating.summary': (c) => (c === 'one' ? '{average} · {n} Bewertung' : '{average} · {n} Bewertungen'),
  'rating.none': 'Noch keine Bewertungen',
  'rating.thanks': 'Danke für Ihre Bewertung!',
  'rating.failed': 'Ihre Bewertung konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Zu viele Stimmen. Bitte versuchen Sie es in {n} Sekunde erneut.'
      : 'Zu viele Stimmen. Bitte versuchen Sie es in {n} Sekunden erneut.',
  'rating.hint': 'Mit den Pfeiltasten wählen, dann mit Enter abstimmen.',

  'list.label': 'Kommentare',
  'list.empty': 'Schreiben Sie die erste Rezension',
  'list.loading': 'Kommentare werden geladen…',
  'list.loadMore': 'Weitere Kommentare laden',
  'list.loadingMore': 'Wird geladen…',
  'list.count': (c) => (c === 'one' ? '{n} Kommentar' : '{n} Kommentare'),
  'list.error': 'Die Kommentare konnten nicht geladen werden.',
  'list.retry': 'Erneut versuchen',
  'list.reply': 'Antworten',
  'list.cancelReply': 'Antwort abbrechen',
  'list.replyTo': 'Antwort an {name}',
  'list.pending': 'Wartet auf Freigabe',
  'list.sortLabel': 'Kommentare sortieren',
  'list.sortNewest': 'Neueste zuerst',
  'list.sortOldest': 'Älteste zuerst',
  'list.rated': 'Mit {n} von {max} Sternen bewertet',
  // ---- notifications (#16) ----
  'form.notify': 'Per E-Mail benachrichtigen, wenn jemand antwortet',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} Kommentar' : '{n} Kommentare'),
  'count.rated': (c) =>
    c === 'one'
      ? 'Durchschnittlich {average} von {max} Sternen bei {n} Bewertung'
      : 'Durchschnittlich {average} von {max} Sternen bei {n} Bewertungen',
  // #18 reader-widget
  'list.sortBest': 'Beste zuerst',
  'list.upvote': (c) => (c === 'one' ? 'Positiv bewerten, {n} Stimme' : 'Positiv bewerten, {n} Stimmen'),
  'list.downvote': (c) => (c === 'one' ? 'Negativ bewerten, {n} Stimme' : 'Negativ bewerten, {n} Stimmen'),
  'list.voteFailed': 'Deine Stimme konnte nicht gespeichert werden. Bitte versuche es erneut.',
  'list.edit': 'Bearbeiten',
  'list.delete': 'Löschen',
  'list.save': 'Speichern',
  'list.cancel': 'Abbrechen',
  'list.saved': 'Dein Kommentar wurde aktualisiert.',
  'list.confirmDelete': 'Diesen Kommentar löschen?',
  'list.keep': 'Behalten',
  'list.deletedYours': 'Dein Kommentar wurde gelöscht.',
  'list.deleted': 'Dieser Kommentar wurde gelöscht.',
  'list.edited': 'bearbeitet',
  'list.editClosed': 'Die Zeit zum Ändern dieses Kommentars ist abgelaufen.',
  'list.editRefused': 'Dieser Kommentar kann in diesem Browser nicht mehr geändert werden.',
  'list.changeFailed': 'Dein Kommentar konnte nicht geändert werden. Bitte versuche es erneut.',
  'form.preview': 'Vorschau',
  'form.previewEmpty': 'Noch nichts für die Vorschau.',
  'form.formatHelp': 'Hilfe zur Formatierung',
  'form.formatSample':
    '**fett**\n*kursiv*\n`Code`\n> ein Zitat\n- ein Listenpunkt\n1. ein nummerierter Punkt\n[ein Link](https://example.com)',
  'form.formatNote':
    'Eine Zeile aus drei Backticks (```) vor und nach einigen Zeilen ergibt einen Codeblock. Alles andere erscheint so, wie du es geschrieben hast.',
};
export default de;
