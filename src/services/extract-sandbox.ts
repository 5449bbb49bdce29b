/**
 * Reading and extraction in a worker thread with a heap limit. V8 cannot recover from running out
 * of memory inside the process that runs out (it aborts, exit 134, and the whole batch is lost);
 * a thread started with `resourceLimits` that runs out is stopped alone and its parent gets
 * ERR_WORKER_OUT_OF_MEMORY. The file is then refused with one error naming it and the limit, a
 * fresh thread takes the next file, and the rest of the batch goes in.
 */
import { Worker } from 'node:worker_threads';
import { AtlasError, documentOverLimit, type AtlasErrorCode } from '../domain/errors.ts';
import type { ExtractedDocument } from '../extraction/types.ts';
import type { ReadDocument } from '../readers/index.ts';

/** Heap of the extraction thread, in MB: far above any document within the readers' limits. */
export const DEFAULT_EXTRACT_HEAP_MB = 2048;

/** The heap limit from MDA_EXTRACT_HEAP_MB, else the default. */
export function extractHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MDA_EXTRACT_HEAP_MB);
  return Number.isInteger(value) && value >= 16 ? value : DEFAULT_EXTRACT_HEAP_MB;
}

export interface ReadLimits {
  readonly maxBytes?: number | undefined;
  readonly maxCharacters?: number | undefined;
}

export type SandboxRequest =
  | { readonly id: number; readonly op: 'read'; readonly file: string; readonly limits: ReadLimits }
  | { readonly id: number; readonly op: 'extract' };

export type SandboxReply =
  | { readonly id: number; readonly ok: true; readonly document: ReadDocument }
  | { readonly id: number; readonly ok: true; readonly extracted: ExtractedDocument }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { code?: AtlasErrorCode; message: string; detail?: Record<string, unknown> };
    };

/** Reads and extracts files off the main thread; one file at a time. */
export interface ExtractSandbox {
  read(file: string, limits: ReadLimits): Promise<ReadDocument>;
  /** Extracts the document the last `read` returned. */
  extract(file: string): Promise<ExtractedDocument>;
  close(): Promise<void>;
}

/** The refusal of a file whose reading or extraction ran the thread out of memory. */
export const outOfMemory = (file: string, heapMb: number): AtlasError =>
  documentOverLimit(
    file,
    'memory',
    `reading and extracting it ran out of memory (limit ${heapMb} MB)`,
    'split the document, or raise MDA_EXTRACT_HEAP_MB',
  );

function startThread(heapMb: number): Worker {
  const source = import.meta.url.endsWith('.ts');
  const entry = new URL(source ? './extract-thread.ts' : './extract-thread.js', import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  // In a development checkout the thread needs tsx's loader, which threads do not inherit.
  return source
    ? new Worker(new URL('../../bin/tsx-thread.js', import.meta.url), {
        workerData: { entry: entry.href },
        resourceLimits,
      })
    : new Worker(entry, { resourceLimits });
}

export function createExtractSandbox(heapMb = extractHeapMb()): ExtractSandbox {
  let thread: Worker | undefined;
  let nextId = 0;
  let pending:
    | { id: number; file: string; resolve: (reply: SandboxReply) => void; reject: (e: unknown) => void }
    | undefined;

  function ensureThread(): Worker {
    if (thread !== undefined) return thread;
    const started = startThread(heapMb);
    started.unref();
    started.on('message', (reply: SandboxReply) => {
      if (pending !== undefined && pending.id === reply.id) {
        const { resolve } = pending;
        pending = undefined;
        resolve(reply);
      }
    });
    const died = (error: unknown): void => {
      if (thread === started) thread = undefined;
      if (pending === undefined) return;
      const { file, reject } = pending;
      pending = undefined;
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY') reject(outOfMemory(file, heapMb));
      else {
        const reason =
          error instanceof Error ? error.message : `the extraction thread stopped (${String(error)})`;
        reject(new AtlasError('storage_failure', `${file}: ${reason}`, { file }, { cause: error }));
      }
    };
    started.on('error', died);
    started.on('exit', (code) => died(`exit code ${code}`));
    thread = started;
    return started;
  }

  function ask(
    file: string,
    request: { op: 'read'; file: string; limits: ReadLimits } | { op: 'extract' },
  ): Promise<SandboxReply> {
    const worker = ensureThread();
    nextId += 1;
    const id = nextId;
    return new Promise<SandboxReply>((resolve, reject) => {
      pending = { id, file, resolve, reject };
      worker.ref();
      worker.postMessage({ ...request, id });
    }).finally(() => thread?.unref());
  }

  function unwrap(file: string, reply: SandboxReply): SandboxReply & { ok: true } {
    if (reply.ok) return reply;
    const { error } = reply;
    if (error.code !== undefined) throw new AtlasError(error.code, error.message, error.detail ?? {});
    throw new AtlasError('storage_failure', `${file}: ${error.message}`, { file });
  }

  return {
    async read(file, limits) {
      const reply = unwrap(file, await ask(file, { op: 'read', file, limits }));
      if (!('document' in reply)) throw new Error('the extraction thread answered out of turn');
      return reply.document;
    },
    async extract(file) {
      const reply = unwrap(file, await ask(file, { op: 'extract' }));
      if (!('extracted' in reply)) throw new Error('the extraction thread answered out of turn');
      return reply.extracted;
    },
    async close() {
      const running = thread;
      thread = undefined;
      if (running !== undefined) await running.terminate();
    },
  };
}
