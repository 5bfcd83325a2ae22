/**
 * A catalogue entry is a string with `{placeholders}`, or a plural entry: a function that gets
 * the count's CLDR plural category (from `Intl.PluralRules`) and returns the template for it.
 */
export type PluralEntry = (category: Intl.LDMLPluralRule) => string;
export type Entry = string | PluralEntry;

export interface Catalogue {
  // <article-feedback>
  'feedback.heading': string;
  'feedback.rateLabel': string;

  // <comment-form>
  'form.label': string;
  'form.email': string;
  'form.name': string;
  'form.message': string;
  'form.rating': string;
  'form.honeypot': string;
  'form.submit': string;
  'form.reply': string;
  'form.sending': string;
  'form.valid': string;
  'form.charsLeft': PluralEntry;
  'form.invalidCount': PluralEntry;
  'form.published': string;
  'form.pending': string;
  'form.rateLimited': PluralEntry;
  'form.failed': string;
  'form.retry': string;
  'form.rejected': string;
  'form.draftRestored': string;

  // field errors (contract keys, see src/contract/keys.ts)
  'email.required': string;
  'email.invalid': string;
  'email.tooLong': string;
  'name.required': string;
  'name.tooLong': string;
  'name.control': string;
  'message.required': string;
  'message.tooLong': string;
  'message.control': string;
  'rating.required': string;
  'rating.range': string;
  'captcha.required': string;
  'captcha.requiredOther': string;
  'captcha.invalid': string;
  'captcha.label': string;
  'captcha.verifying': string;
  'captcha.verified': string;
  'captcha.error': string;
  'captcha.unavailable': string;
  'parent.invalid': string;
  'voter.invalid': string;
  'field.invalid': string;

  // <article-rating>
  'rating.label': string;
  'rating.star': string;
  'rating.summary': PluralEntry;
  'rating.none': string;
  'rating.thanks': string;
  'rating.failed': string;
  'rating.rateLimited': PluralEntry;
  'rating.hint': string;

  // <comment-list>
  'list.label': string;
  'list.empty': string;
  'list.loading': string;
  'list.loadMore': string;
  'list.loadingMore': string;
  'list.count': PluralEntry;
  'list.error': string;
  'list.retry': string;
  'list.reply': string;
  'list.cancelReply': string;
  'list.replyTo': string;
  'list.pending': string;
  'list.sortLabel': string;
  'list.sortNewest': string;
  'list.sortOldest': string;
  'list.rated': string;

  // ---- notifications (#16) ----
  'form.notify': string;

  // #18 count: <comment-count> on index pages ("12 comments", and the rating's spoken text)
  'count.comments': PluralEntry;
  'count.rated': PluralEntry;
  // #18 reader-widget
  'list.sortBest': string;
  'list.upvote': PluralEntry;
  'list.downvote': PluralEntry;
  'list.voteFailed': string;
  'list.edit': string;
  'list.delete': string;
  'list.save': string;
  'list.cancel': string;
  'list.saved': string;
  'list.confirmDelete': string;
  'list.keep': string;
  'list.deletedYours': string;
  'list.deleted': string;
  'list.edited': string;
  'list.editClosed': string;
  'list.editRefused': string;
  'list.changeFailed': string;
  'form.preview': string;
  'form.previewEmpty': string;
  'form.formatHelp': string;
  'form.formatSample': string;
  'form.formatNote': string;
}

export type MessageKey = keyof Catalogue;
export type PluralKey = { [K in MessageKey]: Catalogue[K] extends PluralEntry ? K : never }[MessageKey];
export type Messages = Partial<{ [K in MessageKey]: Entry }>;

// prettier-ignore
export const SUPPORTED_LOCALES = [
  'en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'cs', 'sk', 'sv', 'da', 'nb', 'fi', 'ru', 'uk', 'tr', 'el', 'hu',
  'ro', 'ar', 'he', 'fa', 'hi', 'id', 'vi', 'th', 'ja', 'ko', 'zh-Hans', 'zh-Hant',
] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** Keys whose English text ships in the on-demand chunks that show them (see `en-later.ts`). */
export type LaterKey =
  | 'form.valid'
  | 'form.invalidCount'
  | 'form.published'
  | 'form.pending'
  | 'form.rateLimited'
  | 'form.rejected'
  | 'email.required'
  | 'email.invalid'
  | 'email.tooLong'
  | 'name.required'
  | 'name.tooLong'
  | 'name.control'
  | 'message.required'
  | 'message.tooLong'
  | 'message.control'
  | 'rating.range'
  | 'captcha.required'
  | 'captcha.requiredOther'
  | 'captcha.invalid'
  | 'captcha.label'
  | 'captcha.verifying'
  | 'captcha.verified'
  | 'captcha.error'
  | 'captcha.unavailable'
  | 'parent.invalid'
  | 'voter.invalid'
  | 'field.invalid'
  | 'rating.thanks'
  | 'rating.rateLimited'
  // ---- notifications (#16) ----
  | 'form.notify'
  // #18 reader-widget
  | 'list.upvote'
  | 'list.downvote'
  | 'list.voteFailed'
  | 'list.edit'
  | 'list.delete'
  | 'list.save'
  | 'list.cancel'
  | 'list.saved'
  | 'list.confirmDelete'
  | 'list.keep'
  | 'list.deletedYours'
  | 'list.deleted'
  | 'list.edited'
  | 'list.editClosed'
  | 'list.editRefused'
  | 'list.changeFailed'
  | 'form.preview'
  | 'form.previewEmpty'
  | 'form.formatHelp'
  | 'form.formatSample'
  | 'form.formatNote';
export type LaterCatalogue = Pick<Catalogue, LaterKey>;
export type FirstCatalogue = Omit<Catalogue, LaterKey | CountKey>;

// #18 count
/** `<comment-count>`'s keys: their English ships in its own entry (`en-count.ts`), in neither part above. */
export type CountKey = 'count.comments' | 'count.rated';
