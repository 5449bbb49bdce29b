/**
 * The reference vocabulary: instrument types, topics, approaches and organizations, with French
 * and English labels. Codes come from the shared specification (`taxonomy.json`, copied into the
 * project); the unions below are checked against that file by a test so the two cannot drift.
 */
import data from './taxonomy.json' with { type: 'json' };
import type { Language } from './model.ts';

export const INSTRUMENT_TYPES = [
  'readmission_agreement',
  'visa_agreement',
  'labour_agreement',
  'trade_agreement',
  'agreement',
  'partnership',
  'memorandum_of_understanding',
  'letter_of_intent',
  'joint_declaration',
  'compact',
  'action_plan',
  'dialogue',
  'envoy',
  'programme',
  'fund',
  'coordination_mechanism',
  'operational_cooperation',
  'legal_act',
] as const;
export type InstrumentTypeCode = (typeof INSTRUMENT_TYPES)[number];

export const TOPICS = [
  'return_readmission',
  'legal_migration',
  'visa',
  'irregular_migration',
  'border_management',
  'protection',
  'root_causes_development',
  'diaspora',
  'human_rights',
  'civil_registry',
  'security',
  'climate_mobility',
  'trade',
] as const;
export type TopicCode = (typeof TOPICS)[number];

export const APPROACHES = [
  'positive_conditionality',
  'negative_conditionality',
  'reverse_conditionality',
  'tactical_linkage',
  'substantive_linkage',
  'whole_of_government',
  'team_europe',
] as const;
export type ApproachCode = (typeof APPROACHES)[number];

export const ORGANIZATIONS = [
  'EU',
  'IOM',
  'UNHCR',
  'UN',
  'UNDP',
  'ILO',
  'OECD',
  'FRONTEX',
  'ICMPD',
  'EMN',
  'AU',
  'ECOWAS',
  'CEMAC',
  'WORLD_BANK',
  'ADB',
  'INTERPOL',
] as const;
export type OrganizationCode = (typeof ORGANIZATIONS)[number];

export interface TaxonomyEntry {
  readonly code: string;
  readonly en: string;
  readonly fr: string;
  readonly note?: string;
}

/** The taxonomy as shipped, for labels and for the consistency test. */
export const TAXONOMY: {
  readonly version: number;
  readonly instrument_types: readonly TaxonomyEntry[];
  readonly topics: readonly TaxonomyEntry[];
  readonly approaches: readonly TaxonomyEntry[];
  readonly organizations: readonly TaxonomyEntry[];
} = data;

type Vocabulary = 'instrument_types' | 'topics' | 'approaches' | 'organizations';

const byCode = new Map<string, TaxonomyEntry>();
for (const vocabulary of ['instrument_types', 'topics', 'approaches', 'organizations'] as const) {
  for (const entry of TAXONOMY[vocabulary]) byCode.set(`${vocabulary}:${entry.code}`, entry);
}

/** The label of a code in a language; the code itself when unknown (never throws in a view). */
export function labelOf(vocabulary: Vocabulary, code: string, language: Language): string {
  return byCode.get(`${vocabulary}:${code}`)?.[language] ?? code;
}

export const isInstrumentType = (value: string): value is InstrumentTypeCode =>
  (INSTRUMENT_TYPES as readonly string[]).includes(value);
export const isTopic = (value: string): value is TopicCode => (TOPICS as readonly string[]).includes(value);
export const isApproach = (value: string): value is ApproachCode =>
  (APPROACHES as readonly string[]).includes(value);
export const isOrganization = (value: string): value is OrganizationCode =>
  (ORGANIZATIONS as readonly string[]).includes(value);
