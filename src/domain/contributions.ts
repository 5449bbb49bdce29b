/**
 * Manual records with sources (issue 11, item 4): an instrument, an event or a commitment that no
 * stored document names yet, contributed by a person who cites where it comes from — a web address (with the words it
 * says, if they give them) or a span of a stored document. Checked here against the taxonomy
 * before any adapter touches the database; a reviewer then accepts or rejects it. Pure: no I/O.
 */
import { z } from 'zod';
import { ACTOR_ID_PATTERN } from './actors.ts';
import { userText, webUrl } from './input-schemas.ts';
import { LANGUAGES, PARTY_ROLES, type EventKind } from './model.ts';
import { LEGAL_FORMS } from './review.ts';
import { APPROACHES, INSTRUMENT_TYPES, TOPICS } from './taxonomy.ts';

/** What a contribution is: an instrument, an event (a meeting, a visit…) or a commitment. */
export const CONTRIBUTION_KINDS = ['instrument', 'event', 'commitment'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** pending until a reviewer decides; accepted ones are published as records, rejected ones never. */
export const CONTRIBUTION_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ContributionState = (typeof CONTRIBUTION_STATES)[number];

/** The longest quote a contributor may cite from a web page. */
export const MAX_CONTRIBUTION_QUOTE = 2000;

const DATE_ROLES = ['signature', 'launch', 'meeting', 'end', 'adoption', 'mentioned'] as const;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** A partial ISO date, with its precision derived from its length. */
const datedValue = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const precisionOf = (value: string): 'year' | 'month' | 'day' =>
  value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';

/** Where the contribution comes from: a web page, or a span of a document the atlas holds. */
export const ContributionSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('url'),
    url: webUrl,
    quote: userText(MAX_CONTRIBUTION_QUOTE, { min: 1, multiline: true }).optional(),
  }),
  z
    .object({
      kind: z.literal('document'),
      documentId: z.string().trim().min(1).max(200),
      start: z.number().int().min(0),
      end: z.number().int().min(1),
    })
    .refine((source) => source.end > source.start, { message: 'END must be after START', path: ['end'] }),
]);
export type ContributionSource = z.output<typeof ContributionSourceSchema>;

export const ContributedInstrumentSchema = z.object({
  type: enumOf(INSTRUMENT_TYPES),
  title: userText(500, { min: 1 }),
  legalForm: enumOf(LEGAL_FORMS),
  binding: z.boolean().nullable().default(null),
  parties: z
    .array(
      z.object({
        actorId: z.string().trim().regex(ACTOR_ID_PATTERN, 'must be an actor id (FR, org:eu…)'),
        role: enumOf(PARTY_ROLES as unknown as readonly [string, ...string[]]),
      }),
    )
    .max(100)
    .default([]),
  dates: z
    .array(z.object({ value: datedValue, role: enumOf(DATE_ROLES) }))
    .max(20)
    .default([]),
  amounts: z
    .array(
      z.object({
        value: z.number().finite().min(0).max(1e15),
        currency: z
          .string()
          .trim()
          .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
        approximate: z.boolean().default(false),
      }),
    )
    .max(20)
    .default([]),
  topics: z.array(enumOf(TOPICS)).max(20).default([]),
  approaches: z.array(enumOf(APPROACHES)).max(20).default([]),
  /** The language the cited words are in (the evidence text of a URL source). */
  language: enumOf(LANGUAGES as unknown as readonly [string, ...string[]]).default('en'),
  source: ContributionSourceSchema,
});
export type ContributedInstrument = z.output<typeof ContributedInstrumentSchema>;

/** The kinds of event a person may contribute (the extractor's kinds). */
export const EVENT_KINDS = [
  'meeting',
  'dialogue_round',
  'summit',
  'visit',
  'conference',
] as const satisfies readonly EventKind[];

const actorIdSchema = z.string().trim().regex(ACTOR_ID_PATTERN, 'must be an actor id (FR, org:eu…)');
const languageSchema = enumOf(LANGUAGES as unknown as readonly [string, ...string[]]).default('en');

/** An event: what it was, when and where, who took part, and where that is said. */
export const ContributedEventSchema = z.object({
  kind: enumOf(EVENT_KINDS),
  title: userText(500, { min: 1 }),
  date: datedValue.nullable().default(null),
  place: userText(200, { min: 1 }).nullable().default(null),
  participants: z.array(actorIdSchema).max(100).default([]),
  language: languageSchema,
  source: ContributionSourceSchema,
});
export type ContributedEvent = z.output<typeof ContributedEventSchema>;

/** A commitment: the words committed to, who committed, by when, on what, and where it is said. */
export const ContributedCommitmentSchema = z.object({
  text: userText(2000, { min: 1, multiline: true }),
  owners: z.array(actorIdSchema).min(1, 'name who committed').max(50),
  deadline: datedValue.nullable().default(null),
  topics: z.array(enumOf(TOPICS)).max(20).default([]),
  language: languageSchema,
  source: ContributionSourceSchema,
});
export type ContributedCommitment = z.output<typeof ContributedCommitmentSchema>;

/** A contributed record of any kind, as stored with its contribution. */
export type ContributedRecord = ContributedInstrument | ContributedEvent | ContributedCommitment;

/** Why a reviewer rejects a contribution: required. */
export const RejectionReason = userText(1000, { min: 1 });
