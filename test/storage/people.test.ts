/**
 * People and review on both engines (a SQLite file and a fresh PostgreSQL database): passwords (scrypt) and bearer secrets stored hashed,
 * sessions and tokens that resolve to their user until ended or revoked, invitations, the audit
 * log of every change; and the review of facts: least confident first, accept / correct / reject,
 * the reviewed value winning in the instrument record and lists, surviving a later ingestion that
 * disagrees (shown as a conflict).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestFile } from '../../src/services/ingest.ts';
import type { OpenAtlas } from '../../src/storage/database.ts';
import { openTestAtlas, testEngines } from '../support/engines.ts';

const MEMO = [
  'Joint communiqué',
  '',
  'On 12 March 2025, Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants.',
].join('\n');
const MEMO_AGAIN = [
  'Press release',
  '',
  'Spain and Mauritania signed a memorandum of understanding on the return and readmission of irregular migrants in 2024.',
].join('\n');

for (const engine of testEngines()) {
  void describe(`people and review store (${engine})`, () => {
    let dir: string;
    let atlas: OpenAtlas;
    let dispose: () => Promise<void>;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mda-people-'));
      ({ atlas, dispose } = await openTestAtlas(engine));
      await writeFile(join(dir, 'memo.en.txt'), MEMO);
      await ingestFile(join(dir, 'memo.en.txt'), atlas.store);
    });
    after(async () => {
      await dispose();
      await rm(dir, { recursive: true, force: true });
    });

    void it('hashes passwords and secrets, resolves sessions and tokens, audits every change', async () => {
      const people = atlas.store.people;
      const user = await people.addUser(
        { email: 'ana@example.org', name: 'Ana', role: 'contributor', password: 'correct horse battery' },
        'cli',
      );
      const stored = await atlas.db
        .selectFrom('user_credentials')
        .select('password_hash')
        .executeTakeFirstOrThrow();
      assert.match(stored.password_hash, /^scrypt\$32768\$8\$1\$/);
      assert.ok(!stored.password_hash.includes('correct horse'));
      assert.equal((await people.authenticate('ANA@example.org', 'correct horse battery'))?.id, user.id);
      assert.equal(await people.authenticate('ana@example.org', 'wrong password!'), undefined);
      assert.equal(await people.authenticate('nobody@example.org', 'correct horse battery'), undefined);
      await assert.rejects(
        people.addUser({ email: 'ana@example.org', name: 'A', role: 'reader' }, 'cli'),
        /exists/,
      );

      const session = await people.createSession(user.id, 60_000);
      const row = await atlas.db.selectFrom('sessions').select('id_hash').executeTakeFirstOrThrow();
      assert.notEqual(row.id_hash, session.id, 'only the hash of the session id is stored');
      assert.equal((await people.sessionUser(session.id))?.id, user.id);
      await people.endSession(session.id);
      assert.equal(await people.sessionUser(session.id), undefined);
      const expired = await people.createSession(user.id, -1);
      assert.equal(await people.sessionUser(expired.id), undefined, 'an expired session is refused');

      const { token, record } = await people.createToken(user.id, 'script', 'write', 'cli');
      assert.equal((await people.tokenUser(token))?.scope, 'write');
      await people.revokeToken(record.id, `user:${user.id}`);
      assert.equal(await people.tokenUser(token), undefined, 'a revoked token is refused');

      await people.setRole(user.id, 'reviewer', 'cli');
      const invited = await people.invite({ email: 'bo@example.org', role: 'reader' }, `user:${user.id}`);
      assert.equal((await people.invitation(invited.token))?.email, 'bo@example.org');
      const bo = await people.acceptInvitation(invited.token, 'Bo', 'another long one');
      assert.equal(bo.role, 'reader');
      assert.equal(await people.invitation(invited.token), undefined, 'an invitation is used once');

      const history = await people.history(
        { subjectKind: 'user', subjectId: user.id },
        { limit: 50, offset: 0 },
      );
      assert.deepEqual(
        history.items.map((c) => c.action),
        ['user.add', 'token.create', 'token.revoke', 'user.role'],
      );
      assert.deepEqual(history.items[3]?.before, { role: 'contributor' });
      assert.deepEqual(history.items[3]?.after, { role: 'reviewer' });
    });

    void it('reviews facts least confident first; the reviewed value wins and survives re-extraction', async () => {
      const { review } = atlas.store;
      const queue = await review.queue({ country: 'MR' }, { limit: 500, offset: 0 });
      assert.ok(queue.total > 0);
      const confidences = queue.items.map((i) => i.confidence).filter((c): c is number => c !== null);
      assert.deepEqual(
        confidences,
        [...confidences].sort((a, b) => a - b),
        'least confident first',
      );
      const title = queue.items.find((i) => i.property === 'title');
      const date = queue.items.find((i) => i.property === 'date');
      const topic = queue.items.find((i) => i.property === 'topic');
      assert.ok(title && date && topic);
      const instrumentId = title.subjectId;

      const corrected = await review.correct(
        title.id,
        'Spain–Mauritania readmission MoU',
        'user:usr_rev',
        'full name',
      );
      assert.equal(corrected.evidence.assertedBy, 'reviewer:usr_rev');
      assert.equal(corrected.evidence.reviewState, 'corrected');
      assert.equal(corrected.supersedes, title.id);
      assert.equal(
        (await review.claim(title.id)).evidence.reviewState,
        'superseded',
        'the extractor claim is kept',
      );
      await review.reject(topic.id, 'user:usr_rev', 'not about this topic');
      await review.accept(date.id, 'user:usr_rev');
      await assert.rejects(review.reject(date.id, 'user:usr_rev', ' '), /reason/);

      const detail = await atlas.store.getInstrument(instrumentId);
      assert.equal(detail.title, 'Spain–Mauritania readmission MoU');
      assert.ok(!detail.topics.includes(topic.value as never), 'a rejected topic leaves the record');
      const listed = await atlas.store.listInstruments({ country: 'MR' }, { limit: 50, offset: 0 });
      assert.ok(
        listed.items.some((i) => i.title === 'Spain–Mauritania readmission MoU'),
        'lists read the reviewed value',
      );

      // Another document names the same instrument again: the reviewed title stays, and where the new
      // extraction disagrees, the record shows the conflict.
      await writeFile(join(dir, 'again.en.txt'), MEMO_AGAIN);
      await ingestFile(join(dir, 'again.en.txt'), atlas.store);
      const after = await atlas.store.getInstrument(instrumentId);
      assert.equal(after.title, 'Spain–Mauritania readmission MoU');
      assert.ok(!after.topics.includes(topic.value as never));
      const conflicts = await review.conflicts(instrumentId);
      assert.ok(
        conflicts.some((c) => c.property === 'title'),
        'the disagreeing title is a conflict',
      );
      const changes = await atlas.store.people.history(
        { subjectKind: 'instrument', subjectId: instrumentId },
        { limit: 50, offset: 0 },
      );
      assert.deepEqual(
        changes.items.map((c) => c.action),
        ['claim.correct', 'claim.reject', 'claim.accept'],
      );
    });
  });
}
