/**
 * Nederlands. Aanspreekvorm ‘je’, zoals de meeste digitale producten; knoppen in de
 * infinitief (‘Verzenden’, ‘Sluiten’). Enkele aanhalingstekens ‘…’.
 */
import type { Messages } from '../types.js';

const nl: Messages = {
  launcher: 'Help',
  panelTitle: 'Help',
  close: 'Sluiten',
  back: 'Terug',
  loading: 'Laden…',
  tryAgain: 'Opnieuw proberen',
  panelUnavailable:
    'De helpfunctie kan nu niet worden geladen. Controleer je verbinding en probeer het opnieuw.',

  homeGreeting: 'Hallo',
  homeGreetingName: 'Hallo {name}',
  homeIntro: 'Waarmee kunnen we je helpen?',
  replyTimeMinutes: {
    one: 'We reageren meestal binnen {count} minuut',
    other: 'We reageren meestal binnen {count} minuten',
  },
  replyTimeHours: {
    one: 'We reageren meestal binnen {count} uur',
    other: 'We reageren meestal binnen {count} uur',
  },
  replyTimeDays: {
    one: 'We reageren meestal binnen {count} dag',
    other: 'We reageren meestal binnen {count} dagen',
  },
  suggestedForPage: 'Aanbevolen bij deze pagina',
  popularArticles: 'Populaire artikelen',
  categoriesHeading: 'Bekijk per onderwerp',
  categoryArticleCount: {
    one: '{count} artikel',
    other: '{count} artikelen',
  },
  categoryShowAll: 'Alle artikelen in ‘{category}’',
  categoryOther: 'Overige artikelen',
  homeContactTitle: 'Liever direct contact?',
  homeContactBody: 'Stuur ons een bericht, dan antwoorden we per e-mail.',

  searchLabel: 'Zoeken in helpartikelen',
  searchPlaceholder: 'Zoek een antwoord…',
  searchClear: 'Zoekopdracht wissen',
  searchSubmit: 'Zoeken',
  resultsLabel: 'Zoekresultaten',
  suggestionsLabel: 'Aanbevolen artikelen',
  searching: 'Zoeken…',
  resultsCount: {
    one: '{count} artikel gevonden',
    other: '{count} artikelen gevonden',
  },
  resultsNone: 'Geen artikelen gevonden voor ‘{query}’.',
  noGoodMatchTitle: 'Geen goed antwoord op ‘{query}’',
  noGoodMatchBody:
    'We hebben geen artikel gevonden dat deze vraag beantwoordt. Stuur ons je vraag, dan helpen we je persoonlijk.',
  resultInLanguage: 'in het {language}',
  searchFailed: 'Zoeken werkt op dit moment niet. Probeer het opnieuw of stuur ons een bericht.',
  searchOffline: 'Je bent offline. Zoeken werkt weer zodra je online bent.',
  kbUnavailable:
    'De helpartikelen kunnen nu niet worden geladen. Je kunt ons wel een bericht sturen.',
  contactPrompt: 'Niet gevonden wat je zocht?',
  contactUs: 'Neem contact op',

  articleUnavailable: 'Dit artikel kan nu niet worden geladen.',
  articleNotFound: 'Dit artikel is niet beschikbaar. Misschien is het verplaatst of verwijderd.',
  articleUpdated: 'Bijgewerkt op {date}',
  onThisPage: 'Op deze pagina',
  copyLink: 'Link kopiëren',
  linkCopied: 'Link gekopieerd',
  linkCopyFailed: 'De link kan niet worden gekopieerd.',
  relatedArticles: 'Gerelateerde artikelen',
  opensInNewTab: '(opent in een nieuw tabblad)',
  helpfulQuestion: 'Had je hier iets aan?',
  helpfulYes: 'Ja',
  helpfulNo: 'Nee',
  helpfulThanks: 'Bedankt voor je feedback.',
  helpfulNoFollowUp:
    'Jammer dat dit niet hielp. Stuur ons je vraag, dan antwoorden we je rechtstreeks.',
  backToSearch: 'Terug naar zoeken',

  contactTitle: 'Stuur ons een bericht',
  name: 'Naam',
  email: 'E-mail',
  subject: 'Onderwerp',
  message: 'Bericht',
  send: 'Verzenden',
  optional: '(optioneel)',
  selectPlaceholder: 'Kies…',
  attachFiles: 'Bestanden toevoegen',
  dropZone: 'of sleep ze hierheen',
  dropZoneActive: 'Zet de bestanden hier neer om ze toe te voegen',
  attachmentsLabel: 'Toegevoegde bestanden',
  attachmentCount: {
    one: '{count} bestand toegevoegd',
    other: '{count} bestanden toegevoegd',
  },
  attachmentRemove: '‘{name}’ verwijderen',
  uploadProgress: 'Uploaden… {percent}',
  uploadProgressLabel: '‘{name}’ wordt geüpload',
  attachmentTooMany: {
    one: 'Je kunt maar {count} bestand toevoegen.',
    other: 'Je kunt maximaal {count} bestanden toevoegen.',
  },
  attachmentTooLarge: 'Bestand ‘{name}’ is te groot. Elk bestand mag maximaal {size} zijn.',
  attachmentsTotalTooLarge:
    'De bestanden zijn samen te groot. Het totaal mag maximaal {size} zijn.',
  attachmentTypeNotAllowed:
    '‘{name}’ kan niet worden toegevoegd: dit bestandstype is niet toegestaan.',
  attachmentAllowedTypes: 'Toegestane bestandstypen: {types}',
  attachmentReadFailed:
    'Bestand ‘{name}’ kan niet worden gelezen. Probeer het opnieuw toe te voegen.',
  attachmentEmpty: 'Bestand ‘{name}’ is leeg.',
  nameRequired: 'Vul je naam in',
  emailRequired: 'Vul je e-mailadres in',
  emailInvalid: 'Vul een e-mailadres in zoals name@example.com',
  subjectRequired: 'Vul een onderwerp in',
  messageRequired: 'Typ je bericht',
  fieldRequired: 'Vul dit veld in',
  selectRequired: 'Kies een optie',
  checkboxRequired: 'Vink dit vakje aan om door te gaan',
  fieldTooLong: {
    one: 'Gebruik maximaal {count} teken',
    other: 'Gebruik maximaal {count} tekens',
  },
  fieldOneLine: 'Houd dit op één regel',
  fieldControlCharacter: 'Verwijder het onzichtbare stuurteken en probeer het opnieuw',
  fieldBrokenCharacter:
    'Een emoji of symbool is beschadigd. Typ het opnieuw en probeer het nog een keer.',
  errorSummary: {
    one: '{count} veld heeft je aandacht nodig',
    other: '{count} velden hebben je aandacht nodig',
  },
  honeypotLabel: 'Laat dit veld leeg',
  sending: 'Verzenden…',
  sendFailed: 'Je bericht is niet verzonden. Controleer je verbinding en probeer het opnieuw.',
  sendServerDown:
    'Onze server reageert op dit moment niet. Probeer het over een paar minuten opnieuw.',
  sendRejected: 'Je bericht is niet geaccepteerd: {reason}',
  sendRejectedPermanent:
    'Je bericht kan niet worden geaccepteerd, en opnieuw proberen verandert daar niets aan. Neem op een andere manier contact met ons op.',
  sendTooLarge:
    'Je bericht is te groot om te verzenden. Verwijder een paar bijlagen en probeer het opnieuw.',
  sendRateLimited:
    'Je hebt in korte tijd meerdere berichten verzonden. Je kunt {time} weer een bericht sturen.',
  sendRateLimitedSoon:
    'Je hebt in korte tijd meerdere berichten verzonden. Wacht even en probeer het dan opnieuw.',
  queuedTitle: 'Bericht opgeslagen',
  queuedOffline:
    'Je bent offline — je bericht is opgeslagen en wordt automatisch verzonden zodra je weer online bent.',
  queuedServerDown:
    'We kunnen onze server nu niet bereiken. Je bericht is opgeslagen en wordt automatisch verzonden.',
  queuedSent: 'Je opgeslagen bericht is verzonden.',
  queuedPending: {
    one: '{count} bericht wacht op verzending',
    other: '{count} berichten wachten op verzending',
  },
  contactUnavailable:
    'Het contactformulier kan nu niet worden geladen. Controleer je verbinding en probeer het opnieuw.',
  draftKept: 'Wat je schrijft, wordt in deze browser bewaard tot het is verzonden.',

  sentTitle: 'Bericht verzonden',
  sentBody: 'We hebben je bericht ontvangen en antwoorden per e-mail.',
  reference: 'Je referentienummer is {reference}',
};

export default nl;
