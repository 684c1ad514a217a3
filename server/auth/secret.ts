import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const DEV_SECRET_FILE = path.join(process.cwd(), '.data', 'nextauth-secret');

/**
 * NEXTAUTH_SECRET signs every session. Production refuses to run without one; development makes one
 * once and keeps it in .data/, so sessions survive restarts.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET is not set. Set it to a long random string (e.g. `openssl rand -base64 32`) before starting Touchpoint.');
  }
  if (fs.existsSync(DEV_SECRET_FILE)) return fs.readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  fs.mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
  fs.writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600 });
  return secret;
}
