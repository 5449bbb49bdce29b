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
import { out, printJson } from '../output.ts';

const IsoDay = isoDay;

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
    by: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .default(process.env.USER ?? 'cli'),
    note: z.string().max(2000).optional(),
    today: IsoDay.optional(),
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
  by: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default(process.env.USER ?? 'cli'),
  approximate: z.boolean().default(false),
  json: z.boolean().default(false),
});

export function registerCommitments(program: Command): void {
  program
    .command('commitments')
    .description('commitments: who, what, by when, status, overdue flags and the next dialogue')
    .option('--country <code>', 'commitments this country owns (ISO alpha-2)')
    .option('--overdue', 'only overdue commitments')
    .option('--set <id>', 'the commitment whose status to set (with --status)')
    .option('--status <status>', 'open, in_progress, done or dropped')
    .option('--by <name>', 'who sets the status (default $USER)')
    .option('--note <text>', 'a note kept with the status change')
    .option('--today <yyyy-mm-dd>', 'the date to judge deadlines against (default today)')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const o = parseOptions(CommitmentsOptions, raw);
      const today = o.today ?? todayIso();
      const tracker = await withStore(globals, async (store) => {
        if (o.set !== undefined && o.status !== undefined) {
          await store.analyses.setCommitmentStatus(o.set, o.status, `user:${o.by}`, o.note ?? null);
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
        out(`  ${c.text.slice(0, 160)}`);
      }
      if (tracker.nextDialogue) {
        const d = tracker.nextDialogue.deadline;
        out(
          `next dialogue: ${d ? `${d.inclusive ? 'by' : 'before'} ${d.value} (“${d.quote}”)` : 'no date'} — ${tracker.nextDialogue.id}`,
        );
      }
      if (tracker.priorities.length > 0) {
        out('priority areas:');
        for (const p of tracker.priorities) out(`  - ${p.label}  [${p.topics.join(', ')}]`);
      }
      out(`${list.length} commitments, ${tracker.overdue} overdue (as of ${today})`);
    });

  program
    .command('indicators')
    .description('indicator series with a source for each value; --add records a value')
    .option('--country <code>', 'one country (ISO alpha-2)')
    .option('--instrument <id>', 'one instrument (adds its money committed)')
    .option('--add', 'record a value: --name --value [--date --country --unit --source --by]')
    .option('--name <indicator>', 'what is measured')
    .option('--value <n>', 'the value')
    .option('--date <yyyy[-mm[-dd]]>', 'when')
    .option('--unit <unit>', 'count, %, or a currency (default count)')
    .option('--source <note>', 'where the value comes from')
    .option('--by <name>', 'who enters it (default $USER)')
    .option('--approximate', 'the value is approximate')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const o = parseOptions(IndicatorsOptions, raw);
      const series = await withStore(globals, async (store) => {
        if (o.add) {
          const value = parseIndicatorInput({
            indicator: o.name,
            value: o.value,
            unit: o.unit,
            date: o.date ?? null,
            country: o.country ?? null,
            instrumentId: o.instrument ?? null,
            approximate: o.approximate,
            enteredBy: o.by,
            note: o.source ?? null,
          });
          await store.analyses.addIndicator(value);
        }
        return indicators(store, {
          ...(o.country === undefined ? {} : { country: o.country }),
          ...(o.instrument === undefined ? {} : { instrumentId: o.instrument }),
        });
      });
      if (o.json) return printJson(series);
      for (const s of series) {
        out(
          `${s.indicator} [${s.unit}]${s.country ? ` ${s.country}` : ''}${s.instrumentId ? ` ${s.instrumentId}` : ''}`,
        );
        for (const v of s.values) {
          const src =
            'quote' in v.source
              ? `${v.source.documentId}@${v.source.start} “${v.source.quote.slice(0, 80)}”`
              : `entered by ${v.source.enteredBy}${v.source.note ? `: ${v.source.note}` : ''}`;
          out(`  ${v.date ?? '—'}  ${v.approximate ? '~' : ''}${v.value}  ${src}`);
        }
      }
      out(`${series.length} series`);
    });
}
