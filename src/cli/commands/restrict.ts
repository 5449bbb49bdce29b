/**
 * `mda restrict KIND ID --to ORG | --public`: the operator of the local file restricts a document,
 * an instrument or a claim to an organisation, or makes it public again; the audit log keeps the
 * change with `cli` as its author and the reason given with `--why`.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { invalidInput } from '../../domain/errors.ts';
import { changeRestriction } from '../../services/restrictions.ts';
import { RESTRICTABLE } from '../../storage/atlas-store.ts';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { out, printJson } from '../output.ts';

const Kind = z.enum(RESTRICTABLE, { error: `must be one of ${RESTRICTABLE.join(', ')}` });

const RestrictOptions = z.object({
  to: z.string().trim().min(1).max(200).optional(),
  public: z.boolean().default(false),
  why: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  json: z.boolean().default(false),
});

export async function runRestrict(kind: string, id: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const checkedKind = parseOptions(z.object({ kind: Kind }), { kind }).kind;
  const options = parseOptions(RestrictOptions, raw);
  if ((options.to === undefined) === !options.public) {
    throw invalidInput('--to', 'give either --to ORGANISATION or --public');
  }
  const change = await withStore(globals, (store) =>
    changeRestriction(store, null, 'cli', {
      kind: checkedKind,
      id,
      organisation: options.to ?? null,
      reason: options.why ?? null,
    }),
  );
  if (options.json) return printJson(change);
  out(
    change.restrictedTo === null
      ? `${change.kind} ${change.id} is public (was restricted to ${change.before ?? 'no organisation'})`
      : `${change.kind} ${change.id} is restricted to ${change.restrictedTo}`,
  );
}
