/**
 * The Content-Security-Policy of the HTML this server serves (the demo): its own origin, plus
 * only the third-party origins the configured captcha provider's widget needs.
 */
const PROVIDER_CSP: Record<string, { script: string[]; frame: string[]; connect: string[]; style: string[] }> = {
  recaptcha: {
    script: ['https://www.google.com', 'https://www.gstatic.com', 'https://www.recaptcha.net'],
    frame: ['https://www.google.com', 'https://www.recaptcha.net'],
    connect: ['https://www.google.com', 'https://www.recaptcha.net'],
    style: [],
  },
  hcaptcha: {
    script: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    frame: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    connect: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    style: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
  },
  turnstile: {
    script: ['https://challenges.cloudflare.com'],
    frame: ['https://challenges.cloudflare.com'],
    connect: ['https://challenges.cloudflare.com'],
    style: [],
  },
};

export function contentSecurityPolicy(provider: string): string {
  const extra = PROVIDER_CSP[provider] ?? { script: [], frame: [], connect: [], style: [] };
  const list = (base: string, more: string[]) => [base, ...more].join(' ');
  return [
    "default-src 'self'",
    `script-src ${list("'self'", extra.script)}`,
    `style-src ${list("'self'", extra.style)}`,
    "img-src 'self' data:",
    `connect-src ${list("'self'", extra.connect)}`,
    extra.frame.length ? `frame-src ${extra.frame.join(' ')}` : "frame-src 'none'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** For JSON answers: nothing may load, nothing may frame them. */
export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
