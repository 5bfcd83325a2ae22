/**
 * Progress on stderr while an import or export runs: a bar redrawn in place when stderr is a
 * terminal, a plain line every few seconds when it is a file or a pipe (logs stay readable).
 */

export interface ProgressStatus {
  /** Share done (0–1), when known. */
  fraction: number | null;
  read: number;
  imported: number;
}

const TTY_EVERY_MS = 200;
const LOG_EVERY_MS = 5000;
const BAR_WIDTH = 24;

export class Progress {
  private timer: NodeJS.Timeout | null = null;
  private readonly started = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly label: string,
    private readonly status: () => ProgressStatus,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  start(): this {
    this.timer = setInterval(() => this.draw(), this.tty ? TTY_EVERY_MS : LOG_EVERY_MS);
    this.timer.unref();
    return this;
  }

  /** Stops; on a terminal the bar is cleared, so the summary follows on a clean line. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.tty) this.stream.write('\r\u001b[K');
  }

  line(): string {
    const { fraction, read, imported } = this.status();
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = Math.round(read / seconds).toLocaleString('en');
    const percent = fraction === null ? '' : `${Math.floor(fraction * 100)}% `;
    const counts = `${read.toLocaleString('en')} read, ${imported.toLocaleString('en')} stored, ${rate}/s`;
    if (!this.tty) return `${this.label}: ${percent}${counts}`;
    const filled = fraction === null ? 0 : Math.round(fraction * BAR_WIDTH);
    const bar = fraction === null ? '' : `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] `;
    return `${this.label} ${bar}${percent}${counts}`;
  }

  private draw(): void {
    if (this.tty) this.stream.write(`\r\u001b[K${this.line()}`);
    else this.stream.write(`${this.line()}\n`);
  }
}
