/**
 * Accounts for tests that write through the API or the web forms: a user of the role asked for,
 * made directly in the store (as `mda user add` does), with an API token (scripts) or a signed-in
 * browser session (cookie plus the session's CSRF token, as a page's form carries it).
 */
import { randomBytes } from 'node:crypto';
import type { Role, TokenScope } from '../../src/domain/people.ts';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';

export const TEST_PASSWORD = 'a long enough test password';

const SCOPE: Readonly<Record<Role, TokenScope>> = {
  reader: 'read',
  contributor: 'write',
  reviewer: 'review',
  admin: 'review',
};

/** A new user of `role` (unique email); with a password only when asked (scrypt takes time). */
export async function addTestUser(
  store: AtlasStore,
  role: Role,
  options: { name?: string; password?: boolean } = {},
) {
  return store.people.addUser(
    {
      email: `${role}-${randomBytes(4).toString('hex')}@example.org`,
      name: options.name ?? `Test ${role}`,
      role,
      password: options.password === true ? TEST_PASSWORD : null,
    },
    'cli',
  );
}

/** An `Authorization: Bearer` header for a new user of `role`, and that user's id. */
export async function bearerFor(
  store: AtlasStore,
  role: Role = 'contributor',
  name?: string,
): Promise<{ headers: { authorization: string }; userId: string }> {
  const user = await addTestUser(store, role, name === undefined ? {} : { name });
  const { token } = await store.people.createToken(user.id, 'test', SCOPE[role], 'cli');
  return { headers: { authorization: `Bearer ${token}` }, userId: user.id };
}

/** A browser session of a new user of `role`, signed in through POST /api/session on `base`. */
export async function sessionFor(
  store: AtlasStore,
  base: string,
  role: Role = 'contributor',
  name?: string,
): Promise<{ cookie: string; csrf: string; userId: string }> {
  const user = await addTestUser(store, role, { password: true, ...(name === undefined ? {} : { name }) });
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = /mda_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken, userId: user.id };
}
