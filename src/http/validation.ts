/**
 * The API's request validation. The schemas and `parseRequest` live in a module the web pages share
 * (src/presentation), so that src/http and src/web do not import each other; API modules keep
 * importing them from here.
 */
export * from '../presentation/request-validation.ts';
