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
  | 'invalid_input'
  | 'invalid_data'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'storage_failure';

const HTTP_STATUS: Record<AtlasErrorCode, number> = {
  unreadable_file: 422,
  unknown_format: 415,
  wrong_encoding: 422,
  empty_document: 422,
  document_too_large: 413,
  invalid_input: 400,
  invalid_data: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  storage_failure: 500,
};

/** Process exit codes for the CLI (sysexits-style, so scripts can tell input from internal errors). */
const EXIT_CODE: Record<AtlasErrorCode, number> = {
  unreadable_file: 66,
  unknown_format: 65,
  wrong_encoding: 65,
  empty_document: 65,
  document_too_large: 65,
  invalid_input: 64,
  invalid_data: 65,
  not_found: 66,
  conflict: 65,
  forbidden: 77,
  storage_failure: 70,
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

export const unreadableFile = (file: string, reason: string, cause?: unknown) =>
  new AtlasError('unreadable_file', `${file}: cannot be read (${reason})`, { file }, { cause });
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
export const crossSiteRequest = () =>
  new AtlasError('forbidden', 'cross-site request refused: changes are accepted from the atlas pages only');
