/** Only same-site paths may be redirect targets after sign-in: never another origin. */
export function safeCallbackUrl(value: string | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
