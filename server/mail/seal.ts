import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { resolveAuthSecret } from '../auth/secret';

/**
 * Mail waiting in the queue carries one-time links, and the queue is a table. Sealing the mail with
 * AES-256-GCM (key derived from NEXTAUTH_SECRET, which every app process shares) keeps those links
 * unreadable there, so the tokens stay "stored only as a hash" everywhere but in the mail itself.
 */
function key(): Buffer {
  return createHash('sha256').update(`touchpoint-mail:${process.env.NEXTAUTH_SECRET || resolveAuthSecret()}`).digest();
}

export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
