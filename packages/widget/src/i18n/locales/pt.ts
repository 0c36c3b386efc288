/**
 * Português (do Brasil, a variante que `pt` designa). Tratamento por “você”; botões no
 * infinitivo (“Enviar”, “Fechar”); nada no masculino ou feminino que dependa do visitante.
 * Aspas curvas “…”.
 */
import type { Messages } from '../types.js';

const pt: Messages = {
  launcher: 'Ajuda',
  panelTitle: 'Ajuda',
  close: 'Fechar',
  back: 'Voltar',
  loading: 'Carregando…',
  tryAgain: 'Tentar novamente',
  panelUnavailable:
    'Não é possível carregar a ajuda agora. Verifique sua conexão e tente novamente.',

  homeGreeting: 'Olá',
  homeGreetingName: 'Olá, {name}',
  homeIntro: 'Como podemos ajudar?',
  replyTimeMinutes: {
    one: 'Costumamos responder em até {count} minuto',
    many: 'Costumamos responder em até {count} minutos',
    other: 'Costumamos responder em até {count} minutos',
  },
  replyTimeHours: {
    one: 'Costumamos responder em até {count} hora',
    many: 'Costumamos responder em até {count} horas',
    other: 'Costumamos responder em até {count} horas',
  },
  replyTimeDays: {
    one: 'Costumamos responder em até {count} dia',
    many: 'Costumamos responder em até {count} dias',
    other: 'Costumamos responder em até {count} dias',
  },
  suggestedForPage: 'Sugestões para esta página',
  popularArticles: 'Artigos populares',
  categoriesHeading: 'Navegue por tema',
  categoryArticleCount: {
    one: '{count} artigo',
    many: '{count} artigos',
    other: '{count} artigos',
  },
  categoryShowAll: 'Ver todos os artigos de “{category}”',
  categoryOther: 'Outros artigos',
  homeContactTitle: 'Prefere falar com a gente?',
  homeContactBody: 'Envie uma mensagem e responderemos por e-mail.',

  searchLabel: 'Pesquisar artigos de ajuda',
  searchPlaceholder: 'Busque respostas…',
  searchClear: 'Limpar pesquisa',
  searchSubmit: 'Pesquisar',
  resultsLabel: 'Resultados da pesquisa',
  suggestionsLabel: 'Artigos sugeridos',
  searching: 'Pesquisando…',
  resultsCount: {
    one: '{count} artigo encontrado',
    many: '{count} artigos encontrados',
    other: '{count} artigos encontrados',
  },
  resultsNone: 'Nenhum artigo corresponde a “{query}”.',
  noGoodMatchTitle: 'Nenhuma resposta adequada para “{query}”',
  noGoodMatchBody:
    'Não encontramos nenhum artigo que responda a essa pergunta. Envie sua pergunta e ajudaremos você pessoalmente.',
  resultInLanguage: 'em {language}',
  searchFailed: 'A pesquisa não está funcionando agora. Tente novamente ou envie uma mensagem.',
  searchOffline: 'Você está off-line. A pesquisa voltará a funcionar quando a conexão voltar.',
  kbUnavailable:
    'Não é possível carregar os artigos de ajuda agora. Você ainda pode nos enviar uma mensagem.',
  contactPrompt: 'Não encontrou o que procurava?',
  contactUs: 'Fale conosco',

  articleUnavailable: 'Não é possível carregar este artigo agora.',
  articleNotFound: 'Este artigo não está disponível. Ele pode ter sido movido ou removido.',
  articleUpdated: 'Atualizado em {date}',
  onThisPage: 'Nesta página',
  copyLink: 'Copiar link',
  linkCopied: 'Link copiado',
  linkCopyFailed: 'Não foi possível copiar o link.',
  relatedArticles: 'Artigos relacionados',
  opensInNewTab: '(abre em uma nova aba)',
  helpfulQuestion: 'Este artigo foi útil?',
  helpfulYes: 'Sim',
  helpfulNo: 'Não',
  helpfulThanks: 'Agradecemos seu feedback.',
  helpfulNoFollowUp:
    'Que pena que o artigo não ajudou. Envie sua pergunta e responderemos diretamente.',
  backToSearch: 'Voltar à pesquisa',

  contactTitle: 'Envie uma mensagem',
  name: 'Nome',
  email: 'E-mail',
  subject: 'Assunto',
  message: 'Mensagem',
  send: 'Enviar',
  optional: '(opcional)',
  selectPlaceholder: 'Selecione…',
  attachFiles: 'Anexar arquivos',
  dropZone: 'ou arraste-os até aqui',
  dropZoneActive: 'Solte os arquivos para anexá-los',
  attachmentsLabel: 'Arquivos anexados',
  attachmentCount: {
    one: '{count} arquivo anexado',
    many: '{count} arquivos anexados',
    other: '{count} arquivos anexados',
  },
  attachmentRemove: 'Remover “{name}”',
  uploadProgress: 'Enviando… {percent}',
  uploadProgressLabel: 'Enviando “{name}”',
  attachmentTooMany: {
    one: 'Você pode anexar apenas {count} arquivo.',
    many: 'Você pode anexar até {count} arquivos.',
    other: 'Você pode anexar até {count} arquivos.',
  },
  attachmentTooLarge: 'O arquivo “{name}” é grande demais. Cada arquivo pode ter até {size}.',
  attachmentsTotalTooLarge: 'Os arquivos juntos são grandes demais. O total pode ter até {size}.',
  attachmentTypeNotAllowed: 'Não é possível anexar “{name}”: este tipo de arquivo não é permitido.',
  attachmentAllowedTypes: 'Tipos de arquivo permitidos: {types}',
  attachmentReadFailed: 'Não foi possível ler o arquivo “{name}”. Tente anexá-lo novamente.',
  attachmentEmpty: 'O arquivo “{name}” está vazio.',
  nameRequired: 'Digite seu nome',
  emailRequired: 'Digite seu endereço de e-mail',
  emailInvalid: 'Digite um endereço de e-mail como name@example.com',
  subjectRequired: 'Digite um assunto',
  messageRequired: 'Digite sua mensagem',
  fieldRequired: 'Preencha este campo',
  selectRequired: 'Selecione uma opção',
  checkboxRequired: 'Marque esta caixa para continuar',
  fieldTooLong: {
    one: 'Use no máximo {count} caractere',
    many: 'Use no máximo {count} caracteres',
    other: 'Use no máximo {count} caracteres',
  },
  fieldOneLine: 'Escreva em uma única linha',
  fieldControlCharacter: 'Remova o caractere de controle invisível e tente novamente',
  fieldBrokenCharacter:
    'Um emoji ou símbolo está corrompido. Digite-o novamente e tente outra vez.',
  errorSummary: {
    one: '{count} campo precisa de atenção',
    many: '{count} campos precisam de atenção',
    other: '{count} campos precisam de atenção',
  },
  honeypotLabel: 'Deixe este campo em branco',
  sending: 'Enviando…',
  sendFailed: 'Sua mensagem não foi enviada. Verifique sua conexão e tente novamente.',
  sendServerDown: 'Nosso servidor não está respondendo agora. Tente novamente em alguns minutos.',
  sendRejected: 'Sua mensagem não foi aceita: {reason}',
  sendRejectedPermanent:
    'Não foi possível aceitar sua mensagem, e tentar de novo não vai mudar isso. Entre em contato conosco de outra forma.',
  sendTooLarge:
    'Sua mensagem é grande demais para ser enviada. Remova alguns anexos e tente novamente.',
  sendRateLimited:
    'Várias mensagens foram enviadas em pouco tempo. Você poderá enviar outra {time}.',
  sendRateLimitedSoon:
    'Várias mensagens foram enviadas em pouco tempo. Aguarde um momento e tente novamente.',
  queuedTitle: 'Mensagem salva',
  queuedOffline:
    'Você está off-line — sua mensagem foi salva e será enviada automaticamente quando a conexão voltar.',
  queuedServerDown:
    'Não conseguimos acessar nosso servidor agora. Sua mensagem foi salva e será enviada automaticamente.',
  queuedSent: 'Sua mensagem salva foi enviada.',
  queuedPending: {
    one: '{count} mensagem aguardando envio',
    many: '{count} mensagens aguardando envio',
    other: '{count} mensagens aguardando envio',
  },
  contactUnavailable:
    'Não é possível carregar o formulário de contato agora. Verifique sua conexão e tente novamente.',
  draftKept: 'O que você escrever fica salvo neste navegador até ser enviado.',

  sentTitle: 'Mensagem enviada',
  sentBody: 'Recebemos sua mensagem e responderemos por e-mail.',
  reference: 'Seu número de referência é {reference}',
};

export default pt;
