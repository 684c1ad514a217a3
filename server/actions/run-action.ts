import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { logger } from '@/lib/logger';
import { ServiceError, type ActionResult } from '@/lib/errors';
import { outageFailure } from '../unavailable';

/**
 * Form fields as a plain object; repeated names become arrays. Files stay files: a schema that expects text
 * then says "Send this as text." for that field, instead of the field quietly counting as empty; a schema
 * that does not name the field (attachments) drops it.
 */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Each issue's message under its field's path (`customer.name`); `whole` names an issue about the input as a whole. */
export function fieldErrorsOf(error: z.ZodError, whole = 'form'): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || whole;
    const messages = (fieldErrors[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return fieldErrors;
}

/** Parses input with a schema, turning a failure into a ServiceError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ServiceError('invalid', 'Some fields need your attention.', { fieldErrors: fieldErrorsOf(parsed.error) });
}

/**
 * The one wrapper every server action returns through: expected failures become a result the form
 * shows (a database outage too: "temporarily unavailable, try again", never a throw); anything else is
 * logged once, with the request id, and shown as a generic error.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof ServiceError) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.details?.fieldErrors };
    }
    const requestId = (await headers()).get('x-request-id');
    const outage = outageFailure(error, { requestId });
    if (outage) return { ok: false, code: outage.code, message: outage.message };
    logger.error({ err: error, requestId }, 'server action failed');
    return { ok: false, code: 'internal', message: 'Something went wrong on our side. Please try again in a moment.' };
  }
}
