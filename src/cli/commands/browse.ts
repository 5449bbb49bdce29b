/** `mda instruments`, `mda show ID`, `mda stats`: reading the atlas. */
import type { Command } from 'commander';
import { actorName } from '../../domain/actors.ts';
import type { Language } from '../../domain/model.ts';
import type { AtlasStats, ClaimView, InstrumentDetail } from '../../storage/atlas-store.ts';
import { globalsOf, withStore } from '../context.ts';
import { InstrumentsOptions, JsonOption, parseOptions } from '../options.ts';
import {
  approachLabel,
  countBlock,
  formatMoney,
  instrumentLine,
  oneLine,
  out,
  printJson,
  topicLabel,
  typeLabel,
  documentName,
} from '../output.ts';

export async function runInstruments(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { limit, offset, json, ...filter } = parseOptions(InstrumentsOptions, raw);
  const page = await withStore(globals, (store) => store.listInstruments(filter, { limit, offset }));
  if (json) return printJson(page);
  for (const instrument of page.items) out(instrumentLine(instrument, globals.lang));
  out(`${page.items.length} of ${page.total} instruments`);
}

export async function runShow(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { json } = parseOptions(JsonOption, raw);
  const instrument = await withStore(globals, (store) => store.getInstrument(id));
  if (json) return printJson(instrument);
  if (instrument.redirectedFrom !== undefined) {
    out(`${instrument.redirectedFrom} was merged into ${instrument.id}:`);
  }
  out(showInstrument(instrument, globals.lang));
}

export async function runStats(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { json } = parseOptions(JsonOption, raw);
  const stats = await withStore(globals, (store) => store.stats());
  if (json) return printJson(stats);
  out(statsText(stats, globals.lang));
}

/** The instruments-by-type/country/topic summary, shared with `mda start`. */
export function statsText(stats: AtlasStats, lang: Language): string {
  return [
    lang === 'fr'
      ? `${stats.documents} documents, ${stats.instruments} instruments, ${stats.statements} énoncés, ${stats.events} événements, ${stats.claims} faits sourcés`
      : `${stats.documents} documents, ${stats.instruments} instruments, ${stats.statements} statements, ${stats.events} events, ${stats.claims} claims`,
    `${lang === 'fr' ? 'Montants (chaque instrument compté une fois)' : 'Money (each instrument counted once)'}: ${
      Object.entries(stats.money)
        .map(([currency, value]) => formatMoney(value, currency, lang))
        .join(', ') || (lang === 'fr' ? 'non précisé' : 'not stated')
    }`,
    countBlock(lang === 'fr' ? 'Instruments par type' : 'Instruments by type', stats.byType, (code) =>
      typeLabel(code, lang),
    ),
    countBlock(
      lang === 'fr' ? 'Instruments par pays' : 'Instruments by country',
      stats.byCountry,
      (code) => `${actorName(code, lang)} (${code})`,
    ),
    countBlock(lang === 'fr' ? 'Instruments par thème' : 'Instruments by topic', stats.byTopic, (code) =>
      topicLabel(code, lang),
    ),
  ].join('\n\n');
}

function claimValue(claim: ClaimView, lang: Language): string {
  const value = claim.value;
  if (typeof value === 'string') {
    if (claim.property === 'type') return typeLabel(value, lang);
    if (claim.property === 'topic') return topicLabel(value, lang);
    if (claim.property === 'approach') return approachLabel(value, lang);
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.actorId === 'string') {
      return `${actorName(record.actorId, lang)} (${String(record.role)})`;
    }
    if (typeof record.value === 'number' && typeof record.currency === 'string') {
      return formatMoney(record.value, record.currency, lang);
    }
    if (typeof record.value === 'string') {
      return `${record.value}${typeof record.role === 'string' ? ` (${record.role})` : ''}`;
    }
  }
  return JSON.stringify(value);
}

/** Every field of an instrument, then each claim with its evidence. */
export function showInstrument(instrument: InstrumentDetail, lang: Language): string {
  const yesNo = instrument.binding === null ? 'not stated' : instrument.binding ? 'binding' : 'non-binding';
  const lines = [
    oneLine(instrument.title),
    `  id:         ${instrument.id}`,
    `  type:       ${typeLabel(instrument.type, lang)} (${instrument.type})`,
    `  legal form: ${instrument.legalForm}, ${yesNo}`,
    `  status:     ${instrument.status.replace('_', ' ')}`,
    `  parties:    ${instrument.parties.map((p) => `${actorName(p.actorId, lang)} (${p.role})`).join(', ') || '—'}`,
    `  dates:      ${instrument.dates.map((d) => `${d.value} (${d.role})`).join(', ') || '—'}`,
    `  amounts:    ${instrument.amounts.map((a) => `${a.approximate ? '~' : ''}${formatMoney(a.value, a.currency, lang)}${a.role === null ? '' : ` (${a.role}${a.partOf === null ? '' : ` of ${formatMoney(a.partOf, a.currency, lang)}`})`}`).join(', ') || '—'}`,
    `  money:      ${
      Object.entries(instrument.moneyTotals)
        .map(([currency, value]) => formatMoney(value, currency, lang))
        .join(', ') || '—'
    } (each sum counted once)`,
    `  topics:     ${instrument.topics.map((t) => topicLabel(t, lang)).join(', ') || '—'}`,
    `  approaches: ${instrument.approaches.map((a) => approachLabel(a, lang)).join(', ') || '—'}`,
    `  documents:  ${instrument.documents.map((d) => documentName(d.title, d.fileName)).join('; ')}`,
    '',
    `Evidence (${instrument.claims.length} claims):`,
  ];
  for (const claim of instrument.claims) {
    const e = claim.evidence;
    lines.push(`  ${claim.property}: ${claimValue(claim, lang)}`);
    lines.push(`    "${oneLine(e.quote.replace(/\s+/g, ' '))}"`);
    lines.push(
      `    — ${documentName(e.documentTitle, e.documentFileName ?? e.documentId)}, chars ${e.span.start}–${e.span.end}, asserted by ${e.assertedBy}, ${e.reviewState}`,
    );
  }
  return lines.join('\n');
}
