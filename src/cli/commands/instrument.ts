/**
 * `mda instrument merge|split|link|links`: a reviewer's work on the shape of the record set. The
 * actor is a user of the atlas with the reviewer role, named by `--as EMAIL` (sessions and tokens
 * over HTTP are the other way in); anyone else is refused before anything is read or written.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { InstrumentId, LinkInputSchema, Reason, SpanText } from '../../domain/curation.ts';
import { AtlasError, invalidInput, notFound } from '../../domain/errors.ts';
import { actorLabel, EmailSchema, roleAtLeast } from '../../domain/people.ts';
import type { AtlasStore } from '../../storage/atlas-store.ts';
import type { InstrumentLinkView } from '../../storage/curation/curation-store.ts';
import { globalsOf, withStore } from '../context.ts';
import { JsonOption, parseOptions } from '../options.ts';
import { oneLine, out, printJson } from '../output.ts';

const Actor = z.object({ as: EmailSchema });

/** `user:<id>` of the reviewer named by `--as`; unauthorized or forbidden otherwise. */
async function reviewer(store: AtlasStore, email: string): Promise<string> {
  const user = await store.people.findUserByEmail(email);
  if (user === undefined) {
    throw new AtlasError('unauthorized', `no user ${email} in this atlas: an admin adds users first`, {
      field: 'as',
    });
  }
  if (!roleAtLeast(user.role, 'reviewer')) {
    throw new AtlasError('forbidden', `${email} is a ${user.role}: this needs the reviewer role`, {
      field: 'as',
    });
  }
  return actorLabel(user);
}

const MergeOptions = Actor.extend({ why: Reason, json: z.boolean().default(false) });

export async function runMerge(keep: string, other: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const ids = parseOptions(z.object({ keep: InstrumentId, other: InstrumentId }), { keep, other });
  const options = parseOptions(MergeOptions, raw);
  const result = await withStore(globals, async (store) =>
    store.curation.merge(ids.keep, ids.other, await reviewer(store, options.as), options.why),
  );
  if (options.json) return printJson(result);
  out(
    `${result.merged} merged into ${result.kept}: ${result.claimsMoved} claims moved, found in ${result.documents} documents`,
  );
  out(`  ${result.merged} now redirects to ${result.kept}`);
}

const ClaimIds = z
  .string()
  .trim()
  .regex(/^\d+(\s*,\s*\d+)*$/, 'must be claim ids separated by commas, as `mda show --json` lists them')
  .transform((value) => [...new Set(value.split(',').map((id) => Number(id.trim())))]);

const SplitOptions = Actor.extend({ claims: ClaimIds, why: Reason, json: z.boolean().default(false) });

export async function runSplit(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const source = parseOptions(z.object({ id: InstrumentId }), { id }).id;
  const options = parseOptions(SplitOptions, raw);
  const result = await withStore(globals, async (store) =>
    store.curation.split(source, options.claims, await reviewer(store, options.as), options.why),
  );
  if (options.json) return printJson(result);
  out(`${result.claimsMoved} claims of ${result.source} moved to a new instrument ${result.created}`);
}

const LinkOptions = Actor.extend({
  relation: z.string(),
  approach: z.string().optional(),
  document: z.string().optional(),
  span: SpanText.optional(),
  source: z.string().optional(),
  why: Reason.optional(),
  json: z.boolean().default(false),
});

function linkLine(link: InstrumentLinkView): string {
  const evidence =
    link.evidence.kind === 'document'
      ? `${link.evidence.documentId} ${link.evidence.span.start}-${link.evidence.span.end} "${oneLine(link.evidence.quote)}"`
      : link.evidence.url;
  const approach = link.approach === null ? '' : ` (${link.approach})`;
  return [
    `${link.id}  ${link.from.id} ${link.relation}${approach} ${link.to.id}`,
    `  ${oneLine(link.from.title ?? 'not stated')} → ${oneLine(link.to.title ?? 'not stated')}`,
    `  evidence: ${oneLine(evidence)}`,
    `  asserted by ${link.evidence.assertedBy}, ${link.evidence.reviewState}`,
  ].join('\n');
}

export async function runLink(from: string, to: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(LinkOptions, raw);
  const byDocument = options.document !== undefined || options.span !== undefined;
  if (byDocument === (options.source !== undefined)) {
    throw invalidInput(
      'source',
      'give the evidence: --document ID --span START-END, or --source URL (one of them)',
    );
  }
  if (byDocument && (options.document === undefined || options.span === undefined)) {
    throw invalidInput(
      options.document === undefined ? 'document' : 'span',
      'give both --document ID and --span START-END',
    );
  }
  const input = parseOptions(LinkInputSchema, {
    from,
    to,
    relation: options.relation,
    approach: options.approach ?? null,
    evidence:
      options.source !== undefined
        ? { kind: 'source', url: options.source }
        : { kind: 'document', documentId: options.document, ...options.span },
    reason: options.why ?? null,
  });
  const link = await withStore(globals, async (store) =>
    store.curation.link(input, await reviewer(store, options.as)),
  );
  if (options.json) return printJson(link);
  out(linkLine(link));
}

export async function runLinks(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const instrument = parseOptions(z.object({ id: InstrumentId }), { id }).id;
  const { json } = parseOptions(JsonOption, raw);
  const links = await withStore(globals, async (store) => {
    const kept = await store.curation.redirect(instrument);
    if (kept === undefined) throw notFound('instrument', instrument);
    return store.curation.links(kept);
  });
  if (json) return printJson({ items: links });
  if (links.length === 0) out('no links');
  for (const link of links) out(linkLine(link));
}
