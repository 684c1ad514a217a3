import { describe, expect, it } from 'vitest';
import { isDownloadRoute } from './download-routes';

describe('isDownloadRoute', () => {
  it('names every route that answers with a file, and nothing else', () => {
    for (const path of ['/api/attachments/12', '/api/portal/attachments/12', '/api/portal/track/abc_DEF-1/attachments/12', '/api/v1/export/tickets', '/api/v1/export/board']) {
      expect(isDownloadRoute(path), path).toBe(true);
    }
    for (const path of ['/api/v1/tickets', '/api/portal/track/abc', '/api/attachments', '/api/attachments/1/x', '/inbox', '/api/v1/exports', '/portal/track/abc']) {
      expect(isDownloadRoute(path), path).toBe(false);
    }
  });
});
