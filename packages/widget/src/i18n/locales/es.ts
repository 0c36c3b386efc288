/**
 * Español (neutro, válido en España y América). Tuteo, como la mayoría de los productos
 * digitales; botones en infinitivo («Enviar», «Cerrar»); nada en femenino o masculino que
 * dependa del visitante. Comillas angulares «…», signos de apertura ¿ ¡.
 */
import type { Messages } from '../types.js';

const es: Messages = {
  launcher: 'Ayuda',
  panelTitle: 'Ayuda',
  close: 'Cerrar',
  back: 'Atrás',
  loading: 'Cargando…',
  tryAgain: 'Reintentar',
  panelUnavailable:
    'No se puede cargar la ayuda en este momento. Comprueba tu conexión y vuelve a intentarlo.',

  homeGreeting: 'Hola',
  homeGreetingName: 'Hola, {name}',
  homeIntro: '¿En qué podemos ayudarte?',
  replyTimeMinutes: {
    one: 'Solemos responder en un plazo de {count} minuto',
    many: 'Solemos responder en un plazo de {count} minutos',
    other: 'Solemos responder en un plazo de {count} minutos',
  },
  replyTimeHours: {
    one: 'Solemos responder en un plazo de {count} hora',
    many: 'Solemos responder en un plazo de {count} horas',
    other: 'Solemos responder en un plazo de {count} horas',
  },
  replyTimeDays: {
    one: 'Solemos responder en un plazo de {count} día',
    many: 'Solemos responder en un plazo de {count} días',
    other: 'Solemos responder en un plazo de {count} días',
  },
  suggestedForPage: 'Sugerencias para esta página',
  popularArticles: 'Artículos populares',
  categoriesHeading: 'Explorar por tema',
  categoryArticleCount: {
    one: '{count} artículo',
    many: '{count} artículos',
    other: '{count} artículos',
  },
  categoryShowAll: 'Ver todos los artículos de «{category}»',
  categoryOther: 'Otros artículos',
  homeContactTitle: '¿Prefieres escribirnos?',
  homeContactBody: 'Envíanos un mensaje y te responderemos por correo electrónico.',

  searchLabel: 'Buscar en los artículos de ayuda',
  searchPlaceholder: 'Busca respuestas…',
  searchClear: 'Borrar búsqueda',
  searchSubmit: 'Buscar',
  resultsLabel: 'Resultados de la búsqueda',
  suggestionsLabel: 'Artículos sugeridos',
  searching: 'Buscando…',
  resultsCount: {
    one: 'Se encontró {count} artículo',
    many: 'Se encontraron {count} artículos',
    other: 'Se encontraron {count} artículos',
  },
  resultsNone: 'Ningún artículo coincide con «{query}».',
  noGoodMatchTitle: 'No hay una buena respuesta para «{query}»',
  noGoodMatchBody:
    'No encontramos ningún artículo que responda a esto. Envíanos tu pregunta y te ayudaremos personalmente.',
  resultInLanguage: 'en {language}',
  searchFailed:
    'La búsqueda no funciona en este momento. Inténtalo de nuevo o envíanos un mensaje.',
  searchOffline:
    'No tienes conexión. La búsqueda volverá a funcionar cuando vuelvas a estar en línea.',
  kbUnavailable:
    'No se pueden cargar los artículos de ayuda en este momento. Aun así, puedes enviarnos un mensaje.',
  contactPrompt: '¿No encuentras lo que buscas?',
  contactUs: 'Contáctanos',

  articleUnavailable: 'No se puede cargar este artículo en este momento.',
  articleNotFound: 'Este artículo no está disponible. Puede que se haya movido o eliminado.',
  articleUpdated: 'Actualizado el {date}',
  onThisPage: 'En esta página',
  copyLink: 'Copiar enlace',
  linkCopied: 'Enlace copiado',
  linkCopyFailed: 'No se pudo copiar el enlace.',
  relatedArticles: 'Artículos relacionados',
  opensInNewTab: '(se abre en una pestaña nueva)',
  helpfulQuestion: '¿Te ha resultado útil?',
  helpfulYes: 'Sí',
  helpfulNo: 'No',
  helpfulThanks: 'Gracias por tu opinión.',
  helpfulNoFollowUp:
    'Sentimos que no te haya servido. Envíanos tu pregunta y te responderemos directamente.',
  backToSearch: 'Volver a la búsqueda',

  contactTitle: 'Envíanos un mensaje',
  name: 'Nombre',
  email: 'Correo electrónico',
  subject: 'Asunto',
  message: 'Mensaje',
  send: 'Enviar',
  optional: '(opcional)',
  selectPlaceholder: 'Selecciona…',
  attachFiles: 'Adjuntar archivos',
  dropZone: 'o arrástralos aquí',
  dropZoneActive: 'Suelta los archivos para adjuntarlos',
  attachmentsLabel: 'Archivos adjuntos',
  attachmentCount: {
    one: '{count} archivo adjunto',
    many: '{count} archivos adjuntos',
    other: '{count} archivos adjuntos',
  },
  attachmentRemove: 'Quitar «{name}»',
  uploadProgress: 'Subiendo… {percent}',
  uploadProgressLabel: 'Subiendo «{name}»',
  attachmentTooMany: {
    one: 'Solo puedes adjuntar {count} archivo.',
    many: 'Puedes adjuntar hasta {count} archivos.',
    other: 'Puedes adjuntar hasta {count} archivos.',
  },
  attachmentTooLarge:
    'El archivo «{name}» es demasiado grande. Cada archivo puede ocupar hasta {size}.',
  attachmentsTotalTooLarge:
    'Los archivos juntos son demasiado grandes. El total puede ocupar hasta {size}.',
  attachmentTypeNotAllowed:
    'No se puede adjuntar «{name}»: este tipo de archivo no está permitido.',
  attachmentAllowedTypes: 'Tipos de archivo permitidos: {types}',
  attachmentReadFailed: 'No se pudo leer el archivo «{name}». Intenta adjuntarlo de nuevo.',
  attachmentEmpty: 'El archivo «{name}» está vacío.',
  nameRequired: 'Escribe tu nombre',
  emailRequired: 'Escribe tu correo electrónico',
  emailInvalid: 'Escribe un correo electrónico como name@example.com',
  subjectRequired: 'Escribe un asunto',
  messageRequired: 'Escribe tu mensaje',
  fieldRequired: 'Completa este campo',
  selectRequired: 'Elige una opción',
  checkboxRequired: 'Marca esta casilla para continuar',
  fieldTooLong: {
    one: 'Usa {count} carácter como máximo',
    many: 'Usa {count} caracteres como máximo',
    other: 'Usa {count} caracteres como máximo',
  },
  fieldOneLine: 'Escríbelo en una sola línea',
  fieldControlCharacter: 'Elimina el carácter de control invisible y vuelve a intentarlo',
  fieldBrokenCharacter: 'Un emoji o símbolo está dañado. Vuelve a escribirlo e inténtalo de nuevo.',
  errorSummary: {
    one: 'Revisa {count} campo',
    many: 'Revisa {count} campos',
    other: 'Revisa {count} campos',
  },
  honeypotLabel: 'Deja este campo vacío',
  sending: 'Enviando…',
  sendFailed: 'Tu mensaje no se envió. Comprueba tu conexión y vuelve a intentarlo.',
  sendServerDown:
    'Nuestro servidor no responde en este momento. Vuelve a intentarlo dentro de unos minutos.',
  sendRejected: 'Tu mensaje no se aceptó: {reason}',
  sendRejectedPermanent:
    'No hemos podido aceptar tu mensaje y volver a intentarlo no lo cambiará. Contáctanos por otra vía.',
  sendTooLarge:
    'Tu mensaje es demasiado grande para enviarlo. Quita algunos adjuntos y vuelve a intentarlo.',
  sendRateLimited: 'Has enviado varios mensajes en poco tiempo. Podrás enviar otro {time}.',
  sendRateLimitedSoon:
    'Has enviado varios mensajes en poco tiempo. Espera un momento y vuelve a intentarlo.',
  queuedTitle: 'Mensaje guardado',
  queuedOffline:
    'No tienes conexión: tu mensaje está guardado y se enviará automáticamente cuando vuelvas a estar en línea.',
  queuedServerDown:
    'No podemos conectar con nuestro servidor en este momento. Tu mensaje está guardado y se enviará automáticamente.',
  queuedSent: 'Tu mensaje guardado se ha enviado.',
  queuedPending: {
    one: '{count} mensaje pendiente de envío',
    many: '{count} mensajes pendientes de envío',
    other: '{count} mensajes pendientes de envío',
  },
  contactUnavailable:
    'No se puede cargar el formulario de contacto en este momento. Comprueba tu conexión y vuelve a intentarlo.',
  draftKept: 'Lo que escribas se guarda en este navegador hasta que se envíe.',

  sentTitle: 'Mensaje enviado',
  sentBody: 'Hemos recibido tu mensaje y te responderemos por correo electrónico.',
  reference: 'Tu número de referencia es {reference}',
};

export default es;
