import fs from 'node:fs';
import path from 'node:path';
import type { RenderedMail } from './templates';

/**
 * For automated tests only: with TP_TEST_MAIL_SINK=<directory> (and no SMTP_URL), each mail is also written
 * there, whole, as one JSON file, so a test can open the links that the outbox hides. A directory on the
 * server's disk, never a route: no browser, admin or not, can read it. Never set it in production.
 */
export interface SunkMail {
  jobId: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  at: string;
}

export function writeToTestSink(dir: string, jobId: string, mail: { kind: string; to: string } & RenderedMail): void {
  fs.mkdirSync(dir, { recursive: true });
  const entry: SunkMail = { jobId, kind: mail.kind, to: mail.to, subject: mail.subject, text: mail.text, at: new Date().toISOString() };
  // A retried job overwrites its own file: one file per mail, like the outbox row.
  const file = path.join(dir, `${jobId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(entry));
  fs.renameSync(`${file}.tmp`, file); // a reader never sees half a file
}

/** Every mail in the sink, newest first. */
export function readTestSink(dir: string): SunkMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as SunkMail)
    .sort((a, b) => b.at.localeCompare(a.at));
}
