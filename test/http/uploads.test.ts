/**
 * Uploads through the API, on the real server (a real socket, fetch and FormData): POST /api/uploads
 * queues one job per file and answers 202, the server's worker loop ingests them, GET /api/jobs/:id
 * follows state, attempts and the resulting document. Bad files get the CLI's clear errors at the
 * edge and nothing is queued; a file the reader refuses fails its job with an error naming the
 * upload, not a temporary path; writes from another site are refused as for every write.
 */
import assert from 'node:assert/strict';
import { bearerFor } from '../support/accounts.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { CORPUS_DIR } from '../../src/services/corpus.ts';
import { startTestAtlas, type TestAtlas } from './fixture.ts';
import { testEngines } from '../support/engines.ts';

interface JobBody {
  id: string;
  source: string;
  state: string;
  stage: string | null;
  attempts: number;
  error: { code: string; message: string } | null;
  documentId: string | null;
  status: string | null;
}

const MAX_FILE_BYTES = 200_000;

for (const engine of testEngines()) {
  void describe(`uploads and jobs API (${engine})`, () => {
    let atlas: TestAtlas;
    /** A contributor's token: uploading is a write. */
    let auth: Record<string, string> = {};
    before(async () => {
      process.env.MDA_WORKER_POLL_MS = '50';
      atlas = await startTestAtlas(
        { ingestCorpus: false, uploadLimits: { maxFileBytes: MAX_FILE_BYTES } },
        engine,
      );
      auth = (await bearerFor(atlas.served.store, 'contributor')).headers;
    });
    after(async () => {
      delete process.env.MDA_WORKER_POLL_MS;
      await atlas?.close();
    });

    const upload = (
      files: { name: string; content: string | Buffer }[],
      headers: Record<string, string> = {},
    ) => {
      const form = new FormData();
      for (const file of files) {
        form.append('file', new Blob([new Uint8Array(Buffer.from(file.content))]), file.name);
      }
      return fetch(`${atlas.url}/api/uploads`, {
        method: 'POST',
        body: form,
        headers: { ...auth, ...headers },
      });
    };

    async function finished(id: string): Promise<JobBody> {
      for (let i = 0; i < 600; i += 1) {
        const response = await fetch(`${atlas.url}/api/jobs/${id}`);
        assert.equal(response.status, 200);
        const job = (await response.json()) as JobBody;
        if (job.state !== 'queued' && job.state !== 'running') return job;
        await sleep(50);
      }
      throw new Error(`job ${id} did not finish`);
    }

    void it('queues one job per file (202), ingests them in the server and reports the documents', async () => {
      const mali = await readFile(join(CORPUS_DIR, 'mali-eu-high-level-dialogue-2016.fr.txt'));
      const html =
        '<!doctype html><html><body><h1>Accord</h1><p>Accord de réadmission entre le Maroc et la France, signé à Rabat le 3 mars 2019.</p></body></html>';
      const response = await upload([
        { name: 'dialogue-mali.txt', content: mali },
        { name: 'C:\\Users\\me\\accord.html', content: html },
      ]);
      assert.equal(response.status, 202);
      const body = (await response.json()) as { batch: string; jobs: JobBody[] };
      assert.match(body.batch, /^batch_/);
      assert.deepEqual(
        body.jobs.map((job) => [job.source, job.state, job.attempts]),
        [
          ['dialogue-mali.txt', 'queued', 0],
          ['accord.html', 'queued', 0],
        ],
      );
      for (const queued of body.jobs) {
        const job = await finished(queued.id);
        assert.equal(job.state, 'done', JSON.stringify(job));
        assert.equal(job.status, 'added');
        assert.equal(job.attempts, 1);
        assert.equal(job.error, null);
        const document = await fetch(`${atlas.url}/api/documents/${job.documentId}`);
        assert.equal(document.status, 200);
        assert.equal(((await document.json()) as { sourcePath: string }).sourcePath, queued.source);
      }
      const listed = await fetch(`${atlas.url}/api/jobs?batch=${body.batch}&state=done`);
      assert.equal(((await listed.json()) as { total: number }).total, 2);

      // The same text again: done, unchanged, the same document.
      const again = (await (await upload([{ name: 'copy.txt', content: mali }])).json()) as {
        jobs: JobBody[];
      };
      const copy = await finished(again.jobs[0]?.id ?? '');
      assert.equal(copy.status, 'unchanged');
    });

    void it('a file the reader refuses fails its job with an error naming the upload', async () => {
      const response = await upload([
        { name: 'rapport.docx', content: 'Accord de réadmission, en texte brut.' },
      ]);
      assert.equal(response.status, 202);
      const [queued] = ((await response.json()) as { jobs: JobBody[] }).jobs;
      const job = await finished(queued?.id ?? '');
      assert.equal(job.state, 'failed');
      assert.equal(job.attempts, 1, 'a refused document is not tried again');
      assert.match(job.error?.message ?? '', /^rapport\.docx: /);
      assert.doesNotMatch(job.error?.message ?? '', /mda-upload-/);
    });

    void it('refuses bad files at the edge with the clear errors of the CLI, queueing none', async () => {
      const before = ((await (await fetch(`${atlas.url}/api/jobs`)).json()) as { total: number }).total;
      const cases: [
        files: { name: string; content: string }[],
        status: number,
        code: string,
        message: RegExp,
      ][] = [
        [
          [{ name: 'notes.odt', content: 'x' }],
          415,
          'unknown_format',
          /^notes\.odt: unknown format \(OpenDocument/,
        ],
        [
          [
            { name: 'ok.txt', content: 'Accord.' },
            { name: 'vide.txt', content: '' },
          ],
          422,
          'empty_document',
          /^vide\.txt: the document has no text/,
        ],
        [
          [{ name: 'gros.txt', content: 'a'.repeat(MAX_FILE_BYTES + 10) }],
          413,
          'document_too_large',
          /^gros\.txt: .* over the limit of 200000 bytes/,
        ],
        [[], 400, 'invalid_input', /no file in the upload/],
      ];
      for (const [files, status, code, message] of cases) {
        const response = await upload(files);
        assert.equal(response.status, status, files.map((f) => f.name).join());
        const { error } = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(error.code, code);
        assert.match(error.message, message);
      }
      const json = await fetch(`${atlas.url}/api/uploads`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', ...auth },
      });
      assert.equal(json.status, 415);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(Buffer.from('Accord.'))]), 'a.txt');
      const anonymous = await fetch(`${atlas.url}/api/uploads`, { method: 'POST', body: form });
      assert.equal(anonymous.status, 401, 'no upload without a user');
      const crossSite = await upload([{ name: 'a.txt', content: 'Accord.' }], {
        origin: 'http://evil.example',
      });
      assert.equal(crossSite.status, 403);
      const after = ((await (await fetch(`${atlas.url}/api/jobs`)).json()) as { total: number }).total;
      assert.equal(after, before, 'nothing was queued');
      const unknown = await fetch(`${atlas.url}/api/jobs/job_0000000000000`);
      assert.equal(unknown.status, 404);
      const openapi = (await (await fetch(`${atlas.url}/api/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      assert.ok(openapi.paths['/api/uploads'] !== undefined && openapi.paths['/api/jobs/{id}'] !== undefined);
    });
  });
}
