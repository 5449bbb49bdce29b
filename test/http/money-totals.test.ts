/**
 * Money that adds up, through the real store and server (database file, corpus ingested, HTTP on
 * 127.0.0.1): the EU Trust Fund's 145.1 M€ total and its breakdown (53.6 M + 91.5 M) are stored
 * with their roles and link, and Mali shows the EU at 145.1 M€ on the country page, in
 * /api/countries/ML, in the coordination view and in the instrument list's JSON and CSV alike.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getJson, startTestAtlas, type TestAtlas } from './fixture.ts';
import { testEngines } from '../support/engines.ts';

interface Amount {
  value: number;
  currency: string;
  role: string | null;
  partOf: number | null;
}
interface Instrument {
  id: string;
  title: string;
  amounts: Amount[];
  moneyTotals: Record<string, number>;
}

const TOTAL = 145_100_000;

for (const engine of testEngines()) {
  void describe(`money counted once (Mali, EU Trust Fund) (${engine})`, () => {
    let atlas: TestAtlas;
    before(async () => {
      atlas = await startTestAtlas({}, engine);
    });
    after(async () => {
      await atlas.close();
    });

    void test('the total and its breakdown are stored with their roles, the parts linked to the total', async () => {
      const r = await getJson<{ items: Instrument[] }>(atlas.url, '/api/instruments?country=ML&limit=100');
      const fund = r.body.items.find((i) => i.amounts.some((a) => a.value === TOTAL));
      assert.ok(fund, 'an instrument of Mali holds the 145.1 M€');
      const byValue = new Map(fund.amounts.map((a) => [a.value, a]));
      assert.equal(byValue.get(TOTAL)?.role, 'total');
      assert.deepEqual(
        [53_600_000, 91_500_000].map((v) => [byValue.get(v)?.role, byValue.get(v)?.partOf]),
        [
          ['part', TOTAL],
          ['part', TOTAL],
        ],
      );
      assert.deepEqual(fund.moneyTotals, { EUR: TOTAL });
      // The role's evidence is the words that say it, stored as its own claim.
      const detail = await getJson<{
        claims: { property: string; value: Amount; evidence: { quote: string } }[];
      }>(atlas.url, `/api/instruments/${fund.id}`);
      const roles = detail.body.claims.filter((c) => c.property === 'amount_role');
      assert.deepEqual(
        roles.map((c) => [c.value.value, c.value.role, c.evidence.quote]).sort(),
        [
          [TOTAL, 'total', 'total'],
          [53_600_000, 'part', 'dont'],
          [91_500_000, 'part', 'dont'],
        ].sort(),
      );
    });

    void test('/api/countries/ML gives the EU 145.1 M EUR', async () => {
      const r = await getJson<{
        moneyBySource: { source: string | null; currency: string; total: number }[];
      }>(atlas.url, '/api/countries/ML');
      assert.equal(r.status, 200);
      const eu = r.body.moneyBySource.filter((row) => row.source === 'EU' && row.currency === 'EUR');
      assert.deepEqual(
        eu.map((row) => row.total),
        [TOTAL],
      );
    });

    void test('the coordination view gives the EU and the total the same 145.1 M EUR', async () => {
      const r = await getJson<{
        actors: { actorId: string; money: Record<string, number> }[];
        totals: Record<string, number>;
      }>(atlas.url, '/api/coordination/ML');
      assert.equal(r.body.actors.find((a) => a.actorId === 'EU')?.money.EUR, TOTAL);
      assert.equal(r.body.totals.EUR, TOTAL);
    });

    void test('the country page shows 145.1 M€ and never the double count, in both languages', async () => {
      for (const [lang, shown] of [
        ['en', /€145\.1M/],
        ['fr', /145,1\s?M\s?€/],
      ] as const) {
        const page = await (await fetch(`${atlas.url}/countries/ML?lang=${lang}`)).text();
        assert.match(page, shown);
        assert.doesNotMatch(page, /290[.,]2/);
      }
    });

    void test('the instrument CSV carries the roles and one money total', async () => {
      const csv = await (await fetch(`${atlas.url}/api/instruments?country=ML&format=csv&limit=100`)).text();
      const header = csv.split('\r\n')[0]?.split(',') ?? [];
      assert.ok(header.includes('money_total'));
      const line = csv.split('\r\n').find((l) => l.includes('145100000 EUR total'));
      assert.ok(line, 'the total is written with its role');
      assert.match(line, /53600000 EUR part of 145100000/);
      assert.match(line, /,145100000 EUR,/);
    });

    void test("/api/stats sums every instrument once: the sum of the instruments' own totals", async () => {
      const stats = await getJson<{ money: Record<string, number> }>(atlas.url, '/api/stats');
      const list = await getJson<{ items: Instrument[] }>(atlas.url, '/api/instruments?limit=500');
      const sum: Record<string, number> = {};
      for (const i of list.body.items) {
        for (const [currency, value] of Object.entries(i.moneyTotals)) {
          sum[currency] = (sum[currency] ?? 0) + value;
        }
      }
      assert.deepEqual(stats.body.money, sum);
      assert.ok((stats.body.money.EUR ?? 0) >= TOTAL);
    });
  });
}
