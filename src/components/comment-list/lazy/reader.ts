// What a reader does with the comments besides replying (#18, SPEC §6.2–6.3): votes up and
// down, and, on their own comments while the edit window is open, Edit and Delete. Also what
// shows the result of those: "edited" beside the time, "This comment was deleted." Loaded on
// demand once the list shows comments; it works on its list only through a ListHost, and adds
// its own styles and live region to the list's shadow root.
import { css, html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../../../client/api.js';
import { deleteOwnComment, editOwnComment, voteOnComment } from '../../../client/api-actions.js';
import { commentVotes } from '../../../client/comment-votes.js';
import { editTokenFor, forgetEditToken, pruneEditTokens } from '../../../client/edit-tokens.js';
import { resolveEndpoint, resolveThread } from '../../../client/endpoint.js';
import { serverConfig } from '../../../client/server-config.js';
import { voterId } from '../../../client/voter.js';
import { MESSAGE_MAX } from '../../../contract/constants.js';
import type { PublicComment } from '../../../contract/schemas.js';
import { enLater } from '../../../i18n/en-later.js';
import { addEnglish, type Translator } from '../../../i18n/index.js';
import type { CommentExtras, ListHost } from '../comment-list.js';
import { times } from '../format.js';
import { adoptOnce } from '../../shared/adopt-once.js';

// The English this chunk shows.
addEnglish(enLater);

type Vote = 1 | -1 | 0;

/** A comment's votes as shown: the listed ones, or what the reader's last press made of them. */
interface Votes {
  up: number;
  down: number;
  yours: Vote;
  /** A press is on its way to the server; another press waits for it. */
  sending?: boolean;
}

/** The one open editor of a list. */
interface Editor {
  id: string;
  text: string;
  saving: boolean;
  error: string;
}

/** setTimeout's longest delay; a longer edit window is checked again after it. */
const LONGEST_TIMER = 2 ** 31 - 1;

/** The extras of each comment of `host`'s list (see CommentExtras). */
export function extrasFor(host: ListHost): (comment: PublicComment) => CommentExtras {
  const list = host.element;
  const root = list.shadowRoot!;
  adoptOnce(list, styles);
  // The live region of the results (a saved edit, a deletion, a refused vote). Outside the
  // part Lit renders, so renders leave it alone; there before anything is said into it.
  const announcer = document.createElement('div');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('role', 'status');
  root.append(announcer);
  const say = (text: string) => {
    announcer.textContent = '';
    // A sentence said twice in a row is announced again.
    requestAnimationFrame(() => (announcer.textContent = text));
  };

  const where = () => ({ endpoint: endpointNow(), thread: resolveThread(list) ?? '' });
  /** The endpoint alone, for what every comment's render asks (its votes, its edit token). */
  const endpointNow = () => resolveEndpoint(list) ?? '';

  /** Votes after a press, for the comment object they were made on (a reload lists new objects). */
  const pressed = new Map<string, { of: PublicComment; votes: Votes }>();
  const votesOf = (c: PublicComment): Votes =>
    pressed.get(c.id)?.of === c
      ? pressed.get(c.id)!.votes
      : { up: c.votes?.up ?? 0, down: c.votes?.down ?? 0, yours: commentVotes.get(endpointNow(), c.id) };

  async function vote(c: PublicComment, direction: 1 | -1): Promise<void> {
    const before = votesOf(c);
    if (before.sending) return;
    const { endpoint, thread } = where();
    // Pressing the pressed button again takes the vote back.
    const value: Vote = before.yours === direction ? 0 : direction;
    const count = (side: Vote, n: number) => n - (before.yours === side ? 1 : 0) + (value === side ? 1 : 0);
    // The object the list shows for this comment. Each change shows a new one, so that the list
    // renders this comment alone again (#24: it renders a comment only when something it shows
    // changed), not all of them; a reload lists new objects, and then the server's counts stand.
    let shown = c;
    const show = (votes: Votes) => {
      const comments = host.comments();
      if (!comments.includes(shown)) return;
      const copy = { ...shown };
      pressed.set(c.id, { of: copy, votes });
      host.setComments(comments.map((old) => (old === shown ? copy : old)));
      shown = copy;
    };
    show({ up: count(1, before.up), down: count(-1, before.down), yours: value, sending: true });
    try {
      const counted = await voteOnComment(endpoint, thread, c.id, { voter: voterId(), value });
      commentVotes.set(endpoint, c.id, counted.yours);
      show({ up: counted.up, down: counted.down, yours: counted.yours });
    } catch (err) {
      show(before);
      const tr = host.translator();
      say(
        err instanceof ApiError && err.status === 429
          ? tr.plural('rating.rateLimited', err.retryAfter ?? 60)
          : tr.t('list.voteFailed'),
      );
    }
  }

  // ---- the edit window (SPEC §6.3): minutes from GET /config, a timer to its end ----

  let windowMinutes: number | undefined;
  let askingConfig = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Infinity;

  function askConfig(endpoint: string): void {
    if (askingConfig) return;
    askingConfig = true;
    void serverConfig(endpoint).then((config) => {
      askingConfig = false;
      if (!config) return;
      windowMinutes = config.editWindowMinutes;
      pruneEditTokens(windowMinutes);
      host.refresh();
    });
  }

  /** Renders again when the earliest open window closes, so its buttons go. */
  function refreshAt(at: number): void {
    if (at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Infinity;
        host.refresh();
      },
      Math.min(LONGEST_TIMER, at - Date.now() + 1),
    );
  }

  /** This browser posted `c` and may still change it. */
  function mayChange(c: PublicComment): boolean {
    const endpoint = endpointNow();
    if (!editTokenFor(endpoint, c.id)) return false;
    if (windowMinutes === undefined) {
      askConfig(endpoint);
      return false;
    }
    const closes = Date.parse(c.createdAt) + windowMinutes * 60_000;
    if (!(closes > Date.now())) return false;
    refreshAt(closes);
    return true;
  }

  // ---- editing and deleting ----

  /** Shows `comment` in place of the listed one with its id (edited, or deleted with replies). */
  const replace = (comment: PublicComment) =>
    host.setComments(host.comments().map((old) => (old.id === comment.id ? comment : old)));

  let editor: Editor | null = null;
  /** The comment whose "Delete this comment?" is asked. */
  let confirming: string | null = null;
  let deleting = false;
  /** Why the last delete failed, by comment. */
  const deleteErrors = new Map<string, string>();

  /** Moves focus to `selector` once rendered, else (the button went with the window) to the comment. */
  const focus = async (selector: string, id?: string) => {
    await list.updateComplete;
    let target = root.querySelector<HTMLElement>(selector);
    if (!target && id) {
      target = root.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
      target?.setAttribute('tabindex', '-1');
    }
    target?.focus();
  };

  function refusal(err: unknown, id: string): string {
    const tr = host.translator();
    if (err instanceof ApiError) {
      if (err.status === 403 || err.status === 404) {
        // The token will not do any more: the buttons go.
        forgetEditToken(where().endpoint, id);
        return tr.t(err.body?.error === 'edit_window_closed' ? 'list.editClosed' : 'list.editRefused');
      }
      if (err.status === 429) return tr.plural('form.rateLimited', err.retryAfter ?? 60);
      const key = err.fields.message;
      if (err.status === 422 && key && tr.has(key)) return tr.t(key, { max: MESSAGE_MAX });
    }
    return tr.t('list.changeFailed');
  }

  function openEditor(c: PublicComment): void {
    editor = { id: c.id, text: c.message, saving: false, error: '' };
    confirming = null;
    host.refresh();
    void focus(`#${CSS.escape(`edit-${c.id}`)}`);
  }

  function closeEditor(): void {
    const id = editor?.id;
    editor = null;
    host.refresh();
    if (id) void focus(`[data-edit="${CSS.escape(id)}"]`, id);
  }

  async function save(c: PublicComment): Promise<void> {
    const open = editor;
    if (!open || open.saving) return;
    const tr = host.translator();
    const { endpoint, thread } = where();
    const token = editTokenFor(endpoint, c.id);
    // The editor this save is about: a failure shows in it, unless the reader closed it meanwhile.
    let current: Editor = open;
    const fail = (error: string) => {
      if (editor === current) editor = { ...current, saving: false, error };
      host.refresh();
    };
    if (!open.text.trim()) return fail(tr.t('message.required'));
    if (!token) return fail(tr.t('list.editRefused'));
    editor = current = { ...open, saving: true, error: '' };
    host.refresh();
    try {
      const edited = await editOwnComment(endpoint, thread, c.id, token, open.text);
      replace(edited);
      say(tr.t('list.saved'));
      if (editor?.id === c.id) closeEditor();
    } catch (err) {
      fail(refusal(err, c.id));
    }
  }

  function askDelete(c: PublicComment): void {
    confirming = c.id;
    deleteErrors.delete(c.id);
    host.refresh();
    void focus(`[data-confirm="${CSS.escape(c.id)}"]`);
  }

  function keep(id: string): void {
    confirming = null;
    deleteErrors.delete(id);
    host.refresh();
    void focus(`[data-delete="${CSS.escape(id)}"]`);
  }

  async function remove(c: PublicComment): Promise<void> {
    const { endpoint, thread } = where();
    const token = editTokenFor(endpoint, c.id);
    if (deleting) return;
    deleting = true;
    host.refresh();
    try {
      if (!token) throw new ApiError(403, null, null);
      await deleteOwnComment(endpoint, thread, c.id, token);
      forgetEditToken(endpoint, c.id);
      confirming = null;
      if (editor?.id === c.id) editor = null;
      // With replies it stays as a placeholder, as the server now lists it (SPEC §6.3).
      const replied = host.comments().some((other) => other.parent === c.id);
      if (replied) replace({ ...c, status: 'deleted', name: '', message: '', body: [], rating: null });
      else host.setComments(host.comments().filter((old) => old.id !== c.id));
      say(host.translator().t('list.deletedYours'));
      // Focus goes where the comment was: its placeholder, or the list.
      await list.updateComplete;
      const target = root.querySelector<HTMLElement>(replied ? `article[data-id="${CSS.escape(c.id)}"]` : 'section');
      target?.setAttribute('tabindex', '-1');
      target?.focus();
    } catch (err) {
      deleteErrors.set(c.id, refusal(err, c.id));
    } finally {
      deleting = false;
      host.refresh();
    }
  }

  // ---- rendering ----

  function editorOf(c: PublicComment, open: Editor): TemplateResult {
    const tr = host.translator();
    const id = c.id;
    return html`<form
      class="edit"
      aria-label=${tr.t('list.edit')}
      @submit=${(e: Event) => {
        e.preventDefault();
        void save(c);
      }}
    >
      <textarea
        id="edit-${id}"
        part="textarea"
        rows="4"
        aria-label=${tr.t('form.message')}
        aria-invalid=${!!open.error}
        aria-describedby="edit-error-${id}"
        ?readonly=${open.saving}
        .value=${open.text}
        @input=${(e: Event) => (open.text = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            closeEditor();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save(c);
          }
        }}
      ></textarea>
      <p id="edit-error-${id}" class="problem" role="alert">${open.error}</p>
      <div class="row">
        <button type="submit" part="button" class="secondary save" ?disabled=${open.saving} aria-busy=${open.saving}>
          ${tr.t('list.save')}
        </button>
        <button type="button" part="button" class="link" @click=${closeEditor}>${tr.t('list.cancel')}</button>
      </div>
    </form>`;
  }

  /**
   * A vote label or score as `tr` writes it. A long thread asks for the same few ("Upvote, 0
   * votes", "0") three times per comment: each is made once per translator (a language or
   * `messages` change brings a new one) and count, not 1,500 times for 500 comments (#24).
   */
  const words = new WeakMap<Translator, Map<string, string>>();
  const said = (tr: Translator, n: number, key?: 'list.upvote' | 'list.downvote'): string => {
    let made = words.get(tr);
    if (!made) words.set(tr, (made = new Map()));
    const id = `${key ?? 'score'} ${n}`;
    let text = made.get(id);
    if (text === undefined) made.set(id, (text = key ? tr.plural(key, n) : tr.formatNumber(n)));
    return text;
  };

  // One template for both buttons and the score, without whitespace between the tags and with
  // the glyphs as static text: the fewest parts per comment (#24: 500 comments).
  function voteButtons(c: PublicComment): TemplateResult {
    const tr = host.translator();
    const votes = votesOf(c);
    const up = said(tr, votes.up, 'list.upvote');
    const down = said(tr, votes.down, 'list.downvote');
    // prettier-ignore
    return html`<span class="votes"
      ><button type="button" part="button" class="link vote" aria-pressed=${votes.yours === 1} aria-label=${up} title=${up} @click=${() => void vote(c, 1)}
        >▲</button
      ><span class="score" aria-hidden="true">${said(tr, votes.up - votes.down)}</span
      ><button type="button" part="button" class="link vote" aria-pressed=${votes.yours === -1} aria-label=${down} title=${down} @click=${() => void vote(c, -1)}
        >▼</button
      ></span>`;
  }

  function ownButtons(c: PublicComment): TemplateResult {
    const tr = host.translator();
    const asking = confirming === c.id;
    const problem = deleteErrors.get(c.id);
    return html`<span class="own"
        ><button
          type="button"
          part="button"
          class="link"
          data-edit=${c.id}
          aria-expanded=${editor?.id === c.id}
          @click=${() => (editor?.id === c.id ? closeEditor() : openEditor(c))}
        >
          ${tr.t('list.edit')}
        </button>
        <button
          type="button"
          part="button"
          class="link"
          data-delete=${c.id}
          aria-expanded=${asking}
          @click=${() => (asking ? keep(c.id) : askDelete(c))}
        >
          ${tr.t('list.delete')}
        </button></span
      >${
        asking
          ? html`<div
              class="row confirm"
              role="group"
              aria-label=${tr.t('list.confirmDelete')}
              @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && keep(c.id)}
            >
              <span aria-hidden="true">${tr.t('list.confirmDelete')}</span>
              <button
                type="button"
                part="button"
                class="secondary danger"
                data-confirm=${c.id}
                ?disabled=${deleting}
                aria-busy=${deleting}
                @click=${() => void remove(c)}
              >
                ${tr.t('list.delete')}
              </button>
              <button type="button" part="button" class="link" @click=${() => keep(c.id)}>${tr.t('list.keep')}</button>
              <p class="problem" role="alert">${problem ?? nothing}</p>
            </div>`
          : nothing
      }`;
  }

  return (c) => {
    const tr = host.translator();
    if (c.status === 'deleted') return { message: html`<p class="gone">${tr.t('list.deleted')}</p>` };
    if (c.status !== 'published') return {};
    const [, editedAt] = c.editedAt ? times(c.editedAt, Date.now(), tr.lang) : [];
    const open = editor?.id === c.id ? editor : null;
    return {
      meta: c.editedAt
        ? html`<time class="edited" datetime=${c.editedAt} title=${editedAt!}>${tr.t('list.edited')}</time>`
        : nothing,
      message: open ? editorOf(c, open) : undefined,
      // A list, not a template around the two: one template less per comment (#24). The votes
      // stay first whether or not Edit and Delete come and go, so a focused vote keeps its focus.
      actions: [voteButtons(c), mayChange(c) || confirming === c.id ? ownButtons(c) : nothing],
    };
  };
}

const styles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
  }
  /* Edit and Delete wrap together on a narrow screen, never Delete alone (360 px). */
  .votes,
  .own {
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
  }
  .own {
    gap: 1em;
  }
  .vote {
    padding: 0.1em 0.4em;
    line-height: 1.2;
    color: var(--_muted);
    border: 1px solid transparent;
  }
  .vote[aria-pressed='true'] {
    color: var(--_accent);
    border-color: currentColor;
  }
  .score {
    min-width: 1.5em;
    text-align: center;
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }
  .edited {
    font-style: italic;
  }
  .edit {
    display: grid;
    gap: 0.5em;
    margin-top: 0.35em;
  }
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.375em 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    resize: vertical;
  }
  textarea:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  /* The main action of the editor looks like the form's "Post comment". */
  .save {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .confirm,
  .problem {
    flex-basis: 100%;
  }
  .problem {
    color: var(--_invalid);
  }
  .problem:empty {
    display: none;
  }
  .danger {
    color: var(--_invalid);
  }
  .gone {
    color: var(--_muted);
    font-style: italic;
  }
  .deleted .avatar {
    visibility: hidden;
  }
  .deleted .meta {
    display: none;
  }
  @media (forced-colors: active) {
    .vote {
      border-color: Canvas;
    }
    .vote[aria-pressed='true'] {
      border-color: Highlight;
    }
  }
`;
