import type { Catalogue } from '../types.js';

/**
 * Romanian, with the polite "dumneavoastră" forms of Romanian news sites. Plurals: `one` 1;
 * `few` 0, 2–19, 101–119…; `other` 20 and more, which take "de" ("20 de comentarii").
 */
const romanian: Catalogue = {
  'feedback.heading': 'Lăsați un comentariu',
  'feedback.rateLabel': 'Evaluați acest articol:',

  'form.label': 'Scrieți un comentariu',
  'form.email': 'E-mail',
  'form.name': 'Nume',
  'form.message': 'Mesaj',
  'form.rating': 'Evaluarea dumneavoastră',
  'form.honeypot': 'Lăsați acest câmp gol',
  'form.submit': 'Publicați comentariul',
  'form.reply': 'Publicați răspunsul',
  'form.sending': 'Se trimite…',
  'form.valid': 'Totul este în regulă!',
  'form.charsLeft': (c) =>
    c === 'one'
      ? 'A mai rămas {n} caracter'
      : c === 'few'
        ? 'Au mai rămas {n} caractere'
        : 'Au mai rămas {n} de caractere',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} câmp necesită atenția dumneavoastră.'
      : c === 'few'
        ? '{n} câmpuri necesită atenția dumneavoastră.'
        : '{n} de câmpuri necesită atenția dumneavoastră.',
  'form.published': 'Vă mulțumim! Comentariul a fost publicat.',
  'form.pending': 'Vă mulțumim! Comentariul așteaptă aprobarea moderatorului.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Comentați prea repede. Încercați din nou peste {n} secundă.'
      : c === 'few'
        ? 'Comentați prea repede. Încercați din nou peste {n} secunde.'
        : 'Comentați prea repede. Încercați din nou peste {n} de secunde.',
  'form.failed': 'Comentariul nu a putut fi trimis. Este salvat aici – încercați din nou.',
  'form.retry': 'Încercați din nou',
  'form.rejected': 'Comentariul nu a fost acceptat. Verificați-l și încercați din nou.',
  'form.draftRestored': 'Comentariul netrimis a fost restaurat.',

  'email.required': 'Introduceți adresa de e-mail.',
  'email.invalid': 'Introduceți o adresă de e-mail validă.',
  'email.tooLong': 'Această adresă de e-mail este prea lungă.',
  'name.required': 'Introduceți numele.',
  'name.tooLong': 'Numele poate avea cel mult {max} caractere.',
  'name.control': 'Eliminați caracterele de control invizibile din nume.',
  'message.required': 'Introduceți un mesaj.',
  'message.tooLong': 'Scurtați mesajul la cel mult {max} caractere.',
  'message.control': 'Eliminați caracterele de control invizibile din mesaj.',
  'rating.required': 'Vă rugăm să evaluați acest articol.',
  'rating.range': 'Alegeți între 1 și {max} stele.',
  'captcha.required': 'Confirmați reCAPTCHA.',
  'captcha.requiredOther': 'Completați verificarea captcha.',
  'captcha.invalid': 'Verificarea captcha a eșuat. Încercați din nou.',
  'captcha.label': 'Protecție antispam',
  'captcha.verifying': 'Se verifică…',
  'captcha.verified': 'Verificat',
  'captcha.error': 'Verificarea a eșuat. Încercați din nou.',
  'captcha.unavailable': 'Verificarea captcha nu a putut fi încărcată. Încercați mai târziu.',
  'parent.invalid': 'Comentariul la care răspundeți nu mai este disponibil.',
  'voter.invalid': 'Browserul a trimis un identificator de vot nevalid. Reîncărcați pagina.',
  'field.invalid': 'Această valoare nu este validă.',

  'rating.label': 'Evaluare',
  'rating.star': '{n} din {max} stele',
  'rating.summary': (c) =>
    c === 'one' ? '{average} · {n} evaluare' : c === 'few' ? '{average} · {n} evaluări' : '{average} · {n} de evaluări',
  'rating.none': 'Nicio evaluare încă',
  'rating.thanks': 'Vă mulțumim pentru evaluare!',
  'rating.failed': 'Evaluarea nu a putut fi salvată. Încercați din nou.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Prea multe voturi. Încercați din nou peste {n} secundă.'
      : c === 'few'
        ? 'Prea multe voturi. Încercați din nou peste {n} secunde.'
        : 'Prea multe voturi. Încercați din nou peste {n} de secunde.',
  'rating.hint': 'Alegeți cu tastele săgeți, apoi apăsați Enter pentru a vota.',

  'list.label': 'Comentarii',
  'list.empty': 'Scrieți primul comentariu',
  'list.loading': 'Se încarcă comentariile…',
  'list.loadMore': 'Încărcați mai multe comentarii',
  'list.loadingMore': 'Se încarcă…',
  'list.count': (c) => (c === 'one' ? '{n} comentariu' : c === 'few' ? '{n} comentarii' : '{n} de comentarii'),
  'list.error': 'Comentariile nu au putut fi încărcate.',
  'list.retry': 'Reîncercați',
  'list.reply': 'Răspundeți',
  'list.cancelReply': 'Anulați răspunsul',
  'list.replyTo': 'Răspuns pentru {name}',
  'list.pending': 'În așteptarea aprobării',
  'list.sortLabel': 'Sortați comentariile',
  'list.sortNewest': 'Cele mai noi',
  'list.sortOldest': 'Cele mai vechi',
  'list.rated': 'Evaluat cu {n} din {max} stele',
  // ---- notifications (#16) ----
  'form.notify': 'Trimite-mi un e-mail când cineva răspunde',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} comentariu' : c === 'few' ? '{n} comentarii' : '{n} de comentarii'),
  'count.rated': (c) =>
    c === 'one'
      ? 'Evaluat cu {average} din {max} de {n} cititor'
      : c === 'few'
        ? 'Evaluat cu {average} din {max} de {n} cititori'
        : 'Evaluat cu {average} din {max} de {n} de cititori',
  // #18 reader-widget
  'list.sortBest': 'Cele mai bune întâi',
  'list.upvote': (c) =>
    c === 'one' ? 'Vot pozitiv, {n} vot' : c === 'few' ? 'Vot pozitiv, {n} voturi' : 'Vot pozitiv, {n} de voturi',
  'list.downvote': (c) =>
    c === 'one' ? 'Vot negativ, {n} vot' : c === 'few' ? 'Vot negativ, {n} voturi' : 'Vot negativ, {n} de voturi',
  'list.voteFailed': 'Votul nu a putut fi salvat. Încercați din nou.',
  'list.edit': 'Editează',
  'list.delete': 'Șterge',
  'list.save': 'Salvează',
  'list.cancel': 'Anulează',
  'list.saved': 'Comentariul a fost actualizat.',
  'list.confirmDelete': 'Ștergeți acest comentariu?',
  'list.keep': 'Păstrează',
  'list.deletedYours': 'Comentariul a fost șters.',
  'list.deleted': 'Acest comentariu a fost șters.',
  'list.edited': 'editat',
  'list.editClosed': 'Timpul pentru modificarea acestui comentariu a expirat.',
  'list.editRefused': 'Acest comentariu nu mai poate fi modificat din acest browser.',
  'list.changeFailed': 'Comentariul nu a putut fi modificat. Încercați din nou.',
  'form.preview': 'Previzualizare',
  'form.previewEmpty': 'Încă nu este nimic de previzualizat.',
  'form.formatHelp': 'Ajutor pentru formatare',
  'form.formatSample':
    '**aldin**\n*cursiv*\n`cod`\n> un citat\n- un element de listă\n1. un element numerotat\n[un link](https://example.com)',
  'form.formatNote':
    'O linie cu trei apostrofuri inverse (```) înainte și după câteva rânduri creează un bloc de cod. Tot restul apare așa cum l-ați scris.',
};
export default romanian;
