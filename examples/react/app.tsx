/**
 * A React 19 article page with the block at its end: it thanks the reader by name when their
 * comment is stored (the `onCommentSubmitted` prop). test/e2e/examples.test.ts builds it with
 * esbuild and runs it in Chromium against the reference server.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ArticleFeedback } from './article-feedback.js';

export function ArticlePage({ endpoint, thread }: { endpoint: string; thread: string }) {
  const [thanks, setThanks] = useState('');
  return (
    <article>
      <h1>Harbour town votes to keep its night ferry</h1>
      <p>After a long evening meeting, the council decided to keep the late crossing running.</p>
      <ArticleFeedback
        endpoint={endpoint}
        thread={thread}
        pageSize={10}
        onCommentSubmitted={(e) => setThanks(`Thanks, ${e.detail.comment.name} (${e.detail.status})`)}
      />
      <p role="status">{thanks}</p>
    </article>
  );
}

const mount = document.getElementById('app');
if (mount) createRoot(mount).render(<ArticlePage endpoint={mount.dataset.endpoint!} thread={mount.dataset.thread!} />);
