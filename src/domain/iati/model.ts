/**
 * The IATI activity model (IATI Activity Standard 2.0x): the parts the atlas follows — who reports
 * and who takes part, titles and descriptions in several languages, status, dates, recipient
 * countries, sectors, budgets, transactions and results. Pure types, no I/O. Every value keeps
 * `path`, the element path in its file (`/iati-activities/iati-activity[3]/transaction[2]`), which
 * with the file is the evidence of the stored value.
 */

/** A text in one language (`lang` null: the activity's default `xml:lang`). */
export interface Narrative {
  readonly lang: string | null;
  readonly text: string;
}

export interface IatiOrg {
  /** The IATI organisation identifier (`XM-DAC-41114`, `XI-IATI-EC_INTPA`), when given. */
  readonly ref: string | null;
  /** Organisation type code (10 government, 40 multilateral…). */
  readonly type: string | null;
  readonly names: readonly Narrative[];
}

export interface ParticipatingOrg extends IatiOrg {
  /** Organisation role code: 1 funding, 2 accountable, 3 extending, 4 implementing. */
  readonly role: string;
  readonly path: string;
}

export interface ReportingOrg extends IatiOrg {
  readonly path: string;
}

export interface IatiDescription {
  /** Description type code (1 general, 2 objectives, 3 target groups, 4 other); null when not given. */
  readonly type: string | null;
  readonly narratives: readonly Narrative[];
  readonly path: string;
}

export interface ActivityDate {
  /** 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
  readonly type: string;
  readonly isoDate: string;
  readonly path: string;
}

export interface RecipientCountry {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly percentage: number | null;
  readonly path: string;
}

export interface Sector {
  /** Sector vocabulary code; 1 = OECD DAC 5-digit purpose codes (15190: migration). */
  readonly vocabulary: string;
  readonly code: string;
  readonly percentage: number | null;
  readonly path: string;
}

/** A money value with its currency; `currencyInherited` when it came from the activity's default. */
export interface IatiValue {
  readonly value: number;
  readonly currency: string;
  readonly currencyInherited: boolean;
  readonly valueDate: string | null;
}

export interface Budget extends IatiValue {
  /** 1 original, 2 revised. */
  readonly type: string | null;
  /** 1 indicative, 2 committed. */
  readonly status: string | null;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly path: string;
}

export interface Transaction extends IatiValue {
  /** Transaction type code 1–13 (2 outgoing commitment, 3 disbursement, 4 expenditure…). */
  readonly type: number;
  readonly date: string;
  readonly description: readonly Narrative[];
  readonly providerOrg: IatiOrg | null;
  readonly receiverOrg: IatiOrg | null;
  readonly path: string;
}

export interface IndicatorPeriod {
  readonly start: string;
  readonly end: string;
  /** null when the period gives no target (or no actual) value. */
  readonly target: number | null;
  readonly actual: number | null;
  readonly path: string;
}

export interface Indicator {
  /** Indicator measure code: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. */
  readonly measure: string;
  readonly ascending: boolean | null;
  readonly title: readonly Narrative[];
  readonly baseline: {
    readonly year: number | null;
    readonly isoDate: string | null;
    readonly value: number | null;
  } | null;
  readonly periods: readonly IndicatorPeriod[];
  readonly path: string;
}

export interface Result {
  /** Result type code: 1 output, 2 outcome, 3 impact, 9 other. */
  readonly type: string;
  readonly title: readonly Narrative[];
  readonly indicators: readonly Indicator[];
  readonly path: string;
}

export interface IatiActivity {
  readonly identifier: string;
  readonly path: string;
  readonly defaultCurrency: string | null;
  readonly defaultLang: string | null;
  readonly lastUpdated: string | null;
  readonly reportingOrg: ReportingOrg | null;
  readonly titles: readonly Narrative[];
  readonly descriptions: readonly IatiDescription[];
  /** Activity status code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
  readonly status: string | null;
  readonly participatingOrgs: readonly ParticipatingOrg[];
  readonly dates: readonly ActivityDate[];
  readonly recipientCountries: readonly RecipientCountry[];
  readonly sectors: readonly Sector[];
  readonly budgets: readonly Budget[];
  readonly transactions: readonly Transaction[];
  readonly results: readonly Result[];
}

/** The file an activity came from: its evidence together with the element path. */
export interface IatiFileRecord {
  readonly id: string;
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** The `version` attribute of `iati-activities` (2.01, 2.02, 2.03). */
  readonly version: string;
}

/** The narrative in `lang`, else the untagged one, else the first; null when there is none. */
export function narrativeIn(narratives: readonly Narrative[], lang: string): string | null {
  const exact = narratives.find((n) => n.lang === lang);
  return (exact ?? narratives.find((n) => n.lang === null) ?? narratives[0])?.text ?? null;
}

/** An imported file as stored. */
export interface IatiFileSummary {
  readonly id: string;
  readonly name: string;
  readonly sourcePath: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly version: string;
  readonly activities: number;
  readonly importedAt: string;
}

/** An activity with the file it came from (its evidence, with each value's path). */
export interface StoredActivity {
  readonly activity: IatiActivity;
  readonly file: {
    readonly id: string;
    readonly name: string;
    readonly sourcePath: string;
    readonly version: string;
  };
}

/** How an activity is tied to an instrument. */
export type LinkMethod = 'cited' | 'matched' | 'manual';
export const LINK_METHODS: readonly LinkMethod[] = ['cited', 'matched', 'manual'];

export interface IatiLink {
  readonly id: string;
  readonly activityId: string;
  readonly instrumentId: string;
  readonly method: LinkMethod;
  /** The match score (0–1) of a `matched` link; null otherwise. */
  readonly score: number | null;
  readonly reasons: readonly string[];
  /** Where a document cites the activity (a `cited` link); null otherwise. */
  readonly evidence: {
    readonly documentId: string;
    readonly span: { readonly start: number; readonly end: number };
    readonly quote: string;
  } | null;
  readonly assertedBy: string;
  readonly reviewState: 'unreviewed' | 'confirmed' | 'rejected';
  readonly reviewedBy: string | null;
  readonly createdAt: string;
}

/** A link counts in the chain when a document cites it, or a person made or confirmed it. */
export const linkCounts = (link: IatiLink): boolean =>
  link.reviewState === 'confirmed' || (link.method === 'cited' && link.reviewState !== 'rejected');
