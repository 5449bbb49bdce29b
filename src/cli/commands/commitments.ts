/**
 * `mda commitments`: commitments with status, deadlines, overdue flags and the next dialogue; a
 * user sets a status with `--set ID --status done`. `mda indicators`: indicator series with a
 * source per value; `--add` records a user's value.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { parseIndicatorInput } from '../../analysis/indicators.ts';
import { isoDay } from '../../domain/input-schemas.ts';
import { commitmentTracker, indicators, todayIso } from '../../services/analyses.ts';
import { globalsOf, withStore } from '../context.ts';
import { CountryCode, parseOptions } from '../options.ts';
import { oneLine, out, printJson } from '../output.ts';
import { cliActor } from '../actor.ts';

const CommitmentsOptions = z
  .object({
    country: CountryCode.optional(),
    overdue: z.boolean().default(false),
    set: z.string().min(1).optional(),
    status: z
      .enum(['open', 'in_progress', 'done', 'dropped'], {
        error: () => 'expected open, in_progress, done or dropped',
      })
      .optional(),
    as: z.string().optional(),
    note: z.string().max(2000).optional(),
    today: isoDay.optional(),
    json: z.boolean().default(false),
  })
  .refine((o) => (o.set === undefined) === (o.status === undefined), {
    error: '--set ID and --status go together',
    path: ['status'],
  });

const IndicatorsOptions = z.object({
  country: CountryCode.optional(),
  instrument: z.string().min(1).optional(),
  add: z.boolean().default(false),
  name: z.string().optional(),
  value: z.coerce
    .number({ error: () => 'expected a number' })
    .finite()
    .optional(),
  date: z.string().optional(),
  unit: z.string().default('count'),
  source: z.string().optional(),
  as: z.string().optional(),
  approximate: z.boolean().default(false),
  json: z.boolean().default(false),
});

export async function runCommitments(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(CommitmentsOptions, raw);
  const today = o.today ?? todayIso();
  const tracker = await withStore(globals, async (store) => {
    if (o.set !== undefined && o.status !== undefined) {
      const who = await cliActor(store, o.as);
      await store.analyses.setCommitmentStatus(o.set, o.status, who.actor, o.note ?? null);
    }
    return commitmentTracker(store, {
      ...(o.country === undefined ? {} : { country: o.country }),
      today,
    });
  });
  const list = o.overdue ? tracker.commitments.filter((c) => c.overdue) : tracker.commitments;
  if (o.json) return printJson({ ...tracker, commitments: list });
  for (const c of list) {
    const deadline = c.deadline
      ? `due ${c.deadline.inclusive ? 'by' : 'before'} ${c.deadline.value}`
      : 'no deadline';
    const flag = c.overdue ? '  OVERDUE' : '';
    out(
      `${c.id}  [${c.status}] ${c.owners.join(',') || '—'}  ${deadline}${flag}${c.nextDialogue ? '  (next dialogue)' : ''}`,
    );
    out(`  ${oneLine(c.text.slice(0, 160))}`);
  }
  if (tracker.nextDialogue) {
    const d = tracker.nextDialogue.deadline;
    out(
      `next dialogue: ${d ? `${d.inclusive ? 'by' : 'before'} ${d.value} (“${oneLine(d.quote)}”)` : 'no date'} — ${tracker.nextDialogue.id}`,
    );
  }
  if (tracker.priorities.length > 0) {
    out('priority areas:');
    for (const p of tracker.priorities) out(`  - ${oneLine(p.label)}  [${p.topics.join(', ')}]`);
  }
  out(`${list.length} commitments, ${tracker.overdue} overdue (as of ${today})`);
}

export async function runIndicators(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(IndicatorsOptions, raw);
  const series = await withStore(globals, async (store) => {
    if (o.add) {
      const who = await cliActor(store, o.as);
      const value = parseIndicatorInput({
        indicator: o.name,
        value: o.value,
        unit: o.unit,
        date: o.date ?? null,
        country: o.country ?? null,
        instrumentId: o.instrument ?? null,
        approximate: o.approximate,
        enteredBy: who.name,
        note: o.source ?? null,
      });
      await store.analyses.addIndicator(value, who.actor);
    }
    return indicators(store, {
      ...(o.country === undefined ? {} : { country: o.country }),
      ...(o.instrument === undefined ? {} : { instrumentId: o.instrument }),
    });
  });
  if (o.json) return printJson(series);
  for (const s of series) {
    out(
      `${oneLine(s.indicator)} [${oneLine(s.unit)}]${s.country ? ` ${s.country}` : ''}${s.instrumentId ? ` ${s.instrumentId}` : ''}`,
    );
    for (const v of s.values) {
      const src =
        'quote' in v.source
          ? `${v.source.documentId}@${v.source.start} “${oneLine(v.source.quote.slice(0, 80))}”`
          : `entered by ${oneLine(v.source.enteredBy)}${v.source.note ? `: ${oneLine(v.source.note)}` : ''}`;
      out(`  ${v.date ?? '—'}  ${v.approximate ? '~' : ''}${v.value}  ${src}`);
    }
  }
  out(`${series.length} series`);
}
