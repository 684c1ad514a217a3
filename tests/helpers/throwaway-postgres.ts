/**
 * A Postgres cluster of the test's own, for fault tests that stop, crash and restart the server: never the
 * shared one on 5432, which serves every other test and tool on the machine.
 *
 * initdb in a fresh temp directory, then the postmaster on a free loopback port with its socket in that
 * directory. initdb and postgres refuse to run as root (CI runs as root), so there the binaries run as the
 * `postgres` OS user through `runuser`, in a directory handed to that user. pg_ctl detaches the postmaster
 * into a session of its own, so it is tracked by the pid in postmaster.pid, and an exit and signal hook
 * kills it and removes the directory even when the test process is interrupted.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { onProcessEnd } from './on-process-end';

const run = promisify(execFile);

export const PG_BIN = process.env.TP_PG_BIN || '/usr/lib/postgresql/15/bin';

export type StopMode = 'smart' | 'fast' | 'immediate';

export interface ThrowawayPostgres {
  readonly port: number;
  readonly dir: string;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  urlFor(database: string): string;
  /** Starts the postmaster and waits until it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m <mode>`; resolves with how long the server took to go down, in ms. */
  stop(mode: StopMode): Promise<number>;
  /** SIGKILL to the postmaster alone (its backends notice and exit), as when the OOM killer strikes. */
  killPostmaster(): Promise<void>;
  /** The running postmaster's pid, or undefined. */
  postmasterPid(): number | undefined;
  /** Runs one statement with psql (for setup: create database, settings). */
  psql(sql: string, database?: string): Promise<string>;
  /** Stops the server (immediate) and deletes its directory. Safe to call twice. */
  remove(): Promise<void>;
}

/** A free TCP port on the loopback interface, as the kernel hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function postgresBinariesPresent(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
}

const isRoot = () => process.getuid?.() === 0;

/** The command line for a Postgres binary: as the `postgres` user when we are root. */
function asPostgresUser(bin: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
}

function ownedByPostgres(dir: string) {
  if (!isRoot()) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  fs.chownSync(dir, uid, gid);
}

function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ThrowawayOptions {
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
}

export async function createThrowawayPostgres(options: ThrowawayOptions = {}): Promise<ThrowawayPostgres> {
  if (!postgresBinariesPresent()) throw new Error(`Postgres binaries not found in ${PG_BIN} (set TP_PG_BIN)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-fault-pg-'));
  fs.chmodSync(dir, 0o700);
  ownedByPostgres(dir);
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const port = await freePort();
  let removed = false;
  let lastPid: number | undefined;

  // Whatever happens to the test process (Ctrl-C included), the postmaster and its files go with it.
  const cleanUp = () => {
    const pid = readPostmasterPid(dataDir) ?? lastPid;
    if (pid && alive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const forgetCleanUp = onProcessEnd(cleanUp);

  const exec = async (bin: string, args: string[], timeoutMs = 60_000) => {
    const [command, argv] = asPostgresUser(bin, args);
    const { stdout } = await run(command, argv, { timeout: timeoutMs, cwd: dir, env: { ...process.env, LC_ALL: 'C' } });
    return stdout;
  };

  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // fsync off: the faults here kill processes, never the machine, so the OS page cache survives them and
  // crash recovery replays the WAL as it would with fsync on; it spares the shared disk.
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    fsync: 'off',
    shared_buffers: '32MB',
    max_connections: '60',
    log_min_messages: 'warning',
    ...options.settings,
  };
  const serverOptions = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');

  const instance: ThrowawayPostgres = {
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`,

    async start() {
      // After a postmaster kill its orphaned backends take a moment to notice and release shared memory;
      // until then a new postmaster refuses to start, so try again for a few seconds.
      for (let attempt = 1; ; attempt++) {
        try {
          await exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
          lastPid = readPostmasterPid(dataDir);
          return;
        } catch (error) {
          if (attempt >= 10) throw new Error(`pg_ctl start failed: ${(error as Error).message}\n${tailLog(logFile)}`);
          await sleep(500);
        }
      }
    },

    async stop(mode) {
      const started = performance.now();
      await exec('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '120', 'stop']);
      return performance.now() - started;
    },

    async killPostmaster() {
      const pid = readPostmasterPid(dataDir);
      if (!pid) throw new Error('no postmaster to kill');
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100 && alive(pid); i++) await sleep(20);
    },

    postmasterPid: () => readPostmasterPid(dataDir),

    async psql(sql, database = 'postgres') {
      return exec('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql]);
    },

    async remove() {
      if (removed) return;
      removed = true;
      const pid = readPostmasterPid(dataDir);
      if (pid && alive(pid)) await instance.stop('immediate').catch(() => process.kill(pid, 'SIGKILL'));
      forgetCleanUp();
      cleanUp();
    },
  };
  return instance;
}

function tailLog(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
