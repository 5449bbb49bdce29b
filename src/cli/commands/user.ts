/**
 * `mda user add|role|password|token|list|invite`: accounts from the machine that holds the database.
 * Whoever runs the CLI already has the database file, so these commands are how the first admin is
 * made; the change is recorded in the audit log as made by `cli`. Secrets (a password read from
 * standard input, an API token, an invitation link) are never taken as arguments, which `ps` and
 * shell histories would keep, and a token or invitation is printed once: only its hash is stored.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import {
  EmailSchema,
  PasswordSchema,
  PersonNameSchema,
  RoleSchema,
  ScopeSchema,
  type User,
} from '../../domain/people.ts';
import { invalidInput, notFound } from '../../domain/errors.ts';
import type { AtlasStore } from '../../storage/atlas-store.ts';
import { globalsOf, withStore } from '../context.ts';
import { parseOptions } from '../options.ts';
import { err, oneLine, out, printJson } from '../output.ts';

/** Who the audit log names for a change made from the command line. */
const CLI_ACTOR = 'cli';

const OrgName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200, 'must be at most 200 characters')
  .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

const AddOptions = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  role: RoleSchema,
  org: OrgName.optional(),
  focalPoint: z.boolean().default(false),
  passwordStdin: z.boolean().default(false),
  json: z.boolean().default(false),
});

const TokenOptions = z.object({
  email: EmailSchema,
  scope: ScopeSchema.optional(),
  name: PersonNameSchema.default('script'),
  revoke: z.string().trim().min(1).max(100).optional(),
});

const InviteOptions = z.object({
  email: EmailSchema,
  role: RoleSchema,
  org: OrgName.optional(),
});

/** Reads the password from standard input (the first line; a pipe or a terminal). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  const text = Buffer.concat(chunks).toString('utf8');
  const line = text.split(/\r?\n/)[0] ?? '';
  return parseOptions(z.object({ passwordStdin: PasswordSchema }), { passwordStdin: line }).passwordStdin;
}

async function userByEmail(store: AtlasStore, email: string): Promise<User> {
  const user = await store.people.findUserByEmail(email);
  if (user === undefined) throw notFound('user', email);
  return user;
}

/** An organisation named by its id or its name (any case); a new name creates it. */
async function organisationFor(store: AtlasStore, nameOrId: string): Promise<string> {
  const all = await store.people.listOrganisations();
  const found =
    all.find((o) => o.id === nameOrId) ?? all.find((o) => o.name.toLowerCase() === nameOrId.toLowerCase());
  if (found !== undefined) return found.id;
  const created = await store.people.addOrganisation(nameOrId, CLI_ACTOR);
  err(`organisation ${created.id} created: ${oneLine(created.name)}`);
  return created.id;
}

const describeUser = (u: User): string =>
  `${u.email}  ${oneLine(u.name)}  ${u.role}${u.organisationId === null ? '' : `  ${u.organisationId}`}${u.focalPoint ? '  (focal point)' : ''}`;

export async function runUserAdd(email: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(AddOptions, { ...(raw as object), email });
  // Read before the database is opened: a bad password loses nothing and holds no lock.
  const password = o.passwordStdin ? await passwordFromStdin() : null;
  const user = await withStore(globals, async (store) => {
    const organisationId = o.org === undefined ? null : await organisationFor(store, o.org);
    return store.people.addUser(
      { email: o.email, name: o.name, role: o.role, organisationId, focalPoint: o.focalPoint, password },
      CLI_ACTOR,
    );
  });
  if (o.json) return printJson(user);
  out(`user ${user.id} added: ${describeUser(user)}`);
  if (password === null) {
    err('no password yet: set one with `mda user password EMAIL --password-stdin` or send an invitation');
  }
}

export async function runUserRole(
  email: string,
  role: string,
  _raw: unknown,
  command: Command,
): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(z.object({ email: EmailSchema, role: RoleSchema }), { email, role });
  const user = await withStore(globals, async (store) =>
    store.people.setRole((await userByEmail(store, o.email)).id, o.role, CLI_ACTOR),
  );
  out(`${user.email} is now ${user.role}`);
}

export async function runUserPassword(email: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(z.object({ email: EmailSchema, passwordStdin: z.boolean().default(false) }), {
    ...(raw as object),
    email,
  });
  if (!o.passwordStdin) throw invalidInput('--password-stdin', 'give the password on standard input');
  const password = await passwordFromStdin();
  await withStore(globals, async (store) =>
    store.people.setPassword((await userByEmail(store, o.email)).id, password, CLI_ACTOR),
  );
  out(`password of ${o.email} set; the user's open sessions were ended`);
}

export async function runUserToken(email: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(TokenOptions, { ...(raw as object), email });
  if (o.revoke !== undefined) {
    const revokeId = o.revoke;
    const record = await withStore(globals, async (store) => {
      const user = await userByEmail(store, o.email);
      const owned = (await store.people.listTokens(user.id)).some((t) => t.id === revokeId);
      // A token of another user is "not found" here: the email names whose token is revoked.
      if (!owned) throw notFound('token', `${revokeId} of ${o.email}`);
      return store.people.revokeToken(revokeId, CLI_ACTOR);
    });
    out(`token ${record.id} revoked`);
    return;
  }
  if (o.scope === undefined) throw invalidInput('--scope', 'give read, write or review (or --revoke ID)');
  const scope = o.scope;
  const created = await withStore(globals, async (store) =>
    store.people.createToken((await userByEmail(store, o.email)).id, o.name, scope, CLI_ACTOR),
  );
  // The secret goes to stdout alone (scripts read it); what it is goes to stderr.
  err(`token ${created.record.id} (${scope}) for ${o.email}: shown once, keep it secret`);
  out(created.token);
}

export async function runUserList(raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(
    z.object({ json: z.boolean().default(false), tokens: z.boolean().default(false) }),
    raw,
  );
  const { users, tokens } = await withStore(globals, async (store) => ({
    users: await store.people.listUsers(),
    tokens: o.tokens ? await store.people.listTokens() : [],
  }));
  if (o.json) return printJson(o.tokens ? { users, tokens } : users);
  for (const u of users) {
    out(describeUser(u));
    for (const t of tokens.filter((x) => x.userId === u.id)) {
      out(
        `  token ${t.id}  ${oneLine(t.name)}  ${t.scope}  ${t.createdAt.slice(0, 10)}${t.revokedAt === null ? '' : `  revoked ${t.revokedAt.slice(0, 10)}`}`,
      );
    }
  }
  out(`${users.length} users`);
}

export async function runUserInvite(email: string, raw: unknown, command: Command): Promise<void> {
  const globals = globalsOf(command);
  const o = parseOptions(InviteOptions, { ...(raw as object), email });
  const { token, invitation } = await withStore(globals, async (store) => {
    const organisationId = o.org === undefined ? null : await organisationFor(store, o.org);
    return store.people.invite({ email: o.email, role: o.role, organisationId }, CLI_ACTOR);
  });
  err(
    `invitation ${invitation.id} for ${invitation.email} (${invitation.role}) until ${invitation.expiresAt.slice(0, 10)}: send the link below once; it opens the sign-up page`,
  );
  out(`/sign-in/invitation?token=${encodeURIComponent(token)}`);
}
