import { describe, expect, it } from 'vitest';
import { bodyLimitFor, DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT, tooLargeMessage, TOO_LARGE_PREFIX, UPLOAD_BODY_LIMIT } from './body-limits';

describe('bodyLimitFor', () => {
  it('keeps the large limit for the routes and actions that take files or imports, 1 MB for the rest', () => {
    expect(UPLOAD_BODY_LIMIT).toBe(55 * 1024 * 1024);
    expect(bodyLimitFor('/api/v1/tickets/12/messages', null).bytes).toBe(UPLOAD_BODY_LIMIT);
    expect(bodyLimitFor('/api/v1/import/tickets', null).bytes).toBe(IMPORT_BODY_LIMIT);
    expect(bodyLimitFor('/tickets/12', { id: 'abc', takesUploads: true }).bytes).toBe(UPLOAD_BODY_LIMIT);
    for (const path of ['/api/v1/tickets/12', '/api/portal/requests', '/api/auth/callback/staff', '/settings', '/api/v1/tickets/12/messages/x']) {
      expect(bodyLimitFor(path, null).bytes, path).toBe(DEFAULT_BODY_LIMIT);
    }
    // Another action on the ticket page is small even though the page also has the composer.
    expect(bodyLimitFor('/tickets/12', { id: 'def', takesUploads: false }).bytes).toBe(DEFAULT_BODY_LIMIT);
  });

  it('says what to do, under the prefix the forms recognise', () => {
    expect(tooLargeMessage(bodyLimitFor('/settings', { id: 'x', takesUploads: false }))).toBe(`${TOO_LARGE_PREFIX} the form is over 1 MB. Shorten what you typed or pasted, and try again.`);
    expect(tooLargeMessage(bodyLimitFor('/x', { id: 'x', takesUploads: true }))).toContain('Attach at most 5 files of 10 MB each');
  });
});
