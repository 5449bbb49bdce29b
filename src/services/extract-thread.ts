/**
 * The extraction thread (see extract-sandbox.ts): reads a file and runs the extraction rules on
 * request, under the heap limit its parent set. Holds the last document read, so that the parent
 * can check its hash against the store before asking for the extraction.
 */
import { parentPort } from 'node:worker_threads';
import { AtlasError } from '../domain/errors.ts';
import type { ReadDocument } from '../readers/index.ts';
import { extractReadDocument, readFileDocument } from './extract-file.ts';
import type { SandboxReply, SandboxRequest } from './extract-sandbox.ts';

let current: ReadDocument | undefined;

async function handle(request: SandboxRequest): Promise<SandboxReply> {
  try {
    if (request.op === 'read') {
      current = undefined;
      current = await readFileDocument(request.file, request.limits);
      return { id: request.id, ok: true, document: current };
    }
    if (current === undefined) throw new Error('extract asked before a document was read');
    const extracted = extractReadDocument(current);
    current = undefined;
    return { id: request.id, ok: true, extracted };
  } catch (error) {
    current = undefined;
    return {
      id: request.id,
      ok: false,
      error:
        error instanceof AtlasError
          ? { code: error.code, message: error.message, detail: { ...error.detail } }
          : { message: error instanceof Error ? error.message : String(error) },
    };
  }
}

parentPort?.on('message', (request: SandboxRequest) => {
  void handle(request).then((reply) => parentPort?.postMessage(reply));
});
