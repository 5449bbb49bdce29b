/**
 * The money chain per country and per instrument (JSON, or CSV with `?format=csv`), and
 * `POST /api/iati/imports`: an IATI activity file as the request body (application/xml), read by
 * the same streaming reader as `mda iati import` and stored in one transaction; the write goes
 * through the same host, cross-site, rate-limit and busy checks as every write route.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FundingChain } from '../../domain/iati/chain.ts';
import { AtlasError, invalidInput } from '../../domain/errors.ts';
import { chainCsv } from '../../services/iati/chain-csv.ts';
import { countryFundingChain, instrumentFundingChain } from '../../services/iati/chain.ts';
import { importIatiFile } from '../../services/iati/import.ts';
import { addMutation } from '../analyses/mutation.ts';
import { sendFile } from '../analyses/routes.ts';
import { listFormat } from '../download.ts';
import { addRoute, type ApiContext, type RouteDoc } from '../route.ts';
import { parseRequest } from '../validation.ts';
import {
  ChainQuery,
  CountryChainParams,
  FundingChainSchema,
  ImportQuery,
  ImportResultSchema,
  InstrumentChainParams,
} from './schema.ts';

/** Largest IATI file accepted through the API (the CLI takes larger files from disk). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** An uploaded body, spooled to a private temporary file so the reader streams it like any file. */
interface Upload {
  readonly dir: string;
  readonly file: string;
}

async function spool(body: NodeJS.ReadableStream, limit: number): Promise<Upload> {
  const dir = await mkdtemp(join(tmpdir(), 'mda-iati-upload-'));
  const file = join(dir, 'upload.xml');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      bytes += chunk.length;
      if (bytes > limit) next(new AtlasError('request_too_large', `the file is over ${limit} bytes`));
      else next(null, chunk);
    },
  });
  try {
    await pipeline(body, count, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, file };
}

function sendChain(
  request: FastifyRequest,
  reply: FastifyReply,
  format: 'json' | 'csv' | undefined,
  name: string,
  chain: FundingChain,
): FundingChain | FastifyReply {
  const wanted = listFormat(request, format);
  if (wanted === 'csv') return sendFile(reply, 'text/csv; charset=utf-8', `${name}.csv`, chainCsv(chain));
  if (wanted === 'json') void reply.header('content-disposition', `attachment; filename="${name}.json"`);
  return chain;
}

export async function iatiRoutes(app: FastifyInstance, docs: RouteDoc[], context: ApiContext): Promise<void> {
  const options = context.rates === undefined ? {} : { rates: context.rates };
  addRoute(app, docs, {
    path: '/api/countries/:code/funding-chain',
    tag: 'iati',
    summary:
      'Money chain of a country: committed → disbursed → spent by year in the original currencies, results, announced vs committed',
    params: CountryChainParams,
    query: ChainQuery,
    response: FundingChainSchema,
    downloadable: true,
    handler: async ({ params, query, request, reply }) =>
      sendChain(
        request,
        reply,
        query.format,
        `funding-chain-${params.code}`,
        await countryFundingChain(context.store, params.code, options),
      ),
  });
  addRoute(app, docs, {
    path: '/api/instruments/:id/funding-chain',
    tag: 'iati',
    summary:
      'Money chain of an instrument: its linked IATI activities, by year and currency, and its announced amounts',
    params: InstrumentChainParams,
    query: ChainQuery,
    response: FundingChainSchema,
    downloadable: true,
    handler: async ({ params, query, request, reply }) =>
      sendChain(
        request,
        reply,
        query.format,
        `funding-chain-${params.id}`,
        await instrumentFundingChain(context.store, params.id, options),
      ),
  });

  await app.register((scope, _options, done) => {
    // The body is spooled to disk as it arrives: memory stays flat whatever the file's size.
    scope.addContentTypeParser(
      ['application/xml', 'text/xml'],
      (_request: FastifyRequest, payload: NodeJS.ReadableStream) => spool(payload, MAX_UPLOAD_BYTES),
    );
    scope.addHook('onResponse', async (request) => {
      const upload = request.body as Upload | undefined;
      if (upload?.dir !== undefined) await rm(upload.dir, { recursive: true, force: true });
    });
    addMutation(scope, docs, {
      method: 'post',
      path: '/api/iati/imports',
      tag: 'iati',
      role: 'contributor',
      action: 'importing an IATI file',
      summary:
        'Import an IATI activity file (request body, Content-Type application/xml); one clear error for a bad file',
      response: ImportResultSchema,
      handler: async ({ request, reply }) => {
        const query = parseRequest(ImportQuery, request.query);
        const upload = request.body as Upload | undefined;
        if (upload?.file === undefined) {
          throw invalidInput('body', 'send the IATI XML file as the body, with Content-Type application/xml');
        }
        const name = query.name ?? 'upload.xml';
        const item = await importIatiFile(context.store, upload.file, { name, sourcePath: `api:${name}` });
        if (item.status === 'failed') {
          // The reader names the temporary file; the client knows its file by the name it gave.
          const error = item.error!;
          throw new AtlasError(error.code, error.message.split(upload.file).join(name), { file: name });
        }
        return reply.status(item.status === 'imported' ? 201 : 200).send({
          name,
          status: item.status,
          fileId: item.fileId!,
          activities: item.activities ?? 0,
          replaced: item.replaced ?? 0,
        });
      },
    });
    done();
  });
}
