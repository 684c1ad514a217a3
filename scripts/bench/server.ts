/** Builds (when needed) and runs `next start` in its own process group, so the whole group can be stopped. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const NEXT = path.join(process.cwd(), 'node_modules', '.bin', 'next');
const BUILD_ID = path.join(process.cwd(), '.next', 'BUILD_ID');
export const SERVER_LOG = path.join(os.tmpdir(), 'touchpoint-bench-server.log');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether another `next build` runs in this directory (another engineer's, say): then we wait for it, never race it. */
function otherBuildRunning(): boolean {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (/next(\.js)? build/.test(cmd) && fs.readlinkSync(`/proc/${pid}/cwd`) === process.cwd()) return true;
    } catch {
      // the process ended while we looked
    }
  }
  return false;
}

export async function ensureBuild(force: boolean, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  for (let attempt = 0; ; attempt++) {
    let announced = false;
    while (otherBuildRunning()) {
      if (!announced) log('  another `next build` is running in this directory; waiting for it to finish…');
      announced = true;
      if (Date.now() > deadline) throw new Error('Another `next build` kept running for 15 minutes; try again later.');
      await sleep(5000);
    }
    if (announced) await sleep(3000); // its BUILD_ID is written last
    if (!force && fs.existsSync(BUILD_ID)) return;
    log(force ? '  building the app (--build)…' : '  .next/BUILD_ID is missing: building the app…');
    const started = Date.now();
    const result = spawnSync(NEXT, ['build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    const output = `${result.stdout?.toString() ?? ''}${result.stderr?.toString() ?? ''}`;
    if (result.status === 0) {
      log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return;
    }
    // Someone else started a build between our check and ours: wait for theirs instead.
    if (/Another next build process is already running/i.test(output) && Date.now() < deadline && attempt < 20) {
      await sleep(10_000);
      continue;
    }
    throw new Error(`next build failed (exit ${result.status}):\n${output.split('\n').slice(-30).join('\n')}`);
  }
}

export interface RunningServer {
  baseUrl: string;
  pgid: number;
  /** Null while it runs; how it ended otherwise (killed from outside, crashed). */
  exitReason: () => string | null;
  stop: () => Promise<void>;
}

function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(pid));
    } catch {
      // gone
    }
  }
  return pids;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** RSS of the process that serves requests: the largest in the group (next-server, the child of `next start`). */
export function serverRss(pgid: number): { pid: number; rssMb: number; groupRssMb: number } {
  const measured = groupPids(pgid).map((pid) => ({ pid, kb: rssKb(pid) }));
  const top = measured.sort((a, b) => b.kb - a.kb)[0] ?? { pid: pgid, kb: 0 };
  const total = measured.reduce((sum, m) => sum + m.kb, 0);
  return { pid: top.pid, rssMb: Math.round(top.kb / 1024), groupRssMb: Math.round(total / 1024) };
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

async function portInUse(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

/** The production server's heap cap, the same as package.json's start script. */
export const SERVER_HEAP = '--max-old-space-size=384';

export async function startServer(opts: { port: number; databaseUrl: string; log: (line: string) => void }): Promise<RunningServer> {
  if (await portInUse(opts.port)) throw new Error(`Port ${opts.port} is already in use: stop whatever runs there, or pass --port.`);
  const out = fs.openSync(SERVER_LOG, 'w');
  const env = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: 'bench-secret-0f4c2a9e7b1d4e6f8a3c5b7d9e1f2a4c',
    NEXTAUTH_URL: `http://localhost:${opts.port}`,
    TP_DEMO_SEED: '0',
    // The bench measures routes: no job worker, so auto-close never rewrites seeded solved tickets mid-run.
    TP_WORKER: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    // As `npm start` runs it: V8 otherwise grows its heap to several times the live set under sustained load
    // (550 MB at 10 connections), past the 500 MB RSS budget; the live set stays under 256 MB.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, SERVER_HEAP].filter(Boolean).join(' '),
  } as NodeJS.ProcessEnv;
  delete env.DATABASE_READ_URL;
  // detached: the child calls setsid(), so it leads its own process group and we can stop the whole group.
  const child: ChildProcess = spawn(NEXT, ['start', '--port', String(opts.port)], { detached: true, stdio: ['ignore', out, out], env });
  const pgid = child.pid!;
  let exited: string | null = null;
  child.on('exit', (code, signal) => (exited = signal ? `killed by ${signal}` : `exited with code ${code}`));
  const onExit = () => killGroup(pgid, 'SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    killGroup(pgid, 'SIGTERM');
    for (let i = 0; i < 50 && groupPids(pgid).length; i++) await sleep(100);
    if (groupPids(pgid).length) killGroup(pgid, 'SIGKILL');
    fs.closeSync(out);
  };

  const baseUrl = `http://localhost:${opts.port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited !== null) break;
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.status === 200) return { baseUrl, pgid, stop, exitReason: () => exited };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await stop();
  const tail = fs.readFileSync(SERVER_LOG, 'utf8').split('\n').slice(-25).join('\n');
  throw new Error(`The app did not become healthy (${exited ?? 'timed out after 120 s'}). Log tail:\n${tail}`);
}
