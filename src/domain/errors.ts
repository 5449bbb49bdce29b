/**
 * The one error catalogue. Every error the atlas raises on purpose has a stable `code`, a message a
 * shell user or an API client can act on, and the HTTP status an adapter maps it to. Services throw
 * these domain errors; only the HTTP and CLI adapters turn them into responses and exit codes.
 */
export type AtlasErrorCode =
  | 'unreadable_file'
  | 'unknown_format'
  | 'wrong_encoding'
  | 'empty_document'
  | 'document_too_large'
  | 'document_over_limit'
  | 'invalid_input'
  | 'invalid_data'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  /** No session or token, or one that is unknown, expired or revoked. */
  | 'unauthorized'
  | 'storage_failure'
  /** A program the atlas drives is missing or failed (Chromium, for PDFs). */
  | 'unavailable'
  /** The database is locked by another writer beyond the retries: try again shortly. */
  | 'busy'
  /** Too many writes in the rate-limit window. */
  | 'too_many_requests'
  /** HTTP only: fastify's own refusals and the routing errors, so every response has one shape. */
  | 'bad_request'
  | 'method_not_allowed'
  | 'request_too_large'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'internal_error';

const HTTP_STATUS: Record<AtlasErrorCode, number> = {
  unreadable_file: 422,
  unknown_format: 415,
  wrong_encoding: 422,
  empty_document: 422,
  document_too_large: 413,
  document_over_limit: 413,
  invalid_input: 400,
  invalid_data: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  storage_failure: 500,
  unavailable: 503,
  busy: 503,
  too_many_requests: 429,
  bad_request: 400,
  method_not_allowed: 405,
  request_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  internal_error: 500,
};

/** Process exit codes for the CLI (sysexits-style, so scripts can tell input from internal errors). */
const EXIT_CODE: Record<AtlasErrorCode, number> = {
  unreadable_file: 66,
  unknown_format: 65,
  wrong_encoding: 65,
  empty_document: 65,
  document_too_large: 65,
  document_over_limit: 65,
  invalid_input: 64,
  invalid_data: 65,
  not_found: 66,
  conflict: 65,
  forbidden: 77,
  unauthorized: 77,
  storage_failure: 70,
  unavailable: 69,
  busy: 75,
  too_many_requests: 75,
  bad_request: 64,
  method_not_allowed: 64,
  request_too_large: 64,
  uri_too_long: 64,
  unsupported_media_type: 64,
  internal_error: 70,
};

export class AtlasError extends Error {
  readonly code: AtlasErrorCode;
  /** Extra machine-readable detail (the file, the field). */
  readonly detail: Readonly<Record<string, unknown>>;

  constructor(
    code: AtlasErrorCode,
    message: string,
    detail: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AtlasError';
    this.code = code;
    this.detail = detail;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  get exitCode(): number {
    return EXIT_CODE[this.code];
  }
}

/** A library's reason on one line: some (mammoth's XML parser) put newlines and tabs in theirs. */
const oneLineReason = (reason: string): string => reason.replace(/\s+/g, ' ').trim();

export const unreadableFile = (file: string, reason: string, cause?: unknown) =>
  new AtlasError(
    'unreadable_file',
    `${file}: cannot be read (${oneLineReason(reason)})`,
    { file },
    { cause },
  );
export const unknownFormat = (file: string, hint: string) =>
  new AtlasError(
    'unknown_format',
    `${file}: unknown format (${hint}); supported: .txt, .md, .html, .pdf, .docx`,
    { file },
  );
export const wrongEncoding = (file: string, reason: string) =>
  new AtlasError('wrong_encoding', `${file}: ${reason}; convert it to UTF-8`, { file });
export const emptyDocument = (file: string) =>
  new AtlasError('empty_document', `${file}: the document has no text`, { file });
export const documentTooLarge = (file: string, bytes: number, limit: number) =>
  new AtlasError(
    'document_too_large',
    `${file}: ${bytes} bytes is over the limit of ${limit} bytes for one document`,
    { file, bytes, limit },
  );
/**
 * A document refused by one of the readers' safety limits, checked before the costly step it guards
 * (inflating a DOCX, parsing deeply nested HTML or Markdown, extracting from a huge text). The
 * message says which limit and its value; `detail.limit` names it for machines ("characters",
 * "nesting_depth", "docx_uncompressed_bytes"…).
 */
export const documentOverLimit = (file: string, limit: string, description: string, advice: string) =>
  new AtlasError('document_over_limit', `${file}: ${description}; ${advice}`, { file, limit });
export const invalidInput = (field: string, message: string) =>
  new AtlasError('invalid_input', `${field}: ${message}`, { field });
/** A file the atlas reads as data (an export being imported) that does not say what it should. */
export const invalidData = (file: string, message: string) =>
  new AtlasError('invalid_data', `${file}: ${message}; nothing was imported`, { file });
export const notFound = (what: string, id: string) =>
  new AtlasError('not_found', `${what} ${id} not found`, { what, id });
/** A PDF whose pages carry no text layer (usually a scan): the atlas does no OCR, so say so plainly. */
export const noTextLayer = (file: string) =>
  new AtlasError('empty_document', `${file}: no text layer (scanned PDF?); run OCR on it first`, { file });
export const programUnavailable = (program: string, reason: string, advice: string) =>
  new AtlasError('unavailable', `${program} could not run (${oneLineReason(reason)}); ${advice}`, {
    program,
  });
export const crossSiteRequest = () =>
  new AtlasError('forbidden', 'cross-site request refused: changes are accepted from the atlas pages only');
/** Another process holds the database's write lock beyond the retries (HTTP 503, exit 75). */
export const databaseBusy = (what: string, retryAfterSeconds: number, cause?: unknown) =>
  new AtlasError(
    'busy',
    `${what}: the database is busy (another process is writing); try again in ${retryAfterSeconds} s`,
    { retryAfter: retryAfterSeconds },
    { cause },
  );
export const tooManyRequests = (limit: number, window: string, retryAfterSeconds: number) =>
  new AtlasError(
    'too_many_requests',
    `too many changes: at most ${limit} per ${window}; try again in ${retryAfterSeconds} s`,
    { retryAfter: retryAfterSeconds },
  );
export const hostNotAllowed = (host: string, allowed: readonly string[]) =>
  new AtlasError(
    'forbidden',
    `host ${JSON.stringify(host)} is not served here (allowed: ${allowed.join(', ')}; add names with --allowed-hosts or MDA_ALLOWED_HOSTS)`,
    { field: 'host' },
  );

/** A write (or an account page) reached without a session or an API token. */
export const signInRequired = () =>
  new AtlasError(
    'unauthorized',
    'sign in (a session) or send an API token (Authorization: Bearer) to change data',
  );
/** A feed read without a valid API token (a feed reader sends it as `?token=`). */
export const feedTokenRequired = () =>
  new AtlasError(
    'unauthorized',
    'this feed needs a valid API token: add ?token=… to its address or send Authorization: Bearer (mda user token EMAIL --scope read)',
    { field: 'token' },
  );
/** Wrong email or password: the same message for both, so that accounts cannot be probed. */
export const badCredentials = () => new AtlasError('unauthorized', 'unknown email or wrong password');
/** A signed-in user whose role (or token scope) does not allow the action. */
export const roleRequired = (role: string, action: string) =>
  new AtlasError('forbidden', `${action} needs the ${role} role`, { role });
/** A restriction change by someone who is neither an admin nor a reviewer of the organisation. */
export const restrictionRefused = (organisation: string) =>
  new AtlasError(
    'forbidden',
    `changing a restriction to ${organisation} needs the admin role, or the reviewer role in that organisation`,
    { organisation },
  );
/** A cookie-authenticated write without the form's anti-forgery token. */
export const csrfRefused = () =>
  new AtlasError(
    'forbidden',
    'the anti-forgery token is missing or wrong: reload the page and submit the form again',
    { field: '_csrf' },
  );
export const tooManyLogins = (retryAfterSeconds: number) =>
  new AtlasError('too_many_requests', `too many failed sign-ins: try again in ${retryAfterSeconds} s`, {
    retryAfter: retryAfterSeconds,
  });
