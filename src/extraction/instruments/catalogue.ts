/**
 * Well-known named instruments of migration diplomacy, kept as data with their sources in
 * `catalogue.json` (validated by a test). Domain knowledge: who holds them and what they are does not
 * depend on the document, so their type and parties are fixed there. Multilateral processes and
 * global compacts have no parties (the guidelines: more than six parties, or parties not named → []).
 *
 * The catalogue only adds recall and exact party sets for instruments a specialist would list
 * unprompted; the general rules must find instruments without it (`--no-catalogue`).
 */
import type { LegalForm } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import data from './catalogue.json' with { type: 'json' };

/** A named instrument the atlas knows. */
export interface CatalogueEntry {
  /** Stable key, also the dedupe key of its mentions. */
  readonly key: string;
  readonly title: string;
  readonly type: InstrumentTypeCode;
  readonly legalForm: LegalForm;
  readonly binding: boolean | null;
  /** Actor ids holding it; `null` when they must be read from the context. */
  readonly parties: readonly string[] | null;
  /** Its names in each language, plain text, matched without regard to case or accents. */
  readonly aliases: { readonly en: readonly string[]; readonly fr: readonly string[] };
  /** Short forms matched with their exact case ("GCM", "EUTF"). */
  readonly acronyms: readonly string[];
  /** A public page or the official text. */
  readonly source: string;
}

/** The catalogue file as it is stored (validated against `CatalogueFileSchema` in the tests). */
export interface CatalogueFile {
  readonly entries: readonly CatalogueEntry[];
}

/** The catalogue. */
export const CATALOGUE: readonly CatalogueEntry[] = (data as unknown as CatalogueFile).entries;
