import type { Catalogue } from '../types.js';

/** Italian, with the polite "Lei" forms news sites use. `many` is the "di" form of a million. */
const italian: Catalogue = {
  'feedback.heading': 'Lascia un commento',
  'feedback.rateLabel': 'Valuta questo articolo:',

  'form.label': 'Scrivi un commento',
  'form.email': 'Email',
  'form.name': 'Nome',
  'form.message': 'Messaggio',
  'form.rating': 'La sua valutazione',
  'form.honeypot': 'Lasciare vuoto questo campo',
  'form.submit': 'Pubblica commento',
  'form.reply': 'Pubblica risposta',
  'form.sending': 'Invio in corso…',
  'form.valid': 'Tutto a posto!',
  'form.charsLeft': (c) =>
    c === 'one' ? 'Ancora {n} carattere' : c === 'many' ? 'Ancora {n} di caratteri' : 'Ancora {n} caratteri',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} campo richiede la sua attenzione.'
      : c === 'many'
        ? '{n} di campi richiedono la sua attenzione.'
        : '{n} campi richiedono la sua attenzione.',
  'form.published': 'Grazie! Il suo commento è stato pubblicato.',
  'form.pending': 'Grazie! Il suo commento è in attesa di moderazione.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Sta commentando troppo in fretta. Riprovi tra {n} secondo.'
      : c === 'many'
        ? 'Sta commentando troppo in fretta. Riprovi tra {n} di secondi.'
        : 'Sta commentando troppo in fretta. Riprovi tra {n} secondi.',
  'form.failed': 'Non è stato possibile inviare il commento. È salvato qui: riprovi.',
  'form.retry': 'Riprova',
  'form.rejected': 'Il suo commento non è stato accettato. Lo controlli e riprovi.',
  'form.draftRestored': 'Il commento non inviato è stato ripristinato.',

  'email.required': 'Inserisca un indirizzo email.',
  'email.invalid': 'Inserisca un indirizzo email valido.',
  'email.tooLong': 'Questo indirizzo email è troppo lungo.',
  'name.required': 'Inserisca il suo nome.',
  'name.tooLong': 'Il nome può contenere al massimo {max} caratteri.',
  'name.control': 'Rimuova i caratteri di controllo invisibili dal nome.',
  'message.required': 'Scriva un messaggio.',
  'message.tooLong': 'Accorci il messaggio a non più di {max} caratteri.',
  'message.control': 'Rimuova i caratteri di controllo invisibili dal messaggio.',
  'rating.required': 'Valuti questo articolo.',
  'rating.range': 'Scelga tra 1 e {max} stelle.',
  'captcha.required': 'Confermi il reCAPTCHA.',
  'captcha.requiredOther': 'Completi il captcha.',
  'captcha.invalid': 'Non è stato possibile verificare il captcha. Riprovi.',
  'captcha.label': 'Protezione antispam',
  'captcha.verifying': 'Verifica in corso…',
  'captcha.verified': 'Verificato',
  'captcha.error': 'Verifica non riuscita. Riprovi.',
  'captcha.unavailable': 'Non è stato possibile caricare il captcha. Riprovi più tardi.',
  'parent.invalid': 'Il commento a cui sta rispondendo non è più disponibile.',
  'voter.invalid': 'Il browser ha inviato un identificativo di voto non valido. Ricarichi la pagina.',
  'field.invalid': 'Questo valore non è valido.',

  'rating.label': 'Valutazione',
  'rating.star': '{n} stelle su {max}',
  'rating.summary': (c) =>
    c === 'one'
      ? '{average} · {n} valutazione'
      : c === 'many'
        ? '{average} · {n} di valutazioni'
        : '{average} · {n} valutazioni',
  'rating.none': 'Ancora nessuna valutazione',
  'rating.thanks': 'Grazie per la valutazione!',
  'rating.failed': 'Non è stato possibile salvare la valutazione. Riprovi.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Troppi voti. Riprovi tra {n} secondo.'
      : c === 'many'
        ? 'Troppi voti. Riprovi tra {n} di secondi.'
        : 'Troppi voti. Riprovi tra {n} secondi.',
  'rating.hint': 'Scelga con i tasti freccia, poi prema Invio per votare.',

  'list.label': 'Commenti',
  'list.empty': 'Scriva il primo commento',
  'list.loading': 'Caricamento dei commenti…',
  'list.loadMore': 'Carica altri commenti',
  'list.loadingMore': 'Caricamento…',
  'list.count': (c) => (c === 'one' ? '{n} commento' : c === 'many' ? '{n} di commenti' : '{n} commenti'),
  'list.error': 'Non è stato possibile caricare i commenti.',
  'list.retry': 'Riprova',
  'list.reply': 'Rispondi',
  'list.cancelReply': 'Annulla risposta',
  'list.replyTo': 'Risposta a {name}',
  'list.pending': 'In attesa di moderazione',
  'list.sortLabel': 'Ordina i commenti',
  'list.sortNewest': 'Più recenti',
  'list.sortOldest': 'Meno recenti',
  'list.rated': 'Valutazione: {n} stelle su {max}',
  // ---- notifications (#16) ----
  'form.notify': 'Avvisami via email quando qualcuno risponde',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} commento' : c === 'many' ? '{n} di commenti' : '{n} commenti'),
  'count.rated': (c) =>
    c === 'one'
      ? 'Valutato {average} su {max} da {n} lettore'
      : c === 'many'
        ? 'Valutato {average} su {max} da {n} di lettori'
        : 'Valutato {average} su {max} da {n} lettori',
  // #18 reader-widget
  'list.sortBest': 'Prima i migliori',
  'list.upvote': (c) =>
    c === 'one' ? 'Voto positivo, {n} voto' : c === 'many' ? 'Voto positivo, {n} di voti' : 'Voto positivo, {n} voti',
  'list.downvote': (c) =>
    c === 'one' ? 'Voto negativo, {n} voto' : c === 'many' ? 'Voto negativo, {n} di voti' : 'Voto negativo, {n} voti',
  'list.voteFailed': 'Non è stato possibile salvare il tuo voto. Riprova.',
  'list.edit': 'Modifica',
  'list.delete': 'Elimina',
  'list.save': 'Salva',
  'list.cancel': 'Annulla',
  'list.saved': 'Il tuo commento è stato aggiornato.',
  'list.confirmDelete': 'Eliminare questo commento?',
  'list.keep': 'Mantienilo',
  'list.deletedYours': 'Il tuo commento è stato eliminato.',
  'list.deleted': 'Questo commento è stato eliminato.',
  'list.edited': 'modificato',
  'list.editClosed': 'Il tempo per modificare questo commento è scaduto.',
  'list.editRefused': 'Questo commento non può più essere modificato da questo browser.',
  'list.changeFailed': 'Non è stato possibile modificare il tuo commento. Riprova.',
  'form.preview': 'Anteprima',
  'form.previewEmpty': 'Ancora niente da visualizzare in anteprima.',
  'form.formatHelp': 'Guida alla formattazione',
  'form.formatSample':
    '**grassetto**\n*corsivo*\n`codice`\n> una citazione\n- un elemento di elenco\n1. un elemento numerato\n[un link](https://example.com)',
  'form.formatNote':
    'Una riga di tre apici inversi (```) prima e dopo alcune righe crea un blocco di codice. Tutto il resto appare come lo hai scritto.',
};
export default italian;
