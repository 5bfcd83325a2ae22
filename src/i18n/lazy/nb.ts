import type { Catalogue } from '../types.js';

/** Norwegian Bokmål (also served for `no` and `nn`), with the direct "du" of Norwegian news sites. */
const norwegian: Catalogue = {
  'feedback.heading': 'Skriv en kommentar',
  'feedback.rateLabel': 'Vurder artikkelen:',

  'form.label': 'Skriv en kommentar',
  'form.email': 'E-post',
  'form.name': 'Navn',
  'form.message': 'Melding',
  'form.rating': 'Din vurdering',
  'form.honeypot': 'La dette feltet stå tomt',
  'form.submit': 'Publiser kommentar',
  'form.reply': 'Publiser svar',
  'form.sending': 'Sender…',
  'form.valid': 'Ser bra ut!',
  'form.charsLeft': () => '{n} tegn igjen',
  'form.invalidCount': (c) => (c === 'one' ? '{n} felt må rettes.' : '{n} felter må rettes.'),
  'form.published': 'Takk! Kommentaren din er publisert.',
  'form.pending': 'Takk! Kommentaren din venter på godkjenning.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Du kommenterer for raskt. Prøv igjen om {n} sekund.'
      : 'Du kommenterer for raskt. Prøv igjen om {n} sekunder.',
  'form.failed': 'Kommentaren din kunne ikke sendes. Den er lagret her – prøv igjen.',
  'form.retry': 'Prøv igjen',
  'form.rejected': 'Kommentaren din ble ikke godtatt. Sjekk den og prøv igjen.',
  'form.draftRestored': 'Den usendte kommentaren din er gjenopprettet.',

  'email.required': 'Skriv inn e-postadressen din.',
  'email.invalid': 'Skriv inn en gyldig e-postadresse.',
  'email.tooLong': 'E-postadressen er for lang.',
  'name.required': 'Skriv inn navnet ditt.',
  'name.tooLong': 'Navnet kan ha høyst {max} tegn.',
  'name.control': 'Fjern usynlige kontrolltegn fra navnet.',
  'message.required': 'Skriv en melding.',
  'message.tooLong': 'Kort ned meldingen til høyst {max} tegn.',
  'message.control': 'Fjern usynlige kontrolltegn fra meldingen.',
  'rating.required': 'Vurder artikkelen.',
  'rating.range': 'Velg mellom 1 og {max} stjerner.',
  'captcha.required': 'Bekreft reCAPTCHA.',
  'captcha.requiredOther': 'Fullfør captcha-sjekken.',
  'captcha.invalid': 'Captcha-sjekken kunne ikke bekreftes. Prøv igjen.',
  'captcha.label': 'Spambeskyttelse',
  'captcha.verifying': 'Bekrefter…',
  'captcha.verified': 'Bekreftet',
  'captcha.error': 'Bekreftelsen mislyktes. Prøv igjen.',
  'captcha.unavailable': 'Captcha-sjekken kunne ikke lastes inn. Prøv igjen senere.',
  'parent.invalid': 'Kommentaren du svarer på, finnes ikke lenger.',
  'voter.invalid': 'Nettleseren sendte en ugyldig stemme-ID. Last inn siden på nytt.',
  'field.invalid': 'Verdien er ugyldig.',

  'rating.label': 'Vurdering',
  'rating.star': '{n} av {max} stjerner',
  'rating.summary': (c) => (c === 'one' ? '{average} · {n} vurdering' : '{average} · {n} vurderinger'),
  'rating.none': 'Ingen vurderinger ennå',
  'rating.thanks': 'Takk for vurderingen!',
  'rating.failed': 'Vurderingen din kunne ikke lagres. Prøv igjen.',
  'rating.rateLimited': (c) =>
    c === 'one' ? 'For mange stemmer. Prøv igjen om {n} sekund.' : 'For mange stemmer. Prøv igjen om {n} sekunder.',
  'rating.hint': 'Velg med piltastene, og trykk Enter for å stemme.',

  'list.label': 'Kommentarer',
  'list.empty': 'Skriv den første kommentaren',
  'list.loading': 'Laster inn kommentarer…',
  'list.loadMore': 'Vis flere kommentarer',
  'list.loadingMore': 'Laster inn…',
  'list.count': (c) => (c === 'one' ? '{n} kommentar' : '{n} kommentarer'),
  'list.error': 'Kommentarene kunne ikke lastes inn.',
  'list.retry': 'Prøv igjen',
  'list.reply': 'Svar',
  'list.cancelReply': 'Avbryt svar',
  'list.replyTo': 'Svar til {name}',
  'list.pending': 'Venter på godkjenning',
  'list.sortLabel': 'Sorter kommentarer',
  'list.sortNewest': 'Nyeste først',
  'list.sortOldest': 'Eldste først',
  'list.rated': 'Ga {n} av {max} stjerner',
  // ---- notifications (#16) ----
  'form.notify': 'Send meg en e-post når noen svarer',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} kommentar' : '{n} kommentarer'),
  'count.rated': (c) =>
    c === 'one' ? 'Vurdert til {average} av {max} av {n} leser' : 'Vurdert til {average} av {max} av {n} lesere',
};
export default norwegian;
