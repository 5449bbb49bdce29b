/**
 * Users, organisations, sessions, API tokens and invitations, in portable Kysely. Every change is
 * written with its audit entry in one transaction. Secrets are stored hashed (see secrets.ts).
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AtlasError, notFound } from '../../domain/errors.ts';
import type { Role, TokenScope, User } from '../../domain/people.ts';
import type { Database, UsersTable } from '../schema.ts';
import { appendChange, listChanges, type Change, type ChangeInput } from './audit.ts';
import { decoyHash, hashPassword, newId, newSecret, secretHash, verifyPassword } from './secrets.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Organisation {
  readonly id: string;
  readonly name: string;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationId?: string | null;
  readonly focalPoint?: boolean;
  /** Null: the user has no password yet (an invitation sets it). */
  readonly password?: string | null;
}

export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scope: TokenScope;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly organisationId: string | null;
  readonly invitedBy: string | null;
  readonly expiresAt: string;
}

/** A new session: the id goes to the user's cookie and nowhere else. */
export interface NewSession {
  readonly id: string;
  readonly expiresAt: string;
}

export interface PeopleStore {
  countUsers(): Promise<number>;
  addOrganisation(name: string, by: string): Promise<Organisation>;
  listOrganisations(): Promise<Organisation[]>;
  /** Throws conflict when the email is taken, not_found for an unknown organisation. */
  addUser(input: NewUser, by: string): Promise<User>;
  findUserByEmail(email: string): Promise<User | undefined>;
  /** Throws not_found. */
  getUser(id: string): Promise<User>;
  listUsers(): Promise<User[]>;
  setRole(userId: string, role: Role, by: string): Promise<User>;
  setPassword(userId: string, password: string, by: string): Promise<void>;
  /** The user when the password matches; undefined otherwise (same work either way). */
  authenticate(email: string, password: string): Promise<User | undefined>;
  createSession(userId: string, ttlMs: number): Promise<NewSession>;
  sessionUser(sessionId: string): Promise<User | undefined>;
  endSession(sessionId: string): Promise<void>;
  createToken(
    userId: string,
    name: string,
    scope: TokenScope,
    by: string,
  ): Promise<{ token: string; record: ApiTokenRecord }>;
  tokenUser(token: string): Promise<{ user: User; scope: TokenScope; tokenId: string } | undefined>;
  listTokens(userId?: string): Promise<ApiTokenRecord[]>;
  /** Throws not_found; revoking twice is harmless. */
  revokeToken(tokenId: string, by: string): Promise<ApiTokenRecord>;
  invite(
    input: { email: string; role: Role; organisationId?: string | null },
    by: string,
    ttlMs?: number,
  ): Promise<{ token: string; invitation: Invitation }>;
  /** A pending, unexpired invitation, or undefined. */
  invitation(token: string): Promise<Invitation | undefined>;
  /** Creates the user (or sets the invited user's password) and closes the invitation. */
  acceptInvitation(token: string, name: string, password: string): Promise<User>;
  /** Appends a change to the audit log. */
  recordChange(change: ChangeInput): Promise<void>;
  history(
    filter: { readonly subjectKind?: string; readonly subjectId?: string; readonly actor?: string },
    page: { readonly limit: number; readonly offset: number },
  ): Promise<{ items: Change[]; total: number }>;
}

const WEEK = 7 * 24 * 3600 * 1000;

export function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    focalPoint: row.focal_point === 1,
    createdAt: row.created_at,
  };
}

const tokenFromRow = (row: Selectable<Database['api_tokens']>): ApiTokenRecord => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  scope: row.scope as TokenScope,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** What the audit log keeps of a user (no secret). */
const userRecord = (user: User) => ({
  email: user.email,
  name: user.name,
  role: user.role,
  organisationId: user.organisationId,
  focalPoint: user.focalPoint,
});

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'org';

export function createPeopleStore(db: Kysely<Database>): PeopleStore {
  const now = () => new Date().toISOString();

  async function loadUser(trx: Db, id: string): Promise<User> {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('user', id);
    return userFromRow(row);
  }

  async function insertUser(trx: Transaction<Database>, input: NewUser, by: string): Promise<User> {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw new AtlasError('conflict', `a user with email ${input.email} exists`, { field: 'email' });
    }
    const organisationId = input.organisationId ?? null;
    if (organisationId !== null) {
      const org = await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', organisationId)
        .executeTakeFirst();
      if (org === undefined) throw notFound('organisation', organisationId);
    }
    const at = now();
    const id = newId('usr_');
    await trx
      .insertInto('users')
      .values({
        id,
        email: input.email,
        name: input.name,
        role: input.role,
        organisation_id: organisationId,
        focal_point: input.focalPoint === true ? 1 : 0,
        created_at: at,
        created_by: by,
      })
      .execute();
    if (input.password !== undefined && input.password !== null) {
      await trx
        .insertInto('user_credentials')
        .values({ user_id: id, password_hash: await hashPassword(input.password), updated_at: at })
        .execute();
    }
    const user = await loadUser(trx, id);
    await appendChange(
      trx,
      { actor: by, action: 'user.add', subjectKind: 'user', subjectId: id, after: userRecord(user) },
      at,
    );
    return user;
  }

  return {
    async countUsers() {
      const row = await db
        .selectFrom('users')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async addOrganisation(name, by) {
      return db.transaction().execute(async (trx) => {
        const base = slug(name);
        let id = base;
        for (
          let i = 2;
          await trx.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
          i++
        ) {
          id = `${base}-${i}`;
        }
        await trx.insertInto('organisations').values({ id, name, created_at: now() }).execute();
        await appendChange(trx, {
          actor: by,
          action: 'organisation.add',
          subjectKind: 'organisation',
          subjectId: id,
          after: { name },
        });
        return { id, name };
      });
    },

    async listOrganisations() {
      return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
    },

    addUser: (input, by) => db.transaction().execute((trx) => insertUser(trx, input, by)),

    async findUserByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return row === undefined ? undefined : userFromRow(row);
    },

    getUser: (id) => loadUser(db, id),

    async listUsers() {
      return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(userFromRow);
    },

    async setRole(userId, role, by) {
      return db.transaction().execute(async (trx) => {
        const before = await loadUser(trx, userId);
        await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
        const after = await loadUser(trx, userId);
        await appendChange(trx, {
          actor: by,
          action: 'user.role',
          subjectKind: 'user',
          subjectId: userId,
          before: { role: before.role },
          after: { role },
        });
        return after;
      });
    },

    async setPassword(userId, password, by) {
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await loadUser(trx, userId);
        const at = now();
        await trx
          .insertInto('user_credentials')
          .values({ user_id: userId, password_hash: hash, updated_at: at })
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: hash, updated_at: at }))
          .execute();
        // A new password ends every session that the old one opened.
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await appendChange(
          trx,
          { actor: by, action: 'user.password', subjectKind: 'user', subjectId: userId },
          at,
        );
      });
    },

    async authenticate(email, password) {
      const row = await db
        .selectFrom('users')
        .leftJoin('user_credentials', 'user_credentials.user_id', 'users.id')
        .selectAll('users')
        .select('user_credentials.password_hash')
        .where('users.email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      const hash = row?.password_hash ?? (await decoyHash());
      const matches = await verifyPassword(password, hash);
      return matches && row !== undefined && row.password_hash !== null ? userFromRow(row) : undefined;
    },

    async createSession(userId, ttlMs) {
      const id = newSecret('mda_s_');
      const at = new Date();
      const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
      await db
        .insertInto('sessions')
        .values({
          id_hash: secretHash(id),
          user_id: userId,
          created_at: at.toISOString(),
          expires_at: expiresAt,
        })
        .execute();
      return { id, expiresAt };
    },

    async sessionUser(sessionId) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .where('sessions.id_hash', '=', secretHash(sessionId))
        .where('sessions.expires_at', '>', now())
        .executeTakeFirst();
      return row === undefined ? undefined : userFromRow(row);
    },

    async endSession(sessionId) {
      await db.deleteFrom('sessions').where('id_hash', '=', secretHash(sessionId)).execute();
    },

    async createToken(userId, name, scope, by) {
      return db.transaction().execute(async (trx) => {
        await loadUser(trx, userId);
        const token = newSecret('mda_t_');
        const record = {
          id: newId('tok_'),
          user_id: userId,
          name,
          token_hash: secretHash(token),
          scope,
          created_at: now(),
          revoked_at: null,
        };
        await trx.insertInto('api_tokens').values(record).execute();
        await appendChange(trx, {
          actor: by,
          action: 'token.create',
          subjectKind: 'user',
          subjectId: userId,
          after: { token: record.id, name, scope },
        });
        return { token, record: tokenFromRow(record) };
      });
    },

    async tokenUser(token) {
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .selectAll('users')
        .select(['api_tokens.scope', 'api_tokens.id as token_id'])
        .where('api_tokens.token_hash', '=', secretHash(token))
        .where('api_tokens.revoked_at', 'is', null)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { user: userFromRow(row), scope: row.scope as TokenScope, tokenId: row.token_id };
    },

    async listTokens(userId) {
      let query = db.selectFrom('api_tokens').selectAll();
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.orderBy('created_at').orderBy('id').execute()).map(tokenFromRow);
    },

    async revokeToken(tokenId, by) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('api_tokens')
          .selectAll()
          .where('id', '=', tokenId)
          .executeTakeFirst();
        if (row === undefined) throw notFound('token', tokenId);
        if (row.revoked_at !== null) return tokenFromRow(row);
        const at = now();
        await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).execute();
        await appendChange(
          trx,
          {
            actor: by,
            action: 'token.revoke',
            subjectKind: 'user',
            subjectId: row.user_id,
            before: { token: tokenId },
            after: { token: tokenId, revokedAt: at },
          },
          at,
        );
        return tokenFromRow({ ...row, revoked_at: at });
      });
    },

    async invite(input, by, ttlMs = WEEK) {
      return db.transaction().execute(async (trx) => {
        const organisationId = input.organisationId ?? null;
        if (organisationId !== null) {
          const org = await trx
            .selectFrom('organisations')
            .select('id')
            .where('id', '=', organisationId)
            .executeTakeFirst();
          if (org === undefined) throw notFound('organisation', organisationId);
        }
        const token = newSecret('mda_i_');
        const at = new Date();
        const row = {
          id: newId('inv_'),
          token_hash: secretHash(token),
          email: input.email,
          role: input.role,
          organisation_id: organisationId,
          invited_by: by,
          created_at: at.toISOString(),
          expires_at: new Date(at.getTime() + ttlMs).toISOString(),
          accepted_at: null,
        };
        await trx.insertInto('invitations').values(row).execute();
        await appendChange(trx, {
          actor: by,
          action: 'user.invite',
          subjectKind: 'invitation',
          subjectId: row.id,
          after: { email: input.email, role: input.role, organisationId },
        });
        return {
          token,
          invitation: {
            id: row.id,
            email: row.email,
            role: input.role,
            organisationId,
            invitedBy: by,
            expiresAt: row.expires_at,
          },
        };
      });
    },

    async invitation(token) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', secretHash(token))
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : {
            id: row.id,
            email: row.email,
            role: row.role as Role,
            organisationId: row.organisation_id,
            invitedBy: row.invited_by,
            expiresAt: row.expires_at,
          };
    },

    async acceptInvitation(token, name, password) {
      const hash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('invitations')
          .selectAll()
          .where('token_hash', '=', secretHash(token))
          .where('accepted_at', 'is', null)
          .where('expires_at', '>', now())
          .executeTakeFirst();
        if (row === undefined) throw notFound('invitation', 'link');
        const at = now();
        const existing = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', row.email)
          .executeTakeFirst();
        const user =
          existing === undefined
            ? await insertUser(
                trx,
                { email: row.email, name, role: row.role as Role, organisationId: row.organisation_id },
                row.invited_by ?? 'cli',
              )
            : await loadUser(trx, existing.id);
        await trx
          .insertInto('user_credentials')
          .values({ user_id: user.id, password_hash: hash, updated_at: at })
          .onConflict((oc) => oc.column('user_id').doUpdateSet({ password_hash: hash, updated_at: at }))
          .execute();
        await trx.updateTable('invitations').set({ accepted_at: at }).where('id', '=', row.id).execute();
        await appendChange(
          trx,
          { actor: `user:${user.id}`, action: 'user.accept', subjectKind: 'invitation', subjectId: row.id },
          at,
        );
        return user;
      });
    },

    recordChange: (change) => appendChange(db, change),
    history: (filter, page) => listChanges(db, filter, page),
  };
}
