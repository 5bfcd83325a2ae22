/**
 * Starts the real reference server (`server/cli.ts` through tsx) as a child process on a free
 * port with a temporary SQLite file. End-to-end and crash tests use it; it never mocks anything.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LISTENING = /article-feedback listening on (http:\/\/\S+)/;

export interface ServerProcessOptions {
  /** Extra environment; overrides the defaults (PORT=0, CAPTCHA=none, a temp DATABASE_URL). */
  env?: Record<string, string | undefined>;
  /** Reuse this SQLite file (e.g. to restart on the same data after a crash). */
  dbPath?: string;
  /** Milliseconds to wait for the listening line. Default 60000. */
  timeout?: number;
  /** Extra options for node itself (e.g. `--cpu-prof`, which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/api` */
  apiUrl: string;
  dbPath: string;
  process: ChildProcess;
  /** Everything the process wrote so far (stdout + stderr). */
  output(): string;
  /** SIGTERM and wait for the exit. Removes the temp directory when this helper made it. */
  stop(): Promise<void>;
  /** SIGKILL (a crash) and wait for the exit. Keeps the database file. */
  kill(): Promise<void>;
}

/** The exit of a server that refused to start (bad settings). */
export interface ServerExit {
  code: number | null;
  output: string;
}

function spawnCli(env: Record<string, string | undefined>, nodeArgs: string[] = [], args: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'server/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** How a command of the CLI ended, and what it printed. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one command of the CLI as the operator types it (`article-feedback-server import …`,
 * `copy`, `migrate`, `export`) with `env` over this process's environment; resolves when it
 * exits. `onStart` gets a way to kill it (SIGKILL) while it runs.
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  onStart?: (kill: () => void) => void,
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawnCli(env, [], args);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
    onStart?.(() => child.kill('SIGKILL'));
  });
}

function tempDbPath(): { dir: string; dbPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'af-server-'));
  return { dir, dbPath: join(dir, 'comments.db') };
}

function baseEnv(
  dbPath: string,
  env: Record<string, string | undefined> | undefined,
): Record<string, string | undefined> {
  return { PORT: '0', HOST: '127.0.0.1', CAPTCHA: 'none', RATE_LIMIT_WRITES: '0', DATABASE_URL: dbPath, ...env };
}

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const made = options.dbPath ? null : tempDbPath();
  const dbPath = options.dbPath ?? made!.dbPath;
  const child = spawnCli(baseEnv(dbPath, options.env), options.nodeArgs);
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${options.timeout ?? 60000} ms:\n${out}`));
    }, options.timeout ?? 60000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = LISTENING.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${out}`));
    });
  });

  const finish = async (signal: NodeJS.Signals, cleanup: boolean) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    if (cleanup && made) rmSync(made.dir, { recursive: true, force: true });
  };

  return {
    url,
    apiUrl: `${url}/api`,
    dbPath,
    process: child,
    output: () => out,
    stop: () => finish('SIGTERM', true),
    kill: () => finish('SIGKILL', false),
  };
}

/**
 * Runs the CLI expecting it to refuse to start; resolves with its exit code and output.
 * Rejects if it starts listening instead.
 */
export async function expectStartFailure(
  env: Record<string, string | undefined>,
  timeout = 60000,
): Promise<ServerExit> {
  const made = tempDbPath();
  const child = spawnCli(baseEnv(made.dbPath, env));
  let out = '';
  try {
    return await new Promise<ServerExit>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`server neither started nor exited:\n${out}`));
      }, timeout);
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (LISTENING.test(out)) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          reject(new Error(`server started although it should have refused:\n${out}`));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output: out });
      });
    });
  } finally {
    rmSync(made.dir, { recursive: true, force: true });
  }
}
