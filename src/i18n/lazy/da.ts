import type { Catalogue } from '../types.js';

/** Danish, with the direct "du" that Danish news sites use. */
const danish: Catalogue = {
  'feedback.heading': 'Skriv en kommentar',
  'feedback.rateLabel': 'Bedøm artiklen:',

  'form.label': 'Skriv en kommentar',
  'form.email': 'E-mail',
  'form.name': 'Navn',
  'form.message': 'Besked',
  'form.rating': 'Din bedømmelse',
  'form.honeypot': 'Lad dette felt være tomt',
  'form.submit': 'Send kommentar',
  'form.reply': 'Send svar',
  'form.sending': 'Sender…',
  'form.valid': 'Ser godt ud!',
  'form.charsLeft': () => '{n} tegn tilbage',
  'form.invalidCount': (c) => (c === 'one' ? '{n} felt skal rettes.' : '{n} felter skal rettes.'),
  'form.published': 'Tak! Din kommentar er offentliggjort.',
  'form.pending': 'Tak! Din kommentar afventer godkendelse.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Du kommenterer for hurtigt. Prøv igen om {n} sekund.'
      : 'Du kommenterer for hurtigt. Prøv igen om {n} sekunder.',
  'form.failed': 'Din kommentar kunne ikke sendes. Den er gemt her – prøv igen.',
  'form.retry': 'Prøv igen',
  'form.rejected': 'Din kommentar blev ikke godkendt. Tjek den, og prøv igen.',
  'form.draftRestored': 'Din ikke-sendte kommentar er gendannet.',

  'email.required': 'Angiv din e-mailadresse.',
  'email.invalid': 'Angiv en gyldig e-mailadresse.',
  'email.tooLong': 'E-mailadressen er for lang.',
  'name.required': 'Angiv dit navn.',
  'name.tooLong': 'Navnet må højst være på {max} tegn.',
  'name.control': 'Fjern usynlige kontroltegn fra dit navn.',
  'message.required': 'Skriv en besked.',
  'message.tooLong': 'Forkort din besked til højst {max} tegn.',
  'message.control': 'Fjern usynlige kontroltegn fra din besked.',
  'rating.required': 'Bedøm artiklen.',
  'rating.range': 'Vælg mellem 1 og {max} stjerner.',
  'captcha.required': 'Bekræft reCAPTCHA.',
  'captcha.requiredOther': 'Gennemfør captcha-tjekket.',
  'captcha.invalid': 'Captcha-tjekket kunne ikke bekræftes. Prøv igen.',
  'captcha.label': 'Spambeskyttelse',
  'captcha.verifying': 'Bekræfter…',
  'captcha.verified': 'Bekræftet',
  'captcha.error': 'Bekræftelsen mislykkedes. Prøv igen.',
  'captcha.unavailable': 'Captcha-tjekket kunne ikke indlæses. Prøv igen senere.',
  'parent.invalid': 'Kommentaren, du svarer på, findes ikke længere.',
  'voter.invalid': 'Din browser sendte et ugyldigt stemme-id. Genindlæs siden.',
  'field.invalid': 'Værdien er ugyldig.',

  'rating.label': 'Bedømmelse',
  'rating.star': '{n} af {max} stjerner',
  'rating.summary': (c) => (c === 'one' ? '{average} · {n} bedømmelse' : '{average} · {n} bedømmelser'),
  'rating.none': 'Ingen bedømmelser endnu',
  'rating.thanks': 'Tak for din bedømmelse!',
  'rating.failed': 'Din bedømmelse kunne ikke gemmes. Prøv igen.',
  'rating.rateLimited': (c) =>
    c === 'one' ? 'For mange stemmer. Prøv igen om {n} sekund.' : 'For mange stemmer. Prøv igen om {n} sekunder.',
  'rating.hint': 'Vælg med piletasterne, og tryk derefter på Enter for at stemme.',

  'list.label': 'Kommentarer',
  'list.empty': 'Skriv den første kommentar',
  'list.loading': 'Indlæser kommentarer…',
  'list.loadMore': 'Vis flere kommentarer',
  'list.loadingMore': 'Indlæser…',
  'list.count': (c) => (c === 'one' ? '{n} kommentar' : '{n} kommentarer'),
  'list.error': 'Kommentarerne kunne ikke indlæses.',
  'list.retry': 'Prøv igen',
  'list.reply': 'Svar',
  'list.cancelReply': 'Annuller svar',
  'list.replyTo': 'Svar til {name}',
  'list.pending': 'Afventer godkendelse',
  'list.sortLabel': 'Sortér kommentarer',
  'list.sortNewest': 'Nyeste først',
  'list.sortOldest': 'Ældste først',
  'list.rated': 'Gav {n} af {max} stjerner',
  // ---- notifications (#16) ----
  'form.notify': 'Send mig en e-mail, når nogen svarer',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} kommentar' : '{n} kommentarer'),
  'count.rated': (c) =>
    c === 'one' ? 'Bedømt {average} ud af {max} af {n} læser' : 'Bedømt {average} ud af {max} af {n} læsere',
};
export default danish;
