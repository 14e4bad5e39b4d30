// Starts bench/api/server-process.ts as a child process and waits for its READY line.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export interface BenchServer {
  readonly url: string;
  readonly password: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export function spawnServer(args: readonly string[]): Promise<BenchServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bench server not ready in 120 s: ${out}`));
    }, 120_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      const m = /READY (\S+) (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1]!,
          password: m[2]!,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => {
                done();
              });
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited (${String(code)}) before READY: ${out}`));
    });
  });
}

export async function login(url: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
