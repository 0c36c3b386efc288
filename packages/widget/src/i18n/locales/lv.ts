/**
 * Latviešu. Teikumos apmeklētāju uzrunājam ar „jūs” (ar mazo burtu, kā pieņemts saskarnēs:
 * „Ievadiet”, „Uzrakstiet”); pogas ir nenoteiksmē („Sūtīt”, „Aizvērt”); no dzimtes atkarīgus
 * divdabjus, kas attiektos uz apmeklētāju, neizmantojam. Pēdiņas „…“.
 */
import type { Messages } from '../types.js';

const lv: Messages = {
  launcher: 'Palīdzība',
  panelTitle: 'Palīdzība',
  close: 'Aizvērt',
  back: 'Atpakaļ',
  loading: 'Notiek ielāde…',
  tryAgain: 'Mēģināt vēlreiz',
  panelUnavailable: 'Palīdzību pašlaik nevar ielādēt. Pārbaudiet savienojumu un mēģiniet vēlreiz.',

  homeGreeting: 'Labdien',
  homeGreetingName: 'Labdien, {name}',
  homeIntro: 'Kā varam palīdzēt?',
  replyTimeMinutes: {
    zero: 'Parasti atbildam {count} minūšu laikā',
    one: 'Parasti atbildam {count} minūtes laikā',
    other: 'Parasti atbildam {count} minūšu laikā',
  },
  replyTimeHours: {
    zero: 'Parasti atbildam {count} stundu laikā',
    one: 'Parasti atbildam {count} stundas laikā',
    other: 'Parasti atbildam {count} stundu laikā',
  },
  replyTimeDays: {
    zero: 'Parasti atbildam {count} dienu laikā',
    one: 'Parasti atbildam {count} dienas laikā',
    other: 'Parasti atbildam {count} dienu laikā',
  },
  suggestedForPage: 'Ieteikumi šai lapai',
  popularArticles: 'Populārākie raksti',
  categoriesHeading: 'Tēmas',
  categoryArticleCount: {
    zero: '{count} rakstu',
    one: '{count} raksts',
    other: '{count} raksti',
  },
  categoryShowAll: 'Visi raksti kategorijā „{category}“',
  categoryOther: 'Citi raksti',
  homeContactTitle: 'Vēlaties sazināties ar mums?',
  homeContactBody: 'Uzrakstiet mums, un mēs atbildēsim e-pastā.',

  searchLabel: 'Meklēt palīdzības rakstos',
  searchPlaceholder: 'Meklējiet atbildi…',
  searchClear: 'Notīrīt meklēšanu',
  searchSubmit: 'Meklēt',
  resultsLabel: 'Meklēšanas rezultāti',
  suggestionsLabel: 'Ieteiktie raksti',
  searching: 'Notiek meklēšana…',
  resultsCount: {
    zero: '{count} rezultātu',
    one: '{count} rezultāts',
    other: '{count} rezultāti',
  },
  resultsNone: 'Nav neviena raksta, kas atbilstu vaicājumam „{query}“.',
  noGoodMatchTitle: 'Nav piemērotas atbildes uz „{query}“',
  noGoodMatchBody:
    'Mēs neatradām rakstu, kas atbildētu uz šo jautājumu. Uzrakstiet mums, un mēs palīdzēsim personīgi.',
  resultInLanguage: '{language} valodā',
  searchFailed: 'Meklēšana pašlaik nedarbojas. Mēģiniet vēlreiz vai uzrakstiet mums.',
  searchOffline:
    'Nav interneta savienojuma. Meklēšana atkal darbosies, kad savienojums tiks atjaunots.',
  kbUnavailable: 'Palīdzības rakstus pašlaik nevar ielādēt. Jūs joprojām varat mums uzrakstīt.',
  contactPrompt: 'Neatradāt vajadzīgo?',
  contactUs: 'Sazinieties ar mums',

  articleUnavailable: 'Šo rakstu pašlaik nevar ielādēt.',
  articleNotFound: 'Šis raksts nav pieejams. Iespējams, tas ir pārvietots vai dzēsts.',
  articleUpdated: 'Atjaunināts: {date}',
  onThisPage: 'Šajā lapā',
  copyLink: 'Kopēt saiti',
  linkCopied: 'Saite nokopēta',
  linkCopyFailed: 'Saiti neizdevās nokopēt.',
  relatedArticles: 'Saistītie raksti',
  opensInNewTab: '(atveras jaunā cilnē)',
  helpfulQuestion: 'Vai tas bija noderīgi?',
  helpfulYes: 'Jā',
  helpfulNo: 'Nē',
  helpfulThanks: 'Paldies par atsauksmi.',
  helpfulNoFollowUp:
    'Žēl, ka tas nepalīdzēja. Uzrakstiet mums savu jautājumu, un mēs atbildēsim tieši jums.',
  backToSearch: 'Atpakaļ uz meklēšanu',

  contactTitle: 'Uzrakstiet mums',
  name: 'Vārds',
  email: 'E-pasts',
  subject: 'Temats',
  message: 'Ziņojums',
  send: 'Sūtīt',
  optional: '(nav obligāti)',
  selectPlaceholder: 'Izvēlieties…',
  attachFiles: 'Pievienot failus',
  dropZone: 'vai ievelciet tos šeit',
  dropZoneActive: 'Atlaidiet failus, lai tos pievienotu',
  attachmentsLabel: 'Pievienotie faili',
  attachmentCount: {
    zero: '{count} pievienotu failu',
    one: '{count} pievienots fails',
    other: '{count} pievienoti faili',
  },
  attachmentRemove: 'Noņemt „{name}“',
  uploadProgress: 'Notiek augšupielāde… {percent}',
  uploadProgressLabel: 'Augšupielādē „{name}“',
  attachmentTooMany: {
    zero: 'Varat pievienot ne vairāk kā {count} failu.',
    one: 'Varat pievienot ne vairāk kā {count} failu.',
    other: 'Varat pievienot ne vairāk kā {count} failus.',
  },
  attachmentTooLarge: 'Fails „{name}“ ir pārāk liels. Katrs fails drīkst būt līdz {size}.',
  attachmentsTotalTooLarge: 'Faili kopā ir pārāk lieli. Kopējais apjoms drīkst būt līdz {size}.',
  attachmentTypeNotAllowed: 'Failu „{name}“ nevar pievienot: šāds faila tips nav atļauts.',
  attachmentAllowedTypes: 'Atļautie failu tipi: {types}',
  attachmentReadFailed: 'Failu „{name}“ neizdevās nolasīt. Mēģiniet to pievienot vēlreiz.',
  attachmentEmpty: 'Fails „{name}“ ir tukšs.',
  nameRequired: 'Ievadiet savu vārdu',
  emailRequired: 'Ievadiet e-pasta adresi',
  emailInvalid: 'Ievadiet e-pasta adresi, piemēram, name@example.com',
  subjectRequired: 'Ievadiet tematu',
  messageRequired: 'Ievadiet ziņojumu',
  fieldRequired: 'Aizpildiet šo lauku',
  selectRequired: 'Izvēlieties vienu no iespējām',
  checkboxRequired: 'Atzīmējiet šo izvēles rūtiņu, lai turpinātu',
  fieldTooLong: {
    zero: 'Ievadiet ne vairāk kā {count} rakstzīmju',
    one: 'Ievadiet ne vairāk kā {count} rakstzīmi',
    other: 'Ievadiet ne vairāk kā {count} rakstzīmes',
  },
  fieldOneLine: 'Ievadiet tekstu vienā rindā',
  fieldControlCharacter: 'Izdzēsiet neredzamo vadības rakstzīmi un mēģiniet vēlreiz',
  fieldBrokenCharacter:
    'Emocijzīme vai simbols ir bojāts. Ievadiet to no jauna un mēģiniet vēlreiz.',
  errorSummary: {
    zero: 'Jāpārbauda {count} lauku',
    one: 'Jāpārbauda {count} lauks',
    other: 'Jāpārbauda {count} lauki',
  },
  honeypotLabel: 'Atstājiet šo lauku tukšu',
  sending: 'Notiek sūtīšana…',
  sendFailed: 'Ziņojums netika nosūtīts. Pārbaudiet savienojumu un mēģiniet vēlreiz.',
  sendServerDown: 'Mūsu serveris pašlaik neatbild. Mēģiniet vēlreiz pēc dažām minūtēm.',
  sendRejected: 'Ziņojums netika pieņemts: {reason}',
  sendRejectedPermanent:
    'Šo ziņojumu nevaram pieņemt, un atkārtots mēģinājums to nemainīs. Lūdzu, sazinieties ar mums citā veidā.',
  sendTooLarge:
    'Ziņojums ir pārāk liels, lai to nosūtītu. Noņemiet dažus pielikumus un mēģiniet vēlreiz.',
  sendRateLimited: 'Īsā laikā nosūtīti vairāki ziņojumi. Jaunu ziņojumu varēsiet nosūtīt {time}.',
  sendRateLimitedSoon: 'Īsā laikā nosūtīti vairāki ziņojumi. Brīdi uzgaidiet un mēģiniet vēlreiz.',
  queuedTitle: 'Ziņojums saglabāts',
  queuedOffline:
    'Nav interneta savienojuma — ziņojums ir saglabāts un tiks nosūtīts automātiski, kad savienojums tiks atjaunots.',
  queuedServerDown:
    'Pašlaik nevaram sazināties ar mūsu serveri. Ziņojums ir saglabāts un tiks nosūtīts automātiski.',
  queuedSent: 'Saglabātais ziņojums ir nosūtīts.',
  queuedPending: {
    zero: '{count} ziņojumu gaida nosūtīšanu',
    one: '{count} ziņojums gaida nosūtīšanu',
    other: '{count} ziņojumi gaida nosūtīšanu',
  },
  contactUnavailable:
    'Saziņas veidlapu pašlaik nevar ielādēt. Pārbaudiet savienojumu un mēģiniet vēlreiz.',
  draftKept: 'Jūsu rakstītais tiek glabāts šajā pārlūkā, līdz tas tiek nosūtīts.',

  sentTitle: 'Ziņojums nosūtīts',
  sentBody: 'Mēs saņēmām jūsu ziņojumu un atbildēsim e-pastā.',
  reference: 'Jūsu pieprasījuma numurs: {reference}',
};

export default lv;
