import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Connections opened so far: with a pooled transport, far fewer than the mails. */
  sessions: number;
  /** The most DATA transfers that were in progress at one time. */
  maxInFlight: number;
  close(): Promise<void>;
}

export interface SinkOptions {
  /** Holds each DATA this long before answering 250, so concurrent deliveries overlap visibly. */
  dataDelayMs?: number;
  /** Recipients answered with 550 at RCPT TO. */
  rejects?: (address: string) => boolean;
}

/**
 * A real SMTP server (smtp-server) on a free port of 127.0.0.1 that records what it accepts. Plain SMTP,
 * no auth, no TLS: only the local test talks to it.
 */
export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const sink = { received: [] as ReceivedMail[], sessions: 0, maxInFlight: 0 };
  let inFlight = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1000,
    onConnect(_session, callback) {
      sink.sessions++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.rejects?.(address.address)) {
        const error = Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      inFlight++;
      sink.maxInFlight = Math.max(sink.maxInFlight, inFlight);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        setTimeout(() => {
          inFlight--;
          const raw = Buffer.concat(chunks).toString('utf8');
          const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
          for (const rcpt of session.envelope.rcptTo) sink.received.push({ to: rcpt.address, subject });
          callback();
        }, options.dataDelayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Waits until `done()` holds, polling; fails after `timeoutMs` with what it was waiting for. */
export async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
