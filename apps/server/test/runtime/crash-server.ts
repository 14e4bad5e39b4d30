/**
 * The real `numerusx serve` as a child process (what a user runs), for tests that kill it: started
 * with the environment given, ready once it prints its URL, killed with any signal, its output kept
 * for the failure message.
 *
 * `warm: true` runs the same CLI through warm-serve.ts: the process loads the server's modules at
 * once (most of a start's second or two) but starts serving only when `ready()` tells it to. A kill
 * loop prepares the next process while the current one still runs, and starts it only after the
 * killed one has exited: the restart is as cold as ever (new process, nothing shared but the
 * database), minus the module loading.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../cli/bin/numerusx.js', import.meta.url));
const WARM = fileURLToPath(new URL('./warm-serve.ts', import.meta.url));
const LISTENING = /NumerusX listening on (http:\/\/127\.0\.0\.1:\d+)/;

export class ServerProcess {
  readonly child: ChildProcess;
  /** Resolves with the signal or `code N` once the process is gone. */
  readonly exited: Promise<string>;
  private readonly listening: Promise<string>;
  private readonly warm: boolean;
  private url_: string | undefined;
  private out = '';
  private err = '';

  constructor(env: Readonly<Record<string, string>>, options: { warm?: boolean } = {}) {
    this.warm = options.warm === true;
    this.child = spawn(
      process.execPath,
      this.warm ? ['--import', 'tsx', WARM, BIN, 'serve'] : [BIN, 'serve'],
      { stdio: [this.warm ? 'pipe' : 'ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
    );
    const child = this.child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        resolve(signal ?? `code ${String(code)}`);
      });
    });
    child.stderr!.on('data', (b: Buffer) => (this.err += b.toString('utf8')));
    this.listening = new Promise((resolve, reject) => {
      child.stdout!.on('data', (b: Buffer) => {
        this.out += b.toString('utf8');
        const m = LISTENING.exec(this.out);
        if (m !== null) resolve(m[1]!);
      });
      void this.exited.then((how) => {
        reject(new Error(`numerusx serve exited (${how}) before it was ready\n${this.output()}`));
      });
    });
    // Observed by ready(); a process discarded before that must not raise an unhandled rejection.
    this.listening.catch(() => undefined);
  }

  /** A warm process that had loaded its modules when ready() told it to start. */
  loaded = false;

  /** Starts serving (a warm process) and resolves once the server prints its URL. */
  async ready(timeoutMs = 30_000): Promise<this> {
    this.loaded = this.out.includes('WARM\n');
    if (this.warm) this.child.stdin!.end('go\n');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`numerusx serve not ready in ${timeoutMs} ms\n${this.output()}`));
      }, timeoutMs);
    });
    try {
      this.url_ = await Promise.race([this.listening, late]);
      return this;
    } catch (error) {
      await this.kill('SIGKILL');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  get url(): string {
    if (this.url_ === undefined) throw new Error('the server is not ready yet');
    return this.url_;
  }

  get api(): string {
    return `${this.url}/api/v1`;
  }

  /** The last 4 KB of stdout and of stderr. */
  output(): string {
    return `stdout: ${this.out.slice(-4096)}\nstderr: ${this.err.slice(-4096)}`;
  }

  /** Sends `signal` and waits for the exit (SIGKILL after `graceMs` if it lingers). */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 10_000): Promise<string> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
      const t = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      const how = await this.exited;
      clearTimeout(t);
      return how;
    }
    return this.exited;
  }
}
