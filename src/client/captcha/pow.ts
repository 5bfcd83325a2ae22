/**
 * Solves the proof-of-work challenge of SPEC §4 in the browser: find n in 0..maxnumber with
 * SHA-256(salt + n) === challenge.
 *
 * The search runs in a Web Worker built from a Blob. The widget script is usually served by
 * the comment server while the page is elsewhere, and browsers refuse `new Worker(url)` for a
 * cross-origin URL; a `blob:` worker belongs to the page and is allowed by a strict CSP with
 * `worker-src blob:`. When a worker cannot be made (CSP without `blob:`, old browser), the
 * same search runs on the main thread in small batches between which the page gets to run.
 */
import type { PowChallenge } from '../../contract/schemas.js';

export interface PowSolution {
  number: number;
  /** Milliseconds the search took. */
  took: number;
  /** Whether it ran in a Web Worker (false: main-thread fallback). */
  worker: boolean;
}

/** Candidates between two checks for "stop" (and, on the main thread, a yield to the page). */
export const POW_BATCH = 2000;

/**
 * The search. It runs inside the Blob worker (from its source text, `powSearch.toString()`)
 * and on the main thread as the fallback, so it must stay self-contained: no imports, no
 * outer variables, no helpers a compiler could hoist out of it.
 *
 * SHA-256 is computed here in plain JavaScript (FIPS 180-4), not with `crypto.subtle.digest`:
 * the WebCrypto call costs a promise and a thread hop per hash, which made a solve about ten
 * times slower in our measurements (see README "Captcha"), and it is missing on pages that
 * are not a secure context. Each candidate is `salt + n`, usually a single 64-byte block.
 * Every `batch` candidates it checks `isStopped` and, on the main thread, yields to the page.
 */
export async function powSearch(
  salt: string,
  challengeHex: string,
  max: number,
  batch: number,
  isStopped: () => boolean,
  yieldToPage = false,
): Promise<number | null> {
  const K = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
  ];
  const target = new Int32Array(8);
  for (let i = 0; i < 8; i++) target[i] = parseInt(challengeHex.slice(i * 8, i * 8 + 8), 16) | 0;
  const prefix = new TextEncoder().encode(salt);
  // Room for the prefix, up to 16 digits, the 0x80 byte and the 8-byte length.
  const capacity = Math.ceil((prefix.length + 16 + 9) / 64) * 64;
  const bytes = new Uint8Array(capacity);
  bytes.set(prefix);
  const w = new Int32Array(64);
  const h = new Int32Array(8);

  for (let n = 0; n <= max; n++) {
    if (n % batch === 0 && n > 0) {
      if (isStopped()) return null;
      if (yieldToPage) await new Promise((r) => setTimeout(r, 0));
    }
    const digits = String(n);
    const length = prefix.length + digits.length;
    for (let i = 0; i < digits.length; i++) bytes[prefix.length + i] = digits.charCodeAt(i);
    const blocks = ((length + 8) >> 6) + 1;
    const end = blocks * 64;
    bytes[length] = 0x80;
    bytes.fill(0, length + 1, end - 4);
    const bits = length * 8;
    bytes[end - 4] = bits >>> 24;
    bytes[end - 3] = (bits >>> 16) & 0xff;
    bytes[end - 2] = (bits >>> 8) & 0xff;
    bytes[end - 1] = bits & 0xff;

    h[0] = 0x6a09e667;
    h[1] = 0xbb67ae85;
    h[2] = 0x3c6ef372;
    h[3] = 0xa54ff53a;
    h[4] = 0x510e527f;
    h[5] = 0x9b05688c;
    h[6] = 0x1f83d9ab;
    h[7] = 0x5be0cd19;
    for (let block = 0; block < end; block += 64) {
      for (let t = 0; t < 16; t++) {
        const j = block + t * 4;
        w[t] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
      }
      for (let t = 16; t < 64; t++) {
        const x = w[t - 15]!;
        const y = w[t - 2]!;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
      }
      let a: number = h[0]!,
        b: number = h[1]!,
        c: number = h[2]!,
        d: number = h[3]!;
      let e: number = h[4]!,
        f: number = h[5]!,
        g: number = h[6]!,
        k: number = h[7]!;
      for (let t = 0; t < 64; t++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const ch = (e & f) ^ (~e & g);
        const t1 = (k + S1 + ch + K[t]! + w[t]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const maj = (a & b) ^ (a & c) ^ (b & c);
        const t2 = (S0 + maj) | 0;
        k = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      h[0] = h[0]! + a;
      h[1] = h[1]! + b;
      h[2] = h[2]! + c;
      h[3] = h[3]! + d;
      h[4] = h[4]! + e;
      h[5] = h[5]! + f;
      h[6] = h[6]! + g;
      h[7] = h[7]! + k;
    }
    if (
      h[0] === target[0] &&
      h[1] === target[1] &&
      h[2] === target[2] &&
      h[3] === target[3] &&
      h[4] === target[4] &&
      h[5] === target[5] &&
      h[6] === target[6] &&
      h[7] === target[7]
    ) {
      return n;
    }
  }
  return null;
}

function workerSource(): string {
  return `const powSearch = ${powSearch.toString()};
self.onmessage = async (event) => {
  const d = event.data;
  try {
    const number = await powSearch(d.salt, d.challenge, d.max, d.batch, () => false);
    self.postMessage({ number });
  } catch (err) {
    self.postMessage({ error: String((err && err.message) || err) });
  }
};`;
}

function searchOnMainThread(challenge: PowChallenge, signal: AbortSignal | undefined): Promise<number | null> {
  return powSearch(
    challenge.salt,
    challenge.challenge,
    challenge.maxnumber,
    POW_BATCH,
    () => signal?.aborted ?? false,
    true,
  );
}

let workerUrl: string | null | undefined;

/** One Blob URL per page, reused for every solve. Null when Blob URLs are unavailable. */
function powWorkerUrl(): string | null {
  if (workerUrl !== undefined) return workerUrl;
  try {
    workerUrl = URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }));
  } catch {
    workerUrl = null;
  }
  return workerUrl;
}

/** Options mainly for tests and the benchmark. */
export interface SolveOptions {
  signal?: AbortSignal;
  /** Skip the worker and search on the main thread. */
  mainThread?: boolean;
}

/**
 * Finds the number. Resolves null when no number in range matches (a bad challenge) and
 * rejects with an `AbortError` when `signal` aborts.
 */
export async function solvePow(challenge: PowChallenge, options: SolveOptions = {}): Promise<PowSolution | null> {
  const { signal } = options;
  signal?.throwIfAborted();
  const started = performance.now();
  if (!options.mainThread) {
    const fromWorker = await searchInWorker(challenge, signal);
    if (fromWorker !== 'unavailable') {
      return fromWorker === null ? null : { number: fromWorker, took: performance.now() - started, worker: true };
    }
  }
  const number = await searchOnMainThread(challenge, signal);
  signal?.throwIfAborted();
  return number === null ? null : { number, took: performance.now() - started, worker: false };
}

/** Resolves the number, null for "not found", or 'unavailable' when the worker could not run. */
function searchInWorker(
  challenge: PowChallenge,
  signal: AbortSignal | undefined,
): Promise<number | null | 'unavailable'> {
  const url = powWorkerUrl();
  if (!url || typeof Worker === 'undefined') return Promise.resolve('unavailable');
  let worker: Worker;
  try {
    worker = new Worker(url, { name: 'article-feedback-pow' });
  } catch {
    return Promise.resolve('unavailable');
  }
  return new Promise((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<{ number?: number | null; error?: string }>) => {
      finish();
      if (event.data.error !== undefined) resolve('unavailable');
      else resolve(event.data.number ?? null);
    };
    // A CSP refusal of blob: workers, or a worker without crypto.subtle, ends up here.
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      resolve('unavailable');
    };
    worker.postMessage({
      salt: challenge.salt,
      challenge: challenge.challenge,
      max: challenge.maxnumber,
      batch: POW_BATCH,
    });
  });
}

/** The `captcha` field of the comment: base64 of the ALTCHA payload JSON. */
export function encodePowPayload(challenge: PowChallenge, number: number): string {
  const json = JSON.stringify({
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number,
    salt: challenge.salt,
    signature: challenge.signature,
  });
  // The JSON is ASCII (hex, digits, our salt), so btoa is safe.
  return btoa(json);
}

/** Unix milliseconds at which the challenge expires (from its salt), or null. */
export function powExpiresAt(challenge: PowChallenge): number | null {
  const m = /[?&]expires=(\d+)/.exec(challenge.salt);
  return m ? Number(m[1]) * 1000 : null;
}
