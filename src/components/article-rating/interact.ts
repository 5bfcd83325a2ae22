// The reader's interaction with the stars — hover, click, keyboard, the focus leaving —
// loaded on demand: the element hands each event here (ArticleRating._on), which fetches this
// module on the first of them or when a star takes the focus. A reader who only looks at the
// average never needs it.
import { emit, type RatingChangeDetail } from '../shared/events.js';
import type { ArticleRating } from './article-rating.js';

/**
 * One event, with the star it happened on (0 = none) and its related target, read while it
 * was dispatched. Keys come filtered (no modifier; arrows, Home, End, Enter, Space) with their
 * default action prevented.
 */
export function on(
  el: ArticleRating,
  { type, key }: Event & { key?: string },
  n: number,
  related: EventTarget | null,
): Promise<void> | void {
  // Standalone, a pick casts a vote: fetch the voting code before it.
  if (el.standalone && el._interactive) import('./vote.js').catch(() => undefined);
  // A pick is waited for (updateComplete waits for this) — not a vote, which waits for the
  // element itself.
  if (type == 'click') {
    if (n) return choose(el, n);
  } else if (type == 'keydown') {
    return press(el, key!);
  } else if (type == 'pointerenter') {
    el._hover = n; // shown only while interactive (see render)
  } else if (type == 'pointerleave') {
    el._hover = 0;
  } else if (type == 'focusout' && !el.renderRoot.contains(related as Node | null)) {
    // The focus left the group (not: went to another star).
    el._preview = 0;
    // A keyboard pick that was never voted is not the reader's vote.
    if (el.standalone) {
      if (!el._busy) el._pick = el._v();
    } else if (el._interactive) {
      el._touched = true;
    }
  }
}

/** A star chosen by click, Enter/Space, or (form mode) the arrows. */
async function choose(el: ArticleRating, n: number): Promise<void> {
  if (!el._interactive) return;
  if (el.standalone) {
    import('./vote.js').then(
      (m) => m.cast(el, n),
      () => {
        el._err = true;
        el._msg = el._l10n.tr.t('rating.failed');
      },
    );
    return;
  }
  el._touched = true;
  if (n === el._v()) return;
  el.value = n;
  await el._rendered();
  emit<RatingChangeDetail>(el, 'rating-change', { value: n });
}

/**
 * The WAI-ARIA radio group: arrows move the focus and the check (mirrored for right-to-left),
 * Home/End go to the first/last star, Enter and Space choose the focused star. Only form mode
 * changes the value on a move; standalone, Enter or Space votes.
 */
function press(el: ArticleRating, k: string): Promise<void> | void {
  if (!el._interactive) return;
  const rtl = getComputedStyle(el).direction === 'rtl';
  const max = el._scale;
  const stars = el._stars();
  // From the focused star (keys pressed before this module arrived run one after the other,
  // each after the focus moved), else the checked one, else the first.
  const at = stars.indexOf(el.shadowRoot!.activeElement as HTMLElement) + 1;
  const from = at || el._pick || 1;
  const to = Math.min(
    max,
    k === 'ArrowUp' || k === (rtl ? 'ArrowLeft' : 'ArrowRight')
      ? from + 1
      : k === 'ArrowDown' || k === (rtl ? 'ArrowRight' : 'ArrowLeft')
        ? from - 1 || 1
        : k === 'Home'
          ? 1
          : k === 'End'
            ? max
            : 0,
  );
  // Enter or Space: choose the focused star.
  if (!to) return choose(el, from);
  // Standalone a move only checks the star; in a form it picks it.
  let picked: Promise<void> | undefined;
  if (el.standalone) el._pick = to;
  else picked = choose(el, to);
  // Unless the focus left meanwhile (a key waiting for this module, then Tab).
  if (at) stars[to - 1]!.focus();
  return picked;
}
