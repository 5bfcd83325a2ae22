import { ModerationDesk } from './moderation-desk.js';

/** Registers `<moderation-desk>` (safe to run twice). */
export function defineModerationDesk(): void {
  if (!customElements.get('moderation-desk')) customElements.define('moderation-desk', ModerationDesk);
}

declare global {
  interface HTMLElementTagNameMap {
    'moderation-desk': ModerationDesk;
  }
}
