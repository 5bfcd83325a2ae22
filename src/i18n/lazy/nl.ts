import type { Catalogue } from '../types.js';

/** Dutch, with the polite "u" of Dutch and Flemish news sites. */
const dutch: Catalogue = {
  'feedback.heading': 'Plaats een reactie',
  'feedback.rateLabel': 'Beoordeel dit artikel:',

  'form.label': 'Schrijf een reactie',
  'form.email': 'E-mail',
  'form.name': 'Naam',
  'form.message': 'Bericht',
  'form.rating': 'Uw beoordeling',
  'form.honeypot': 'Laat dit veld leeg',
  'form.submit': 'Reactie plaatsen',
  'form.reply': 'Antwoord plaatsen',
  'form.sending': 'Bezig met verzenden…',
  'form.valid': 'Ziet er goed uit!',
  'form.charsLeft': (c) => (c === 'one' ? 'Nog {n} teken over' : 'Nog {n} tekens over'),
  'form.invalidCount': (c) => (c === 'one' ? '{n} veld vraagt uw aandacht.' : '{n} velden vragen uw aandacht.'),
  'form.published': 'Bedankt! Uw reactie is geplaatst.',
  'form.pending': 'Bedankt! Uw reactie wacht op goedkeuring.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'U reageert te snel. Probeer het over {n} seconde opnieuw.'
      : 'U reageert te snel. Probeer het over {n} seconden opnieuw.',
  'form.failed': 'Uw reactie kon niet worden verzonden. Ze is hier bewaard – probeer het opnieuw.',
  'form.retry': 'Opnieuw proberen',
  'form.rejected': 'Uw reactie is niet geaccepteerd. Controleer haar en probeer het opnieuw.',
  'form.draftRestored': 'Uw niet-verzonden reactie is teruggezet.',

  'email.required': 'Vul uw e-mailadres in.',
  'email.invalid': 'Vul een geldig e-mailadres in.',
  'email.tooLong': 'Dit e-mailadres is te lang.',
  'name.required': 'Vul uw naam in.',
  'name.tooLong': 'Gebruik maximaal {max} tekens voor uw naam.',
  'name.control': 'Verwijder onzichtbare stuurtekens uit uw naam.',
  'message.required': 'Vul een bericht in.',
  'message.tooLong': 'Kort uw bericht in tot maximaal {max} tekens.',
  'message.control': 'Verwijder onzichtbare stuurtekens uit uw bericht.',
  'rating.required': 'Beoordeel dit artikel.',
  'rating.range': 'Kies tussen 1 en {max} sterren.',
  'captcha.required': 'Bevestig de reCAPTCHA.',
  'captcha.requiredOther': 'Voltooi de captcha.',
  'captcha.invalid': 'De captcha kon niet worden gecontroleerd. Probeer het opnieuw.',
  'captcha.label': 'Spambeveiliging',
  'captcha.verifying': 'Bezig met controleren…',
  'captcha.verified': 'Gecontroleerd',
  'captcha.error': 'Controle mislukt. Probeer het opnieuw.',
  'captcha.unavailable': 'De captcha kon niet worden geladen. Probeer het later opnieuw.',
  'parent.invalid': 'De reactie waarop u antwoordt, is niet meer beschikbaar.',
  'voter.invalid': 'Uw browser stuurde een ongeldige stem-ID. Laad de pagina opnieuw.',
  'field.invalid': 'Deze waarde is ongeldig.',

  'rating.label': 'Beoordeling',
  'rating.star': '{n} van {max} sterren',
  'rating.summary': (c) => (c === 'one' ? '{average} · {n} beoordeling' : '{average} · {n} beoordelingen'),
  'rating.none': 'Nog geen beoordelingen',
  'rating.thanks': 'Bedankt voor uw beoordeling!',
  'rating.failed': 'Uw beoordeling kon niet worden opgeslagen. Probeer het opnieuw.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Te veel stemmen. Probeer het over {n} seconde opnieuw.'
      : 'Te veel stemmen. Probeer het over {n} seconden opnieuw.',
  'rating.hint': 'Kies met de pijltjestoetsen en druk op Enter om te stemmen.',

  'list.label': 'Reacties',
  'list.empty': 'Schrijf de eerste reactie',
  'list.loading': 'Reacties laden…',
  'list.loadMore': 'Meer reacties laden',
  'list.loadingMore': 'Laden…',
  'list.count': (c) => (c === 'one' ? '{n} reactie' : '{n} reacties'),
  'list.error': 'De reacties konden niet worden geladen.',
  'list.retry': 'Opnieuw',
  'list.reply': 'Antwoorden',
  'list.cancelReply': 'Antwoord annuleren',
  'list.replyTo': 'Antwoord aan {name}',
  'list.pending': 'Wacht op goedkeuring',
  'list.sortLabel': 'Reacties sorteren',
  'list.sortNewest': 'Nieuwste eerst',
  'list.sortOldest': 'Oudste eerst',
  'list.rated': 'Beoordeeld met {n} van {max} sterren',
  // ---- notifications (#16) ----
  'form.notify': 'Mail mij als iemand reageert',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} reactie' : '{n} reacties'),
  'count.rated': (c) =>
    c === 'one'
      ? 'Beoordeeld met {average} van {max} door {n} lezer'
      : 'Beoordeeld met {average} van {max} door {n} lezers',
  // #18 reader-widget
  'list.sortBest': 'Beste eerst',
  'list.upvote': (c) => (c === 'one' ? 'Positief stemmen, {n} stem' : 'Positief stemmen, {n} stemmen'),
  'list.downvote': (c) => (c === 'one' ? 'Negatief stemmen, {n} stem' : 'Negatief stemmen, {n} stemmen'),
  'list.voteFailed': 'Je stem kon niet worden opgeslagen. Probeer het opnieuw.',
  'list.edit': 'Bewerken',
  'list.delete': 'Verwijderen',
  'list.save': 'Opslaan',
  'list.cancel': 'Annuleren',
  'list.saved': 'Je reactie is bijgewerkt.',
  'list.confirmDelete': 'Deze reactie verwijderen?',
  'list.keep': 'Behouden',
  'list.deletedYours': 'Je reactie is verwijderd.',
  'list.deleted': 'Deze reactie is verwijderd.',
  'list.edited': 'bewerkt',
  'list.editClosed': 'De tijd om deze reactie te wijzigen is voorbij.',
  'list.editRefused': 'Deze reactie kan vanuit deze browser niet meer worden gewijzigd.',
  'list.changeFailed': 'Je reactie kon niet worden gewijzigd. Probeer het opnieuw.',
  'form.preview': 'Voorbeeld',
  'form.previewEmpty': 'Nog niets om te tonen.',
  'form.formatHelp': 'Hulp bij opmaak',
  'form.formatSample':
    '**vet**\n*cursief*\n`code`\n> een citaat\n- een lijstitem\n1. een genummerd item\n[een link](https://example.com)',
  'form.formatNote':
    'Een regel met drie backticks (```) voor en na een paar regels maakt een codeblok. Al het andere verschijnt zoals je het typte.',
};
export default dutch;
