/**
 * Français. Vouvoiement ; boutons à l’infinitif (« Envoyer », « Fermer ») ; aucun accord au
 * féminin ou au masculin qui dépende du visiteur. Guillemets « … » et espace fine insécable
 * (U+202F) à l’intérieur et avant ? ! ; ; espace insécable (U+00A0) avant :.
 */
import type { Messages } from '../types.js';

const fr: Messages = {
  launcher: 'Aide',
  panelTitle: 'Aide',
  close: 'Fermer',
  back: 'Retour',
  loading: 'Chargement…',
  tryAgain: 'Réessayer',
  panelUnavailable:
    'Impossible de charger l’aide pour le moment. Vérifiez votre connexion, puis réessayez.',

  homeGreeting: 'Bonjour',
  homeGreetingName: 'Bonjour {name}',
  homeIntro: 'Comment pouvons-nous vous aider\u202f?',
  replyTimeMinutes: {
    one: 'Nous répondons généralement sous {count} minute',
    many: 'Nous répondons généralement sous {count} minutes',
    other: 'Nous répondons généralement sous {count} minutes',
  },
  replyTimeHours: {
    one: 'Nous répondons généralement sous {count} heure',
    many: 'Nous répondons généralement sous {count} heures',
    other: 'Nous répondons généralement sous {count} heures',
  },
  replyTimeDays: {
    one: 'Nous répondons généralement sous {count} jour',
    many: 'Nous répondons généralement sous {count} jours',
    other: 'Nous répondons généralement sous {count} jours',
  },
  suggestedForPage: 'Suggestions pour cette page',
  popularArticles: 'Articles populaires',
  categoriesHeading: 'Parcourir par thème',
  categoryArticleCount: {
    one: '{count} article',
    many: '{count} articles',
    other: '{count} articles',
  },
  categoryShowAll: 'Voir tous les articles de la catégorie «\u202f{category}\u202f»',
  categoryOther: 'Autres articles',
  homeContactTitle: 'Besoin de nous écrire\u202f?',
  homeContactBody: 'Envoyez-nous un message, nous vous répondrons par e-mail.',

  searchLabel: 'Rechercher dans les articles d’aide',
  searchPlaceholder: 'Rechercher une réponse…',
  searchClear: 'Effacer la recherche',
  searchSubmit: 'Rechercher',
  resultsLabel: 'Résultats de recherche',
  suggestionsLabel: 'Articles suggérés',
  searching: 'Recherche en cours…',
  resultsCount: {
    one: '{count} article trouvé',
    many: '{count} articles trouvés',
    other: '{count} articles trouvés',
  },
  resultsNone: 'Aucun article ne correspond à «\u202f{query}\u202f».',
  noGoodMatchTitle: 'Aucune réponse pertinente pour «\u202f{query}\u202f»',
  noGoodMatchBody:
    'Nous n’avons pas trouvé d’article qui réponde à cette question. Envoyez-nous votre question, nous vous aiderons personnellement.',
  resultInLanguage: 'en {language}',
  searchFailed:
    'La recherche ne fonctionne pas pour le moment. Réessayez ou envoyez-nous un message.',
  searchOffline:
    'Vous êtes hors ligne. La recherche fonctionnera de nouveau dès votre retour en ligne.',
  kbUnavailable:
    'Impossible de charger les articles d’aide pour le moment. Vous pouvez tout de même nous envoyer un message.',
  contactPrompt: 'Vous n’avez pas trouvé ce que vous cherchiez\u202f?',
  contactUs: 'Nous contacter',

  articleUnavailable: 'Impossible de charger cet article pour le moment.',
  articleNotFound: 'Cet article n’est pas disponible. Il a peut-être été déplacé ou supprimé.',
  articleUpdated: 'Mis à jour le {date}',
  onThisPage: 'Sur cette page',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  linkCopyFailed: 'Impossible de copier le lien.',
  relatedArticles: 'Articles associés',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  helpfulQuestion: 'Cet article vous a-t-il été utile\u202f?',
  helpfulYes: 'Oui',
  helpfulNo: 'Non',
  helpfulThanks: 'Merci pour votre retour.',
  helpfulNoFollowUp:
    'Dommage que cet article n’ait pas répondu à votre question. Envoyez-la-nous, nous vous répondrons directement.',
  backToSearch: 'Retour à la recherche',

  contactTitle: 'Envoyez-nous un message',
  name: 'Nom',
  email: 'E-mail',
  subject: 'Objet',
  message: 'Message',
  send: 'Envoyer',
  optional: '(facultatif)',
  selectPlaceholder: 'Choisir…',
  attachFiles: 'Joindre des fichiers',
  dropZone: 'ou déposez-les ici',
  dropZoneActive: 'Déposez les fichiers pour les joindre',
  attachmentsLabel: 'Fichiers joints',
  attachmentCount: {
    one: '{count} fichier joint',
    many: '{count} fichiers joints',
    other: '{count} fichiers joints',
  },
  attachmentRemove: 'Retirer «\u202f{name}\u202f»',
  uploadProgress: 'Envoi en cours… {percent}',
  uploadProgressLabel: 'Envoi de «\u202f{name}\u202f»',
  attachmentTooMany: {
    one: 'Vous pouvez joindre {count} fichier au maximum.',
    many: 'Vous pouvez joindre jusqu’à {count} fichiers.',
    other: 'Vous pouvez joindre jusqu’à {count} fichiers.',
  },
  attachmentTooLarge:
    'Le fichier «\u202f{name}\u202f» est trop volumineux. Chaque fichier peut faire jusqu’à {size}.',
  attachmentsTotalTooLarge:
    'Ces fichiers sont trop volumineux ensemble. Le total ne peut pas dépasser {size}.',
  attachmentTypeNotAllowed:
    'Impossible de joindre «\u202f{name}\u202f»\u00a0: ce type de fichier n’est pas autorisé.',
  attachmentAllowedTypes: 'Types de fichiers autorisés\u00a0: {types}',
  attachmentReadFailed:
    'Impossible de lire le fichier «\u202f{name}\u202f». Essayez de le joindre à nouveau.',
  attachmentEmpty: 'Le fichier «\u202f{name}\u202f» est vide.',
  nameRequired: 'Saisissez votre nom',
  emailRequired: 'Saisissez votre adresse e-mail',
  emailInvalid: 'Saisissez une adresse e-mail comme name@example.com',
  subjectRequired: 'Saisissez un objet',
  messageRequired: 'Saisissez votre message',
  fieldRequired: 'Remplissez ce champ',
  selectRequired: 'Choisissez une option',
  checkboxRequired: 'Cochez cette case pour continuer',
  fieldTooLong: {
    one: '{count} caractère maximum',
    many: '{count} caractères maximum',
    other: '{count} caractères maximum',
  },
  fieldOneLine: 'Écrivez ce texte sur une seule ligne',
  fieldControlCharacter: 'Supprimez le caractère de contrôle invisible, puis réessayez',
  fieldBrokenCharacter:
    'Un émoji ou un symbole est endommagé. Saisissez-le à nouveau, puis réessayez.',
  errorSummary: {
    one: '{count} champ à vérifier',
    many: '{count} champs à vérifier',
    other: '{count} champs à vérifier',
  },
  honeypotLabel: 'Laissez ce champ vide',
  sending: 'Envoi en cours…',
  sendFailed: 'Votre message n’a pas été envoyé. Vérifiez votre connexion, puis réessayez.',
  sendServerDown: 'Notre serveur ne répond pas pour le moment. Réessayez dans quelques minutes.',
  sendRejected: 'Votre message n’a pas été accepté\u00a0: {reason}',
  sendRejectedPermanent:
    'Votre message n’a pas pu être accepté, et réessayer n’y changera rien. Contactez-nous par un autre moyen.',
  sendTooLarge:
    'Votre message est trop volumineux pour être envoyé. Retirez des pièces jointes, puis réessayez.',
  sendRateLimited:
    'Vous avez envoyé plusieurs messages en peu de temps. Vous pourrez en envoyer un autre {time}.',
  sendRateLimitedSoon:
    'Vous avez envoyé plusieurs messages en peu de temps. Patientez un instant, puis réessayez.',
  queuedTitle: 'Message enregistré',
  queuedOffline:
    'Vous êtes hors ligne\u00a0: votre message est enregistré et sera envoyé automatiquement dès votre retour en ligne.',
  queuedServerDown:
    'Notre serveur est injoignable pour le moment. Votre message est enregistré et sera envoyé automatiquement.',
  queuedSent: 'Votre message enregistré a été envoyé.',
  queuedPending: {
    one: '{count} message en attente d’envoi',
    many: '{count} messages en attente d’envoi',
    other: '{count} messages en attente d’envoi',
  },
  contactUnavailable:
    'Impossible de charger le formulaire de contact pour le moment. Vérifiez votre connexion, puis réessayez.',
  draftKept: 'Votre texte est conservé dans ce navigateur jusqu’à son envoi.',

  sentTitle: 'Message envoyé',
  sentBody: 'Nous avons bien reçu votre message et vous répondrons par e-mail.',
  reference: 'Votre numéro de référence\u00a0: {reference}',
};

export default fr;
