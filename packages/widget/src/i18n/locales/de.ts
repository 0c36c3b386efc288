/**
 * Deutsch. Anrede mit „Sie“; Schaltflächen im Infinitiv („Senden“, „Schließen“).
 * Anführungszeichen „…“; Auslassungspunkte nach einem ganzen Wort mit (geschütztem)
 * Leerzeichen davor („Wird geladen …“), wie der Duden es vorsieht.
 */
import type { Messages } from '../types.js';

const de: Messages = {
  launcher: 'Hilfe',
  panelTitle: 'Hilfe',
  close: 'Schließen',
  back: 'Zurück',
  loading: 'Wird geladen\u00a0…',
  tryAgain: 'Erneut versuchen',
  panelUnavailable:
    'Die Hilfe kann gerade nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',

  homeGreeting: 'Hallo',
  homeGreetingName: 'Hallo {name}',
  homeIntro: 'Wie können wir helfen?',
  replyTimeMinutes: {
    one: 'Wir antworten in der Regel innerhalb von {count} Minute',
    other: 'Wir antworten in der Regel innerhalb von {count} Minuten',
  },
  replyTimeHours: {
    one: 'Wir antworten in der Regel innerhalb von {count} Stunde',
    other: 'Wir antworten in der Regel innerhalb von {count} Stunden',
  },
  replyTimeDays: {
    one: 'Wir antworten in der Regel innerhalb von {count} Tag',
    other: 'Wir antworten in der Regel innerhalb von {count} Tagen',
  },
  suggestedForPage: 'Passend zu dieser Seite',
  popularArticles: 'Beliebte Artikel',
  categoriesHeading: 'Themen',
  categoryArticleCount: {
    one: '{count} Artikel',
    other: '{count} Artikel',
  },
  categoryShowAll: 'Alle Artikel in „{category}“ anzeigen',
  categoryOther: 'Weitere Artikel',
  homeContactTitle: 'Möchten Sie uns schreiben?',
  homeContactBody: 'Senden Sie uns eine Nachricht – wir antworten per E-Mail.',

  searchLabel: 'Hilfeartikel durchsuchen',
  searchPlaceholder: 'Antworten suchen\u00a0…',
  searchClear: 'Suche löschen',
  searchSubmit: 'Suchen',
  resultsLabel: 'Suchergebnisse',
  suggestionsLabel: 'Empfohlene Artikel',
  searching: 'Suche läuft\u00a0…',
  resultsCount: {
    one: '{count} Artikel gefunden',
    other: '{count} Artikel gefunden',
  },
  resultsNone: 'Keine Artikel zu „{query}“ gefunden.',
  noGoodMatchTitle: 'Keine passende Antwort zu „{query}“',
  noGoodMatchBody:
    'Wir haben keinen Artikel gefunden, der diese Frage beantwortet. Schreiben Sie uns – wir helfen Ihnen persönlich weiter.',
  resultInLanguage: 'auf {language}',
  searchFailed:
    'Die Suche funktioniert gerade nicht. Versuchen Sie es erneut oder schreiben Sie uns.',
  searchOffline: 'Sie sind offline. Die Suche funktioniert wieder, sobald Sie online sind.',
  kbUnavailable:
    'Die Hilfeartikel können gerade nicht geladen werden. Sie können uns trotzdem eine Nachricht senden.',
  contactPrompt: 'Nicht gefunden, was Sie suchen?',
  contactUs: 'Kontaktieren Sie uns',

  articleUnavailable: 'Dieser Artikel kann gerade nicht geladen werden.',
  articleNotFound:
    'Dieser Artikel ist nicht verfügbar. Vielleicht wurde er verschoben oder entfernt.',
  articleUpdated: 'Aktualisiert am {date}',
  onThisPage: 'Auf dieser Seite',
  copyLink: 'Link kopieren',
  linkCopied: 'Link kopiert',
  linkCopyFailed: 'Der Link konnte nicht kopiert werden.',
  relatedArticles: 'Ähnliche Artikel',
  opensInNewTab: '(öffnet in einem neuen Tab)',
  helpfulQuestion: 'War das hilfreich?',
  helpfulYes: 'Ja',
  helpfulNo: 'Nein',
  helpfulThanks: 'Danke für Ihr Feedback.',
  helpfulNoFollowUp:
    'Schade, dass das nicht geholfen hat. Schreiben Sie uns Ihre Frage – wir antworten Ihnen direkt.',
  backToSearch: 'Zurück zur Suche',

  contactTitle: 'Schreiben Sie uns',
  name: 'Name',
  email: 'E-Mail',
  subject: 'Betreff',
  message: 'Nachricht',
  send: 'Senden',
  optional: '(optional)',
  selectPlaceholder: 'Bitte wählen\u00a0…',
  attachFiles: 'Dateien anhängen',
  dropZone: 'oder hierher ziehen',
  dropZoneActive: 'Dateien zum Anhängen hier ablegen',
  attachmentsLabel: 'Angehängte Dateien',
  attachmentCount: {
    one: '{count} Datei angehängt',
    other: '{count} Dateien angehängt',
  },
  attachmentRemove: '„{name}“ entfernen',
  uploadProgress: 'Wird hochgeladen\u00a0… {percent}',
  uploadProgressLabel: '„{name}“ wird hochgeladen',
  attachmentTooMany: {
    one: 'Sie können nur {count} Datei anhängen.',
    other: 'Sie können bis zu {count} Dateien anhängen.',
  },
  attachmentTooLarge: '„{name}“ ist zu groß. Jede Datei darf höchstens {size} groß sein.',
  attachmentsTotalTooLarge:
    'Die Dateien sind zusammen zu groß. Insgesamt sind höchstens {size} möglich.',
  attachmentTypeNotAllowed:
    '„{name}“ kann nicht angehängt werden: Dieser Dateityp ist nicht erlaubt.',
  attachmentAllowedTypes: 'Erlaubte Dateitypen: {types}',
  attachmentReadFailed:
    '„{name}“ konnte nicht gelesen werden. Bitte hängen Sie die Datei erneut an.',
  attachmentEmpty: '„{name}“ ist leer.',
  nameRequired: 'Geben Sie Ihren Namen ein',
  emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein',
  emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein',
  subjectRequired: 'Geben Sie einen Betreff ein',
  messageRequired: 'Geben Sie Ihre Nachricht ein',
  fieldRequired: 'Füllen Sie dieses Feld aus',
  selectRequired: 'Wählen Sie eine Option aus',
  checkboxRequired: 'Setzen Sie hier ein Häkchen, um fortzufahren',
  fieldTooLong: {
    one: 'Höchstens {count} Zeichen',
    other: 'Höchstens {count} Zeichen',
  },
  fieldOneLine: 'Bitte ohne Zeilenumbruch eingeben',
  fieldControlCharacter: 'Entfernen Sie das unsichtbare Steuerzeichen und versuchen Sie es erneut',
  fieldBrokenCharacter:
    'Ein Emoji oder Symbol ist beschädigt. Geben Sie es neu ein und versuchen Sie es erneut.',
  errorSummary: {
    one: 'Bitte prüfen Sie {count} Feld',
    other: 'Bitte prüfen Sie {count} Felder',
  },
  honeypotLabel: 'Dieses Feld bitte leer lassen',
  sending: 'Wird gesendet\u00a0…',
  sendFailed:
    'Ihre Nachricht wurde nicht gesendet. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  sendServerDown:
    'Unser Server antwortet gerade nicht. Versuchen Sie es in ein paar Minuten erneut.',
  sendRejected: 'Ihre Nachricht wurde nicht angenommen: {reason}',
  sendRejectedPermanent:
    'Ihre Nachricht konnte nicht angenommen werden, und ein neuer Versuch ändert daran nichts. Bitte kontaktieren Sie uns auf anderem Weg.',
  sendTooLarge:
    'Ihre Nachricht ist zu groß zum Senden. Entfernen Sie einige Anhänge und versuchen Sie es erneut.',
  sendRateLimited:
    'Sie haben in kurzer Zeit mehrere Nachrichten gesendet. Sie können {time} wieder senden.',
  sendRateLimitedSoon:
    'Sie haben in kurzer Zeit mehrere Nachrichten gesendet. Warten Sie einen Moment und versuchen Sie es dann erneut.',
  queuedTitle: 'Nachricht gespeichert',
  queuedOffline:
    'Sie sind offline – Ihre Nachricht ist gespeichert und wird automatisch gesendet, sobald Sie wieder online sind.',
  queuedServerDown:
    'Wir erreichen unseren Server gerade nicht. Ihre Nachricht ist gespeichert und wird automatisch gesendet.',
  queuedSent: 'Ihre gespeicherte Nachricht wurde gesendet.',
  queuedPending: {
    one: '{count} Nachricht wartet auf den Versand',
    other: '{count} Nachrichten warten auf den Versand',
  },
  contactUnavailable:
    'Das Kontaktformular kann gerade nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  draftKept: 'Ihr Text wird in diesem Browser gespeichert, bis er gesendet ist.',

  sentTitle: 'Nachricht gesendet',
  sentBody: 'Wir haben Ihre Nachricht erhalten und antworten Ihnen per E-Mail.',
  reference: 'Ihre Vorgangsnummer: {reference}',
};

export default de;
