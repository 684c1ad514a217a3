import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readTestSink } from '../server/mail/test-sink';

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
 * The newest mail to `to` whose subject matches, whole (links included), as the customer gets it: from the
 * test-only mail sink (TP_TEST_MAIL_SINK, set in playwright.config.ts). The outbox admins read hides private
 * links, so it is no use here. Mail goes out from the queue a moment after the request, so this polls.
 */
export async function mailBody(to: string, subject: RegExp): Promise<string> {
  const dir = process.env.TP_E2E_MAIL_SINK;
  if (!dir) throw new Error('TP_E2E_MAIL_SINK is not set: run the specs through playwright.config.ts');
  let body = '';
  await expect
    .poll(
      () => {
        const mail = readTestSink(dir).find((m) => m.to === to && subject.test(m.subject));
        body = mail?.text ?? '';
        return body;
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
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
