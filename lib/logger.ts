import pino from 'pino';

/** JSON logs. Unexpected errors are logged once, where they are caught, with the request id. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { app: 'touchpoint' },
  redact: ['password', '*.password', 'token', '*.token', 'headers.authorization', 'headers.cookie'],
});
