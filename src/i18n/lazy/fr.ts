import type { Catalogue } from '../types.js';

/**
 * French, with the polite "vous". Plural entries get the CLDR category: `one` covers 0 and 1
 * ("0 commentaire"), `many` large round numbers ("1 000 000 de commentaires").
 * French puts a narrow no-break space before `!`, `?`, `:` and `;`.
 */
export const fr: Catalogue = {
  'feedback.heading': 'Laisser un commentaire',
  'feedback.rateLabel': 'Notez cet article\u00a0:',

  'form.label': 'Écrire un commentaire',
  'form.email': 'Adresse e-mail',
  'form.name': 'Nom',
  'form.message': 'Message',
  'form.rating': 'Votre note',
  'form.honeypot': 'Laissez ce champ vide',
  'form.submit': 'Publier le commentaire',
  'form.reply': 'Publier la réponse',
  'form.sending': 'Envoi…',
  'form.valid': 'Parfait\u202f!',
  'form.charsLeft': (c) =>
    c === 'one' ? '{n} caractère restant' : c === 'many' ? '{n} de caractères restants' : '{n} caractères restants',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} champ demande votre attention.'
      : c === 'many'
        ? '{n} de champs demandent votre attention.'
        : '{n} champs demandent votre attention.',
  'form.published': 'Merci\u202f! Votre commentaire est publié.',
  'form.pending': 'Merci\u202f! Votre commentaire est en attente de modération.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Vous commentez trop vite. Veuillez réessayer dans {n} seconde.'
      : c === 'many'
        ? 'Vous commentez trop vite. Veuillez réessayer dans {n} de secondes.'
        : 'Vous commentez trop vite. Veuillez réessayer dans {n} secondes.',
  'form.failed': "Votre commentaire n'a pas pu être envoyé. Il est conservé ici — réessayez.",
  'form.retry': 'Réessayer',
  'form.rejected': "Votre commentaire n'a pas été accepté. Veuillez le vérifier et réessayer.",
  'form.draftRestored': 'Votre commentaire non envoyé a été restauré.',

  'email.required': 'Veuillez saisir votre adresse e-mail.',
  'email.invalid': 'Veuillez saisir une adresse e-mail valide.',
  'email.tooLong': 'Cette adresse e-mail est trop longue.',
  'name.required': 'Veuillez saisir votre nom.',
  'name.tooLong': 'Votre nom doit comporter au plus {max} caractères.',
  'name.control': 'Veuillez retirer les caractères de contrôle invisibles de votre nom.',
  'message.required': 'Veuillez saisir un message.',
  'message.tooLong': 'Veuillez raccourcir votre message à {max} caractères au plus.',
  'message.control': 'Veuillez retirer les caractères de contrôle invisibles de votre message.',
  'rating.required': 'Veuillez noter cet article.',
  'rating.range': 'Veuillez choisir entre 1 et {max} étoiles.',
  'captcha.required': 'Veuillez cocher la case reCAPTCHA.',
  'captcha.requiredOther': 'Veuillez compléter le captcha.',
  'captcha.invalid': "Le captcha n'a pas pu être vérifié. Veuillez réessayer.",
  'captcha.label': 'Protection contre le spam',
  'captcha.verifying': 'Vérification…',
  'captcha.verified': 'Vérifié',
  'captcha.error': 'La vérification a échoué. Veuillez réessayer.',
  'captcha.unavailable': "Le captcha n'a pas pu être chargé. Veuillez réessayer plus tard.",
  'parent.invalid': "Le commentaire auquel vous répondez n'est plus disponible.",
  'voter.invalid': 'Votre navigateur a envoyé un identifiant de vote non valide. Veuillez recharger la page.',
  'field.invalid': "Cette valeur n'est pas valide.",

  'rating.label': 'Note',
  'rating.star': '{n} étoiles sur {max}',
  'rating.summary': (c) =>
    c === 'one' ? '{average} · {n} note' : c === 'many' ? '{average} · {n} de notes' : '{average} · {n} notes',
  'rating.none': 'Pas encore de note',
  'rating.thanks': 'Merci pour votre note\u202f!',
  'rating.failed': "Votre note n'a pas pu être enregistrée. Veuillez réessayer.",
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Trop de votes. Veuillez réessayer dans {n} seconde.'
      : c === 'many'
        ? 'Trop de votes. Veuillez réessayer dans {n} de secondes.'
        : 'Trop de votes. Veuillez réessayer dans {n} secondes.',
  'rating.hint': 'Choisissez avec les flèches, puis appuyez sur Entrée pour voter.',

  'list.label': 'Commentaires',
  'list.empty': 'Laissez le premier avis',
  'list.loading': 'Chargement des commentaires…',
  'list.loadMore': 'Afficher plus de commentaires',
  'list.loadingMore': 'Chargement…',
  'list.count': (c) => (c === 'one' ? '{n} commentaire' : c === 'many' ? '{n} de commentaires' : '{n} commentaires'),
  'list.error': "Les commentaires n'ont pas pu être chargés.",
  'list.retry': 'Réessayer',
  'list.reply': 'Répondre',
  'list.cancelReply': 'Annuler la réponse',
  'list.replyTo': 'Répondre à {name}',
  'list.pending': 'En attente de modération',
  'list.sortLabel': 'Trier les commentaires',
  'list.sortNewest': "Les plus récents d'abord",
  'list.sortOldest': "Les plus anciens d'abord",
  'list.rated': 'A donné {n} étoiles sur {max}',
  // ---- notifications (#16) ----
  'form.notify': "M'envoyer un e-mail quand quelqu'un répond",
  // #18 count
  'count.comments': (c) =>
    c === 'one' ? '{n} commentaire' : c === 'many' ? '{n} de commentaires' : '{n} commentaires',
  'count.rated': (c) =>
    c === 'one'
      ? 'Noté {average} sur {max} par {n} lecteur'
      : c === 'many'
        ? 'Noté {average} sur {max} par {n} de lecteurs'
        : 'Noté {average} sur {max} par {n} lecteurs',
  // #18 reader-widget
  'list.sortBest': 'Les meilleurs d’abord',
  'list.upvote': (c) =>
    c === 'one' ? 'Voter pour, {n} vote' : c === 'many' ? 'Voter pour, {n} de votes' : 'Voter pour, {n} votes',
  'list.downvote': (c) =>
    c === 'one' ? 'Voter contre, {n} vote' : c === 'many' ? 'Voter contre, {n} de votes' : 'Voter contre, {n} votes',
  'list.voteFailed': "Votre vote n'a pas pu être enregistré. Veuillez réessayer.",
  'list.edit': 'Modifier',
  'list.delete': 'Supprimer',
  'list.save': 'Enregistrer',
  'list.cancel': 'Annuler',
  'list.saved': 'Votre commentaire a été modifié.',
  'list.confirmDelete': 'Supprimer ce commentaire ?',
  'list.keep': 'Le garder',
  'list.deletedYours': 'Votre commentaire a été supprimé.',
  'list.deleted': 'Ce commentaire a été supprimé.',
  'list.edited': 'modifié',
  'list.editClosed': 'Le délai pour modifier ce commentaire est écoulé.',
  'list.editRefused': 'Ce commentaire ne peut plus être modifié depuis ce navigateur.',
  'list.changeFailed': "Votre commentaire n'a pas pu être modifié. Veuillez réessayer.",
  'form.preview': 'Aperçu',
  'form.previewEmpty': 'Rien à prévisualiser pour l’instant.',
  'form.formatHelp': 'Aide à la mise en forme',
  'form.formatSample':
    '**gras**\n*italique*\n`code`\n> une citation\n- un élément de liste\n1. un élément numéroté\n[un lien](https://example.com)',
  'form.formatNote':
    'Une ligne de trois accents graves (```) avant et après quelques lignes crée un bloc de code. Tout le reste s’affiche tel que vous l’avez tapé.',
};
export default fr;
