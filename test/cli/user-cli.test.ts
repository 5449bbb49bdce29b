/**
 * `mda user add|role|password|token|list|invite` on a real database file: the first admin made
 * from the command line with a password read from standard input, roles changed, API tokens shown
 * once and revoked, invitations; bad input is one error line and stores nothing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openAtlasStore } from '../../src/storage/database.ts';
import { mda, spawnMda } from '../support/cli.ts';

/** Runs `mda …args` as a process with `input` on its standard input. */
function mdaWithInput(
  args: string[],
  input: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnMda(args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

void describe('mda user', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mda-user-cli-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  void it('makes the first admin with a password from standard input, who can then sign in', async () => {
    const added = await mdaWithInput(
      [
        '--data',
        dir,
        'user',
        'add',
        'Admin@Example.org',
        '--name',
        'Ada Admin',
        '--role',
        'admin',
        '--password-stdin',
      ],
      'a long enough secret\n',
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^user usr_\S+ added: admin@example\.org {2}Ada Admin {2}admin/);
    const store = await openAtlasStore({ dataDir: dir });
    try {
      assert.equal(
        (await store.people.authenticate('admin@example.org', 'a long enough secret'))?.role,
        'admin',
      );
      const history = await store.people.history({ subjectKind: 'user' }, { limit: 10, offset: 0 });
      assert.equal(history.items[0]?.actor, 'cli');
      assert.equal(history.items[0]?.action, 'user.add');
    } finally {
      await store.close();
    }
    const short = await mdaWithInput(
      ['--data', dir, 'user', 'add', 'b@example.org', '--name', 'B', '--role', 'reader', '--password-stdin'],
      'short\n',
    );
    assert.equal(short.code, 64);
    assert.match(short.stderr, /--password-stdin.*at least 10 characters/);
  });

  void it('adds users in organisations, changes roles, lists them; refuses bad values with one line', async () => {
    const add = await mda(
      '--data',
      dir,
      'user',
      'add',
      'rita@example.org',
      '--name',
      'Rita',
      '--role',
      'reader',
      '--org',
      'Ministère de l’Intérieur',
    );
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /organisation ministere-de-l-interieur created/);
    assert.match(add.stderr, /no password yet/);
    const again = await mda(
      '--data',
      dir,
      'user',
      'add',
      'sam@example.org',
      '--name',
      'Sam',
      '--role',
      'contributor',
      '--org',
      'ministère de l’intérieur',
    );
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /created/, 'the same name is the same organisation');
    assert.equal(
      (await mda('--data', dir, 'user', 'role', 'rita@example.org', 'reviewer')).stdout,
      'rita@example.org is now reviewer\n',
    );
    const list = await mda('--data', dir, 'user', 'list', '--json');
    const users = JSON.parse(list.stdout) as { email: string; role: string; organisationId: string | null }[];
    assert.deepEqual(
      users.map((u) => [u.email, u.role, u.organisationId]),
      [
        ['admin@example.org', 'admin', null],
        ['rita@example.org', 'reviewer', 'ministere-de-l-interieur'],
        ['sam@example.org', 'contributor', 'ministere-de-l-interieur'],
      ],
    );
    const badRole = await mda('--data', dir, 'user', 'role', 'rita@example.org', 'boss');
    assert.equal(badRole.code, 64);
    assert.match(badRole.stderr, /must be one of reader, contributor, reviewer, admin/);
    const taken = await mda(
      '--data',
      dir,
      'user',
      'add',
      'RITA@example.org',
      '--name',
      'R',
      '--role',
      'reader',
    );
    assert.equal(taken.code, 65);
    assert.match(taken.stderr, /exists/);
    const nobody = await mda('--data', dir, 'user', 'role', 'nobody@example.org', 'reader');
    assert.equal(nobody.code, 66);
    const badEmail = await mda(
      '--data',
      dir,
      'user',
      'add',
      'not-an-email',
      '--name',
      'X',
      '--role',
      'reader',
    );
    assert.equal(badEmail.code, 64);
    assert.match(badEmail.stderr, /must be an email address/);
  });

  void it('prints a token once on stdout, lists it without the secret, revokes it', async () => {
    const made = await mda(
      '--data',
      dir,
      'user',
      'token',
      'sam@example.org',
      '--scope',
      'write',
      '--name',
      'nightly import',
    );
    assert.equal(made.code, 0, made.stderr);
    const secret = made.stdout.trim();
    assert.match(secret, /^mda_t_[A-Za-z0-9_-]{43}$/);
    const id = /token (tok_\S+) \(write\)/.exec(made.stderr)?.[1] ?? '';
    const store = await openAtlasStore({ dataDir: dir });
    try {
      assert.equal((await store.people.tokenUser(secret))?.user.email, 'sam@example.org');
    } finally {
      await store.close();
    }
    const listed = await mda('--data', dir, 'user', 'list', '--tokens');
    assert.match(listed.stdout, new RegExp(`token ${id} {2}nightly import {2}write`));
    assert.ok(!listed.stdout.includes(secret), 'the secret is never shown again');
    const otherUser = await mda('--data', dir, 'user', 'token', 'rita@example.org', '--revoke', id);
    assert.equal(otherUser.code, 66, 'a token is revoked through its own user');
    assert.equal(
      (await mda('--data', dir, 'user', 'token', 'sam@example.org', '--revoke', id)).stdout,
      `token ${id} revoked\n`,
    );
    const revoked = await openAtlasStore({ dataDir: dir });
    try {
      assert.equal(await revoked.people.tokenUser(secret), undefined);
    } finally {
      await revoked.close();
    }
    const noScope = await mda('--data', dir, 'user', 'token', 'sam@example.org');
    assert.equal(noScope.code, 64);
    assert.match(noScope.stderr, /--scope/);
  });

  void it('invites someone with a link that works once', async () => {
    const invited = await mda('--data', dir, 'user', 'invite', 'new@example.org', '--role', 'contributor');
    assert.equal(invited.code, 0, invited.stderr);
    const token = decodeURIComponent(/token=(\S+)/.exec(invited.stdout)?.[1] ?? '');
    const store = await openAtlasStore({ dataDir: dir });
    try {
      assert.equal((await store.people.invitation(token))?.email, 'new@example.org');
    } finally {
      await store.close();
    }
  });
});
