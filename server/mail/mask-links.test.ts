import { describe, expect, it } from 'vitest';
import { maskPrivateLinks } from './mask-links';
import { renderMail } from './templates';

describe('maskPrivateLinks', () => {
  it('hides the token of every private link and counts them; other links stay', () => {
    const solved = renderMail({ kind: 'solved', ticketSubject: 'Lid', link: 'https://help.example.com/portal/track/AbC_d-1', ratingLink: 'https://help.example.com/portal/rate/XyZ-9_' });
    const { text, hidden } = maskPrivateLinks(solved.text);
    expect(hidden).toBe(2);
    expect(text).toContain('https://help.example.com/portal/track/[hidden]');
    expect(text).toContain('https://help.example.com/portal/rate/[hidden]');
    expect(text).not.toMatch(/AbC_d-1|XyZ-9_/);
    for (const kind of ['password_reset', 'email_verification'] as const) {
      const link = `http://localhost/portal/${kind === 'password_reset' ? 'reset' : 'verify'}/tok3n`;
      expect(maskPrivateLinks(renderMail({ kind, link }).text)).toMatchObject({ hidden: 1, text: expect.not.stringContaining('tok3n') });
    }
    const request = renderMail({ kind: 'request_received', ticketSubject: 'x', link: 'http://localhost/portal/requests/K-12' });
    expect(maskPrivateLinks(request.text)).toEqual({ text: request.text, hidden: 0 });
  });
});
