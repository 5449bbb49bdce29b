/**
 * `mda contribute instrument|list|accept|reject`: manual records with sources from the command
 * line. A contributor (`--as EMAIL`) adds an instrument no document names yet, citing a web page
 * (`--source URL [--quote TEXT]`) or a span of a stored document (`--document ID --span S-E`); it
 * stays unpublished until a reviewer (`--as EMAIL`) accepts or rejects it. Same checks as the API.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import {
  ContributedInstrumentSchema,
  CONTRIBUTION_STATES,
  RejectionReason,
} from '../../domain/contributions.ts';
import { SpanText } from '../../domain/curation.ts';
import { AtlasError, invalidInput } from '../../domain/errors.ts';
import { actorLabel, EmailSchema, roleAtLeast, type Role } from '../../domain/people.ts';
import type { AtlasStore } from '../../storage/atlas-store.ts';
import type { ContributionView } from '../../storage/contributions/contribution-store.ts';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { oneLine, out, printJson } from '../output.ts';

/** `user:<id>` of the account named by `--as`, which must hold at least `role`. */
async function account(store: AtlasStore, email: string, role: Role): Promise<string> {
  const user = await store.people.findUserByEmail(email);
  if (user === undefined) {
    throw new AtlasError('unauthorized', `no user ${email} in this atlas: an admin adds users first`, {
      field: 'as',
    });
  }
  if (!roleAtLeast(user.role, role)) {
    throw new AtlasError('forbidden', `${email} is a ${user.role}: this needs the ${role} role`, {
      field: 'as',
    });
  }
  return actorLabel(user);
}

/** `A:B` pairs of a repeatable option (`--party SN:signatory`). */
const pairs = (field: string, values: readonly string[]): [string, string][] =>
  values.map((value) => {
    const at = value.lastIndexOf(':');
    if (at <= 0 || at === value.length - 1) {
      throw invalidInput(field, `${value}: write it as VALUE:${field.toUpperCase()}`);
    }
    return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  });

const InstrumentOptions = z.object({
  as: EmailSchema,
  type: z.string().optional(),
  title: z.string().optional(),
  legalForm: z.string().optional(),
  binding: z.enum(['yes', 'no']).optional(),
  party: z.array(z.string()).default([]),
  date: z.array(z.string()).default([]),
  amount: z.array(z.string()).default([]),
  topic: z.array(z.string()).default([]),
  approach: z.array(z.string()).default([]),
  lang: z.string().optional(),
  source: z.string().optional(),
  quote: z.string().optional(),
  document: z.string().optional(),
  span: SpanText.optional(),
  json: z.boolean().default(false),
});

/** What a contribution is about, in a few words: its title (or words) and its type. */
const label = (record: ContributionView['record']): [string, string] =>
  'type' in record
    ? [record.title, record.type]
    : 'text' in record
      ? [record.text, 'commitment']
      : [record.title, record.kind];

const line = (c: ContributionView): string =>
  oneLine(
    `${c.id}  ${c.state}  ${label(c.record)[0]}  (${label(c.record)[1]}; by ${c.assertedBy}` +
      `${c.recordId === null ? '' : `; published as ${c.recordId}`}` +
      `${c.reason === null ? '' : `; ${c.reason}`})`,
  );

export async function runContributeInstrument(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(InstrumentOptions, raw);
  const byDocument = options.document !== undefined || options.span !== undefined;
  if (byDocument === (options.source !== undefined)) {
    throw invalidInput(
      'source',
      'cite the source: --source URL [--quote TEXT], or --document ID --span START-END',
    );
  }
  if (byDocument && (options.document === undefined || options.span === undefined)) {
    throw invalidInput(
      options.document === undefined ? 'document' : 'span',
      'give both --document ID and --span START-END',
    );
  }
  const record = parseOptions(ContributedInstrumentSchema, {
    type: options.type,
    title: options.title,
    legalForm: options.legalForm,
    binding: options.binding === undefined ? null : options.binding === 'yes',
    parties: pairs('role', options.party).map(([actorId, role]) => ({ actorId, role })),
    dates: pairs('role', options.date).map(([value, role]) => ({ value, role })),
    amounts: pairs('currency', options.amount).map(([value, currency]) => ({
      value: Number(value.replace(/[\s_]/g, '')),
      currency,
    })),
    topics: options.topic,
    approaches: options.approach,
    ...(options.lang === undefined ? {} : { language: options.lang }),
    source:
      options.source !== undefined
        ? {
            kind: 'url',
            url: options.source,
            ...(options.quote === undefined ? {} : { quote: options.quote }),
          }
        : { kind: 'document', documentId: options.document, ...options.span },
  });
  const contribution = await withStore(globals, async (store) =>
    store.contributions.contributeInstrument(record, await account(store, options.as, 'contributor')),
  );
  if (options.json) return printJson(contribution);
  out(line(contribution));
  out('pending: a reviewer accepts it (mda contribute accept ID --as EMAIL) before it is published');
}

const ListOptions = z.object({
  state: z
    .enum(CONTRIBUTION_STATES, { error: `must be one of ${CONTRIBUTION_STATES.join(', ')}` })
    .optional(),
  json: z.boolean().default(false),
});

export async function runContributeList(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const options = parseOptions(ListOptions, raw);
  const page = await withStore(globals, (store) =>
    store.contributions.list(options.state, { limit: 1000, offset: 0 }),
  );
  if (options.json) return printJson(page);
  if (page.items.length === 0) out('no contributions');
  for (const item of page.items) out(line(item));
}

const Id = z
  .string()
  .trim()
  .regex(/^con_[0-9a-f-]{36}$/, 'must be a contribution id (con_…)');

export async function runContributeAccept(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const checked = parseOptions(z.object({ id: Id }), { id }).id;
  const options = parseOptions(z.object({ as: EmailSchema, json: z.boolean().default(false) }), raw);
  const decided = await withStore(globals, async (store) =>
    store.contributions.accept(checked, await account(store, options.as, 'reviewer')),
  );
  if (options.json) return printJson(decided);
  out(line(decided));
}

export async function runContributeReject(id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const checked = parseOptions(z.object({ id: Id }), { id }).id;
  const options = parseOptions(
    z.object({ as: EmailSchema, why: RejectionReason, json: z.boolean().default(false) }),
    raw,
  );
  const decided = await withStore(globals, async (store) =>
    store.contributions.reject(checked, await account(store, options.as, 'reviewer'), options.why),
  );
  if (options.json) return printJson(decided);
  out(line(decided));
}
