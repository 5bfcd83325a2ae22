/**
 * Notifications (#16), put together for the server process: the worker, sending each outbox row
 * as a webhook or an email. `createApp` only needs `wake()`; `cli.ts` starts and stops it.
 */
import type { Config } from '../config.js';
import type { Delivery, OutboxStore } from '../store/outbox.js';
import { createMailer, type Mailer } from './email.js';
import { mailEnabled } from './events.js';
import { sendWebhook } from './webhooks.js';
import { DeliveryWorker } from './worker.js';

/** What the app holds of the worker: a way to tell it that something was queued. */
export interface Notifier {
  wake(): void;
}

export interface NotifyService extends Notifier {
  start(): void;
  stop(): Promise<void>;
  /** Delivers everything due now (tests). */
  drain(): Promise<number>;
}

export interface NotifyServiceOptions {
  config: Config;
  outbox: OutboxStore;
  now: () => number;
  onError?: (error: unknown) => void;
  random?: () => number;
}

export function createNotifyService(options: NotifyServiceOptions): NotifyService {
  const { config, now } = options;
  let mailer: Mailer | undefined;
  const deliver = async (delivery: Delivery): Promise<void> => {
    if (delivery.kind === 'webhook') return sendWebhook(delivery, { secret: config.webhookSecret, now });
    if (!mailEnabled(config)) throw new Error('SMTP_URL is not set');
    mailer ??= createMailer({ smtpUrl: config.smtpUrl!, mailFrom: config.mailFrom! });
    return mailer.send(delivery);
  };
  const worker = new DeliveryWorker({
    outbox: options.outbox,
    deliver,
    pollMs: config.notifyPollMs,
    leaseMs: config.notifyLeaseMs,
    retryBaseMs: config.notifyRetryBaseMs,
    retryWindowMs: config.notifyRetryHours * 60 * 60 * 1000,
    now,
    ...(options.random ? { random: options.random } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return {
    wake: () => worker.wake(),
    start: () => worker.start(),
    drain: () => worker.drain(),
    async stop() {
      await worker.stop();
      mailer?.close();
    },
  };
}
