import type { Catalogue } from '../types.js';

/**
 * Hebrew (also served for the old code `iw`), in the gender-neutral "נא + infinitive" of Israeli
 * news sites. Plurals: `one` and `two` spell the number out ("שתי תגובות"), `other` the rest.
 */
const hebrew: Catalogue = {
  'feedback.heading': 'הוספת תגובה',
  'feedback.rateLabel': 'דרגו את הכתבה:',

  'form.label': 'כתיבת תגובה',
  'form.email': 'דוא"ל',
  'form.name': 'שם',
  'form.message': 'תוכן התגובה',
  'form.rating': 'הדירוג שלך',
  'form.honeypot': 'נא להשאיר שדה זה ריק',
  'form.submit': 'פרסום תגובה',
  'form.reply': 'פרסום תשובה',
  'form.sending': 'בשליחה…',
  'form.valid': 'נראה טוב!',
  'form.charsLeft': (c) => (c === 'one' ? 'נותר תו אחד' : c === 'two' ? 'נותרו שני תווים' : 'נותרו {n} תווים'),
  'form.invalidCount': (c) =>
    c === 'one'
      ? 'שדה אחד דורש את תשומת לבך.'
      : c === 'two'
        ? 'שני שדות דורשים את תשומת לבך.'
        : '{n} שדות דורשים את תשומת לבך.',
  'form.published': 'תודה! התגובה פורסמה.',
  'form.pending': 'תודה! התגובה ממתינה לאישור.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'התגובות נשלחות מהר מדי. נא לנסות שוב בעוד שנייה.'
      : c === 'two'
        ? 'התגובות נשלחות מהר מדי. נא לנסות שוב בעוד שתי שניות.'
        : 'התגובות נשלחות מהר מדי. נא לנסות שוב בעוד {n} שניות.',
  'form.failed': 'לא ניתן היה לשלוח את התגובה. היא נשמרה כאן — נא לנסות שוב.',
  'form.retry': 'ניסיון חוזר',
  'form.rejected': 'התגובה לא התקבלה. נא לבדוק אותה ולנסות שוב.',
  'form.draftRestored': 'התגובה שלא נשלחה שוחזרה.',

  'email.required': 'נא להזין כתובת דוא"ל.',
  'email.invalid': 'נא להזין כתובת דוא"ל תקינה.',
  'email.tooLong': 'כתובת הדוא"ל ארוכה מדי.',
  'name.required': 'נא להזין שם.',
  'name.tooLong': 'השם יכול להכיל עד {max} תווים.',
  'name.control': 'נא להסיר תווי בקרה בלתי נראים מהשם.',
  'message.required': 'נא לכתוב תגובה.',
  'message.tooLong': 'נא לקצר את התגובה לעד {max} תווים.',
  'message.control': 'נא להסיר תווי בקרה בלתי נראים מהתגובה.',
  'rating.required': 'נא לדרג את הכתבה.',
  'rating.range': 'נא לבחור בין 1 ל-{max} כוכבים.',
  'captcha.required': 'נא לאשר את ה-reCAPTCHA.',
  'captcha.requiredOther': 'נא להשלים את בדיקת האבטחה.',
  'captcha.invalid': 'לא ניתן היה לאמת את בדיקת האבטחה. נא לנסות שוב.',
  'captcha.label': 'הגנה מפני ספאם',
  'captcha.verifying': 'באימות…',
  'captcha.verified': 'אומת',
  'captcha.error': 'האימות נכשל. נא לנסות שוב.',
  'captcha.unavailable': 'לא ניתן היה לטעון את בדיקת האבטחה. נא לנסות שוב מאוחר יותר.',
  'parent.invalid': 'התגובה שאליה רצית להגיב אינה זמינה עוד.',
  'voter.invalid': 'הדפדפן שלח מזהה הצבעה לא תקין. נא לרענן את הדף.',
  'field.invalid': 'הערך אינו תקין.',

  'rating.label': 'דירוג',
  'rating.star': '{n} מתוך {max} כוכבים',
  'rating.summary': (c) =>
    c === 'one' ? '{average} · דירוג אחד' : c === 'two' ? '{average} · שני דירוגים' : '{average} · {n} דירוגים',
  'rating.none': 'אין עדיין דירוגים',
  'rating.thanks': 'תודה על הדירוג!',
  'rating.failed': 'לא ניתן היה לשמור את הדירוג. נא לנסות שוב.',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'יותר מדי הצבעות. נא לנסות שוב בעוד שנייה.'
      : c === 'two'
        ? 'יותר מדי הצבעות. נא לנסות שוב בעוד שתי שניות.'
        : 'יותר מדי הצבעות. נא לנסות שוב בעוד {n} שניות.',
  'rating.hint': 'בחירה במקשי החיצים, ואז Enter להצבעה.',

  'list.label': 'תגובות',
  'list.empty': 'היו הראשונים להגיב',
  'list.loading': 'התגובות בטעינה…',
  'list.loadMore': 'טעינת תגובות נוספות',
  'list.loadingMore': 'בטעינה…',
  'list.count': (c) => (c === 'one' ? 'תגובה אחת' : c === 'two' ? 'שתי תגובות' : '{n} תגובות'),
  'list.error': 'לא ניתן היה לטעון את התגובות.',
  'list.retry': 'ניסיון חוזר',
  'list.reply': 'השב',
  'list.cancelReply': 'ביטול התשובה',
  'list.replyTo': 'תשובה ל-{name}',
  'list.pending': 'ממתינה לאישור',
  'list.sortLabel': 'מיון תגובות',
  'list.sortNewest': 'החדשות ביותר',
  'list.sortOldest': 'הישנות ביותר',
  'list.rated': 'דירוג: {n} מתוך {max} כוכבים',
  // ---- notifications (#16) ----
  'form.notify': 'שלחו לי אימייל כשמישהו מגיב',
  // #18 count
  'count.comments': (c) => (c === 'one' ? 'תגובה אחת' : c === 'two' ? 'שתי תגובות' : '{n} תגובות'),
  'count.rated': (c) =>
    c === 'one'
      ? 'דירוג {average} מתוך {max} מקורא אחד'
      : c === 'two'
        ? 'דירוג {average} מתוך {max} משני קוראים'
        : 'דירוג {average} מתוך {max} מ־{n} קוראים',
  // #18 reader-widget
  'list.sortBest': 'הטובות ביותר תחילה',
  'list.upvote': (c) =>
    c === 'one' ? 'הצבעה בעד, קול אחד' : c === 'two' ? 'הצבעה בעד, שני קולות' : 'הצבעה בעד, {n} קולות',
  'list.downvote': (c) =>
    c === 'one' ? 'הצבעה נגד, קול אחד' : c === 'two' ? 'הצבעה נגד, שני קולות' : 'הצבעה נגד, {n} קולות',
  'list.voteFailed': 'לא ניתן היה לשמור את ההצבעה. נסו שוב.',
  'list.edit': 'עריכה',
  'list.delete': 'מחיקה',
  'list.save': 'שמירה',
  'list.cancel': 'ביטול',
  'list.saved': 'התגובה שלך עודכנה.',
  'list.confirmDelete': 'למחוק את התגובה?',
  'list.keep': 'להשאיר',
  'list.deletedYours': 'התגובה שלך נמחקה.',
  'list.deleted': 'התגובה הזו נמחקה.',
  'list.edited': 'נערכה',
  'list.editClosed': 'הזמן לשינוי התגובה הזו הסתיים.',
  'list.editRefused': 'כבר אי אפשר לשנות את התגובה הזו מהדפדפן הזה.',
  'list.changeFailed': 'לא ניתן היה לשנות את התגובה. נסו שוב.',
  'form.preview': 'תצוגה מקדימה',
  'form.previewEmpty': 'עדיין אין מה להציג.',
  'form.formatHelp': 'עזרה בעיצוב',
  'form.formatSample': '**מודגש**\n*נטוי*\n`קוד`\n> ציטוט\n- פריט ברשימה\n1. פריט ממוספר\n[קישור](https://example.com)',
  'form.formatNote':
    'שורה של שלושה גרשיים הפוכים (```) לפני כמה שורות ואחריהן יוצרת קטע קוד. כל השאר מוצג כפי שהקלדתם.',
};
export default hebrew;
