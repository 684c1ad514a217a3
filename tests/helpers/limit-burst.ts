/**
 * A child process for the cross-process rate-limit test (tests/limits/parallel-limits.test.ts): it opens its
 * own Postgres pool on the test database, says "ready", waits for "go" on stdin (so both processes fire
 * together), fires `count` limited attempts at once and prints one JSON line with each attempt's outcome.
 *
 *   tsx tests/helpers/limit-burst.ts '{"url":"postgres://…","count":10,"action":"sign-in","ip":"10.0.0.1","tag":"a"}'
 */
import { once } from 'node:events';
import { postgresHandle } from '@/db/client';
import { runLimitedAttempt, type BurstAction } from './limit-attempts';

interface BurstConfig {
  url: string;
  count: number;
  action: BurstAction;
  ip: string;
  /** Makes this process's emails (sign-up, reset) differ from the other process's. */
  tag: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as BurstConfig;
const handle = postgresHandle(config.url, { max: config.count });
try {
  // Open every connection before the signal, so the attempts race each other and not the connect.
  await Promise.all(Array.from({ length: config.count }, () => handle.db.execute('select 1')));
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const outcomes = await Promise.all(
    Array.from({ length: config.count }, (_, i) => runLimitedAttempt(handle.db, config.action, { ip: config.ip, n: `${config.tag}-${i}` })),
  );
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
} finally {
  await handle.close();
}
