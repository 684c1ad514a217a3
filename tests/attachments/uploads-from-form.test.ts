import { describe, expect, it } from 'vitest';
import { uploadsFromForm } from '@/server/services/attachments';

describe('uploadsFromForm', () => {
  it('skips the empty part of an unused file input, and keeps real files (an empty named one is kept, to be refused as empty)', async () => {
    const form = new FormData();
    form.append('attachments', new File([], ''));
    form.append('attachments', new File(['hello'], 'notes.txt'));
    form.append('attachments', new File([], 'empty.txt'));
    form.append('body', 'text fields are not files');
    const uploads = await uploadsFromForm(form);
    expect(uploads.map((u) => [u.name, u.size])).toEqual([
      ['notes.txt', 5],
      ['empty.txt', 0],
    ]);
  });
});
