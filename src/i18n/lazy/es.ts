import type { Catalogue } from '../types.js';

/**
 * Spanish. Plural entries get the CLDR category: Spanish uses `one` for 1 and `many` for
 * large round numbers: "1.000.000 de comentarios".
 */
export const es: Catalogue = {
  'feedback.heading': 'Deja un comentario',
  'feedback.rateLabel': 'Valora este artículo:',

  'form.label': 'Escribe un comentario',
  'form.email': 'Correo electrónico',
  'form.name': 'Nombre',
  'form.message': 'Mensaje',
  'form.rating': 'Tu valoración',
  'form.honeypot': 'Deja este campo vacío',
  'form.submit': 'Publicar comentario',
  'form.reply': 'Publicar respuesta',
  'form.sending': 'Enviando…',
  'form.valid': '¡Todo bien!',
  'form.charsLeft': (c) =>
    c === 'one' ? 'Queda {n} carácter' : c === 'many' ? 'Quedan {n} de caracteres' : 'Quedan {n} caracteres',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} campo necesita tu atención.'
      : c === 'many'
        ? '{n} de campos necesitan tu atención.'
        : '{n} campos necesitan tu atención.',
  'form.published': '¡Gracias! Tu comentario se ha publicado.',
  'form.pending': '¡Gracias! Tu comentario está pendiente de moderación.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Estás comentando demasiado rápido. Vuelve a intentarlo dentro de {n} segundo.'
      : c === 'many'
        ? 'Estás comentando demasiado rápido. Vuelve a intentarlo dentro de {n} de segundos.'
        : 'Estás comentando demasiado rápido. Vuelve a intentarlo dentro de {n} segundos.',
  'form.failed': 'No se ha podido enviar tu comentario. Lo hemos guardado aquí: vuelve a intentarlo.',
  'form.retry': 'Reintentar',
  'form.rejected': 'Tu comentario no ha sido aceptado. Revísalo y vuelve a intentarlo.',
  'form.draftRestored': 'Hemos recuperado tu comentario sin enviar.',

  'email.required': 'Introduce tu correo electrónico.',
  'email.invalid': 'Introduce un correo electrónico válido.',
  'email.tooLong': 'Este correo electrónico es demasiado largo.',
  'name.required': 'Introduce tu nombre.',
  'name.tooLong': 'Usa como máximo {max} caracteres para tu nombre.',
  'name.control': 'Elimina los caracteres de control invisibles de tu nombre.',
  'message.required': 'Escribe un mensaje.',
  'message.tooLong': 'Acorta tu mensaje a un máximo de {max} caracteres.',
  'message.control': 'Elimina los caracteres de control invisibles de tu mensaje.',
  'rating.required': 'Valora este artículo.',
  'rating.range': 'Elige entre 1 y {max} estrellas.',
  'captcha.required': 'Marca la casilla de reCAPTCHA.',
  'captcha.requiredOther': 'Completa el captcha.',
  'captcha.invalid': 'No se ha podido verificar el captcha. Vuelve a intentarlo.',
  'captcha.label': 'Protección contra spam',
  'captcha.verifying': 'Verificando…',
  'captcha.verified': 'Verificado',
  'captcha.error': 'La verificación ha fallado. Vuelve a intentarlo.',
  'captcha.unavailable': 'No se ha podido cargar el captcha. Inténtalo de nuevo más tarde.',
  'parent.invalid': 'El comentario al que respondes ya no está disponible.',
  'voter.invalid': 'Tu navegador ha enviado un identificador de voto no válido. Vuelve a cargar la página.',
  'field.invalid': 'Este valor no es válido.',

  'rating.label': 'Valoración',
  'rating.star': '{n} de {max} estrellas',
  'rating.summary': (c) =>
    c === 'one'
      ? '{average} · {n} valoración'
      : c === 'many'
        ? '{average} · {n} de valoraciones'
        : '{average} · {n} valoraciones',
  'rating.none': 'Aún no hay valoraciones',
  'rating.thanks': '¡Gracias por tu valoración!',
  'rating.failed': 'No se ha podido guardar tu valoración. Vuelve a intentarlo.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Demasiados votos. Vuelve a intentarlo dentro de {n} segundo.'
      : c === 'many'
        ? 'Demasiados votos. Vuelve a intentarlo dentro de {n} de segundos.'
        : 'Demasiados votos. Vuelve a intentarlo dentro de {n} segundos.',
  'rating.hint': 'Elija con las flechas y pulse Intro para votar.',

  'list.label': 'Comentarios',
  'list.empty': 'Deja la primera opinión',
  'list.loading': 'Cargando comentarios…',
  'list.loadMore': 'Cargar más comentarios',
  'list.loadingMore': 'Cargando…',
  'list.count': (c) => (c === 'one' ? '{n} comentario' : c === 'many' ? '{n} de comentarios' : '{n} comentarios'),
  'list.error': 'No se han podido cargar los comentarios.',
  'list.retry': 'Reintentar',
  'list.reply': 'Responder',
  'list.cancelReply': 'Cancelar respuesta',
  'list.replyTo': 'Responder a {name}',
  'list.pending': 'Pendiente de moderación',
  'list.sortLabel': 'Ordenar comentarios',
  'list.sortNewest': 'Más recientes primero',
  'list.sortOldest': 'Más antiguos primero',
  'list.rated': 'Valorado con {n} de {max} estrellas',
  // ---- notifications (#16) ----
  'form.notify': 'Enviarme un correo cuando alguien responda',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} comentario' : c === 'many' ? '{n} de comentarios' : '{n} comentarios'),
  'count.rated': (c) =>
    c === 'one'
      ? 'Valorado con {average} de {max} por {n} lector'
      : c === 'many'
        ? 'Valorado con {average} de {max} por {n} de lectores'
        : 'Valorado con {average} de {max} por {n} lectores',
  // #18 reader-widget
  'list.sortBest': 'Mejores primero',
  'list.upvote': (c) =>
    c === 'one' ? 'Votar a favor, {n} voto' : c === 'many' ? 'Votar a favor, {n} de votos' : 'Votar a favor, {n} votos',
  'list.downvote': (c) =>
    c === 'one'
      ? 'Votar en contra, {n} voto'
      : c === 'many'
        ? 'Votar en contra, {n} de votos'
        : 'Votar en contra, {n} votos',
  'list.voteFailed': 'No se ha podido guardar tu voto. Vuelve a intentarlo.',
  'list.edit': 'Editar',
  'list.delete': 'Eliminar',
  'list.save': 'Guardar',
  'list.cancel': 'Cancelar',
  'list.saved': 'Tu comentario se ha actualizado.',
  'list.confirmDelete': '¿Eliminar este comentario?',
  'list.keep': 'Conservarlo',
  'list.deletedYours': 'Tu comentario se ha eliminado.',
  'list.deleted': 'Este comentario se ha eliminado.',
  'list.edited': 'editado',
  'list.editClosed': 'Ya ha pasado el plazo para cambiar este comentario.',
  'list.editRefused': 'Este comentario ya no se puede cambiar desde este navegador.',
  'list.changeFailed': 'No se ha podido cambiar tu comentario. Vuelve a intentarlo.',
  'form.preview': 'Vista previa',
  'form.previewEmpty': 'Todavía no hay nada que previsualizar.',
  'form.formatHelp': 'Ayuda de formato',
  'form.formatSample':
    '**negrita**\n*cursiva*\n`código`\n> una cita\n- un elemento de lista\n1. un elemento numerado\n[un enlace](https://example.com)',
  'form.formatNote':
    'Una línea con tres acentos graves (```) antes y después de unas líneas crea un bloque de código. Todo lo demás se muestra tal como lo escribiste.',
};
export default es;
