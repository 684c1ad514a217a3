import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { resolveAuthSecret } from '../auth/secret';

/**
 * Mail waiting in the queue carries one-time links, and the queue is a table. Sealing the mail with
 * AES-256-GCM (key derived from NEXTAUTH_SECRET, which every app process shares) keeps those links
 * unreadable there, so the tokens stay "stored only as a hash" everywhere but in the mail itself.
 *
 * Rotation: mail is always sealed with the current NEXTAUTH_SECRET, and opened with it or with any of
 * NEXTAUTH_SECRET_PREVIOUS (comma-separated), so mail queued before a secret change still goes out. The
 * keys stay derived from the one secret operators already rotate, rather than a second key list that
 * would have to be kept in step with it. Each sealed mail names its key by a short fingerprint
 * (`kid.iv.tag.body`), so a mail no configured secret opens fails with a message that says why.
 */

/** A queued mail that no configured secret opens: retrying cannot help, so the job fails for good. */
export class MailSealError extends Error {
  constructor(
    message: string,
    readonly keyId: string | null,
  ) {
    super(message);
    this.name = 'MailSealError';
  }
}

interface SealKey {
  id: string;
  key: Buffer;
}

/** The derivation mail was sealed with before key ids existed; unchanged, so queued mail stays readable. */
function sealKey(secret: string): SealKey {
  const key = createHash('sha256').update(`touchpoint-mail:${secret}`).digest();
  const id = createHash('sha256').update('touchpoint-mail-key-id:').update(key).digest().subarray(0, 6).toString('base64url');
  return { id, key };
}

/** The current secret first, then NEXTAUTH_SECRET_PREVIOUS in its order. */
export function sealKeys(env: NodeJS.ProcessEnv = process.env): SealKey[] {
  const previous = (env.NEXTAUTH_SECRET_PREVIOUS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [resolveAuthSecret(env), ...previous].map(sealKey);
}

export function seal(plain: string, env: NodeJS.ProcessEnv = process.env): string {
  const { id, key } = sealKeys(env)[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [id, ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.');
}

function open(key: Buffer, [iv, tag, body]: Buffer[]): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Opens a sealed mail with the current or a previous secret; throws MailSealError when none fits. */
export function unseal(sealed: string, env: NodeJS.ProcessEnv = process.env): string {
  const parts = sealed.split('.');
  // Mail queued before key ids existed has three parts: try every key on it.
  const keyId = parts.length === 4 ? parts.shift()! : null;
  const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64url'));
  const keys = sealKeys(env);
  const candidates = keyId === null ? keys : keys.filter((k) => k.id === keyId);
  if (parts.length === 3 && tag.length === 16) {
    for (const { key } of candidates) {
      const plain = open(key, [iv, tag, body]);
      if (plain !== null) return plain;
    }
  }
  if (keyId !== null && candidates.length > 0) {
    throw new MailSealError(`Queued mail sealed with key ${keyId} does not open with it: the payload is damaged.`, keyId);
  }
  throw new MailSealError(
    `Queued mail was sealed with a secret that is neither NEXTAUTH_SECRET nor one of NEXTAUTH_SECRET_PREVIOUS${keyId ? ` (key ${keyId})` : ''}: add the secret it was queued under to NEXTAUTH_SECRET_PREVIOUS to send such mail.`,
    keyId,
  );
}
