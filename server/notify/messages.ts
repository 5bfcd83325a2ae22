/**
 * The words of emails and of the unsubscribe page (#16), in the language the comment was
 * written in: English, French, German, Spanish and Italian; any other language gets English
 * (the widget's other catalogues are not translated here yet).
 */

export interface MailMessages {
  pendingSubject: string;
  publishedSubject: string;
  pendingIntro: string;
  publishedIntro: string;
  rating: string;
  moderate: string;
  article: string;
  replySubject: string;
  replyIntro: string;
  yourComment: string;
  reply: string;
  replyFooter: string;
  unsubscribe: string;
  unsubscribeQuestion: string;
  unsubscribeButton: string;
  unsubscribeDone: string;
  unsubscribeInvalid: string;
}

const en: MailMessages = {
  pendingSubject: 'New comment awaiting approval on {thread}',
  publishedSubject: 'New comment on {thread}',
  pendingIntro: '{name} wrote a comment on {thread}. It is waiting for your approval.',
  publishedIntro: '{name} wrote a comment on {thread}.',
  rating: 'Rating: {n} stars',
  moderate: 'Approve or reject it in the dashboard',
  article: 'Open the article',
  replySubject: '{name} replied to your comment',
  replyIntro: 'Hello {recipient}, {name} replied to your comment on {thread}.',
  yourComment: 'Your comment',
  reply: 'The reply',
  replyFooter: 'You get this email because you asked to hear about replies to your comment.',
  unsubscribe: 'Stop emails about replies in this thread',
  unsubscribeQuestion: 'Stop emails about replies to your comments in this thread?',
  unsubscribeButton: 'Stop reply emails',
  unsubscribeDone: 'Done: you will get no more emails about replies in this thread.',
  unsubscribeInvalid: 'This unsubscribe link is not valid. Please use the link of a recent email.',
};

const fr: MailMessages = {
  pendingSubject: 'Nouveau commentaire à approuver sur {thread}',
  publishedSubject: 'Nouveau commentaire sur {thread}',
  pendingIntro: '{name} a écrit un commentaire sur {thread}. Il attend votre approbation.',
  publishedIntro: '{name} a écrit un commentaire sur {thread}.',
  rating: 'Note : {n} étoiles',
  moderate: 'L’approuver ou le refuser dans le tableau de bord',
  article: 'Ouvrir l’article',
  replySubject: '{name} a répondu à votre commentaire',
  replyIntro: 'Bonjour {recipient}, {name} a répondu à votre commentaire sur {thread}.',
  yourComment: 'Votre commentaire',
  reply: 'La réponse',
  replyFooter: 'Vous recevez cet e-mail car vous avez demandé à être prévenu des réponses à votre commentaire.',
  unsubscribe: 'Ne plus recevoir d’e-mails sur les réponses dans cette discussion',
  unsubscribeQuestion: 'Ne plus recevoir d’e-mails sur les réponses à vos commentaires dans cette discussion ?',
  unsubscribeButton: 'Arrêter les e-mails de réponse',
  unsubscribeDone: 'C’est fait : vous ne recevrez plus d’e-mails sur les réponses dans cette discussion.',
  unsubscribeInvalid: 'Ce lien de désinscription n’est pas valide. Utilisez le lien d’un e-mail récent.',
};

const de: MailMessages = {
  pendingSubject: 'Neuer Kommentar wartet auf Freigabe: {thread}',
  publishedSubject: 'Neuer Kommentar: {thread}',
  pendingIntro: '{name} hat einen Kommentar zu {thread} geschrieben. Er wartet auf Ihre Freigabe.',
  publishedIntro: '{name} hat einen Kommentar zu {thread} geschrieben.',
  rating: 'Bewertung: {n} Sterne',
  moderate: 'Im Dashboard freigeben oder ablehnen',
  article: 'Artikel öffnen',
  replySubject: '{name} hat auf Ihren Kommentar geantwortet',
  replyIntro: 'Hallo {recipient}, {name} hat auf Ihren Kommentar zu {thread} geantwortet.',
  yourComment: 'Ihr Kommentar',
  reply: 'Die Antwort',
  replyFooter: 'Sie erhalten diese E-Mail, weil Sie über Antworten auf Ihren Kommentar informiert werden wollten.',
  unsubscribe: 'Keine E-Mails mehr zu Antworten in dieser Diskussion',
  unsubscribeQuestion: 'Keine E-Mails mehr zu Antworten auf Ihre Kommentare in dieser Diskussion?',
  unsubscribeButton: 'Antwort-E-Mails beenden',
  unsubscribeDone: 'Erledigt: Sie erhalten keine E-Mails mehr zu Antworten in dieser Diskussion.',
  unsubscribeInvalid: 'Dieser Abmeldelink ist ungültig. Bitte verwenden Sie den Link einer aktuellen E-Mail.',
};

const es: MailMessages = {
  pendingSubject: 'Nuevo comentario pendiente de aprobación en {thread}',
  publishedSubject: 'Nuevo comentario en {thread}',
  pendingIntro: '{name} escribió un comentario en {thread}. Está esperando tu aprobación.',
  publishedIntro: '{name} escribió un comentario en {thread}.',
  rating: 'Valoración: {n} estrellas',
  moderate: 'Aprobarlo o rechazarlo en el panel',
  article: 'Abrir el artículo',
  replySubject: '{name} respondió a tu comentario',
  replyIntro: 'Hola, {recipient}: {name} respondió a tu comentario en {thread}.',
  yourComment: 'Tu comentario',
  reply: 'La respuesta',
  replyFooter: 'Recibes este correo porque pediste que te avisáramos de las respuestas a tu comentario.',
  unsubscribe: 'Dejar de recibir correos sobre respuestas en esta conversación',
  unsubscribeQuestion: '¿Dejar de recibir correos sobre respuestas a tus comentarios en esta conversación?',
  unsubscribeButton: 'Dejar de recibir correos de respuestas',
  unsubscribeDone: 'Hecho: ya no recibirás correos sobre respuestas en esta conversación.',
  unsubscribeInvalid: 'Este enlace para darte de baja no es válido. Usa el enlace de un correo reciente.',
};

const it: MailMessages = {
  pendingSubject: 'Nuovo commento in attesa di approvazione su {thread}',
  publishedSubject: 'Nuovo commento su {thread}',
  pendingIntro: '{name} ha scritto un commento su {thread}. È in attesa della tua approvazione.',
  publishedIntro: '{name} ha scritto un commento su {thread}.',
  rating: 'Valutazione: {n} stelle',
  moderate: 'Approvalo o rifiutalo nella dashboard',
  article: 'Apri l’articolo',
  replySubject: '{name} ha risposto al tuo commento',
  replyIntro: 'Ciao {recipient}, {name} ha risposto al tuo commento su {thread}.',
  yourComment: 'Il tuo commento',
  reply: 'La risposta',
  replyFooter: 'Ricevi questa email perché hai chiesto di essere avvisato delle risposte al tuo commento.',
  unsubscribe: 'Non ricevere più email sulle risposte in questa discussione',
  unsubscribeQuestion: 'Non ricevere più email sulle risposte ai tuoi commenti in questa discussione?',
  unsubscribeButton: 'Interrompi le email di risposta',
  unsubscribeDone: 'Fatto: non riceverai più email sulle risposte in questa discussione.',
  unsubscribeInvalid: 'Questo link di disiscrizione non è valido. Usa il link di un’email recente.',
};

const CATALOGUES: Record<string, MailMessages> = { en, fr, de, es, it };

/** The language actually used for `lang` (its primary subtag when translated, else English). */
export function mailLanguage(lang: string | undefined): string {
  const primary = (lang ?? 'en').toLowerCase().split('-')[0]!;
  return primary in CATALOGUES ? primary : 'en';
}

export function mailMessages(lang: string | undefined): MailMessages {
  return CATALOGUES[mailLanguage(lang)]!;
}

/** Fills `{name}` placeholders; the values are plain text (escape them for HTML afterwards). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
