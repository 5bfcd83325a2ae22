import type { PowChallenge } from '../../../src/contract/schemas.js';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A challenge made the way the server makes it (the signature is not checked in the browser). */
export async function makeChallenge(number: number, maxnumber = 5000, expiresInSeconds = 1200): Promise<PowChallenge> {
  const random = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const salt = `${random}?expires=${Math.floor(Date.now() / 1000) + expiresInSeconds}&`;
  return {
    algorithm: 'SHA-256',
    challenge: await sha256Hex(salt + number),
    maxnumber,
    salt,
    signature: 'ab'.repeat(32),
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Captures `<script>` elements instead of appending them to <head>. */
export function interceptScripts(): { scripts: HTMLScriptElement[]; restore(): void } {
  const head = document.head;
  const original = head.appendChild;
  const scripts: HTMLScriptElement[] = [];
  head.appendChild = function <T extends Node>(this: HTMLHeadElement, node: T): T {
    if (node instanceof HTMLScriptElement) {
      scripts.push(node);
      return node;
    }
    return original.call(this, node) as T;
  };
  return {
    scripts,
    restore: () => {
      head.appendChild = original;
    },
  };
}

export interface FakeWidget {
  container: HTMLElement;
  options: Record<string, any>;
  resets: number;
  response: string;
}

/** A stand-in for `window.turnstile` / `grecaptcha` / `hcaptcha` with the explicit-render API. */
export function fakeProviderApi(): { api: any; widgets: FakeWidget[] } {
  const widgets: FakeWidget[] = [];
  const api = {
    render(container: HTMLElement, options: Record<string, any>) {
      const frame = document.createElement('iframe');
      frame.title = 'Widget containing a security challenge';
      container.appendChild(frame);
      widgets.push({ container, options, resets: 0, response: '' });
      return widgets.length - 1;
    },
    getResponse(id: number) {
      return widgets[id]?.response ?? '';
    },
    reset(id: number) {
      const w = widgets[id]!;
      w.resets++;
      w.response = '';
    },
  };
  return { api, widgets };
}
