/**
 * Importing our own export (export.ts): every comment keeps its id, thread, parent, timestamps,
 * status, email and address hash, every vote its voter, value, time and comment. Nothing is
 * converted; a record that is not one we write is refused (counted), never guessed at. A comment
 * whose id is already in the database is left as it is, so a second run stores nothing.
 */
import { ID_PATTERN, THREAD_PATTERN } from '../../src/contract/limits.js';
import type { ImportRow, Store, StoredComment, StoredVote } from '../store/types.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export.js';
import { lines, type InputFile } from './input.js';
import { BATCH_SIZE, count, emptySummary, type ImportSummary } from './writer.js';

const STATUSES = new Set(['published', 'pending', 'spam']);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isTime = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

function asComment(record: Record<string, unknown>): StoredComment | null {
  const r = record;
  if (
    !isString(r.id) ||
    !ID_PATTERN.test(r.id) ||
    !isString(r.thread) ||
    !THREAD_PATTERN.test(r.thread) ||
    !isStringOrNull(r.parent) ||
    !isString(r.name) ||
    !isString(r.email) ||
    !isString(r.message) ||
    !(r.rating === null || Number.isInteger(r.rating)) ||
    !isStringOrNull(r.voter) ||
    !isString(r.status) ||
    !STATUSES.has(r.status) ||
    !isTime(r.createdAt) ||
    !isStringOrNull(r.clientHash)
  )
    return null;
  return {
    id: r.id,
    thread: r.thread,
    parent: r.parent,
    name: r.name,
    email: r.email,
    message: r.message,
    rating: r.rating as number | null,
    voter: r.voter,
    status: r.status as StoredComment['status'],
    createdAt: r.createdAt,
    clientHash: r.clientHash,
    editedAt: isTime(r.editedAt) ? r.editedAt : null,
  };
}

function asVote(r: Record<string, unknown>): StoredVote | null {
  if (
    !isString(r.thread) ||
    !THREAD_PATTERN.test(r.thread) ||
    !isString(r.voter) ||
    !Number.isInteger(r.value) ||
    !isTime(r.updatedAt) ||
    !isStringOrNull(r.commentId)
  )
    return null;
  return { thread: r.thread, voter: r.voter, value: r.value as number, updatedAt: r.updatedAt, commentId: r.commentId };
}

export interface ExactImport {
  summary: ImportSummary;
  /** Votes in the file already in the database. */
  votesAlreadyThere: number;
}

/** `summary` is filled in as the file is read (the progress line reads it). */
export async function importOwnExport(
  store: Store,
  input: InputFile,
  file: string,
  summary: ImportSummary = emptySummary(),
): Promise<ExactImport> {
  let votesAlreadyThere = 0;
  let comments: ImportRow[] = [];
  let votes: StoredVote[] = [];
  const knownThreads = new Set<string>();

  const flushComments = async () => {
    const batch = comments;
    comments = [];
    if (!batch.length) return;
    const unseen = [...new Set(batch.map((r) => r.comment.thread))].filter((t) => !knownThreads.has(t));
    const existing = unseen.length ? await store.existingThreads(unseen) : new Set<string>();
    for (const t of unseen) knownThreads.add(t);
    const stored = new Set(await store.importComments(batch));
    summary.imported += stored.size;
    summary.alreadyImported += batch.length - stored.size;
    summary.threadsCreated += new Set(
      batch
        .filter((r) => stored.has(r.comment.id) && unseen.includes(r.comment.thread) && !existing.has(r.comment.thread))
        .map((r) => r.comment.thread),
    ).size;
  };
  const flushVotes = async () => {
    const batch = votes;
    votes = [];
    if (!batch.length) return;
    const stored = await store.importVotes(batch);
    summary.votes += stored;
    votesAlreadyThere += batch.length - stored;
  };

  let sawHeader = false;
  for await (const { line, number } of lines(input.chunks)) {
    if (line.trim() === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${file} line ${number} is not JSON: not an article-feedback export?`);
    }
    if (!sawHeader) {
      if (record?.format !== EXPORT_FORMAT || !Number.isInteger(record.version))
        throw new Error(`${file} is not an article-feedback export: its first line must be the export header`);
      if ((record.version as number) > EXPORT_VERSION)
        throw new Error(
          `${file} is export version ${String(record.version)}; this server reads version ${EXPORT_VERSION} (upgrade it first)`,
        );
      sawHeader = true;
      continue;
    }
    if (record?.type === 'comment') {
      summary.read += 1;
      const comment = asComment(record);
      if (!comment) count(summary.refused, 'not a valid comment record');
      else comments.push({ comment, source: null });
      if (comments.length >= BATCH_SIZE) await flushComments();
    } else if (record?.type === 'vote') {
      // Votes follow the comments in our files; store the comments first so each vote finds its comment.
      await flushComments();
      const vote = asVote(record);
      if (!vote) count(summary.refused, 'not a valid vote record');
      else votes.push(vote);
      if (votes.length >= BATCH_SIZE) await flushVotes();
    } else count(summary.refused, 'unknown record type');
  }
  if (!sawHeader) throw new Error(`${file} is empty: not an article-feedback export`);
  await flushComments();
  await flushVotes();
  return { summary, votesAlreadyThere };
}
