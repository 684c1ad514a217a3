/**
 * Private links in mail (a guest's tracking link, rating, password-reset and verification links) are keys to
 * someone's account or request. The outbox is read by admins, so it keeps the fact that a link was sent and
 * never the link: each token is replaced before the row is written.
 */
const PRIVATE_LINK = /\/portal\/(track|rate|reset|verify)\/[A-Za-z0-9_-]+/g;

export const HIDDEN_TOKEN = '[hidden]';

export function maskPrivateLinks(text: string): { text: string; hidden: number } {
  let hidden = 0;
  const masked = text.replace(PRIVATE_LINK, (_link, kind: string) => {
    hidden++;
    return `/portal/${kind}/${HIDDEN_TOKEN}`;
  });
  return { text: masked, hidden };
}
