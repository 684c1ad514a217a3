/** Absolute links for mails: TP_PUBLIC_URL, else NEXTAUTH_URL, else the development address. */
export function publicUrl(path: string): string {
  const base = (process.env.TP_PUBLIC_URL || process.env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
  return `${base}${path}`;
}

export const portalLinks = {
  request: (publicKey: string) => publicUrl(`/portal/requests/${publicKey}`),
  guest: (token: string) => publicUrl(`/portal/track/${token}`),
  rating: (token: string) => publicUrl(`/portal/rate/${token}`),
  reset: (token: string) => publicUrl(`/portal/reset/${token}`),
  verify: (token: string) => publicUrl(`/portal/verify/${token}`),
};
