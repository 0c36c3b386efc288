/**
 * Hrvatski. Rečenice se obraćaju posjetitelju s „vi” (malim slovom, kako je uobičajeno u
 * sučeljima: „Unesite”, „Pošaljite”); gumbi su kratke naredbe („Pošalji”, „Zatvori”).
 * Navodnici „…”.
 */
import type { Messages } from '../types.js';

const hr: Messages = {
  launcher: 'Pomoć',
  panelTitle: 'Pomoć',
  close: 'Zatvori',
  back: 'Natrag',
  loading: 'Učitavanje…',
  tryAgain: 'Pokušaj ponovno',
  panelUnavailable: 'Pomoć trenutačno nije moguće učitati. Provjerite vezu i pokušajte ponovno.',

  homeGreeting: 'Dobar dan',
  homeGreetingName: 'Dobar dan, {name}',
  homeIntro: 'Kako vam možemo pomoći?',
  replyTimeMinutes: {
    one: 'Obično odgovaramo u roku od {count} minute',
    few: 'Obično odgovaramo u roku od {count} minute',
    other: 'Obično odgovaramo u roku od {count} minuta',
  },
  replyTimeHours: {
    one: 'Obično odgovaramo u roku od {count} sata',
    few: 'Obično odgovaramo u roku od {count} sata',
    other: 'Obično odgovaramo u roku od {count} sati',
  },
  replyTimeDays: {
    one: 'Obično odgovaramo u roku od {count} dana',
    few: 'Obično odgovaramo u roku od {count} dana',
    other: 'Obično odgovaramo u roku od {count} dana',
  },
  suggestedForPage: 'Preporučeno za ovu stranicu',
  popularArticles: 'Popularni članci',
  categoriesHeading: 'Pregled po temama',
  categoryArticleCount: {
    one: '{count} članak',
    few: '{count} članka',
    other: '{count} članaka',
  },
  categoryShowAll: 'Svi članci u kategoriji „{category}”',
  categoryOther: 'Ostali članci',
  homeContactTitle: 'Želite razgovarati s nama?',
  homeContactBody: 'Pošaljite nam poruku i odgovorit ćemo e-poštom.',

  searchLabel: 'Pretraživanje članaka pomoći',
  searchPlaceholder: 'Potražite odgovor…',
  searchClear: 'Očisti pretraživanje',
  searchSubmit: 'Traži',
  resultsLabel: 'Rezultati pretraživanja',
  suggestionsLabel: 'Preporučeni članci',
  searching: 'Pretraživanje…',
  resultsCount: {
    one: 'Pronađen je {count} članak',
    few: 'Pronađena su {count} članka',
    other: 'Pronađeno je {count} članaka',
  },
  resultsNone: 'Nema članaka za „{query}”.',
  noGoodMatchTitle: 'Nema dobrog odgovora za „{query}”',
  noGoodMatchBody:
    'Nismo pronašli članak koji bi odgovorio na ovo pitanje. Pošaljite nam pitanje i osobno ćemo vam pomoći.',
  resultInLanguage: '{language} jezik',
  searchFailed: 'Pretraživanje trenutačno ne radi. Pokušajte ponovno ili nam pošaljite poruku.',
  searchOffline:
    'Niste povezani s internetom. Pretraživanje će ponovno raditi kad se veza uspostavi.',
  kbUnavailable: 'Članke pomoći trenutačno nije moguće učitati. I dalje nam možete poslati poruku.',
  contactPrompt: 'Niste pronašli ono što trebate?',
  contactUs: 'Kontaktirajte nas',

  articleUnavailable: 'Ovaj članak trenutačno nije moguće učitati.',
  articleNotFound: 'Ovaj članak nije dostupan. Možda je premješten ili uklonjen.',
  articleUpdated: 'Ažurirano {date}',
  onThisPage: 'Na ovoj stranici',
  copyLink: 'Kopiraj poveznicu',
  linkCopied: 'Poveznica je kopirana',
  linkCopyFailed: 'Poveznicu nije moguće kopirati.',
  relatedArticles: 'Povezani članci',
  opensInNewTab: '(otvara se u novoj kartici)',
  helpfulQuestion: 'Je li vam ovo pomoglo?',
  helpfulYes: 'Da',
  helpfulNo: 'Ne',
  helpfulThanks: 'Hvala na povratnoj informaciji.',
  helpfulNoFollowUp:
    'Žao nam je što vam ovo nije pomoglo. Pošaljite nam pitanje i odgovorit ćemo vam izravno.',
  backToSearch: 'Natrag na pretraživanje',

  contactTitle: 'Pošaljite nam poruku',
  name: 'Ime',
  email: 'E-pošta',
  subject: 'Predmet',
  message: 'Poruka',
  send: 'Pošalji',
  optional: '(nije obavezno)',
  selectPlaceholder: 'Odaberite…',
  attachFiles: 'Priloži datoteke',
  dropZone: 'ili ih povucite ovamo',
  dropZoneActive: 'Ispustite datoteke da biste ih priložili',
  attachmentsLabel: 'Priložene datoteke',
  attachmentCount: {
    one: 'Priložena je {count} datoteka',
    few: 'Priložene su {count} datoteke',
    other: 'Priloženo je {count} datoteka',
  },
  attachmentRemove: 'Ukloni „{name}”',
  uploadProgress: 'Prijenos… {percent}',
  uploadProgressLabel: 'Prijenos datoteke „{name}”',
  attachmentTooMany: {
    one: 'Možete priložiti najviše {count} datoteku.',
    few: 'Možete priložiti najviše {count} datoteke.',
    other: 'Možete priložiti najviše {count} datoteka.',
  },
  attachmentTooLarge: 'Datoteka „{name}” je prevelika. Svaka datoteka smije imati najviše {size}.',
  attachmentsTotalTooLarge: 'Datoteke su zajedno prevelike. Ukupno smiju imati najviše {size}.',
  attachmentTypeNotAllowed:
    'Datoteku „{name}” nije moguće priložiti: ta vrsta datoteke nije dopuštena.',
  attachmentAllowedTypes: 'Dopuštene vrste datoteka: {types}',
  attachmentReadFailed: 'Datoteku „{name}” nije moguće pročitati. Pokušajte je ponovno priložiti.',
  attachmentEmpty: 'Datoteka „{name}” je prazna.',
  nameRequired: 'Unesite svoje ime',
  emailRequired: 'Unesite adresu e-pošte',
  emailInvalid: 'Unesite adresu e-pošte, npr. name@example.com',
  subjectRequired: 'Unesite predmet',
  messageRequired: 'Unesite poruku',
  fieldRequired: 'Ispunite ovo polje',
  selectRequired: 'Odaberite jednu mogućnost',
  checkboxRequired: 'Označite ovaj okvir za nastavak',
  fieldTooLong: {
    one: 'Unesite najviše {count} znak',
    few: 'Unesite najviše {count} znaka',
    other: 'Unesite najviše {count} znakova',
  },
  fieldOneLine: 'Unesite tekst u jednom retku',
  fieldControlCharacter: 'Uklonite nevidljivi kontrolni znak i pokušajte ponovno',
  fieldBrokenCharacter: 'Emoji ili simbol je oštećen. Unesite ga ponovno i pokušajte opet.',
  errorSummary: {
    one: '{count} polje treba provjeriti',
    few: '{count} polja treba provjeriti',
    other: '{count} polja treba provjeriti',
  },
  honeypotLabel: 'Ostavite ovo polje prazno',
  sending: 'Slanje…',
  sendFailed: 'Poruka nije poslana. Provjerite vezu i pokušajte ponovno.',
  sendServerDown: 'Naš poslužitelj trenutačno ne odgovara. Pokušajte ponovno za nekoliko minuta.',
  sendRejected: 'Poruka nije prihvaćena: {reason}',
  sendRejectedPermanent:
    'Ovu poruku ne možemo prihvatiti i ponovni pokušaj to neće promijeniti. Obratite nam se na drugi način.',
  sendTooLarge: 'Poruka je prevelika za slanje. Uklonite neke privitke i pokušajte ponovno.',
  sendRateLimited:
    'Poslali ste nekoliko poruka u kratkom vremenu. Novu poruku možete poslati {time}.',
  sendRateLimitedSoon:
    'Poslali ste nekoliko poruka u kratkom vremenu. Pričekajte trenutak i pokušajte ponovno.',
  queuedTitle: 'Poruka je spremljena',
  queuedOffline:
    'Niste povezani s internetom — poruka je spremljena i bit će automatski poslana kad se veza uspostavi.',
  queuedServerDown:
    'Trenutačno se ne možemo povezati s našim poslužiteljem. Poruka je spremljena i bit će automatski poslana.',
  queuedSent: 'Spremljena poruka je poslana.',
  queuedPending: {
    one: '{count} poruka čeka na slanje',
    few: '{count} poruke čekaju na slanje',
    other: '{count} poruka čeka na slanje',
  },
  contactUnavailable:
    'Obrazac za kontakt trenutačno nije moguće učitati. Provjerite vezu i pokušajte ponovno.',
  draftKept: 'Ono što napišete sprema se u ovom pregledniku dok se ne pošalje.',

  sentTitle: 'Poruka je poslana',
  sentBody: 'Primili smo vašu poruku i odgovorit ćemo e-poštom.',
  reference: 'Broj vašeg upita: {reference}',
};

export default hr;
