import { logger } from '@/lib/logger';
import { resolveAuthSecret } from './auth/secret';
import { bootDatabase } from './boot';

/** Secrets first (production refuses to start without NEXTAUTH_SECRET), then the database. */
export async function startServer(): Promise<void> {
  try {
    process.env.NEXTAUTH_SECRET = resolveAuthSecret();
  } catch (error) {
    logger.fatal({ err: error }, 'refusing to start');
    console.error(`\nTouchpoint cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  await bootDatabase();
}
