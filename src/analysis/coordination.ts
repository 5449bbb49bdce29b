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
import type { TopicCode } from '../domain/taxonomy.ts';

function add(sum: Record<string, number>, currency: string, value: number): void {
  // Sums of money in millions carry float error ("145.1 + 53.6"); round to the cent.
  sum[currency] = Math.round(((sum[currency] ?? 0) + value) * 100) / 100;
}

/**
 * An instrument's money per currency, counted once: when one amount is the sum of the others (a
 * total and its breakdown: "145.1 million, of which 53.6 M regional and 91.5 M for Mali"), only
 * the total counts.
 */
export function instrumentMoney(
  amounts: readonly { value: number; currency: string }[],
): Record<string, number> {
  const byCurrency = new Map<string, number[]>();
  for (const a of amounts) byCurrency.set(a.currency, [...(byCurrency.get(a.currency) ?? []), a.value]);
  const out: Record<string, number> = {};
  for (const [currency, values] of byCurrency) {
    const max = Math.max(...values);
    const rest = values.reduce((sum, v) => sum + v, 0) - max;
    const isTotal = values.length > 2 && Math.abs(rest - max) <= max * 0.005;
    out[currency] = isTotal ? max : values.reduce((sum, v) => sum + v, 0);
  }
  return out;
}

/**
 * Who puts an instrument's money in: its donors when named, else its parties other than the
 * partner. One funder means the money is that actor's; several mean it is shared.
 */
function funders(instrument: InstrumentSummary, partner: string): PartySummary[] {
  const others = instrument.parties.filter((p) => p.actorId !== partner);
  const donors = others.filter((p) => p.role === 'donor');
  return donors.length > 0 ? donors : others;
}

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
  const totals: Record<string, number> = {};
  for (const instrument of relevant) {
    const money = instrumentMoney(instrument.amounts);
    for (const [currency, value] of Object.entries(money)) add(totals, currency, value);
    const paying = funders(instrument, partner);
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
      if (paying.some((p) => p.actorId === party.actorId)) {
        for (const [currency, value] of Object.entries(money)) {
          add(paying.length === 1 ? entry.money : entry.shared, currency, value);
        }
      }
      actors.set(party.actorId, entry);
    }
  }
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
