/**
 * The money chain through the real HTTP server: an IATI file imported with POST /api/iati/imports
 * (the same reader and write checks as other writes), links suggested and confirmed, then the chain
 * per country and per instrument as JSON (checked against the documented schema) and CSV, and the
 * country page's section in French and English with a user-supplied rate table, labelled, and
 * the same chain in the briefing pack (JSON and page).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { parseExchangeRates } from '../../src/readers/exchange-rates.ts';
import { BriefSchema } from '../../src/http/countries/schema.ts';
import { FundingChainSchema } from '../../src/http/iati/schema.ts';
import { countryFundingChain } from '../../src/services/iati/chain.ts';
import { suggestLinks } from '../../src/services/iati/links.ts';
import { startTestAtlas, type TestAtlas } from '../http/fixture.ts';
import { testEngines } from '../support/engines.ts';
import { bearerFor } from '../support/accounts.ts';

const EUTF = 'test/fixtures/iati/eutf-mali.xml';
const RATES = 'from,to,year,rate\r\nUSD,EUR,2018,0.85\r\n';

/** A contributor's token: importing is a write (set in before()). */
let auth: Record<string, string> = {};

async function post(base: string, path: string, body: string, type = 'application/xml') {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': type, ...auth },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

for (const engine of testEngines()) {
  void describe(`money chain API and page (${engine})`, () => {
    let atlas: TestAtlas;
    let fund = '';
    before(async () => {
      atlas = await startTestAtlas({ rates: parseExchangeRates(RATES, 'rates.csv') }, engine);
      auth = (await bearerFor(atlas.served.store, 'contributor')).headers;
    });
    after(() => atlas.close());

    void it('imports an IATI file through the API, once, and refuses a bad one with one error', async () => {
      const xml = await readFile(EUTF, 'utf8');
      const first = await post(atlas.url, '/api/iati/imports?name=eutf-mali.xml', xml);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      assert.deepEqual(
        [first.body.status, first.body.activities, first.body.name],
        ['imported', 2, 'eutf-mali.xml'],
      );
      const again = await post(atlas.url, '/api/iati/imports', xml);
      assert.deepEqual([again.status, again.body.status], [200, 'unchanged']);
      const bad = await post(
        atlas.url,
        '/api/iati/imports?name=bad.xml',
        '<iati-activities version="2.03"><iati-activity default-currency="EUR"><iati-identifier>X-1</iati-identifier><transaction><transaction-type code="3"/><transaction-date iso-date="2020-01-01"/><value>1,5 M</value></transaction></iati-activity></iati-activities>',
      );
      assert.equal(bad.status, 422);
      const error = bad.body.error as { code: string; message: string };
      assert.equal(error.code, 'invalid_data');
      assert.match(error.message, /^bad\.xml: .*transaction\[1\]\/value: unreadable number "1,5 M"/);
      assert.equal(await atlas.served.store.iati.countActivities(), 2);
      assert.equal((await post(atlas.url, '/api/iati/imports', '{}', 'application/json')).status, 400);
      const crossSite = await fetch(`${atlas.url}/api/iati/imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml', 'sec-fetch-site': 'cross-site' },
        body: xml,
      });
      assert.equal(crossSite.status, 403);
      const anonymous = await fetch(`${atlas.url}/api/iati/imports`, {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: xml,
      });
      assert.equal(anonymous.status, 401, 'no import without a user');
    });

    void it('gives the chain of Mali by year in the original currencies, with the announced 145.1 million', async () => {
      const store = atlas.served.store;
      const suggestions = await suggestLinks(store, { country: 'ML' });
      const byAmount = suggestions.filter((s) => s.link.reasons.some((r) => r.startsWith('amount:')));
      assert.equal(byAmount.length, 2);
      fund = byAmount[0]!.link.instrumentId;
      for (const s of byAmount) await store.iati.reviewLink(s.link.id, 'confirmed', 'user:test');

      const response = await fetch(`${atlas.url}/api/countries/ML/funding-chain`);
      assert.equal(response.status, 200);
      const chain = FundingChainSchema.parse(await response.json());
      assert.deepEqual(
        chain.byYear.map((r) => [r.year, r.currency, r.committed, r.disbursed, r.spent, r.stated.join(' ')]),
        [
          [2016, 'EUR', 53_600_000, 0, 0, 'committed'],
          [2017, 'EUR', 91_500_000, 20_000_000, 0, 'committed disbursed'],
          [2018, 'EUR', 0, 0, 12_500_000, 'spent'],
          [2018, 'USD', 0, 10_000_000, 0, 'disbursed'],
        ],
      );
      // The revised 2017 budget (35 M) replaces the original (30 M).
      assert.deepEqual(
        chain.totals.map((t) => [t.currency, t.budget, t.budgetStated]),
        [
          ['EUR', 35_000_000, true],
          ['USD', 0, false],
        ],
      );
      const announced = chain.announced.find((a) => a.announced.value === 145_100_000);
      assert.equal(announced?.matchedTo, 'activities');
      assert.equal(announced?.gap, 0);
      assert.match(announced?.announced.quote ?? '', /145\.1 millions d’euros/);
      const single = chain.announced.find((a) => a.announced.value === 53_600_000);
      assert.deepEqual(single?.activities, ['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-04']);
      // The rate table is applied and named: 10 M USD at 0.85 in 2018.
      assert.equal(chain.common?.source, 'rates.csv');
      assert.deepEqual(
        chain.common?.byYear.find((r) => r.year === 2018),
        {
          year: 2018,
          committed: 0,
          disbursed: 8_500_000,
          spent: 12_500_000,
          stated: ['disbursed', 'spent'],
        },
      );
      assert.deepEqual(chain.results[0]?.result.indicators[0]?.periods[0]?.actual, 3120);
      // The service the briefing pack calls gives the same chain without rates, and no common currency.
      const plain = await countryFundingChain(store, 'ML');
      assert.deepEqual(plain.byYear, chain.byYear);
      assert.equal(plain.common, null);
    });

    void it('answers the chain of an instrument, and CSV with not-stated stages left empty', async () => {
      const chain = FundingChainSchema.parse(
        await (await fetch(`${atlas.url}/api/instruments/${fund}/funding-chain`)).json(),
      );
      assert.deepEqual(
        chain.activities.map((a) => [a.identifier, a.via]),
        [
          ['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-04', 'matched'],
          ['XI-IATI-EXAMPLE-T05-EUTF-SAH-ML-05', 'matched'],
        ],
      );
      const csv = await fetch(`${atlas.url}/api/countries/ML/funding-chain?format=csv`);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(csv.headers.get('content-disposition') ?? '', /funding-chain-ML\.csv/);
      const lines = (await csv.text()).split('\r\n');
      assert.equal(
        lines[0],
        'section,year,currency,committed,disbursed,spent,budget,announced,gap,matched_to,activities,instrument_id,document_id,quote,converted_with',
      );
      assert.ok(lines.includes('year,2016,EUR,53600000,,,,,,,,,,,'), lines.slice(0, 6).join('\n'));
      assert.ok(
        lines.some((l) => l.startsWith('common,2018,EUR,,8500000,12500000,') && l.endsWith(',rates.csv')),
      );
      assert.equal((await fetch(`${atlas.url}/api/instruments/ins_nope/funding-chain`)).status, 404);
      assert.equal((await fetch(`${atlas.url}/api/countries/M1/funding-chain`)).status, 400);
      assert.equal((await fetch(`${atlas.url}/api/countries/ML/funding-chain?format=xls`)).status, 400);
      const openapi = (await (await fetch(`${atlas.url}/api/openapi.json`)).json()) as { paths: object };
      for (const path of [
        '/api/countries/{code}/funding-chain',
        '/api/instruments/{id}/funding-chain',
        '/api/iati/imports',
      ]) {
        assert.ok(path in openapi.paths, path);
      }
    });

    void it('shows the chain on the country page in French and English, the rates named', async () => {
      const fr = await (await fetch(`${atlas.url}/countries/ML?lang=fr`)).text();
      assert.match(fr, /Financement : de l’engagement à la dépense \(IATI\)/);
      assert.match(fr, /53,6\s?M€/);
      assert.match(fr, /non précisé/);
      assert.match(fr, /aux taux fournis par l’utilisateur dans\s+<code translate="no">rates\.csv<\/code>/);
      assert.match(fr, /<td>euro<\/td>/);
      assert.match(fr, /1 décembre 2016|1er janvier 2017|janvier 2017/);
      const en = await (await fetch(`${atlas.url}/countries/ML?lang=en`)).text();
      assert.match(en, /Funding: from commitment to spending \(IATI\)/);
      assert.match(en, /€53\.6M/);
      assert.match(en, /not stated/);
      assert.match(en, /Number of young people employed/);
      const none = await (await fetch(`${atlas.url}/countries/MA?lang=en`)).text();
      assert.match(
        none,
        /No IATI activity for this country: committed, disbursed and spent are not stated\./,
      );
    });

    void it('puts the same chain in the briefing pack, JSON and page, with the server’s rate table named', async () => {
      const chain = FundingChainSchema.parse(
        await (await fetch(`${atlas.url}/api/countries/ML/funding-chain`)).json(),
      );
      const brief = BriefSchema.parse(
        await (await fetch(`${atlas.url}/api/countries/ML/brief?today=2026-12-01`)).json(),
      );
      assert.deepEqual(brief.moneyChain, chain);
      assert.equal(brief.moneyChain.common?.source, 'rates.csv');
      const page = await (await fetch(`${atlas.url}/countries/ML/brief?lang=fr`)).text();
      assert.match(page, /<h2 id="brief-money-chain">Suivi des fonds<\/h2>/);
      assert.match(page, /aux taux fournis par l’utilisateur dans\s+<code translate="no">rates\.csv<\/code>/);
      const none = BriefSchema.parse(await (await fetch(`${atlas.url}/api/countries/MA/brief`)).json());
      assert.deepEqual([none.moneyChain.activities, none.moneyChain.byYear], [[], []]);
      const noneEn = await (await fetch(`${atlas.url}/countries/MA/brief?lang=en`)).text();
      assert.match(noneEn, /<li>Committed: <span class="muted">not stated<\/span><\/li>/);
    });
  });
}

void describe('exchange-rate tables', () => {
  void it('reads rates per year or for every year, and refuses a bad row with its line', () => {
    const rates = parseExchangeRates('from,to,year,rate\nUSD,EUR,2018,0.85\nGBP,EUR,,1.15\n', 'r.csv');
    assert.equal(rates.target, 'EUR');
    assert.deepEqual(
      [...rates.rates],
      [
        ['USD|2018', 0.85],
        ['GBP|*', 1.15],
      ],
    );
    assert.throws(
      () => parseExchangeRates('from,to,year,rate\nUSD,EUR,2018,0.85\nGBP,USD,2018,1.2\n', 'r.csv'),
      /r\.csv: line 3: every rate must convert into EUR/,
    );
    assert.throws(
      () => parseExchangeRates('from,to,year,rate\nUSD,EUR,2018,abc\n', 'r.csv'),
      /line 2: rate "ABC" is not a positive decimal/,
    );
    assert.throws(() => parseExchangeRates('currency,rate\nUSD,1\n', 'r.csv'), /header from,to,year,rate/);
  });
});
