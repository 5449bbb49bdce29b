/**
 * The coordination view for a partner country (the need the EU's operational coordination
 * mechanism for the external dimension of migration answers): every actor's instruments, money and
 * topics toward that country, overlaps (two or more actors on one topic with the partner) and gaps
 * (priority topics with no instrument behind them). Exports as CSV and JSON strings.
 */
import { csvHeader } from '../domain/csv-headers.ts';
import type { Language } from '../domain/model.ts';
import type {
  ActorActivity,
  CoordinationGap,
  CoordinationOverlap,
  CoordinationView,
  InstrumentSummary,
  MoneyByCurrency,
  PartySummary,
  PriorityArea,
} from '../domain/analysis-model.ts';
import { moneyBySource, sourcesTotal } from '../domain/money.ts';
import type { TopicCode } from '../domain/taxonomy.ts';

/** The coordination view of the instruments whose parties include `partner`. */
export function coordinationView(
  partner: string,
  instruments: readonly InstrumentSummary[],
  priorities: readonly PriorityArea[] = [],
): CoordinationView {
  const relevant = instruments.filter((i) => i.parties.some((p) => p.actorId === partner));
  const actors = new Map<
    string,
    {
      kind: PartySummary['kind'];
      instruments: InstrumentSummary[];
      money: Record<string, number>;
      shared: Record<string, number>;
      topics: Set<TopicCode>;
    }
  >();
  // The money is summed by the domain, the same way as on the country page: each instrument's
  // money once, given to its funders (shared when several).
  const sources = moneyBySource(relevant, partner);
  for (const instrument of relevant) {
    for (const party of instrument.parties) {
      if (party.actorId === partner) continue;
      const entry = actors.get(party.actorId) ?? {
        kind: party.kind,
        instruments: [],
        money: {},
        shared: {},
        topics: new Set<TopicCode>(),
      };
      if (!entry.instruments.includes(instrument)) entry.instruments.push(instrument);
      for (const t of instrument.topics) entry.topics.add(t);
      actors.set(party.actorId, entry);
    }
  }
  for (const row of sources) {
    const funders = row.source === null ? [] : [row.source, ...row.sharedWith];
    for (const funder of funders) {
      const entry = actors.get(funder);
      if (entry === undefined) continue;
      const sums = funders.length === 1 ? entry.money : entry.shared;
      sums[row.currency] = Math.round(((sums[row.currency] ?? 0) + row.total) * 100) / 100;
    }
  }
  const totals = sourcesTotal(sources);
  const activities: ActorActivity[] = [...actors.entries()]
    .map(([actorId, e]) => ({
      actorId,
      kind: e.kind,
      instruments: e.instruments.map((i) => ({ id: i.id, title: i.title, type: i.type })),
      money: e.money,
      sharedMoney: e.shared,
      topics: [...e.topics].sort(),
    }))
    .sort((a, b) => b.instruments.length - a.instruments.length || a.actorId.localeCompare(b.actorId));

  const overlaps: CoordinationOverlap[] = [];
  const topics = new Set(activities.flatMap((a) => a.topics));
  for (const topic of [...topics].sort()) {
    const on = activities.filter((a) => a.topics.includes(topic));
    if (on.length < 2) continue;
    const ids = relevant.filter((i) => i.topics.includes(topic)).map((i) => i.id);
    overlaps.push({ topic, actors: on.map((a) => a.actorId), instruments: ids });
  }

  const covered = new Set(relevant.flatMap((i) => i.topics));
  const gapsByTopic = new Map<TopicCode, PriorityArea[]>();
  for (const p of priorities) {
    for (const t of p.topics) if (!covered.has(t)) gapsByTopic.set(t, [...(gapsByTopic.get(t) ?? []), p]);
  }
  const gaps: CoordinationGap[] = [...gapsByTopic.entries()].map(([topic, list]) => ({
    topic,
    priorities: list,
  }));
  return { partner, actors: activities, totals, overlaps, gaps };
}

function csvCell(value: string): string {
  return /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function moneyText(m: MoneyByCurrency): string {
  return Object.entries(m)
    .map(([currency, value]) => `${value} ${currency}`)
    .join(' + ');
}

/**
 * The view as CSV (RFC 4180): one row per actor and instrument, then overlap and gap rows, with a
 * `section` column telling them apart; the column names in `lang`.
 */
export function coordinationCsv(view: CoordinationView, lang: Language = 'en'): string {
  const rows: string[][] = [
    [
      'section',
      'partner',
      'actor',
      'instrument_id',
      'instrument',
      'type',
      'topics',
      'money',
      'shared_money',
    ].map((header) => csvHeader(header, lang)),
  ];
  for (const a of view.actors) {
    for (const i of a.instruments) {
      rows.push([
        'instrument',
        view.partner,
        a.actorId,
        i.id,
        i.title,
        i.type,
        a.topics.join(' '),
        moneyText(a.money),
        moneyText(a.sharedMoney),
      ]);
    }
  }
  for (const o of view.overlaps) {
    rows.push([
      'overlap',
      view.partner,
      o.actors.join(' '),
      o.instruments.join(' '),
      '',
      '',
      o.topic,
      '',
      '',
    ]);
  }
  for (const g of view.gaps) {
    rows.push([
      'gap',
      view.partner,
      '',
      '',
      g.priorities.map((p) => p.label).join(' | '),
      '',
      g.topic,
      '',
      '',
    ]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The view as pretty-printed JSON. */
export function coordinationJson(view: CoordinationView): string {
  return `${JSON.stringify(view, null, 2)}\n`;
}
