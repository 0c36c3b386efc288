/**
 * Italiano. Si dà del tu, come nella maggior parte dei prodotti digitali; i pulsanti usano
 * l’imperativo breve («Invia», «Chiudi»); niente accordi al maschile o al femminile che
 * dipendano dal visitatore. Virgolette basse «…».
 */
import type { Messages } from '../types.js';

const it: Messages = {
  launcher: 'Aiuto',
  panelTitle: 'Aiuto',
  close: 'Chiudi',
  back: 'Indietro',
  loading: 'Caricamento…',
  tryAgain: 'Riprova',
  panelUnavailable:
    'Non è possibile caricare la guida in questo momento. Controlla la connessione e riprova.',

  homeGreeting: 'Ciao',
  homeGreetingName: 'Ciao {name}',
  homeIntro: 'Come possiamo aiutarti?',
  replyTimeMinutes: {
    one: 'Di solito rispondiamo entro {count} minuto',
    many: 'Di solito rispondiamo entro {count} minuti',
    other: 'Di solito rispondiamo entro {count} minuti',
  },
  replyTimeHours: {
    one: 'Di solito rispondiamo entro {count} ora',
    many: 'Di solito rispondiamo entro {count} ore',
    other: 'Di solito rispondiamo entro {count} ore',
  },
  replyTimeDays: {
    one: 'Di solito rispondiamo entro {count} giorno',
    many: 'Di solito rispondiamo entro {count} giorni',
    other: 'Di solito rispondiamo entro {count} giorni',
  },
  suggestedForPage: 'Consigliati per questa pagina',
  popularArticles: 'Articoli più letti',
  categoriesHeading: 'Sfoglia per argomento',
  categoryArticleCount: {
    one: '{count} articolo',
    many: '{count} articoli',
    other: '{count} articoli',
  },
  categoryShowAll: 'Vedi tutti gli articoli di «{category}»',
  categoryOther: 'Altri articoli',
  homeContactTitle: 'Preferisci scriverci?',
  homeContactBody: 'Inviaci un messaggio e ti risponderemo via email.',

  searchLabel: 'Cerca negli articoli di assistenza',
  searchPlaceholder: 'Cerca una risposta…',
  searchClear: 'Cancella la ricerca',
  searchSubmit: 'Cerca',
  resultsLabel: 'Risultati della ricerca',
  suggestionsLabel: 'Articoli consigliati',
  searching: 'Ricerca in corso…',
  resultsCount: {
    one: '{count} articolo trovato',
    many: '{count} articoli trovati',
    other: '{count} articoli trovati',
  },
  resultsNone: 'Nessun articolo corrisponde a «{query}».',
  noGoodMatchTitle: 'Nessuna risposta adatta per «{query}»',
  noGoodMatchBody:
    'Non abbiamo trovato un articolo che risponda a questa domanda. Inviaci la tua domanda e ti aiuteremo di persona.',
  resultInLanguage: 'in {language}',
  searchFailed: 'La ricerca non funziona in questo momento. Riprova o inviaci un messaggio.',
  searchOffline: 'Sei offline. La ricerca tornerà a funzionare quando sarai di nuovo online.',
  kbUnavailable:
    'Non è possibile caricare gli articoli di assistenza in questo momento. Puoi comunque inviarci un messaggio.',
  contactPrompt: 'Non hai trovato quello che cercavi?',
  contactUs: 'Contattaci',

  articleUnavailable: 'Non è possibile caricare questo articolo in questo momento.',
  articleNotFound: 'Questo articolo non è disponibile. Potrebbe essere stato spostato o rimosso.',
  articleUpdated: 'Aggiornato il {date}',
  onThisPage: 'In questa pagina',
  copyLink: 'Copia link',
  linkCopied: 'Link copiato',
  linkCopyFailed: 'Impossibile copiare il link.',
  relatedArticles: 'Articoli correlati',
  opensInNewTab: '(si apre in una nuova scheda)',
  helpfulQuestion: 'Ti è stato utile?',
  helpfulYes: 'Sì',
  helpfulNo: 'No',
  helpfulThanks: 'Grazie per il tuo feedback.',
  helpfulNoFollowUp:
    'Ci dispiace che non ti sia stato utile. Inviaci la tua domanda e ti risponderemo direttamente.',
  backToSearch: 'Torna alla ricerca',

  contactTitle: 'Inviaci un messaggio',
  name: 'Nome',
  email: 'Email',
  subject: 'Oggetto',
  message: 'Messaggio',
  send: 'Invia',
  optional: '(facoltativo)',
  selectPlaceholder: 'Scegli…',
  attachFiles: 'Allega file',
  dropZone: 'o trascinali qui',
  dropZoneActive: 'Rilascia i file per allegarli',
  attachmentsLabel: 'File allegati',
  attachmentCount: {
    one: '{count} file allegato',
    many: '{count} file allegati',
    other: '{count} file allegati',
  },
  attachmentRemove: 'Rimuovi «{name}»',
  uploadProgress: 'Caricamento… {percent}',
  uploadProgressLabel: 'Caricamento di «{name}»',
  attachmentTooMany: {
    one: 'Puoi allegare solo {count} file.',
    many: 'Puoi allegare fino a {count} file.',
    other: 'Puoi allegare fino a {count} file.',
  },
  attachmentTooLarge: 'Il file «{name}» è troppo grande. Ogni file può pesare al massimo {size}.',
  attachmentsTotalTooLarge:
    'Nel complesso i file sono troppo grandi. Il totale può essere al massimo {size}.',
  attachmentTypeNotAllowed: 'Impossibile allegare «{name}»: questo tipo di file non è consentito.',
  attachmentAllowedTypes: 'Tipi di file consentiti: {types}',
  attachmentReadFailed: 'Impossibile leggere il file «{name}». Prova ad allegarlo di nuovo.',
  attachmentEmpty: 'Il file «{name}» è vuoto.',
  nameRequired: 'Inserisci il tuo nome',
  emailRequired: 'Inserisci il tuo indirizzo email',
  emailInvalid: 'Inserisci un indirizzo email come name@example.com',
  subjectRequired: 'Inserisci un oggetto',
  messageRequired: 'Scrivi il tuo messaggio',
  fieldRequired: 'Compila questo campo',
  selectRequired: 'Scegli un’opzione',
  checkboxRequired: 'Seleziona questa casella per continuare',
  fieldTooLong: {
    one: 'Usa al massimo {count} carattere',
    many: 'Usa al massimo {count} caratteri',
    other: 'Usa al massimo {count} caratteri',
  },
  fieldOneLine: 'Scrivi il testo su una sola riga',
  fieldControlCharacter: 'Rimuovi il carattere di controllo invisibile e riprova',
  fieldBrokenCharacter: 'Un’emoji o un simbolo è danneggiato. Digitalo di nuovo e riprova.',
  errorSummary: {
    one: '{count} campo da controllare',
    many: '{count} campi da controllare',
    other: '{count} campi da controllare',
  },
  honeypotLabel: 'Lascia vuoto questo campo',
  sending: 'Invio in corso…',
  sendFailed: 'Il messaggio non è stato inviato. Controlla la connessione e riprova.',
  sendServerDown: 'Il nostro server non risponde in questo momento. Riprova tra qualche minuto.',
  sendRejected: 'Il messaggio non è stato accettato: {reason}',
  sendRejectedPermanent:
    'Non è stato possibile accettare il messaggio e riprovare non servirà. Contattaci in un altro modo.',
  sendTooLarge:
    'Il messaggio è troppo grande per essere inviato. Rimuovi alcuni allegati e riprova.',
  sendRateLimited: 'Hai inviato diversi messaggi in poco tempo. Potrai inviarne un altro {time}.',
  sendRateLimitedSoon: 'Hai inviato diversi messaggi in poco tempo. Attendi un momento e riprova.',
  queuedTitle: 'Messaggio salvato',
  queuedOffline:
    'Sei offline: il messaggio è stato salvato e verrà inviato automaticamente quando tornerai online.',
  queuedServerDown:
    'Al momento non riusciamo a raggiungere il nostro server. Il messaggio è stato salvato e verrà inviato automaticamente.',
  queuedSent: 'Il messaggio salvato è stato inviato.',
  queuedPending: {
    one: '{count} messaggio in attesa di invio',
    many: '{count} messaggi in attesa di invio',
    other: '{count} messaggi in attesa di invio',
  },
  contactUnavailable:
    'Non è possibile caricare il modulo di contatto in questo momento. Controlla la connessione e riprova.',
  draftKept: 'Ciò che scrivi viene salvato in questo browser fino all’invio.',

  sentTitle: 'Messaggio inviato',
  sentBody: 'Abbiamo ricevuto il tuo messaggio e ti risponderemo via email.',
  reference: 'Il tuo numero di riferimento è {reference}',
};

export default it;
