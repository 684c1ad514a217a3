/**
 * The built app (`.next`, from `next build`) under `next start`, in a process group of its own (setsid via
 * `detached`), so stopping it stops every child; its output goes to a log file the test reads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { onProcessEnd } from '../../helpers/on-process-end';

export interface AppServer {
  baseUrl: string;
  /** Everything the server printed (stdout and stderr). */
  log(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export function builtAppPresent(root = process.cwd()): boolean {
  return fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
}

export async function startApp(options: { port: number; env: Record<string, string>; logFile: string; root?: string }): Promise<AppServer> {
  const root = options.root ?? process.cwd();
  const out = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '--port', String(options.port)], {
    cwd: root,
    detached: true, // its own process group: one kill stops next and anything it started
    stdio: ['ignore', out, out],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...options.env },
  });
  fs.closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  const forgetCleanUp = onProcessEnd(() => killGroup('SIGKILL'));

  return {
    baseUrl: `http://127.0.0.1:${options.port}`,
    log: () => fs.readFileSync(options.logFile, 'utf8'),
    alive: () => !exited,
    async stop() {
      forgetCleanUp();
      if (exited) return;
      killGroup('SIGTERM');
      for (let i = 0; i < 50 && !exited; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      if (!exited) killGroup('SIGKILL');
    },
  };
}
