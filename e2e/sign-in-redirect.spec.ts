import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInStaff, signUpCustomer, unique } from './helpers';

// callbackUrl values as they appear in a link (percent-encoded once): each would leave the site, or break the
// Location header, if it were used as it is.
const HOSTILE = [
  '/%09/evil.example/',
  '/%09%5Cevil.example/',
  '/%0A/evil.example/',
  '/%0D%0A/evil.example/',
  '//evil.example/',
  '/%5Cevil.example/',
  '%5C%5Cevil.example/',
  'https://evil.example/',
  '/inbox%0D%0ASet-Cookie:%20x=1',
];

async function redirectOf(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  return { status: res.status(), location: res.headers().location };
}

test('signed in, /login never redirects off the site (tab, backslash, //, CR/LF): it goes to the inbox', async ({ page }) => {
  await signInStaff(page);
  for (const value of HOSTILE) {
    expect(await redirectOf(page.request, `/login?callbackUrl=${value}`), value).toEqual({ status: 307, location: '/inbox' });
  }
  expect(await redirectOf(page.request, `/login?callbackUrl=${encodeURIComponent('/boards/csat?range=30')}`)).toEqual({ status: 307, location: '/boards/csat?range=30' });
  // Repeated parameters are not one string either.
  expect(await redirectOf(page.request, '/login?callbackUrl=/boards&callbackUrl=//evil.example')).toEqual({ status: 307, location: '/inbox' });
});

test('signed in as a customer, /portal/login does the same with the portal', async ({ page }) => {
  await signUpCustomer(page, 'Redirect Person', `redirect-${unique()}@example.com`);
  for (const value of [...HOSTILE, '/inbox']) {
    expect(await redirectOf(page.request, `/portal/login?callbackUrl=${value}`), value).toEqual({ status: 307, location: '/portal' });
  }
  expect(await redirectOf(page.request, '/portal/login?callbackUrl=%2Fportal%2Fnew')).toEqual({ status: 307, location: '/portal/new' });
});

test('the sign-in form takes the browser to our inbox, not to the site in the callbackUrl', async ({ page }) => {
  for (const value of ['/%09/evil.example/', '/%09%5Cevil.example/']) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${value}`);
    await page.getByLabel('Email').fill('agent2@touchpoint.test');
    await page.getByLabel('Password').fill('demo1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/inbox');
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  }
});
