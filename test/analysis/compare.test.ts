import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compare, compareInstruments, compareLinkages } from '../../src/analysis/compare.ts';
import { barChartSvg, comparisonReportHtml, comparisonReportMarkdown } from '../../src/analysis/report.ts';
import type { InstrumentSummary, LinkageSummary } from '../../src/domain/analysis-model.ts';
import { extractCountryPositions } from '../../src/extraction/country-positions.ts';

const INFORM = readFileSync(
  new URL('../../corpus/emn-oecd-migration-diplomacy-2024.en.txt', import.meta.url),
  'utf8',
);
const { claims, positions } = extractCountryPositions(INFORM, 'emn');

function envoy(id: string, country: string, title: string): InstrumentSummary {
  return {
    id,
    title,
    type: 'envoy',
    parties: [{ actorId: country, kind: 'state', role: 'signatory' }],
    topics: [],
    approaches: [],
    amounts: [],
    dates: [],
    evidence: [{ documentId: 'emn', start: 0, end: title.length, quote: title }],
  };
}

void describe('comparison across countries from the inform', () => {
  void it('reproduces "Seventeen EMN Member and Observer Countries use migration diplomacy" with its list', () => {
    const c = compare(positions, 'use migration diplomacy at national level', { claims });
    assert.equal(c.count, 17);
    assert.deepEqual(c.countries, 'AT BE CY CZ DE ES FR GE HU IE LT MT NL SE SI SK UA'.split(' '));
    assert.deepEqual(c.statedCounts, [17]);
    const austria = c.evidence.find((e) => e.country === 'AT');
    assert.ok(
      austria?.evidence.some((e) =>
        e.quote.startsWith('Seventeen EMN Member and Observer Countries⁵⁷ use migration diplomacy'),
      ),
    );
    assert.ok(austria?.evidence.some((e) => e.quote === 'AT'));
  });

  void it('gathers both lists of the "not a part" side and the counts stated for it', () => {
    const c = compare(
      positions,
      {
        question: 'migration diplomacy is not a prominent part of international migration affairs',
        stance: 'no',
      },
      { claims },
    );
    assert.deepEqual(c.countries, ['EE', 'FI', 'LU', 'LV', 'MT', 'PL', 'PT']);
    assert.deepEqual([...c.statedCounts].sort(), [6, 7]);
  });

  void it('reproduces the ten countries reporting challenges in negotiations', () => {
    const c = compare(
      positions,
      'report a variety of challenges and lessons drawn from their negotiations with third countries',
      { claims },
    );
    assert.equal(c.count, 10);
    assert.ok(c.statedCounts.includes(10) && c.statedCounts.includes(11));
  });

  void it('matches nothing for a question the inform does not ask', () => {
    assert.equal(compare(positions, 'operate joint border patrols at sea').count, 0);
  });
});

void describe('comparisons from instruments and linkages', () => {
  void it('answers "which states use special envoys" from envoy instruments', () => {
    const instruments = [
      envoy('i1', 'BE', 'Special Envoy for Asylum and Migration'),
      envoy('i2', 'DE', 'Special Representative for Migration Agreements'),
      { ...envoy('i3', 'FR', 'Franco-Senegalese agreement'), type: 'agreement' as const },
      {
        ...envoy('i4', 'ES', 'Ambassador at large for migratory issues'),
        parties: [
          { actorId: 'ES', kind: 'state' as const, role: 'signatory' as const },
          { actorId: 'EU', kind: 'organization' as const, role: 'partner' as const },
        ],
      },
    ];
    const c = compareInstruments(instruments, {
      label: 'Which states use special envoys?',
      types: ['envoy'],
    });
    assert.deepEqual(c.countries, ['BE', 'DE', 'ES']);
    assert.equal(
      c.evidence.find((e) => e.country === 'DE')?.evidence[0]?.quote,
      'Special Representative for Migration Agreements',
    );
  });

  void it('answers "which link development aid to readmission" from linkages in either direction', () => {
    const ev = { documentId: 'emn', start: 1, end: 2, quote: 'x' };
    const linkages: LinkageSummary[] = [
      {
        actorId: 'FI',
        kind: 'state',
        from: 'root_causes_development',
        to: 'return_readmission',
        approach: 'negative_conditionality',
        evidence: [ev],
      },
      {
        actorId: 'NL',
        kind: 'state',
        from: 'return_readmission',
        to: 'root_causes_development',
        approach: null,
        evidence: [ev],
      },
      { actorId: 'FI', kind: 'state', from: 'trade', to: 'legal_migration', approach: null, evidence: [ev] },
      {
        actorId: 'EU',
        kind: 'organization',
        from: 'visa',
        to: 'return_readmission',
        approach: null,
        evidence: [ev],
      },
    ];
    const q = {
      label: 'Which link development aid to readmission?',
      from: 'root_causes_development',
      to: 'return_readmission',
    } as const;
    assert.deepEqual(compareLinkages(linkages, q).countries, ['FI', 'NL']);
    assert.deepEqual(compareLinkages(linkages, { ...q, directed: true }).countries, ['FI']);
    assert.deepEqual(compareLinkages(linkages, { ...q, approach: 'negative_conditionality' }).countries, [
      'FI',
    ]);
  });
});

void describe('comparison reports', () => {
  const comparisons = [
    compare(positions, 'use migration diplomacy at national level', { claims }),
    compare(positions, 'report efforts to measure results and impacts', { claims }),
  ];

  void it('writes Markdown with French labels and names', () => {
    const md = comparisonReportMarkdown(comparisons, { language: 'fr' });
    assert.ok(md.startsWith('# Comparaison entre pays'));
    assert.match(md, /\*\*Pays: 17\*\*/);
    assert.match(md, /\| Autriche \(AT\) \|/);
    assert.match(md, /\*\*Pays: 7\*\*/);
  });

  void it('writes standalone HTML with an SVG chart and escaped quotes', () => {
    const html = comparisonReportHtml(comparisons, { language: 'en', title: 'Inform <check>' });
    assert.match(html, /^<!doctype html><html lang="en">/);
    assert.match(html, /<title>Inform &lt;check&gt;<\/title>/);
    assert.ok((html.match(/<svg /g) ?? []).length >= 3);
    assert.match(html, /Austria <small>\(AT\)<\/small>/);
  });

  void it('draws bars proportional to the values', () => {
    const svg = barChartSvg(
      [
        { label: 'a', value: 10 },
        { label: 'b', value: 5 },
      ],
      'Chart',
    );
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(widths, [320, 160]);
  });
});
