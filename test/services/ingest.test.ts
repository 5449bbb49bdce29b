/**
 * Ingestion of the real corpus into a fresh atlas on both engines, the stored instruments checked
 * with their evidence; re-ingestion recognised by hash before extraction; a batch with bad and hostile
 * inputs where each bad file fails alone.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXTRACTOR_ID } from '../../src/extraction/types.ts';
import { DOCX_LIMITS } from '../../src/readers/index.ts';
import type { AtlasStore, ClaimView, InstrumentSummary } from '../../src/storage/atlas-store.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { openTestAtlas, testEngines } from '../support/engines.ts';
import { sql } from 'kysely';
import { builtInCorpusFiles, CORPUS_DIR, ensureBuiltInCorpus } from '../../src/services/corpus.ts';
import { ingestPaths, summariseBatch } from '../../src/services/ingest.ts';
import { inflatingDocx, nestedHtml, nestedMarkdownLists } from '../fixtures/hostile.ts';

const partyIds = (instrument: InstrumentSummary): string[] => instrument.parties.map((p) => p.actorId).sort();

for (const engine of testEngines()) {
  void describe(`ingesting the built-in corpus on ${engine}`, () => {
    let atlas: OpenAtlas;
    let dispose: () => Promise<void>;
    let all: readonly InstrumentSummary[];

    before(async () => {
      ({ atlas, dispose } = await openTestAtlas(engine));
      const batch = await ensureBuiltInCorpus(atlas.store);
      assert.ok(batch !== null);
      assert.deepEqual(
        batch.results.map((r) => r.status),
        ['added', 'added', 'added', 'added'],
      );
      all = (await atlas.store.listInstruments({}, { limit: 10_000, offset: 0 })).items;
    });
    after(async () => {
      await dispose();
    });

    void it('stores every document and gives every claim evidence that quotes its span', async () => {
      const documents = await atlas.store.listDocuments({ limit: 10, offset: 0 });
      assert.equal(documents.total, 4);
      assert.ok(all.length > 0);
      const texts = new Map<string, string>();
      for (const doc of documents.items) {
        texts.set(doc.id, (await atlas.store.getDocument(doc.id)).text);
        // The engine's search index is written in the document's own transaction.
        const indexed = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
          engine === 'postgres' ? 'search_entries' : 'search_index',
        )} where document_id = ${doc.id}`.execute(atlas.db);
        assert.ok(Number(indexed.rows[0]?.n) > 0, `search index rows for ${doc.sourcePath}`);
      }
      const claims = await atlas.db.selectFrom('claims').selectAll().execute();
      assert.ok(claims.length > 0);
      for (const claim of claims) {
        const text = texts.get(claim.document_id)!;
        const slice = text.slice(claim.span_start, claim.span_end);
        assert.ok(
          slice === claim.quote || (claim.quote.endsWith('…') && slice.startsWith(claim.quote.slice(0, -1))),
          `claim ${claim.property} quotes its span`,
        );
        assert.match(claim.asserted_by, /^extractor:mda-rules@/);
        assert.equal(claim.review_state, 'unreviewed');
      }
      const properties = new Set(claims.map((c) => c.property));
      for (const property of [
        'type',
        'title',
        'party',
        'date',
        'legal_form',
        'mentions_country',
        'mentions_organization',
        'topic',
        'amount',
        'approach',
        'binding',
        'owner',
        'deadline',
      ]) {
        assert.ok(properties.has(property), `some claim has property ${property}`);
      }
    });

    void it('holds the EU–Mali high-level dialogue with parties EU and ML, dated 2016, with evidence', async () => {
      const dialogues = all.filter((i) => i.type === 'dialogue' && partyIds(i).join() === 'EU,ML');
      assert.ok(dialogues.length >= 1, 'an EU–ML dialogue');
      const dates = dialogues.flatMap((d) => d.dates.map((x) => x.value));
      assert.ok(
        dates.includes('2016-04-14') || dates.includes('2016-12-11'),
        `dialogue dated 14 April or 11 December 2016 (got ${dates.join(', ')})`,
      );
      const detail = await atlas.store.getInstrument(dialogues[0]!.id);
      const partyClaims = detail.claims.filter((c) => c.property === 'party');
      assert.deepEqual(
        [...new Set(partyClaims.map((c) => (c.value as { actorId: string }).actorId))].sort(),
        ['EU', 'ML'],
      );
      const dateClaim = detail.claims.find((c) => c.property === 'date');
      assert.match(dateClaim?.evidence.quote ?? '', /14 avril 2016|11 D[ée]cembre 2016/i);
      const mali = (await atlas.store.listDocuments({ limit: 10, offset: 0 })).items.find((d) =>
        d.sourcePath.endsWith('mali-eu-high-level-dialogue-2016.fr.txt'),
      );
      assert.ok(
        mali !== undefined && detail.documents.some((d) => d.id === mali.id),
        'found in the Mali communiqué',
      );
    });

    void it('holds the EU Trust Fund with its 145.1 million euros and the quote behind it', async () => {
      const fund = all.find(
        (i) => i.type === 'fund' && i.amounts.some((a) => a.value === 145_100_000 && a.currency === 'EUR'),
      );
      assert.ok(fund !== undefined, 'a fund instrument of 145 100 000 EUR');
      assert.ok(partyIds(fund).includes('EU'), 'held by the EU');
      const detail = await atlas.store.getInstrument(fund.id);
      const amount = detail.claims.find(
        (c) => c.property === 'amount' && (c.value as { value: number }).value === 145_100_000,
      );
      assert.ok(amount !== undefined, 'an amount claim');
      assert.match(amount.evidence.quote, /145[.,]1 millions d.euros/);
      assert.equal(amount.evidence.assertedBy, EXTRACTOR_ID);
    });

    void it('holds the EU–Tunisia memorandum from the EMN inform, with its evidence', async () => {
      const found = all.filter(
        (i) => i.type === 'memorandum_of_understanding' && partyIds(i).join() === 'EU,TN',
      );
      assert.ok(found.length >= 1, 'a memorandum between the EU and Tunisia');
      const emn = (await atlas.store.listDocuments({ limit: 10, offset: 0 })).items.find((d) =>
        d.sourcePath.endsWith('emn-oecd-migration-diplomacy-2024.en.txt'),
      );
      const detail = await atlas.store.getInstrument(found[0]!.id);
      assert.ok(
        emn !== undefined && detail.documents.some((d) => d.id === emn.id),
        'found in the EMN inform',
      );
      const typeClaim = detail.claims.find((c: ClaimView) => c.property === 'type');
      assert.match(typeClaim?.evidence.quote ?? '', /MoU|memorand/i);
      const tunisia = detail.claims.find(
        (c) => c.property === 'party' && (c.value as { actorId: string }).actorId === 'TN',
      );
      assert.ok(
        tunisia !== undefined && tunisia.evidence.quote.length > 0,
        'Tunisia as a party, with a quote',
      );
    });

    void it('dates the EU–Tunisia memorandum to 2023 ("in July 2023")', () => {
      const found = all.filter(
        (i) => i.type === 'memorandum_of_understanding' && partyIds(i).join() === 'EU,TN',
      );
      const dates = found.map((i) => i.firstDate);
      assert.ok(
        dates.some((d) => d?.startsWith('2023') === true),
        `dated 2023 (got ${dates.join(', ')})`,
      );
    });

    void it('reports unchanged on re-ingestion and stores nothing more', async () => {
      const before = await atlas.store.stats();
      const again = await ingestPaths([CORPUS_DIR], atlas.store);
      assert.deepEqual(
        again.results.map((r) => r.status),
        ['unchanged', 'unchanged', 'unchanged', 'unchanged'],
      );
      assert.deepEqual(await atlas.store.stats(), before);
      assert.equal(await ensureBuiltInCorpus(atlas.store), null);
    });
  });
}

// The batches' refusals happen before storage, but what they leave stored is each engine's.
for (const engine of testEngines()) {
  void describe(`a batch with bad inputs (${engine})`, () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-batch-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    void it('fails each bad file alone, with one error naming it, and stores the good ones', async () => {
      const [good] = await builtInCorpusFiles();
      const goodCopy = join(dir, basename(good!));
      await copyFile(good!, goodCopy);
      const bad = {
        missing: join(dir, 'missing.txt'),
        extension: join(dir, 'table.xyz'),
        encoding: join(dir, 'latin1.txt'),
        empty: join(dir, 'empty.txt'),
        pdf: join(dir, 'corrupt.pdf'),
      };
      await writeFile(bad.extension, 'some text');
      await writeFile(
        bad.encoding,
        Buffer.from([
          0x4d, 0x69, 0x67, 0x72, 0x61, 0x74, 0x69, 0x6f, 0x6e, 0x20, 0xe9, 0xe8, 0xff, 0xfe, 0x0a,
        ]),
      );
      await writeFile(bad.empty, '');
      await writeFile(bad.pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n');
      const { atlas, dispose } = await openTestAtlas(engine);
      try {
        const progress: number[] = [];
        const batch = await ingestPaths(
          [bad.missing, goodCopy, bad.extension, bad.encoding, bad.empty, bad.pdf],
          atlas.store,
          {
            onProgress: ({ done }) => progress.push(done),
          },
        );
        assert.equal(progress.length, 6);
        const summary = summariseBatch(batch);
        assert.equal(summary.added, 1);
        assert.equal(summary.failed, 5);
        for (const file of Object.values(bad)) {
          const item = batch.results.find((r) => r.file === file);
          assert.ok(item !== undefined, `a result for ${file}`);
          assert.equal(item.status, 'failed');
          assert.ok(
            item.error!.message.includes(basename(file)),
            `the error names ${file}: ${item.error!.message}`,
          );
          assert.ok(!item.error!.message.includes('\n'), 'one line');
        }
        assert.equal((await atlas.store.listDocuments({ limit: 10, offset: 0 })).total, 1);
      } finally {
        await dispose();
      }
    });
  });

  void describe(`a batch with hostile inputs (${engine})`, () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-hostile-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    void it('refuses each over a limit with one line, and the good file after them goes in', async () => {
      const [good] = await builtInCorpusFiles();
      const hostile = {
        bomb: join(dir, 'a-bombe.docx'),
        html: join(dir, 'b-profond.html'),
        markdown: join(dir, 'c-listes.md'),
      };
      await writeFile(hostile.bomb, await inflatingDocx(DOCX_LIMITS.maxDocumentXmlBytes + 1024 * 1024));
      await writeFile(hostile.html, nestedHtml(3000));
      await writeFile(hostile.markdown, nestedMarkdownLists(3000, 9_000_000));
      const goodCopy = join(dir, `d-${basename(good!)}`);
      await copyFile(good!, goodCopy);
      const { atlas, dispose } = await openTestAtlas(engine);
      try {
        const batch = await ingestPaths([dir], atlas.store);
        assert.deepEqual(
          batch.results.map((r) => [basename(r.file), r.status, r.error?.code]),
          [
            ['a-bombe.docx', 'failed', 'document_over_limit'],
            ['b-profond.html', 'failed', 'document_over_limit'],
            ['c-listes.md', 'failed', 'document_over_limit'],
            [basename(goodCopy), 'added', undefined],
          ],
        );
        for (const item of batch.results.slice(0, 3)) {
          assert.ok(item.error!.message.startsWith(`${item.file}: `), item.error!.message);
          assert.match(item.error!.message, /over the limit|deeper than/);
          assert.ok(!item.error!.message.includes('\n'), 'one line');
        }
        assert.equal((await atlas.store.listDocuments({ limit: 10, offset: 0 })).total, 1);
      } finally {
        await dispose();
      }
    });
  });

  void describe(`hash before work (${engine})`, () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-rehash-'));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    void it('recognises an unchanged document from its hash, before extraction and storing', async () => {
      const { atlas, dispose } = await openTestAtlas(engine);
      try {
        const first = await ingestPaths([CORPUS_DIR], atlas.store);
        assert.equal(summariseBatch(first).added, 4);
        const before = await atlas.store.stats();
        // The same store, with its calls counted: an unchanged file is looked up by hash only.
        const calls = { saveExtraction: 0, findDocumentByHash: 0 };
        const counted: AtlasStore = {
          ...atlas.store,
          saveExtraction: (...args) => {
            calls.saveExtraction += 1;
            return atlas.store.saveExtraction(...args);
          },
          findDocumentByHash: (hash) => {
            calls.findDocumentByHash += 1;
            return atlas.store.findDocumentByHash(hash);
          },
        };
        const again = await ingestPaths([CORPUS_DIR], counted);
        assert.deepEqual(
          again.results.map((r) => [r.status, r.documentId]),
          first.results.map((r) => ['unchanged', r.documentId]),
        );
        assert.deepEqual(calls, { saveExtraction: 0, findDocumentByHash: 4 });
        assert.equal(summariseBatch(again).claims, 0);
        assert.deepEqual(await atlas.store.stats(), before);
      } finally {
        await dispose();
      }
    });
  });
}
