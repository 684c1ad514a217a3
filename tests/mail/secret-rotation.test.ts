import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workQueueOnce } from '@/server/jobs/worker';
import { enqueueMail } from '@/server/mail/enqueue';
import { MailSealError, seal, unseal } from '@/server/mail/seal';
import { createTestDb, describeDb, type TestDbHandle } from '../helpers/db';
import { outbox, stopBoss, testBoss } from '../portal/jobs-helpers';
import { mailJobs } from './jobs';

const OLD = 'old-secret-0123456789abcdef0123456789';
const NEW = 'new-secret-fedcba9876543210fedcba9876';
const env = (current: string, previous?: string) => ({ NODE_ENV: 'production', NEXTAUTH_SECRET: current, NEXTAUTH_SECRET_PREVIOUS: previous }) as NodeJS.ProcessEnv;

/** How mail was sealed before key ids: `iv.tag.body`, key sha256("touchpoint-mail:" + secret). */
function legacySeal(plain: string, secret: string): string {
  const key = createHash('sha256').update(`touchpoint-mail:${secret}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

describe('sealed mail across a NEXTAUTH_SECRET rotation', () => {
  it('opens mail sealed under the old secret once it is listed in NEXTAUTH_SECRET_PREVIOUS', () => {
    const sealed = seal('hello', env(OLD));
    expect(unseal(sealed, env(NEW, `unrelated-secret, ${OLD}`))).toBe('hello');
  });

  it('fails clearly, naming the setting, when no configured secret opens it', () => {
    const sealed = seal('hello', env(OLD));
    expect(() => unseal(sealed, env(NEW))).toThrow(MailSealError);
    expect(() => unseal(sealed, env(NEW, 'unrelated-secret'))).toThrow(/neither NEXTAUTH_SECRET nor one of NEXTAUTH_SECRET_PREVIOUS \(key [\w-]{8}\)/);
  });

  it('always seals with the current secret', () => {
    const sealed = seal('hello', env(NEW, OLD));
    expect(unseal(sealed, env(NEW))).toBe('hello');
    expect(() => unseal(sealed, env(OLD))).toThrow(MailSealError);
  });

  it('opens mail queued before key ids, with the current or a previous secret', () => {
    expect(unseal(legacySeal('queued earlier', OLD), env(OLD))).toBe('queued earlier');
    expect(unseal(legacySeal('queued earlier', OLD), env(NEW, OLD))).toBe('queued earlier');
    expect(() => unseal(legacySeal('queued earlier', OLD), env(NEW))).toThrow(/NEXTAUTH_SECRET_PREVIOUS/);
  });

  it('tells a damaged payload from an unknown key', () => {
    const [kid, iv, tag, body] = seal('hello', env(OLD)).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => unseal([kid, iv, tag, flipped.toString('base64url')].join('.'), env(OLD))).toThrow(/damaged/);
  });
});

describe(`queued mail after a secret rotation (${describeDb})`, () => {
  let handle: TestDbHandle;
  let boss: PgBoss;
  const saved = { ...process.env };
  beforeAll(async () => {
    handle = await createTestDb();
    boss = await testBoss(handle);
    delete process.env.SMTP_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
    delete process.env.SMTP_URL;
  });
  afterAll(async () => {
    process.env = saved;
    await stopBoss(boss);
    await handle.close();
  });

  async function queueUnder(secret: string, to: string) {
    Object.assign(process.env, { NEXTAUTH_SECRET: secret });
    delete process.env.NEXTAUTH_SECRET_PREVIOUS;
    await enqueueMail(handle.db, to, { kind: 'password_reset', link: 'http://localhost/portal/reset/abc' });
  }

  it('is delivered after the rotation when the old secret is in NEXTAUTH_SECRET_PREVIOUS', async () => {
    await queueUnder(OLD, 'kept@example.com');
    Object.assign(process.env, { NEXTAUTH_SECRET: NEW, NEXTAUTH_SECRET_PREVIOUS: OLD });
    expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 1, failed: 0 });
    expect((await outbox(handle)).map((m) => m.toAddress)).toContain('kept@example.com');
  });

  it('fails at once, for good, with the reason, when no configured secret opens it', async () => {
    await queueUnder(OLD, 'lost@example.com');
    Object.assign(process.env, { NEXTAUTH_SECRET: NEW });
    expect(await workQueueOnce(boss, handle.db)).toEqual({ completed: 0, failed: 1 });
    const job = (await mailJobs(handle)).find((j) => j.to === 'lost@example.com')!;
    expect(job.state).toBe('failed'); // not 'retry': no retries to exhaustion
    expect(job.output?.message).toMatch(/NEXTAUTH_SECRET_PREVIOUS/);
    expect((await outbox(handle)).map((m) => m.toAddress)).not.toContain('lost@example.com');
  });
});
