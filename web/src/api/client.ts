/** One field the server refused, as sent in `error.fields`. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** The platform's error envelope turned into an exception, so queries and mutations can throw it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(status: number, code: string, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

type Query = Record<string, string | number | undefined | null | readonly string[]>;

/** Builds `/api/path?query`, leaving out empty values so the server applies its defaults; a list repeats its key. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

/**
 * Calls the API with the session cookie and JSON. Any non-2xx answer becomes an ApiError carrying the stable
 * code; a network failure becomes `network_error` so the UI can still say something translated.
 */
export function api<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  return send<T>(apiUrl(path, query), {
    method,
    headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Posts a multipart form (a file and its text fields) to the API: the browser sets the boundary; answers and errors
 * are read as `api()` reads them.
 */
export function postForm<T>(path: string, form: FormData): Promise<T> {
  return send<T>(apiUrl(path), { method: 'POST', headers: { accept: 'application/json' }, body: form });
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const payload: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; fields?: FieldProblem[] } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal_error',
      error?.message ?? response.statusText,
      error?.fields ?? [],
    );
  }
  return payload as T;
}
