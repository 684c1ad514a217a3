import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe on the current page: no serious or critical violations. */
export async function expectAccessible(page: Page, label: string) {
  // A client-side navigation changes the URL before the new page has rendered its <title>: wait for it, so
  // axe judges the page and not the moment between two pages (seen under load as "document-title").
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), label).toEqual([]);
}

/**
 * Full-page screenshots at a 390 px phone width and at desktop width, into test-results/screens, to look
 * at by eye: only with TP_SCREENSHOTS=1, so CI does not spend time on them.
 */
export async function screenshots(page: Page, name: string) {
  if (!process.env.TP_SCREENSHOTS) return;
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screens/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `test-results/screens/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(size);
}

/**
 * The newest outbox mail to `to` whose subject matches, read as an admin in Settings → Outbox. Mail
 * goes out from the queue a moment after the request, so this polls the page.
 */
export async function mailBody(admin: Page, to: string, subject: RegExp): Promise<string> {
  let body = '';
  await expect
    .poll(
      async () => {
        await admin.goto('/settings/outbox');
        const mail = admin.getByTestId('outbox-mail').filter({ hasText: `To ${to}` }).filter({ hasText: subject }).first();
        if ((await mail.count()) === 0) return '';
        body = (await mail.getByTestId('outbox-body').textContent()) ?? '';
        return body;
      },
      { timeout: 20_000, intervals: [500, 1000, 2000] },
    )
    .not.toBe('');
  return body;
}

/** The path of the first link in a mail with this prefix, e.g. '/portal/reset/'. */
export function linkPath(body: string, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix.replace(/\//g, '\\/')}[A-Za-z0-9_-]+)`).exec(body);
  if (!match) throw new Error(`no ${prefix} link in mail:\n${body}`);
  return match[1];
}
