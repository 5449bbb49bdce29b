/**
 * `mda watch add|list|remove|hits`: saved queries ("new instrument with Mauritania on return")
 * that ingestion tests every new document against; `mda ingest` prints the watches that fired.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { parseWatch } from '../../analysis/watches.ts';
import { watchIdFor } from '../../services/analyses.ts';
import { globalsOf, withStore } from '../context.ts';
import { JsonOption, parseOptions } from '../options.ts';
import { oneLine, out, printJson } from '../output.ts';

const AddOptions = z.object({
  id: z.string().optional(),
  country: z.string().optional(),
  type: z.string().optional(),
  topic: z.string().optional(),
  text: z.string().optional(),
  json: z.boolean().default(false),
});

const HitsOptions = z.object({
  watch: z.string().optional(),
  unseen: z.boolean().default(false),
  markSeen: z.boolean().default(false),
  json: z.boolean().default(false),
});

export function registerWatch(program: Command): void {
  const watch = program
    .command('watch')
    .description('saved queries reported when ingestion adds a matching instrument');

  watch
    .command('add')
    .description('save a watch: every given criterion must match')
    .argument('<name>', 'a name ("new instrument with Mauritania on return")')
    .option('--id <id>', 'an id (default: derived from the name)')
    .option('--country <code>', 'a party state, ISO alpha-2')
    .option('--type <code>', 'an instrument type code')
    .option('--topic <code>', 'a topic code')
    .option('--text <words>', 'words that must all occur in the title or evidence')
    .option('--json', 'print the saved watch as JSON')
    .action(async (name: string, raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const { json, id, ...criteria } = parseOptions(AddOptions, raw);
      const parsed = parseWatch({ id: id ?? watchIdFor(name, criteria), name, ...criteria });
      const saved = await withStore(globals, (store) => store.analyses.addWatch(parsed));
      if (json) return printJson(saved);
      out(`watch ${saved.id} saved: ${oneLine(saved.name)}`);
    });

  watch
    .command('list')
    .description('list the saved watches with their hit counts')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const { json } = parseOptions(JsonOption, raw);
      const watches = await withStore(globals, (store) => store.analyses.listWatches());
      if (json) return printJson(watches);
      for (const w of watches) {
        const criteria = [w.country, w.type, w.topic, w.text && `"${oneLine(w.text)}"`]
          .filter(Boolean)
          .join(' ');
        out(`${w.id}  ${oneLine(w.name)}  [${criteria}]  ${w.hits} hits`);
      }
      out(`${watches.length} watches`);
    });

  watch
    .command('remove')
    .description('remove a watch and its hits')
    .argument('<id>', 'the watch id')
    .action(async (id: string, _raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      await withStore(globals, (store) => store.analyses.removeWatch(id));
      out(`watch ${id} removed`);
    });

  watch
    .command('hits')
    .description('the matches ingestion recorded, newest first')
    .option('--watch <id>', 'one watch')
    .option('--unseen', 'only hits not yet marked seen')
    .option('--mark-seen', 'mark the listed hits seen')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const globals = globalsOf(command);
      const o = parseOptions(HitsOptions, raw);
      const filter = { ...(o.watch === undefined ? {} : { watchId: o.watch }), unseen: o.unseen };
      const hits = await withStore(globals, async (store) => {
        const list = await store.analyses.watchHits(filter);
        if (o.markSeen) await store.analyses.markHitsSeen(o.watch);
        return list;
      });
      if (o.json) return printJson(hits);
      for (const h of hits) {
        out(
          `${h.createdAt.slice(0, 10)}  ${h.watchId}  ${oneLine(h.instrumentTitle)} [${h.instrumentId}]  ${h.documentId}${h.seen ? '' : '  (new)'}`,
        );
      }
      out(`${hits.length} hits`);
    });
}
