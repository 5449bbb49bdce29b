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

export async function runWatchAdd(name: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { json, id, ...criteria } = parseOptions(AddOptions, raw);
  const parsed = parseWatch({ id: id ?? watchIdFor(name, criteria), name, ...criteria });
  const saved = await withStore(globals, (store) => store.analyses.addWatch(parsed));
  if (json) return printJson(saved);
  out(`watch ${saved.id} saved: ${oneLine(saved.name)}`);
}

export async function runWatchList(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const { json } = parseOptions(JsonOption, raw);
  const watches = await withStore(globals, (store) => store.analyses.listWatches());
  if (json) return printJson(watches);
  for (const w of watches) {
    const criteria = [w.country, w.type, w.topic, w.text && `"${oneLine(w.text)}"`].filter(Boolean).join(' ');
    out(`${w.id}  ${oneLine(w.name)}  [${criteria}]  ${w.hits} hits`);
  }
  out(`${watches.length} watches`);
}

export async function runWatchRemove(id: string, _raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  await withStore(globals, (store) => store.analyses.removeWatch(id));
  out(`watch ${id} removed`);
}

export async function runWatchHits(raw: unknown, command: Command): Promise<void> {
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
}
