/**
 * Each user's watches as an Atom feed and a page: on a real server (127.0.0.1, random port) on
 * each engine, two users and one shared (CLI) watch match the same ingested document; the feed,
 * read with a token in the query (as a feed reader sends it) or as a Bearer header, parses as XML
 * and carries only its user's hits; no token, a wrong one or a revoked one gets 401; the request
 * log never holds the token; the "My watches' hits" page answers in French and English.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { parseWatch } from '../../src/analysis/watches.ts';
import { ingestFile } from '../../src/services/ingest.ts';
import { bearerFor, sessionFor } from '../support/accounts.ts';
import { testEngines } from '../support/engines.ts';
import { startTestAtlas, type TestAtlas } from './fixture.ts';

/** An element of the parsed feed: name (namespace-qualified), attributes, text and children. */
interface Node {
  readonly ns: string;
  readonly name: string;
  readonly attributes: Record<string, string>;
  text: string;
  readonly children: Node[];
}

/** Parses with saxes (namespaces on): throws on anything that is not well-formed XML. */
function parseXml(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const node: Node = {
      ns: tag.uri,
      name: tag.local,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      text: '',
      children: [],
    };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top !== undefined) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  assert.ok(root !== undefined, 'a root element');
  return root;
}

const child = (node: Node, name: string): Node | undefined => node.children.find((c) => c.name === name);
const textOf = (node: Node, name: string): string => child(node, name)?.text ?? '';

const ATOM = 'http://www.w3.org/2005/Atom';
const DOCUMENT = `Joint communiqué

On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.
`;

for (const engine of testEngines()) {
  void describe(`watch feed on ${engine}`, () => {
    let atlas: TestAtlas;
    let dir = '';
    let logFile = '';
    let aliceToken = '';
    let aliceTokenId = '';
    let aliceHeaders: Record<string, string> = {};
    let session = { cookie: '', csrf: '', userId: '' };
    let instrumentId = '';

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-feed-'));
      logFile = join(dir, 'requests.log');
      atlas = await startTestAtlas({ ingestCorpus: false, log: { level: 'info', file: logFile } }, engine);
      const store = atlas.served.store;
      const alice = await bearerFor(store, 'contributor', 'Alice');
      const bob = await bearerFor(store, 'contributor', 'Bob');
      aliceHeaders = alice.headers;
      for (const [who, body] of [
        [alice, { name: 'Mauritania & <return>', country: 'MR', topic: 'return_readmission' }],
        [bob, { name: 'Bob’s Mauritania watch', country: 'MR' }],
      ] as const) {
        const saved = await fetch(`${atlas.url}/api/watches`, {
          method: 'POST',
          headers: { ...who.headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        assert.equal(saved.status, 201, await saved.text());
      }
      // A shared watch (saved by the CLI, no owner): in nobody's feed.
      await store.analyses.addWatch(
        parseWatch({ id: 'shared-es', name: 'Shared Spain watch', country: 'ES' }),
      );
      session = await sessionFor(store, atlas.url, 'contributor', 'Carla');
      await store.analyses.addWatch(
        parseWatch({ id: 'carla-mr', name: 'Carla on readmission', text: 'readmission' }),
        `user:${session.userId}`,
        session.userId,
      );
      const created = await store.people.createToken(alice.userId, 'feed reader', 'read', 'cli');
      aliceToken = created.token;
      aliceTokenId = created.record.id;
      const file = join(dir, 'mr.en.txt');
      await writeFile(file, DOCUMENT);
      const ingested = await ingestFile(file, store);
      assert.equal(ingested.watchHits?.length, 4, 'each of the four watches matched');
      instrumentId = ingested.watchHits?.[0]?.instrumentId ?? '';
    });
    after(async () => {
      await atlas.close();
      await rm(dir, { recursive: true, force: true });
    });

    void test('the feed (token in the query) is Atom with only the user’s hits, escaped', async () => {
      const response = await fetch(`${atlas.url}/api/feeds/watches.atom?token=${aliceToken}`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
      const xml = await response.text();
      const feed = parseXml(xml);
      assert.equal(feed.name, 'feed');
      assert.equal(feed.ns, ATOM);
      assert.match(textOf(feed, 'id'), /^tag:/);
      assert.match(textOf(feed, 'title'), /My watches’ hits/);
      assert.ok(!Number.isNaN(Date.parse(textOf(feed, 'updated'))));
      assert.ok(child(feed, 'author')?.children.some((c) => c.name === 'name' && c.text !== ''));
      const self = feed.children.find((c) => c.name === 'link' && c.attributes.rel === 'self');
      assert.equal(self?.attributes.href, `${atlas.url}/api/feeds/watches.atom`, 'no token in the self link');
      const entries = feed.children.filter((c) => c.name === 'entry');
      assert.equal(entries.length, 1, 'Alice has one hit; Bob’s, Carla’s and the shared one are absent');
      const entry = entries[0] as Node;
      assert.match(textOf(entry, 'id'), /^tag:migration-diplomacy-atlas,2025:watch-hit\//);
      const stored = await atlas.served.store.getInstrument(instrumentId);
      assert.equal(textOf(entry, 'title'), stored?.title);
      assert.ok(!Number.isNaN(Date.parse(textOf(entry, 'updated'))));
      assert.equal(child(entry, 'link')?.attributes.href, `${atlas.url}/instruments/${instrumentId}`);
      const summary = textOf(entry, 'summary');
      assert.ok(summary.startsWith('Watch: Mauritania & <return> — “'), summary);
      // The evidence quote: words of the ingested document.
      const quote = /“(.+)”$/.exec(summary)?.[1] ?? '';
      assert.ok(quote.length > 0 && DOCUMENT.includes(quote), summary);
      assert.ok(xml.includes('Mauritania &amp; &lt;return&gt;'), 'the watch name is escaped in the XML');
      for (const other of ['Bob’s Mauritania watch', 'Carla on readmission', 'Shared Spain watch']) {
        assert.ok(!xml.includes(other), other);
      }
      // The same hit keeps its id on the next fetch: a reader does not show it twice.
      const again = parseXml(
        await (await fetch(`${atlas.url}/api/feeds/watches.atom`, { headers: aliceHeaders })).text(),
      );
      assert.equal(textOf(child(again, 'entry') as Node, 'id'), textOf(entry, 'id'));
    });

    void test('the feed in French', async () => {
      const feed = parseXml(
        await (await fetch(`${atlas.url}/api/feeds/watches.atom?token=${aliceToken}&lang=fr`)).text(),
      );
      assert.match(textOf(feed, 'title'), /Résultats de mes veilles/);
      assert.match(textOf(child(feed, 'entry') as Node, 'summary'), /^Veille\u00a0: Mauritania/);
    });

    void test('401 without a token, with a wrong one and with a revoked one', async () => {
      const none = await fetch(`${atlas.url}/api/feeds/watches.atom`);
      assert.equal(none.status, 401);
      assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'unauthorized');
      assert.equal((await fetch(`${atlas.url}/api/feeds/watches.atom?token=mda_t_wrong`)).status, 401);
      const spare = await atlas.served.store.people.createToken(session.userId, 'spare', 'read', 'cli');
      assert.equal((await fetch(`${atlas.url}/api/feeds/watches.atom?token=${spare.token}`)).status, 200);
      await atlas.served.store.people.revokeToken(spare.record.id, 'cli');
      assert.equal((await fetch(`${atlas.url}/api/feeds/watches.atom?token=${spare.token}`)).status, 401);
      assert.equal(
        (
          await fetch(`${atlas.url}/api/feeds/watches.atom`, {
            headers: { authorization: `Bearer ${spare.token}` },
          })
        ).status,
        401,
      );
    });

    void test('the request log names the feed but never the token', async () => {
      const url = `/api/feeds/watches.atom?lang=en&token=${aliceToken}`;
      assert.equal((await fetch(atlas.url + url)).status, 200);
      // pino writes asynchronously: wait for the line rather than for a fixed time.
      let text = '';
      for (let i = 0; i < 50 && !text.includes('token=[redacted]'); i++) {
        text = await readFile(logFile, 'utf8').catch(() => '');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(text.includes('/api/feeds/watches.atom?lang=en&token=[redacted]'), 'the request is logged');
      assert.ok(!text.includes(aliceToken), 'the token is not in the log');
      assert.ok(aliceTokenId !== '' && !text.includes(aliceToken.slice(6)), 'nor any part of it');
    });

    void test('the page of my watches’ hits, in French and English, and a sign-in link without a session', async () => {
      const read = async (lang: string, cookie?: string) =>
        (
          await fetch(`${atlas.url}/analyses/watches/mine?lang=${lang}`, {
            headers: cookie === undefined ? {} : { cookie },
          })
        ).text();
      const fr = await read('fr', session.cookie);
      assert.match(fr, /<h1>Résultats de mes veilles<\/h1>/);
      assert.match(fr, /Carla on readmission/);
      assert.match(fr, new RegExp(`/instruments/${instrumentId}`));
      assert.match(fr, /\/api\/feeds\/watches\.atom\?token=TOKEN/);
      assert.match(fr, /mda user token EMAIL --scope read/);
      assert.match(fr, /lecteur de flux/);
      assert.ok(!fr.includes('Mauritania &amp; &lt;return&gt;') && !fr.includes('Bob’s Mauritania watch'));
      const en = await read('en', session.cookie);
      assert.match(en, /<h1>My watches’ hits<\/h1>/);
      assert.match(en, /feed reader/);
      assert.match(en, /Carla on readmission/);
      const anonymous = await read('en');
      assert.match(anonymous, /href="\/sign-in\?next=%2Fanalyses%2Fwatches%2Fmine"/);
      assert.ok(!anonymous.includes('Carla on readmission'));
    });
  });
}
