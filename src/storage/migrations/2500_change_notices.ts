/**
 * Migration 2500 (PostgreSQL only): every committed write to an atlas table sends a notice on the
 * channel `atlas_data_changed` (a statement-level trigger calling pg_notify). NOTIFY is
 * transactional: a server listening on the channel hears of a change only once it is committed, so
 * a counter of the notices it heard is a data version that never runs ahead of the data (see
 * storage/postgres/change-watch.ts). No writer waits on another for it, unlike a version row.
 *
 * `atlas_watch_tables()` puts the trigger on every table that lacks it; the store calls it again
 * when it opens, so tables created by later migrations are watched too. The job queue, the
 * sessions and the failed sign-ins change without changing what the atlas shows, so they are left
 * out (a stream of wrong passwords must not empty the API's response cache).
 */
import { sql, type Kysely, type Migration } from 'kysely';

// Migrations are frozen in time: they must not depend on the current typed schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const changeNoticesMigration: Migration = {
  async up(db: AnyDb): Promise<void> {
    await sql`create or replace function atlas_data_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('atlas_data_changed', '');
        return null;
      end $$`.execute(db);
    await sql`create or replace function atlas_watch_tables() returns void language plpgsql as $$
      declare watched record;
      begin
        for watched in
          select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p')
            and c.relname not in ('jobs', 'sessions', 'login_attempts', 'kysely_migration', 'kysely_migration_lock')
            and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'atlas_data_changed')
        loop
          begin
            execute format('create trigger atlas_data_changed after insert or update or delete or truncate on %I '
              'for each statement execute function atlas_data_changed()', watched.relname);
          exception when duplicate_object then
            null; -- another process opening at the same moment put it there first
          end;
        end loop;
      end $$`.execute(db);
    await sql`select atlas_watch_tables()`.execute(db);
  },
  async down(db: AnyDb): Promise<void> {
    await sql`do $$
      declare watched record;
      begin
        for watched in
          select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and t.tgname = 'atlas_data_changed'
        loop
          execute format('drop trigger atlas_data_changed on %I', watched.relname);
        end loop;
      end $$`.execute(db);
    await sql`drop function atlas_watch_tables()`.execute(db);
    await sql`drop function atlas_data_changed()`.execute(db);
  },
};
