/**
 * Reading a route handler's input (query, path parameters, JSON body) so that every bad input is a 4xx that
 * names what to fix in `error.details`, and nothing malformed gets as far as the database:
 *
 * - a query parameter with a malformed percent-escape (`%C0%AF`, a lone `%`) is refused, where
 *   URLSearchParams would quietly turn it into U+FFFD and search for that;
 * - a body that is not UTF-8 is refused, where `request.json()` would quietly store U+FFFD instead of what the
 *   client meant; so is a body that is not JSON;
 * - path parameters go through a schema like every other input.
 */
import type { z } from 'zod';
import { ServiceError, type ErrorCode } from '@/lib/errors';
import { fieldErrorsOf } from '../actions/run-action';

/** The `error.details` key for a problem with the body as a whole (its encoding or its JSON). */
export const REQUEST_BODY = 'request_body';
/** The `error.details` key for a query string that cannot be read at all. */
export const QUERY = 'query';

const decodeComponent = (raw: string) => decodeURIComponent(raw.replace(/\+/g, ' '));

/** The query string as name → value; a repeated name keeps its last value, as Object.fromEntries(searchParams) did. */
export function queryOf(request: Request): Record<string, string> {
  const search = new URL(request.url).search.slice(1);
  const params: Record<string, string> = {};
  if (!search) return params;
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const rawName = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? '' : pair.slice(at + 1);
    let name: string;
    try {
      name = decodeComponent(rawName);
    } catch {
      throw malformedEscape(QUERY, 'A parameter name');
    }
    try {
      params[name] = decodeComponent(rawValue);
    } catch {
      throw malformedEscape(name, `The ${name} parameter`);
    }
  }
  return params;
}

const malformedEscape = (field: string, what: string) => {
  const message = `${what} has a malformed percent-escape (such as %C0%AF or a lone %): encode the value as UTF-8, as encodeURIComponent does.`;
  return new ServiceError('invalid', message, { fieldErrors: { [field]: [message] } });
};

/** Parses the query with a schema: a 400 whose message says what to fix and whose details name each parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request, extra?: (query: Record<string, string>) => Record<string, unknown>): z.infer<S> {
  const query = queryOf(request);
  const parsed = schema.safeParse(extra ? extra(query) : query);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error, QUERY);
  const messages = [...new Set(parsed.error.issues.map((issue) => issue.message))];
  throw new ServiceError('invalid', messages.join('; '), { fieldErrors });
}

/**
 * A path parameter through its schema. A value that cannot name anything is answered like one that names
 * nothing (`code`, usually 404 with the route's own message), with the parameter named in the details.
 */
export function parsePathParam<S extends z.ZodType>(schema: S, raw: string, name: string, failure: { code: ErrorCode; message: string }): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ServiceError(failure.code, failure.message, { fieldErrors: { [name]: [...new Set(parsed.error.issues.map((issue) => issue.message))] } });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as text, refused unless it is UTF-8. */
export function utf8Text(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const message = 'The body is not valid UTF-8: send JSON text encoded as UTF-8.';
    throw new ServiceError('invalid', message, { fieldErrors: { [REQUEST_BODY]: [message] } });
  }
}

/** Parses JSON text; `example` shows the shape the route expects, for the message. */
export function parseJsonText(text: string, example: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const message = `The body is not valid JSON. Send a JSON object, like ${example}.`;
    throw new ServiceError('invalid', message, { fieldErrors: { [REQUEST_BODY]: [message] } });
  }
}

/** A JSON body, strictly UTF-8, or a 400 that says what to send. */
export async function readJson(request: Request, example = '{ … }'): Promise<unknown> {
  return parseJsonText(utf8Text(new Uint8Array(await request.arrayBuffer())), example);
}

/** A parsed JSON body through its schema: 400 with each field's messages; a body of the wrong shape is `request_body`. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ServiceError('invalid', 'Some fields need your attention.', { fieldErrors: fieldErrorsOf(parsed.error, REQUEST_BODY) });
}
