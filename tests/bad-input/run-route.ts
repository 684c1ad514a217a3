import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NextRequest } from 'next/server';
import { copy, formOf, queryString, setPath } from './requests';
import type { RouteCase } from './route-table';
import type { World } from './world';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every `METHOD /api/...` the app serves: each route.ts under app/api and each HTTP method it exports. */
export async function apiRoutes(): Promise<Map<string, Handler>> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') files.push(full);
    }
  };
  walk(path.join(ROOT, 'app', 'api'));
  const routes = new Map<string, Handler>();
  for (const file of files.sort()) {
    const pattern = `/${path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) if (typeof mod[method] === 'function') routes.set(`${method} ${pattern}`, mod[method] as Handler);
  }
  return routes;
}

export const resolveValid = (valid: unknown, w: World) => (typeof valid === 'function' ? (valid as (w: World) => unknown)(w) : valid);

/** The request for a case, with `values` (one of them bad) in their places. `rawBody` replaces the JSON body. */
export function routeRequest(c: RouteCase, w: World, values: Record<string, unknown>, rawBody?: BodyInit): { request: Request; params: Record<string, unknown> } {
  const [method, pattern] = c.route.split(' ');
  const params: Record<string, unknown> = { ...c.params?.(w) };
  const query: Record<string, unknown> = {};
  const json: Record<string, unknown> = {};
  const form: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(c.fields)) {
    const raw = values[name];
    if (raw === undefined) continue;
    const value = spec.wrap ? spec.wrap(raw) : raw;
    if (spec.in === 'path') params[name] = typeof value === 'string' ? value : String(value);
    else if (spec.in === 'query') query[name] = typeof value === 'number' ? String(value) : value;
    else if (spec.in === 'form') form[name] = value;
    else setPath(json, name, copy(value));
  }
  const url = `http://localhost${pattern.replace(/\[(\.\.\.)?[^\]]+\]/g, 'x')}${queryString(query)}`;
  const hasJson = Object.values(c.fields).some((f) => f.in === 'json');
  const hasForm = Object.values(c.fields).some((f) => f.in === 'form');
  let body: BodyInit | undefined;
  const headers: Record<string, string> = {};
  if (rawBody !== undefined) {
    body = rawBody;
    headers['content-type'] = 'application/json';
  } else if (hasJson) {
    body = JSON.stringify(c.body ? c.body(json) : json);
    headers['content-type'] = 'application/json';
  } else if (hasForm) body = formOf(form);
  const request = new NextRequest(url, { method, headers, body });
  return { request, params };
}

export interface RouteOutcome {
  status: number;
  body: unknown;
  /** error.details' keys, when the answer is a JSON error. */
  detailKeys: string[];
  message: string;
}

export async function callRoute(handler: Handler, request: Request, params: Record<string, unknown>): Promise<RouteOutcome> {
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (a CSV, a file): the status says enough
  }
  const error = (body as { error?: { message?: unknown; details?: Record<string, unknown> } } | null)?.error;
  return {
    status: response.status,
    body,
    detailKeys: Object.keys(error?.details ?? {}),
    message: typeof error?.message === 'string' ? error.message : '',
  };
}
