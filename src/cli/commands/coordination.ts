/**
 * `mda coordination COUNTRY`: every actor's instruments, money and topics toward a partner
 * country, overlaps and gaps (text, JSON or CSV). `mda conditionality`: leverage steps and
 * approaches per country.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { coordinationCsv, coordinationJson } from '../../analysis/coordination.ts';
import type { MoneyByCurrency } from '../../domain/analysis-model.ts';
import { actorName } from '../../domain/actors.ts';
import type { Language } from '../../domain/model.ts';
import { conditionality, coordination } from '../../services/analyses.ts';
import { globalsOf, withStore } from '../context.ts';
import { CountryCode, parseOptions } from '../options.ts';
import { formatMoney, oneLine, out, outData, printJson, topicLabel, typeLabel } from '../output.ts';

const CoordinationOptions = z
  .object({ json: z.boolean().default(false), csv: z.boolean().default(false) })
  .refine((o) => !(o.json && o.csv), { error: 'choose --json or --csv', path: ['json'] });

const ConditionalityOptions = z.object({ country: CountryCode.optional(), json: z.boolean().default(false) });

function money(m: MoneyByCurrency, lang: Language): string {
  const parts = Object.entries(m).map(([currency, value]) => formatMoney(value, currency, lang));
  return parts.length === 0 ? '—' : parts.join(' + ');
}

export async function runCoordination(country: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const partner = parseOptions(z.object({ country: CountryCode }), { country }).country;
  const o = parseOptions(CoordinationOptions, raw);
  const view = await withStore(globals, (store) => coordination(store, partner));
  if (o.json) return outData(coordinationJson(view));
  if (o.csv) return outData(coordinationCsv(view, globals.lang));
  const lang = globals.lang;
  out(
    `${actorName(partner, lang)} (${partner}): ${view.actors.length} actors, total ${money(view.totals, lang)}`,
  );
  for (const a of view.actors) {
    const shared = Object.keys(a.sharedMoney).length > 0 ? `, shared ${money(a.sharedMoney, lang)}` : '';
    out(`\n${actorName(a.actorId, lang)} (${a.actorId}): ${money(a.money, lang)}${shared}`);
    for (const i of a.instruments) out(`  ${i.id}  ${typeLabel(i.type, lang)}: ${oneLine(i.title)}`);
    if (a.topics.length > 0) out(`  topics: ${a.topics.map((t) => topicLabel(t, lang)).join(', ')}`);
  }
  for (const ov of view.overlaps) out(`overlap: ${topicLabel(ov.topic, lang)}: ${ov.actors.join(', ')}`);
  for (const g of view.gaps) {
    out(
      `gap: ${topicLabel(g.topic, lang)} (priority: ${g.priorities.map((p) => oneLine(p.label)).join('; ')})`,
    );
  }
}

export async function runConditionality(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(ConditionalityOptions, raw);
  const timelines = await withStore(globals, (store) =>
    conditionality(store, o.country === undefined ? {} : { country: o.country }),
  );
  if (o.json) return printJson(timelines);
  for (const t of timelines) {
    out(`${actorName(t.country, globals.lang)} (${t.country})`);
    for (const s of t.steps) {
      out(
        `  ${s.date?.value ?? '—'}  ${s.kind}${s.legalBasis ? ` (${s.legalBasis})` : ''}  “${oneLine(s.source.quote.slice(0, 100))}”`,
      );
    }
    for (const a of t.approaches) {
      out(`  ${a.stance} ${a.approach}  “${oneLine(a.source.quote.slice(0, 100))}”`);
    }
  }
  out(`${timelines.length} countries`);
}
