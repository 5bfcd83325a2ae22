/**
 * The shared half of every import: a source comment becomes our comment (thread id, text,
 * limits, parents), and comments are written a batch at a time, each batch in one transaction
 * with the source ids it stores. A run that dies (`kill -9`) loses at most the batch in flight,
 * and running the import again skips every comment an earlier run stored.
 *
 * Memory stays bounded by the number of comments (two small maps of ids), never by the file.
 */
import { EMAIL_PATTERN, LIMITS, MESSAGE_CONTROL_CHARS } from '../../src/contract/limits.js';
import type { ImportRow, Store, StoredComment } from '../store/types.js';
import { htmlToText } from './html-to-text.js';
import type { ImportSource, SourceComment } from './source.js';
import type { ThreadResolver } from './thread.js';
import { sha256 } from '../digest.js';

/** Comments per transaction: large enough to be fast, small enough that a crash loses little. */
export const BATCH_SIZE = 500;

export const ANONYMOUS = 'Anonymous';

export interface ImportSummary {
  /** Comments read from the source. */
  read: number;
  /** Comments stored by this run. */
  imported: number;
  /** Comments an earlier run (or a run beside this one) had already stored. */
  alreadyImported: number;
  /** Comments not stored, per reason. */
  refused: Map<string, number>;
  /** Comments stored with a change, per change (text cut, email dropped, reply re-attached…). */
  adjusted: Map<string, number>;
  /** Threads that had no comment before this run and have one now. */
  threadsCreated: number;
  /** Votes stored by this run (ratings, or the votes of our own export). */
  votes: number;
}

export function emptySummary(): ImportSummary {
  return {
    read: 0,
    imported: 0,
    alreadyImported: 0,
    refused: new Map(),
    adjusted: new Map(),
    threadsCreated: 0,
    votes: 0,
  };
}

export const count = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n);

/** Our comment id for a source comment: the same on every run, so parents can be named before they are stored. */
export function commentIdFor(source: string, sourceId: string): string {
  return sha256(`${source}\u0000${sourceId}`, 'base64url').slice(0, 16);
}

/** The voter under which an imported rating counts: one per comment, as the source gives one rating per comment. */
export function voterFor(source: string, sourceId: string): string {
  return `import_${sha256(`vote\u0000${source}\u0000${sourceId}`, 'base64url').slice(0, 16)}`;
}

export const REASONS = {
  deleted: 'deleted in the source',
  duplicate: 'the same source id twice in the file',
  noDate: 'no readable date',
  emptyMessage: 'no text left (the message was empty or only markup)',
} as const;

export const CHANGES = {
  messageCut: `message cut at ${LIMITS.messageMax} characters`,
  nameCut: `name cut at ${LIMITS.nameMax} characters`,
  nameMissing: `no name: stored as "${ANONYMOUS}"`,
  emailMissing: 'no email: stored without one',
  emailInvalid: 'email not valid: stored without one',
  ratingDropped: `rating not a whole number from 1 to ${LIMITS.ratingScaleMax}: stored without rating`,
  reattached: 'reply to a deleted or refused comment: attached to the nearest kept comment above it (or top-level)',
  parentMissing: 'reply to a comment missing from the file: stored as a top-level comment',
} as const;

// eslint-disable-next-line no-control-regex
const SINGLE_LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const MESSAGE_CONTROL = new RegExp(MESSAGE_CONTROL_CHARS.source, 'g');

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}

/** A source's name → ours: one line, trimmed, NFC, at most LIMITS.nameMax. */
export function cleanName(raw: string, changes: string[]): string {
  const name = raw.normalize('NFC').replace(SINGLE_LINE_CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (name === '') {
    changes.push(CHANGES.nameMissing);
    return ANONYMOUS;
  }
  if (name.length > LIMITS.nameMax) changes.push(CHANGES.nameCut);
  return cut(name, LIMITS.nameMax);
}

/** A source's email → ours; one we would refuse from a reader is not kept (the comment is). */
export function cleanEmail(raw: string, changes: string[]): string {
  const email = raw.normalize('NFC').trim();
  if (email === '') {
    changes.push(CHANGES.emailMissing);
    return '';
  }
  if (email.length > LIMITS.emailMax || !EMAIL_PATTERN.test(email)) {
    changes.push(CHANGES.emailInvalid);
    return '';
  }
  return email;
}

/** A source's comment → our message text, at most LIMITS.messageMax characters. */
export function cleanMessage(body: string, kind: 'html' | 'text', changes: string[]): string {
  const text = htmlToText(body, { whitespace: kind }).normalize('NFC').replace(MESSAGE_CONTROL, '').trim();
  if (text.length > LIMITS.messageMax) changes.push(CHANGES.messageCut);
  return cut(text, LIMITS.messageMax);
}

interface PendingRow {
  row: ImportRow;
  sourceId: string;
  changes: string[];
  /** Set when the parent is later in the file: it is settled once the whole file is read. */
  laterParent: string | null;
}

export interface WriterStatus {
  read: number;
  imported: number;
}

export class ImportWriter {
  readonly summary = emptySummary();
  /** Source ids stored (now or by an earlier run) or about to be. */
  private readonly kept = new Set<string>();
  /** Source ids not stored → the source id of their parent, to re-attach their replies. */
  private readonly dropped = new Map<string, string | null>();
  /** Replies whose parent came later in the file: [our id, parent's source id, stored by this run]. */
  private readonly laterParents: { id: string; parentSourceId: string; storedNow: boolean }[] = [];
  private readonly knownThreads = new Set<string>();
  private pending: PendingRow[] = [];

  constructor(
    private readonly store: Store,
    private readonly source: string,
    private readonly threads: ThreadResolver,
  ) {}

  async run(input: ImportSource): Promise<ImportSummary> {
    for await (const comment of input.comments) {
      this.add(comment);
      if (this.pending.length >= BATCH_SIZE) await this.flush();
    }
    await this.flush();
    await this.settleLaterParents();
    return this.summary;
  }

  private drop(comment: SourceComment, reason: string): void {
    count(this.summary.refused, reason);
    this.dropped.set(comment.sourceId, comment.parentSourceId);
  }

  private add(comment: SourceComment): void {
    this.summary.read += 1;
    if (this.kept.has(comment.sourceId) || this.dropped.has(comment.sourceId)) {
      count(this.summary.refused, REASONS.duplicate);
      return;
    }
    if (comment.refuse) return this.drop(comment, comment.refuse);
    if (comment.status === 'deleted') return this.drop(comment, REASONS.deleted);
    const thread = this.threads.resolve(comment.page);
    if ('refused' in thread) return this.drop(comment, thread.refused);
    if (comment.createdAt === null || !Number.isFinite(comment.createdAt)) return this.drop(comment, REASONS.noDate);
    const changes: string[] = [];
    const message = cleanMessage(comment.body, comment.textKind, changes);
    if (message === '') return this.drop(comment, REASONS.emptyMessage);

    const id = commentIdFor(this.source, comment.sourceId);
    let parent: string | null = null;
    let laterParent: string | null = null;
    if (comment.parentSourceId !== null) {
      const found = this.nearestKept(comment.parentSourceId);
      if (found.kind === 'kept') {
        parent = commentIdFor(this.source, found.sourceId);
        if (found.sourceId !== comment.parentSourceId) changes.push(CHANGES.reattached);
      } else if (found.kind === 'none') {
        changes.push(CHANGES.reattached);
      } else {
        // Not read yet: name it now (ids do not depend on the order) and check once the file is read.
        parent = commentIdFor(this.source, found.sourceId);
        laterParent = found.sourceId;
      }
    }
    let rating = comment.rating;
    if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= LIMITS.ratingScaleMax)) {
      changes.push(CHANGES.ratingDropped);
      rating = null;
    }
    const status = comment.status;
    // A rating is the author's vote in the thread, as with a posted comment; spam never votes.
    const vote =
      rating !== null && status !== 'spam' ? { voter: voterFor(this.source, comment.sourceId), value: rating } : null;
    const stored: StoredComment = {
      id,
      thread: thread.thread,
      parent,
      name: cleanName(comment.name, changes),
      email: cleanEmail(comment.email, changes),
      message,
      rating,
      voter: vote?.voter ?? null,
      status,
      createdAt: Math.round(comment.createdAt),
      clientHash: null,
      editedAt: null,
    };
    this.kept.add(comment.sourceId);
    this.pending.push({
      row: { comment: stored, source: { source: this.source, sourceId: comment.sourceId }, ...(vote ? { vote } : {}) },
      sourceId: comment.sourceId,
      changes,
      laterParent,
    });
  }

  /** Walks up from a source id past dropped comments: the first kept one, none, or one not read yet. */
  private nearestKept(sourceId: string): { kind: 'kept' | 'later'; sourceId: string } | { kind: 'none' } {
    let current: string | null = sourceId;
    // The walk is bounded: a source with a cycle of parents ends at the top.
    for (let steps = 0; current !== null && steps < 10_000; steps++) {
      if (this.kept.has(current)) return { kind: 'kept', sourceId: current };
      if (!this.dropped.has(current)) return { kind: 'later', sourceId: current };
      current = this.dropped.get(current) ?? null;
    }
    return { kind: 'none' };
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const earlier = await this.store.importedSourceIds(
      this.source,
      batch.map((p) => p.sourceId),
    );
    const fresh = batch.filter((p) => !earlier.has(p.sourceId));
    for (const p of batch)
      if (p.laterParent !== null)
        this.laterParents.push({ id: p.row.comment.id, parentSourceId: p.laterParent, storedNow: false });

    const unseenThreads = [...new Set(fresh.map((p) => p.row.comment.thread))].filter((t) => !this.knownThreads.has(t));
    const existing = unseenThreads.length ? await this.store.existingThreads(unseenThreads) : new Set<string>();
    for (const thread of unseenThreads) this.knownThreads.add(thread);

    const storedIds = new Set(await this.store.importComments(fresh.map((p) => p.row)));
    const createdThreads = new Set<string>();
    for (const p of fresh) {
      if (!storedIds.has(p.row.comment.id)) continue;
      if (unseenThreads.includes(p.row.comment.thread) && !existing.has(p.row.comment.thread))
        createdThreads.add(p.row.comment.thread);
      for (const change of p.changes) count(this.summary.adjusted, change);
      if (p.row.vote) this.summary.votes += 1;
    }
    for (const entry of this.laterParents) if (storedIds.has(entry.id)) entry.storedNow = true;
    this.summary.threadsCreated += createdThreads.size;
    this.summary.imported += storedIds.size;
    this.summary.alreadyImported += batch.length - storedIds.size;
  }

  /** Replies read before their parent: keep the parent when it was stored, else re-attach. */
  private async settleLaterParents(): Promise<void> {
    for (const entry of this.laterParents) {
      const found = this.nearestKept(entry.parentSourceId);
      if (found.kind === 'kept' && found.sourceId === entry.parentSourceId) continue;
      const parent = found.kind === 'kept' ? commentIdFor(this.source, found.sourceId) : null;
      await this.store.setParent(entry.id, parent);
      if (entry.storedNow)
        count(this.summary.adjusted, found.kind === 'later' ? CHANGES.parentMissing : CHANGES.reattached);
    }
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The summary printed at the end of an import. */
export function formatSummary(summary: ImportSummary, extra: string[] = []): string {
  const lines = [
    `Read ${plural(summary.read, 'comment')}.`,
    `  imported: ${summary.imported.toLocaleString('en')}`,
    `  skipped, already imported: ${summary.alreadyImported.toLocaleString('en')}`,
    `  refused: ${[...summary.refused.values()].reduce((a, b) => a + b, 0).toLocaleString('en')}`,
    ...[...summary.refused]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `    ${n.toLocaleString('en')}  ${reason}`),
    `  threads created: ${summary.threadsCreated.toLocaleString('en')}`,
    `  votes stored: ${summary.votes.toLocaleString('en')}`,
  ];
  if (summary.adjusted.size) {
    lines.push('  stored with a change:');
    for (const [change, n] of [...summary.adjusted].sort((a, b) => b[1] - a[1]))
      lines.push(`    ${n.toLocaleString('en')}  ${change}`);
  }
  return [...lines, ...extra].join('\n');
}
