/**
 * Ελληνικά. Ευγενικός πληθυντικός («Εισαγάγετε», «Στείλτε»)· τα κουμπιά είναι ουσιαστικά
 * («Αποστολή», «Κλείσιμο»). Εισαγωγικά «…», ερωτηματικό ;.
 */
import type { Messages } from '../types.js';

const el: Messages = {
  launcher: 'Βοήθεια',
  panelTitle: 'Βοήθεια',
  close: 'Κλείσιμο',
  back: 'Πίσω',
  loading: 'Φόρτωση…',
  tryAgain: 'Νέα προσπάθεια',
  panelUnavailable:
    'Δεν είναι δυνατή η φόρτωση της βοήθειας αυτή τη στιγμή. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.',

  homeGreeting: 'Γεια σας',
  homeGreetingName: 'Γεια σας, {name}',
  homeIntro: 'Πώς μπορούμε να βοηθήσουμε;',
  replyTimeMinutes: {
    one: 'Συνήθως απαντάμε μέσα σε {count} λεπτό',
    other: 'Συνήθως απαντάμε μέσα σε {count} λεπτά',
  },
  replyTimeHours: {
    one: 'Συνήθως απαντάμε μέσα σε {count} ώρα',
    other: 'Συνήθως απαντάμε μέσα σε {count} ώρες',
  },
  replyTimeDays: {
    one: 'Συνήθως απαντάμε μέσα σε {count} ημέρα',
    other: 'Συνήθως απαντάμε μέσα σε {count} ημέρες',
  },
  suggestedForPage: 'Προτάσεις για αυτήν τη σελίδα',
  popularArticles: 'Δημοφιλή άρθρα',
  categoriesHeading: 'Περιήγηση ανά θέμα',
  categoryArticleCount: {
    one: '{count} άρθρο',
    other: '{count} άρθρα',
  },
  categoryShowAll: 'Όλα τα άρθρα της κατηγορίας «{category}»',
  categoryOther: 'Άλλα άρθρα',
  homeContactTitle: 'Θέλετε να μιλήσετε μαζί μας;',
  homeContactBody: 'Στείλτε μας μήνυμα και θα σας απαντήσουμε με email.',

  searchLabel: 'Αναζήτηση στα άρθρα βοήθειας',
  searchPlaceholder: 'Αναζητήστε απαντήσεις…',
  searchClear: 'Απαλοιφή αναζήτησης',
  searchSubmit: 'Αναζήτηση',
  resultsLabel: 'Αποτελέσματα αναζήτησης',
  suggestionsLabel: 'Προτεινόμενα άρθρα',
  searching: 'Αναζήτηση…',
  resultsCount: {
    one: 'Βρέθηκε {count} άρθρο',
    other: 'Βρέθηκαν {count} άρθρα',
  },
  resultsNone: 'Δεν βρέθηκαν άρθρα για «{query}».',
  noGoodMatchTitle: 'Δεν υπάρχει κατάλληλη απάντηση για «{query}»',
  noGoodMatchBody:
    'Δεν βρήκαμε άρθρο που να απαντά σε αυτό. Στείλτε μας την ερώτησή σας και θα σας βοηθήσουμε προσωπικά.',
  resultInLanguage: '{language}',
  searchFailed: 'Η αναζήτηση δεν λειτουργεί αυτή τη στιγμή. Δοκιμάστε ξανά ή στείλτε μας μήνυμα.',
  searchOffline:
    'Δεν υπάρχει σύνδεση στο διαδίκτυο. Η αναζήτηση θα λειτουργήσει ξανά μόλις αποκατασταθεί η σύνδεση.',
  kbUnavailable:
    'Δεν είναι δυνατή η φόρτωση των άρθρων βοήθειας αυτή τη στιγμή. Μπορείτε πάντως να μας στείλετε μήνυμα.',
  contactPrompt: 'Δεν βρήκατε αυτό που ψάχνατε;',
  contactUs: 'Επικοινωνήστε μαζί μας',

  articleUnavailable: 'Δεν είναι δυνατή η φόρτωση αυτού του άρθρου αυτή τη στιγμή.',
  articleNotFound: 'Αυτό το άρθρο δεν είναι διαθέσιμο. Ίσως μετακινήθηκε ή καταργήθηκε.',
  articleUpdated: 'Ενημερώθηκε στις {date}',
  onThisPage: 'Σε αυτήν τη σελίδα',
  copyLink: 'Αντιγραφή συνδέσμου',
  linkCopied: 'Ο σύνδεσμος αντιγράφηκε',
  linkCopyFailed: 'Δεν ήταν δυνατή η αντιγραφή του συνδέσμου.',
  relatedArticles: 'Σχετικά άρθρα',
  opensInNewTab: '(ανοίγει σε νέα καρτέλα)',
  helpfulQuestion: 'Ήταν χρήσιμο;',
  helpfulYes: 'Ναι',
  helpfulNo: 'Όχι',
  helpfulThanks: 'Ευχαριστούμε για τα σχόλιά σας.',
  helpfulNoFollowUp:
    'Λυπούμαστε που δεν σας βοήθησε. Στείλτε μας την ερώτησή σας και θα σας απαντήσουμε απευθείας.',
  backToSearch: 'Επιστροφή στην αναζήτηση',

  contactTitle: 'Στείλτε μας μήνυμα',
  name: 'Όνομα',
  email: 'Email',
  subject: 'Θέμα',
  message: 'Μήνυμα',
  send: 'Αποστολή',
  optional: '(προαιρετικό)',
  selectPlaceholder: 'Επιλέξτε…',
  attachFiles: 'Επισύναψη αρχείων',
  dropZone: 'ή σύρετέ τα εδώ',
  dropZoneActive: 'Αφήστε τα αρχεία για να τα επισυνάψετε',
  attachmentsLabel: 'Συνημμένα αρχεία',
  attachmentCount: {
    one: 'Επισυνάφθηκε {count} αρχείο',
    other: 'Επισυνάφθηκαν {count} αρχεία',
  },
  attachmentRemove: 'Αφαίρεση «{name}»',
  uploadProgress: 'Μεταφόρτωση… {percent}',
  uploadProgressLabel: 'Μεταφόρτωση «{name}»',
  attachmentTooMany: {
    one: 'Μπορείτε να επισυνάψετε μόνο {count} αρχείο.',
    other: 'Μπορείτε να επισυνάψετε έως {count} αρχεία.',
  },
  attachmentTooLarge:
    'Το αρχείο «{name}» είναι πολύ μεγάλο. Κάθε αρχείο μπορεί να είναι έως {size}.',
  attachmentsTotalTooLarge:
    'Τα αρχεία είναι συνολικά πολύ μεγάλα. Το σύνολο μπορεί να είναι έως {size}.',
  attachmentTypeNotAllowed:
    'Το αρχείο «{name}» δεν μπορεί να επισυναφθεί: αυτός ο τύπος αρχείου δεν επιτρέπεται.',
  attachmentAllowedTypes: 'Επιτρεπόμενοι τύποι αρχείων: {types}',
  attachmentReadFailed:
    'Δεν ήταν δυνατή η ανάγνωση του αρχείου «{name}». Δοκιμάστε να το επισυνάψετε ξανά.',
  attachmentEmpty: 'Το αρχείο «{name}» είναι κενό.',
  nameRequired: 'Εισαγάγετε το όνομά σας',
  emailRequired: 'Εισαγάγετε τη διεύθυνση email σας',
  emailInvalid: 'Εισαγάγετε μια διεύθυνση email όπως name@example.com',
  subjectRequired: 'Εισαγάγετε θέμα',
  messageRequired: 'Εισαγάγετε το μήνυμά σας',
  fieldRequired: 'Συμπληρώστε αυτό το πεδίο',
  selectRequired: 'Επιλέξτε μία από τις επιλογές',
  checkboxRequired: 'Επιλέξτε αυτό το πλαίσιο για να συνεχίσετε',
  fieldTooLong: {
    one: 'Χρησιμοποιήστε έως {count} χαρακτήρα',
    other: 'Χρησιμοποιήστε έως {count} χαρακτήρες',
  },
  fieldOneLine: 'Γράψτε το σε μία γραμμή',
  fieldControlCharacter: 'Αφαιρέστε τον αόρατο χαρακτήρα ελέγχου και δοκιμάστε ξανά',
  fieldBrokenCharacter:
    'Ένα emoji ή σύμβολο είναι κατεστραμμένο. Πληκτρολογήστε το ξανά και δοκιμάστε πάλι.',
  errorSummary: {
    one: '{count} πεδίο χρειάζεται διόρθωση',
    other: '{count} πεδία χρειάζονται διόρθωση',
  },
  honeypotLabel: 'Αφήστε αυτό το πεδίο κενό',
  sending: 'Αποστολή…',
  sendFailed: 'Το μήνυμά σας δεν στάλθηκε. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.',
  sendServerDown: 'Ο διακομιστής μας δεν αποκρίνεται αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγα λεπτά.',
  sendRejected: 'Το μήνυμά σας δεν έγινε δεκτό: {reason}',
  sendRejectedPermanent:
    'Δεν μπορούμε να δεχτούμε αυτό το μήνυμα και μια νέα προσπάθεια δεν θα το αλλάξει. Επικοινωνήστε μαζί μας με άλλον τρόπο.',
  sendTooLarge:
    'Το μήνυμα είναι πολύ μεγάλο για να σταλεί. Αφαιρέστε μερικά συνημμένα και δοκιμάστε ξανά.',
  sendRateLimited: 'Στείλατε αρκετά μηνύματα σε σύντομο χρόνο. Μπορείτε να στείλετε ξανά {time}.',
  sendRateLimitedSoon:
    'Στείλατε αρκετά μηνύματα σε σύντομο χρόνο. Περιμένετε λίγο και δοκιμάστε ξανά.',
  queuedTitle: 'Το μήνυμα αποθηκεύτηκε',
  queuedOffline:
    'Δεν υπάρχει σύνδεση στο διαδίκτυο — το μήνυμά σας αποθηκεύτηκε και θα σταλεί αυτόματα μόλις αποκατασταθεί η σύνδεση.',
  queuedServerDown:
    'Δεν μπορούμε να συνδεθούμε με τον διακομιστή μας αυτή τη στιγμή. Το μήνυμά σας αποθηκεύτηκε και θα σταλεί αυτόματα.',
  queuedSent: 'Το αποθηκευμένο μήνυμά σας στάλθηκε.',
  queuedPending: {
    one: '{count} μήνυμα περιμένει να σταλεί',
    other: '{count} μηνύματα περιμένουν να σταλούν',
  },
  contactUnavailable:
    'Δεν είναι δυνατή η φόρτωση της φόρμας επικοινωνίας αυτή τη στιγμή. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.',
  draftKept: 'Ό,τι γράφετε αποθηκεύεται σε αυτό το πρόγραμμα περιήγησης μέχρι να σταλεί.',

  sentTitle: 'Το μήνυμα στάλθηκε',
  sentBody: 'Λάβαμε το μήνυμά σας και θα σας απαντήσουμε με email.',
  reference: 'Ο αριθμός αναφοράς σας είναι {reference}',
};

export default el;
