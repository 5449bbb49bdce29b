/** The shape of `catalogue.json`, checked by the tests (the extraction core trusts the file). */
import { z } from 'zod';
import { LEGAL_FORMS } from '../../domain/model.ts';
import { INSTRUMENT_TYPES } from '../../domain/taxonomy.ts';

/** A name as written in a text: no regular-expression syntax, no leading or trailing blank. */
const Name = z
  .string()
  .min(2)
  .refine((s) => s === s.trim() && !/[\\^$*+?()[\]{}|]/.test(s), 'a plain name, not a pattern');

export const CatalogueEntrySchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  type: z.enum(INSTRUMENT_TYPES),
  legalForm: z.enum(LEGAL_FORMS),
  binding: z.boolean().nullable(),
  parties: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+$/)).nullable(),
  aliases: z.strictObject({ en: z.array(Name), fr: z.array(Name) }),
  acronyms: z.array(Name),
  source: z.url({ protocol: /^https?$/ }),
});

export const CatalogueFileSchema = z.object({
  $comment: z.string().optional(),
  entries: z
    .array(CatalogueEntrySchema)
    .min(1)
    .refine((entries) => new Set(entries.map((e) => e.key)).size === entries.length, 'keys are unique'),
});
