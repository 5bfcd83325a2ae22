import type { Catalogue } from '../types.js';

/**
 * Portuguese, worded to read well in Brazil and in Portugal (formal imperative, no "tu").
 * Plural entries get the CLDR category: `one` for 0 and 1 in pt (1 only in pt-PT), `many`
 * for large round numbers: "1.000.000 de comentários".
 */
export const pt: Catalogue = {
  'feedback.heading': 'Deixe um comentário',
  'feedback.rateLabel': 'Avalie este artigo:',

  'form.label': 'Escreva um comentário',
  'form.email': 'E-mail',
  'form.name': 'Nome',
  'form.message': 'Mensagem',
  'form.rating': 'Sua avaliação',
  'form.honeypot': 'Deixe este campo em branco',
  'form.submit': 'Publicar comentário',
  'form.reply': 'Publicar resposta',
  'form.sending': 'Enviando…',
  'form.valid': 'Tudo certo!',
  'form.charsLeft': (c) =>
    c === 'one' ? 'Resta {n} caractere' : c === 'many' ? 'Restam {n} de caracteres' : 'Restam {n} caracteres',
  'form.invalidCount': (c) =>
    c === 'one'
      ? '{n} campo precisa da sua atenção.'
      : c === 'many'
        ? '{n} de campos precisam da sua atenção.'
        : '{n} campos precisam da sua atenção.',
  'form.published': 'Obrigado! Seu comentário foi publicado.',
  'form.pending': 'Obrigado! Seu comentário aguarda moderação.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Você está comentando rápido demais. Tente novamente em {n} segundo.'
      : c === 'many'
        ? 'Você está comentando rápido demais. Tente novamente em {n} de segundos.'
        : 'Você está comentando rápido demais. Tente novamente em {n} segundos.',
  'form.failed': 'Não foi possível enviar seu comentário. Ele ficou guardado aqui — tente novamente.',
  'form.retry': 'Tentar novamente',
  'form.rejected': 'Seu comentário não foi aceito. Revise-o e tente novamente.',
  'form.draftRestored': 'Seu comentário não enviado foi restaurado.',

  'email.required': 'Informe seu endereço de e-mail.',
  'email.invalid': 'Informe um endereço de e-mail válido.',
  'email.tooLong': 'Este endereço de e-mail é longo demais.',
  'name.required': 'Informe seu nome.',
  'name.tooLong': 'Use no máximo {max} caracteres no seu nome.',
  'name.control': 'Remova os caracteres de controle invisíveis do seu nome.',
  'message.required': 'Escreva uma mensagem.',
  'message.tooLong': 'Encurte sua mensagem para no máximo {max} caracteres.',
  'message.control': 'Remova os caracteres de controle invisíveis da sua mensagem.',
  'rating.required': 'Avalie este artigo.',
  'rating.range': 'Escolha entre 1 e {max} estrelas.',
  'captcha.required': 'Marque a caixa do reCAPTCHA.',
  'captcha.requiredOther': 'Complete o captcha.',
  'captcha.invalid': 'Não foi possível verificar o captcha. Tente novamente.',
  'captcha.label': 'Proteção contra spam',
  'captcha.verifying': 'Verificando…',
  'captcha.verified': 'Verificado',
  'captcha.error': 'A verificação falhou. Tente novamente.',
  'captcha.unavailable': 'Não foi possível carregar o captcha. Tente novamente mais tarde.',
  'parent.invalid': 'O comentário que você está respondendo não está mais disponível.',
  'voter.invalid': 'Seu navegador enviou um identificador de voto inválido. Recarregue a página.',
  'field.invalid': 'Este valor não é válido.',

  'rating.label': 'Avaliação',
  'rating.star': '{n} de {max} estrelas',
  'rating.summary': (c) =>
    c === 'one'
      ? '{average} · {n} avaliação'
      : c === 'many'
        ? '{average} · {n} de avaliações'
        : '{average} · {n} avaliações',
  'rating.none': 'Ainda sem avaliações',
  'rating.thanks': 'Obrigado pela avaliação!',
  'rating.failed': 'Não foi possível salvar sua avaliação. Tente novamente.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Votos demais. Tente novamente em {n} segundo.'
      : c === 'many'
        ? 'Votos demais. Tente novamente em {n} de segundos.'
        : 'Votos demais. Tente novamente em {n} segundos.',
  'rating.hint': 'Escolha com as setas e prima Enter para votar.',

  'list.label': 'Comentários',
  'list.empty': 'Deixe a primeira opinião',
  'list.loading': 'Carregando comentários…',
  'list.loadMore': 'Carregar mais comentários',
  'list.loadingMore': 'Carregando…',
  'list.count': (c) => (c === 'one' ? '{n} comentário' : c === 'many' ? '{n} de comentários' : '{n} comentários'),
  'list.error': 'Não foi possível carregar os comentários.',
  'list.retry': 'Tentar novamente',
  'list.reply': 'Responder',
  'list.cancelReply': 'Cancelar resposta',
  'list.replyTo': 'Responder a {name}',
  'list.pending': 'Aguardando moderação',
  'list.sortLabel': 'Ordenar comentários',
  'list.sortNewest': 'Mais recentes primeiro',
  'list.sortOldest': 'Mais antigos primeiro',
  'list.rated': 'Avaliou com {n} de {max} estrelas',
  // ---- notifications (#16) ----
  'form.notify': 'Enviar-me um e-mail quando alguém responder',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} comentário' : c === 'many' ? '{n} de comentários' : '{n} comentários'),
  'count.rated': (c) =>
    c === 'one'
      ? 'Avaliado com {average} de {max} por {n} leitor'
      : c === 'many'
        ? 'Avaliado com {average} de {max} por {n} de leitores'
        : 'Avaliado com {average} de {max} por {n} leitores',
  // #18 reader-widget
  'list.sortBest': 'Melhores primeiro',
  'list.upvote': (c) =>
    c === 'one' ? 'Votar a favor, {n} voto' : c === 'many' ? 'Votar a favor, {n} de votos' : 'Votar a favor, {n} votos',
  'list.downvote': (c) =>
    c === 'one' ? 'Votar contra, {n} voto' : c === 'many' ? 'Votar contra, {n} de votos' : 'Votar contra, {n} votos',
  'list.voteFailed': 'Não foi possível guardar o seu voto. Tente novamente.',
  'list.edit': 'Editar',
  'list.delete': 'Eliminar',
  'list.save': 'Guardar',
  'list.cancel': 'Cancelar',
  'list.saved': 'O seu comentário foi atualizado.',
  'list.confirmDelete': 'Eliminar este comentário?',
  'list.keep': 'Manter',
  'list.deletedYours': 'O seu comentário foi eliminado.',
  'list.deleted': 'Este comentário foi eliminado.',
  'list.edited': 'editado',
  'list.editClosed': 'Já passou o prazo para alterar este comentário.',
  'list.editRefused': 'Este comentário já não pode ser alterado a partir deste navegador.',
  'list.changeFailed': 'Não foi possível alterar o seu comentário. Tente novamente.',
  'form.preview': 'Pré-visualizar',
  'form.previewEmpty': 'Ainda não há nada para pré-visualizar.',
  'form.formatHelp': 'Ajuda de formatação',
  'form.formatSample':
    '**negrito**\n*itálico*\n`código`\n> uma citação\n- um item de lista\n1. um item numerado\n[uma ligação](https://example.com)',
  'form.formatNote':
    'Uma linha com três acentos graves (```) antes e depois de algumas linhas cria um bloco de código. Tudo o resto aparece tal como o escreveu.',
};
export default pt;
