import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORTAL_CALLBACK_ROUTES, safeCallbackUrl, STAFF_CALLBACK_ROUTES } from './safe-callback';

const staff = (v: unknown) => safeCallbackUrl(v, '/inbox', STAFF_CALLBACK_ROUTES);
const portal = (v: unknown) => safeCallbackUrl(v, '/portal', PORTAL_CALLBACK_ROUTES);

// As Next hands them over: the query string already percent-decoded once.
const OFF_SITE = [
  '/\t/evil.example/', // the probe's /%09/evil.example/
  '/\t\\evil.example/', // /%09%5C…
  '/\n/evil.example/',
  '/\r\n/evil.example/',
  '//evil.example/',
  '/\\evil.example/',
  '\\\\evil.example/',
  '/\\/evil.example/',
  'https://evil.example/',
  'javascript:alert(1)',
  '/inbox\r\nSet-Cookie: x=1', // CR/LF: a Location header Node refuses (was a 500)
  '/inbox\u0000',
  ' /inbox',
  '/inbox/../..//evil.example/',
  '/%2F/evil.example/', // stays a path on our origin, but no route of ours
  'evil.example',
];

describe('safeCallbackUrl', () => {
  it.each(OFF_SITE)('sends %j to the fallback, staff and portal alike', (value) => {
    expect(staff(value)).toBe('/inbox');
    expect(portal(value.replace('/inbox', '/portal'))).toBe('/portal');
  });

  it('keeps our own routes, with their query and hash, as the URL parser writes them', () => {
    expect(staff('/inbox')).toBe('/inbox');
    expect(staff('/tickets/12?tab=notes#m3')).toBe('/tickets/12?tab=notes#m3');
    expect(staff('/boards/csat?range=30')).toBe('/boards/csat?range=30');
    expect(staff('/settings/../inbox')).toBe('/inbox');
    expect(staff('/customers/a b')).toBe('/customers/a%20b');
    expect(portal('/portal/requests/ABC-1')).toBe('/portal/requests/ABC-1');
    expect(portal('/portal')).toBe('/portal');
  });

  it("refuses routes that are not the sign-in's own, and anything that is not one string", () => {
    expect(staff('/portal/new')).toBe('/inbox');
    expect(portal('/inbox')).toBe('/portal');
    expect(staff('/api/v1/tickets')).toBe('/inbox');
    expect(staff('/inboxes')).toBe('/inbox');
    expect(portal('/portalx')).toBe('/portal');
    expect(staff(['/inbox', '//evil.example'])).toBe('/inbox');
    expect(staff(undefined)).toBe('/inbox');
    expect(staff('')).toBe('/inbox');
    expect(staff(`/inbox?q=${'a'.repeat(3000)}`)).toBe('/inbox');
  });

  it('lists every staff route there is', () => {
    const dirs = fs
      .readdirSync(path.join(process.cwd(), 'app', '(staff)'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `/${d.name}`);
    expect([...STAFF_CALLBACK_ROUTES].sort()).toEqual(dirs.sort());
  });
});
