import type { Catalogue } from '../types.js';

/** Greek, with the polite plural ("Παρακαλούμε", "σας") of Greek news sites. */
const greek: Catalogue = {
  'feedback.heading': 'Αφήστε ένα σχόλιο',
  'feedback.rateLabel': 'Βαθμολογήστε το άρθρο:',

  'form.label': 'Γράψτε ένα σχόλιο',
  'form.email': 'Email',
  'form.name': 'Όνομα',
  'form.message': 'Μήνυμα',
  'form.rating': 'Η βαθμολογία σας',
  'form.honeypot': 'Αφήστε αυτό το πεδίο κενό',
  'form.submit': 'Δημοσίευση σχολίου',
  'form.reply': 'Δημοσίευση απάντησης',
  'form.sending': 'Αποστολή…',
  'form.valid': 'Όλα εντάξει!',
  'form.charsLeft': (c) => (c === 'one' ? 'Απομένει {n} χαρακτήρας' : 'Απομένουν {n} χαρακτήρες'),
  'form.invalidCount': (c) => (c === 'one' ? '{n} πεδίο χρειάζεται διόρθωση.' : '{n} πεδία χρειάζονται διόρθωση.'),
  'form.published': 'Ευχαριστούμε! Το σχόλιό σας δημοσιεύτηκε.',
  'form.pending': 'Ευχαριστούμε! Το σχόλιό σας αναμένει έγκριση.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'Σχολιάζετε πολύ γρήγορα. Δοκιμάστε ξανά σε {n} δευτερόλεπτο.'
      : 'Σχολιάζετε πολύ γρήγορα. Δοκιμάστε ξανά σε {n} δευτερόλεπτα.',
  'form.failed': 'Δεν ήταν δυνατή η αποστολή του σχολίου. Έχει αποθηκευτεί εδώ — δοκιμάστε ξανά.',
  'form.retry': 'Δοκιμάστε ξανά',
  'form.rejected': 'Το σχόλιό σας δεν έγινε δεκτό. Ελέγξτε το και δοκιμάστε ξανά.',
  'form.draftRestored': 'Το σχόλιο που δεν είχε σταλεί ανακτήθηκε.',

  'email.required': 'Συμπληρώστε τη διεύθυνση email σας.',
  'email.invalid': 'Συμπληρώστε μια έγκυρη διεύθυνση email.',
  'email.tooLong': 'Η διεύθυνση email είναι πολύ μεγάλη.',
  'name.required': 'Συμπληρώστε το όνομά σας.',
  'name.tooLong': 'Το όνομα μπορεί να έχει έως {max} χαρακτήρες.',
  'name.control': 'Αφαιρέστε τους αόρατους χαρακτήρες ελέγχου από το όνομά σας.',
  'message.required': 'Γράψτε ένα μήνυμα.',
  'message.tooLong': 'Συντομεύστε το μήνυμα σε έως {max} χαρακτήρες.',
  'message.control': 'Αφαιρέστε τους αόρατους χαρακτήρες ελέγχου από το μήνυμά σας.',
  'rating.required': 'Βαθμολογήστε το άρθρο.',
  'rating.range': 'Επιλέξτε από 1 έως {max} αστέρια.',
  'captcha.required': 'Επιβεβαιώστε το reCAPTCHA.',
  'captcha.requiredOther': 'Ολοκληρώστε το captcha.',
  'captcha.invalid': 'Δεν ήταν δυνατή η επαλήθευση του captcha. Δοκιμάστε ξανά.',
  'captcha.label': 'Προστασία από spam',
  'captcha.verifying': 'Επαλήθευση…',
  'captcha.verified': 'Επαληθεύτηκε',
  'captcha.error': 'Η επαλήθευση απέτυχε. Δοκιμάστε ξανά.',
  'captcha.unavailable': 'Δεν ήταν δυνατή η φόρτωση του captcha. Δοκιμάστε αργότερα.',
  'parent.invalid': 'Το σχόλιο στο οποίο απαντάτε δεν είναι πλέον διαθέσιμο.',
  'voter.invalid': 'Το πρόγραμμα περιήγησης έστειλε μη έγκυρο αναγνωριστικό ψήφου. Ανανεώστε τη σελίδα.',
  'field.invalid': 'Η τιμή δεν είναι έγκυρη.',

  'rating.label': 'Βαθμολογία',
  'rating.star': '{n} από {max} αστέρια',
  'rating.summary': (c) => (c === 'one' ? '{average} · {n} βαθμολογία' : '{average} · {n} βαθμολογίες'),
  'rating.none': 'Δεν υπάρχουν βαθμολογίες ακόμη',
  'rating.thanks': 'Ευχαριστούμε για τη βαθμολογία!',
  'rating.failed': 'Δεν ήταν δυνατή η αποθήκευση της βαθμολογίας. Δοκιμάστε ξανά.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Πάρα πολλές ψήφοι. Δοκιμάστε ξανά σε {n} δευτερόλεπτο.'
      : 'Πάρα πολλές ψήφοι. Δοκιμάστε ξανά σε {n} δευτερόλεπτα.',
  'rating.hint': 'Επιλέξτε με τα βέλη και πατήστε Enter για να ψηφίσετε.',

  'list.label': 'Σχόλια',
  'list.empty': 'Γράψτε το πρώτο σχόλιο',
  'list.loading': 'Φόρτωση σχολίων…',
  'list.loadMore': 'Περισσότερα σχόλια',
  'list.loadingMore': 'Φόρτωση…',
  'list.count': (c) => (c === 'one' ? '{n} σχόλιο' : '{n} σχόλια'),
  'list.error': 'Δεν ήταν δυνατή η φόρτωση των σχολίων.',
  'list.retry': 'Επανάληψη',
  'list.reply': 'Απάντηση',
  'list.cancelReply': 'Ακύρωση απάντησης',
  'list.replyTo': 'Απάντηση προς {name}',
  'list.pending': 'Αναμένει έγκριση',
  'list.sortLabel': 'Ταξινόμηση σχολίων',
  'list.sortNewest': 'Τα νεότερα πρώτα',
  'list.sortOldest': 'Τα παλαιότερα πρώτα',
  'list.rated': 'Βαθμολογία {n} από {max} αστέρια',
  // ---- notifications (#16) ----
  'form.notify': 'Στείλτε μου email όταν κάποιος απαντήσει',
  // #18 count
  'count.comments': (c) => (c === 'one' ? '{n} σχόλιο' : '{n} σχόλια'),
  'count.rated': (c) =>
    c === 'one' ? 'Βαθμολογία {average}/{max} από {n} αναγνώστη' : 'Βαθμολογία {average}/{max} από {n} αναγνώστες',
};
export default greek;
