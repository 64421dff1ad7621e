import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `leadrouter serve` running in a process of its own, from the TypeScript sources. */
export interface ServeProcess {
  /** Where it listens: `http://127.0.0.1:<port>`. */
  url: string;
  /** Kills it without warning (SIGKILL), as a crash or the OOM killer would, and waits until it is gone. */
  crash(): Promise<void>;
  /** Asks it to stop (SIGTERM), as a service manager would, and resolves with its exit code once it is gone. */
  stop(): Promise<number | null>;
}

/**
 * Starts `leadrouter serve` with these settings on a port of the system's choosing and resolves
 * once it listens. The settings are the LEADROUTER_* variables; the rest of the environment is
 * this process's.
 */
export function startServe(settings: Record<string, string>, timeoutMs = 20_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LEADROUTER_HOST: '127.0.0.1', LEADROUTER_PORT: '0', LEADROUTER_LOG_LEVEL: 'warn', ...settings },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    return exited;
  };
  const crash = async () => {
    await signal('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void crash();
      reject(new Error(`leadrouter serve did not listen within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const listening = /leadrouter listening on (http:\/\/\S+)/.exec(stderr);
      if (!listening) return;
      clearTimeout(timer);
      resolve({ url: listening[1]!, crash, stop: () => signal('SIGTERM') });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`leadrouter serve exited (${signal ?? code}) before it listened:\n${stderr}`));
    });
  });
}
