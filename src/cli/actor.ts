/**
 * Who a change made from the command line is recorded as. Whoever runs `mda` holds the database
 * file, so the command line needs no sign-in; `--as EMAIL` names the account the change is made
 * for (recorded as `user:<id>`, shown with the account's name), and without it the change is
 * recorded as `cli`. Never a free-typed name: a name that is no account is refused.
 */
import { notFound } from '../domain/errors.ts';
import { actorLabel, EmailSchema } from '../domain/people.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';
import { parseOptions } from './options.ts';
import { z } from 'zod';

export interface CliActor {
  /** The audit log's actor: `user:<id>` or `cli`. */
  readonly actor: string;
  /** What a value's "entered by" shows. */
  readonly name: string;
}

export async function cliActor(store: AtlasStore, email: string | undefined): Promise<CliActor> {
  if (email === undefined) return { actor: 'cli', name: 'cli' };
  const checked = parseOptions(z.object({ as: EmailSchema }), { as: email }).as;
  const user = await store.people.findUserByEmail(checked);
  if (user === undefined) throw notFound('user', checked);
  return { actor: actorLabel(user), name: user.name };
}
