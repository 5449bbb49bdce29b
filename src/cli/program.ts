/**
 * The `mda` command tree (commander): global options and every subcommand with its options. This
 * file is all that `mda --help` loads: each command's implementation (and the database, the
 * extraction rules, the taxonomy, zod…) is imported when the command runs.
 */
import { Command, Option } from 'commander';
import { currentIo } from './io.ts';

/** The port when neither `--port` nor `$PORT` is given. */
export const DEFAULT_PORT = 3000;

// serve and start share their network and log options.
const ALLOWED_HOSTS_HELP =
  'host names served besides 127.0.0.1, localhost and [::1], comma-separated (default: $MDA_ALLOWED_HOSTS)';
const LOG_FILE_HELP = 'write the request log there (default: $MDA_LOG_FILE, else standard output)';
const WORKERS_HELP =
  'worker loops in the server for uploaded documents (default 1; 0: leave them to `mda worker` processes)';
const RATES_HELP =
  'exchange-rate table (CSV from,to,year,rate): the money chain adds that common currency, labelled';
const LOG_LEVEL_HELP = 'request log level: info, warn, error, silent… (default: $MDA_LOG_LEVEL, else info)';

/** Collects a repeatable option (`--type envoy --type dialogue`) or a comma list. */
export const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== ''),
];

/** An action whose implementation is loaded when the command runs, not when the tree is built. */
function lazy<A extends unknown[]>(
  load: () => Promise<(...args: A) => Promise<void>>,
): (...args: A) => Promise<void> {
  return async (...args) => (await load())(...args);
}

/** Builds a fresh program (each run gets its own); its help and errors go to the run's streams. */
export function buildProgram(): Command {
  const program = new Command('mda')
    .description('Migration Diplomacy Atlas: a sourced knowledge base of migration diplomacy instruments')
    .version('0.1.0')
    .configureOutput({
      writeOut: (text) => currentIo().stdout.write(text),
      writeErr: (text) => currentIo().stderr.write(text),
    })
    .addOption(
      new Option(
        '--data <dir>',
        'data folder holding atlas.sqlite (default: $MDA_DATA_DIR or <project>/data)',
      ),
    )
    .addOption(
      new Option(
        '--database <url>',
        'a PostgreSQL database (postgres://user:pass@host:port/name) or a SQLite file (default: $DATABASE_URL, else the data folder)',
      ),
    )
    .addOption(
      new Option('--lang <lang>', 'language of labels and names in the output')
        .choices(['fr', 'en'])
        .default('en'),
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('ingest')
    .description('read, extract and store documents (files or folders, walked recursively)')
    .argument('<paths...>', 'files (.txt .md .html .pdf .docx) or folders')
    .option('--json', 'print the per-file results as JSON')
    .option('--max-bytes <n>', 'largest file accepted, in bytes')
    .option('--max-chars <n>', 'most characters of text in one document')
    .option('--workers <n>', 'queue the files as jobs and run N worker processes on them (1-64)')
    .option('--restricted-to <organisation>', 'store new documents restricted to this organisation id')
    .action(lazy(async () => (await import('./commands/ingest.ts')).runIngest));

  program
    .command('restrict')
    .description('restrict a record to an organisation, or make it public again (audit-logged)')
    .argument('<kind>', 'document, instrument or claim')
    .argument('<id>', 'the record id (doc_…, ins_…, a claim number)')
    .option('--to <organisation>', 'the organisation id (mda user org list) to restrict it to')
    .option('--public', 'lift the restriction')
    .option('--why <reason>', 'why (kept in the audit log)')
    .option('--json', 'print the change as JSON')
    .action(lazy(async () => (await import('./commands/restrict.ts')).runRestrict));

  program
    .command('worker')
    .description('take ingestion jobs from the queue and run them until Ctrl+C or SIGTERM')
    .option('--batch <id>', 'only the jobs of this batch')
    .option('--once', 'stop when no job is left to do instead of waiting for more')
    .option('--id <name>', 'a name for this worker in the jobs it holds (default: host:pid:random)')
    .option('--max-bytes <n>', 'largest file accepted, in bytes')
    .option('--max-chars <n>', 'most characters of text in one document')
    .action(lazy(async () => (await import('./commands/worker.ts')).runWorkerCommand));

  const jobs = program
    .command('jobs')
    .description('the ingestion job queue: states, attempts and errors (parked jobs with their error)');
  jobs
    .command('list', { isDefault: true })
    .description('list jobs, newest first, with the counts per state')
    .option('--state <state>', 'queued, running, done, failed or parked')
    .option('--batch <id>', 'one batch')
    .option('--limit <n>', 'how many to list (default 50)')
    .option('--offset <n>', 'how many to skip')
    .option('--json', 'print the page as JSON')
    .action(lazy(async () => (await import('./commands/worker.ts')).runJobsList));
  jobs
    .command('show')
    .description('one job: state, stage, attempts, error, resulting document')
    .argument('<id>', 'a job id (job_…)')
    .option('--json', 'print the job as JSON')
    .action(lazy(async () => (await import('./commands/worker.ts')).runJobsShow));
  jobs
    .command('retry')
    .description('queue a failed or parked job again, with fresh attempts')
    .argument('<id>', 'a job id (job_…)')
    .action(lazy(async () => (await import('./commands/worker.ts')).runJobsRetry));

  program
    .command('extract')
    .description('extract one document and print the result (nothing is stored)')
    .argument('<file>', 'a .txt, .md, .html, .pdf or .docx file')
    .option('--json', 'print exactly the evaluation object (see spec/extraction.md) and nothing else')
    .option('--no-catalogue', 'general rules only: do not read the catalogue of well-known instruments')
    .action(lazy(async () => (await import('./commands/extract.ts')).runExtract));

  program
    .command('instruments')
    .description('list stored instruments, optionally filtered')
    .option('--country <code>', 'a party state, ISO 3166-1 alpha-2 (ML, MA, TN…)')
    .option('--party <code>', 'a party state or organization (ML, EU, IOM…)')
    .option('--type <code>', 'an instrument type code (dialogue, memorandum_of_understanding…)')
    .option('--topic <code>', 'a topic code (return_readmission, border_management…)')
    .option('--approach <code>', 'an approach code (positive_conditionality…)')
    .option('--year <yyyy>', 'year of the earliest known date')
    .option('--limit <n>', 'how many to list (default 50)')
    .option('--offset <n>', 'how many to skip')
    .option('--json', 'print the page as JSON')
    .action(lazy(async () => (await import('./commands/browse.ts')).runInstruments));

  program
    .command('show')
    .description('show one instrument with all its fields and the evidence for each')
    .argument('<id>', 'an instrument id (ins_…), as listed by `mda instruments`')
    .option('--json', 'print the instrument and its claims as JSON')
    .action(lazy(async () => (await import('./commands/browse.ts')).runShow));

  program
    .command('stats')
    .description('counts of documents, instruments and claims; instruments by type, country and topic')
    .option('--json', 'print the counts as JSON')
    .action(lazy(async () => (await import('./commands/browse.ts')).runStats));

  program
    .command('documents')
    .description('list the stored documents')
    .option('--limit <n>', 'how many to list (default 100)')
    .option('--json', 'print the page as JSON')
    .action(lazy(async () => (await import('./commands/documents.ts')).runDocuments));

  const document = program.command('document').description('one document as a source: correct it, cite it');
  document
    .command('set')
    .description("correct a document's title, publisher or author, date, URL or language")
    .argument('<id>', 'a stored document id (doc_…)')
    .option('--title <text>', 'the title ("" goes back to the title the reader found)')
    .option('--publisher <text>', 'publisher or author ("" clears it)')
    .option('--date <yyyy[-mm[-dd]]>', 'publication date ("" clears it)')
    .option('--url <url>', 'source URL, http or https ("" clears it)')
    .option('--lang <lang>', "the document's language: fr or en")
    .option('--as <email>', 'record the change as this account (default: the command line, `cli`)')
    .option('--json', 'print the document as JSON')
    .action(lazy(async () => (await import('./commands/document.ts')).runDocumentSet));
  document
    .command('cite')
    .description('the document as a reference: BibTeX, RIS or CSL-JSON')
    .argument('<id>', 'a stored document id (doc_…)')
    .option('--format <format>', 'bibtex, ris or csl', 'bibtex')
    .action(lazy(async () => (await import('./commands/document.ts')).runDocumentCite));

  const instrument = program
    .command('instrument')
    .description('a reviewer merges, splits and links instruments (every change audit-logged)');
  const AS_HELP = 'the email of a user of this atlas with the reviewer role, who makes the change';
  instrument
    .command('merge')
    .description("merge OTHER into KEEP: OTHER's claims, documents and links move; its id redirects to KEEP")
    .argument('<keep>', 'the instrument that stays (ins_…)')
    .argument('<other>', 'the duplicate merged into it (ins_…)')
    .requiredOption('--why <reason>', 'why they are one instrument')
    .requiredOption('--as <email>', AS_HELP)
    .option('--json', 'print the result as JSON')
    .action(lazy(async () => (await import('./commands/instrument.ts')).runMerge));
  instrument
    .command('split')
    .description('move the chosen claims of an instrument that was two to a new instrument')
    .argument('<id>', 'the instrument to split (ins_…)')
    .requiredOption(
      '--claims <ids>',
      'claim ids that go to the new one, comma-separated (`mda show ID --json`)',
    )
    .requiredOption('--why <reason>', 'why it was two instruments')
    .requiredOption('--as <email>', AS_HELP)
    .option('--json', 'print the result as JSON')
    .action(lazy(async () => (await import('./commands/instrument.ts')).runSplit));
  instrument
    .command('link')
    .description('link FROM to TO with a typed relation and its evidence')
    .argument('<from>', 'an instrument id (ins_…)')
    .argument('<to>', 'an instrument id (ins_…)')
    .requiredOption(
      '--relation <relation>',
      'under_framework, annex_of, implements, supersedes, funded_by, tied_to_funding, tied_to_visa, follows_up, linked_to',
    )
    .option('--approach <code>', 'the approach an issue linkage expresses (positive_conditionality…)')
    .option('--document <id>', 'the stored document that says it (doc_…), with --span')
    .option('--span <start-end>', 'character offsets of the sentence in that document, e.g. 120-245')
    .option('--source <url>', 'or a source outside the atlas that says it (http or https URL)')
    .option('--why <reason>', 'a note on the link')
    .requiredOption('--as <email>', AS_HELP)
    .option('--json', 'print the link as JSON')
    .action(lazy(async () => (await import('./commands/instrument.ts')).runLink));
  instrument
    .command('links')
    .description("an instrument's links, extracted and asserted, with their evidence")
    .argument('<id>', 'an instrument id (ins_…)')
    .option('--json', 'print the links as JSON')
    .action(lazy(async () => (await import('./commands/instrument.ts')).runLinks));

  const contribute = program
    .command('contribute')
    .description('manual records with sources: pending until a reviewer accepts or rejects them');
  contribute
    .command('instrument')
    .description('add an instrument no document names yet, citing its source (a URL or a document span)')
    .requiredOption('--as <email>', 'the email of a user with the contributor role')
    .requiredOption('--type <code>', 'instrument type (readmission_agreement, partnership…)')
    .requiredOption('--title <text>', 'its title')
    .requiredOption('--legal-form <code>', 'treaty, agreement, memorandum, declaration, arrangement, other…')
    .option('--binding <yes|no>', 'whether it binds its parties (default: not stated)')
    .option('--party <code:role>', 'a party and its role, e.g. SN:signatory (repeatable)', collect)
    .option('--date <date:role>', 'a date and its role, e.g. 2024-06-03:signature (repeatable)', collect)
    .option('--amount <value:currency>', 'an amount, e.g. 2500000:EUR (repeatable)', collect)
    .option('--topic <code>', 'a topic (repeatable)', collect)
    .option('--approach <code>', 'an approach (repeatable)', collect)
    .option('--lang <code>', 'language of the quoted words: en or fr (default en)')
    .option('--source <url>', 'the web page that says it (http or https)')
    .option('--quote <text>', 'the words of that page that say it')
    .option('--document <id>', 'or a stored document that says it (doc_…), with --span')
    .option('--span <start-end>', 'character offsets of the passage in that document')
    .option('--json', 'print the contribution as JSON')
    .action(lazy(async () => (await import('./commands/contribute.ts')).runContributeInstrument));
  contribute
    .command('list')
    .description('contributions, oldest first')
    .option('--state <state>', 'pending, accepted or rejected')
    .option('--json', 'print them as JSON')
    .action(lazy(async () => (await import('./commands/contribute.ts')).runContributeList));
  contribute
    .command('accept')
    .description('publish a contribution as a record, its source as evidence')
    .argument('<id>', 'the contribution (con_…)')
    .requiredOption('--as <email>', 'the email of a user with the reviewer role')
    .option('--json', 'print the contribution as JSON')
    .action(lazy(async () => (await import('./commands/contribute.ts')).runContributeAccept));
  contribute
    .command('reject')
    .description('keep a contribution unpublished for good, with the reason')
    .argument('<id>', 'the contribution (con_…)')
    .requiredOption('--why <reason>', 'why it is rejected')
    .requiredOption('--as <email>', 'the email of a user with the reviewer role')
    .option('--json', 'print the contribution as JSON')
    .action(lazy(async () => (await import('./commands/contribute.ts')).runContributeReject));

  program
    .command('eval')
    .description('score the current extractor against the facts reviewers accepted, corrected or rejected')
    .option('--reviewed', 'score against the reviews stored in this atlas')
    .option('--no-catalogue', 'general rules only: do not read the catalogue of well-known instruments')
    .option('--json', 'print the scores as JSON')
    .action(lazy(async () => (await import('./commands/eval.ts')).runEval));

  program
    .command('start')
    .description('on first run, ingest the built-in corpus; print what the atlas holds; serve it on the web')
    .option('--port <n>', `port to listen on (default: $PORT, else ${DEFAULT_PORT})`)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--allowed-hosts <names>', ALLOWED_HOSTS_HELP)
    .option('--log-file <file>', LOG_FILE_HELP)
    .option('--log-level <level>', LOG_LEVEL_HELP)
    .option('--workers <n>', WORKERS_HELP)
    .option('--rates <file>', RATES_HELP)
    .option('--no-serve', 'stop after the summary instead of starting the server')
    .action(lazy(async () => (await import('./commands/start.ts')).runStart));

  program
    .command('serve')
    .description('serve the web pages and the JSON API (ingests the built-in corpus on first run)')
    .option('--port <n>', `port to listen on (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--allowed-hosts <names>', ALLOWED_HOSTS_HELP)
    .option('--log-file <file>', LOG_FILE_HELP)
    .option('--log-level <level>', LOG_LEVEL_HELP)
    .option('--workers <n>', WORKERS_HELP)
    .option('--rates <file>', RATES_HELP)
    .action(lazy(async () => (await import('./commands/serve.ts')).runServe));

  program
    .command('compare')
    .description(
      'which countries report something: count, list and evidence (no question: list the questions)',
    )
    .argument('[question]', 'a question of the stored positions ("use special envoys")')
    .option('--type <code>', 'instruments of this type (repeatable, or a comma list)', collect)
    .option('--approach <code>', 'instruments with this approach (repeatable)', collect)
    .option('--topic <code>', 'instruments on this topic (repeatable)', collect)
    .option('--stance <stance>', 'yes, no or partly (positions only)')
    .option('--limit <n>', 'how many questions to list or report without a question (default 20)')
    .option('--json', 'print JSON')
    .option('--report <format>', 'write a report: md or html (needs --out)')
    .option('--out <file>', 'the report file')
    .action(lazy(async () => (await import('./commands/compare.ts')).runCompare));

  program
    .command('consistency')
    .description('inconsistencies of a synthesis: counts vs lists, conflicting counts, overlaps, both sides')
    .argument('<document>', 'a stored document id (doc_…) or a file path')
    .option('--json', 'print the findings as a JSON array (and nothing else)')
    .action(lazy(async () => (await import('./commands/compare.ts')).runConsistency));

  program
    .command('coordination')
    .description('coordination view for a partner country: actors, instruments, money, overlaps, gaps')
    .argument('<country>', 'the partner, ISO 3166-1 alpha-2 (ML, MA, TN…)')
    .option('--json', 'print the view as JSON')
    .option('--csv', 'print the view as CSV')
    .action(lazy(async () => (await import('./commands/coordination.ts')).runCoordination));

  program
    .command('brief')
    .description('briefing pack for a dialogue with a partner country (PDF or HTML, in --lang fr|en)')
    .argument('<country>', 'the partner, ISO 3166-1 alpha-2 (ML, MA, TN…)')
    .option('--out <file>', 'where to write it (brief.pdf, brief.html)')
    .option('--format <format>', 'pdf (default, needs Chromium) or html (to standard output without --out)')
    .option('--today <yyyy-mm-dd>', 'the date to judge deadlines against (default today)')
    .option('--rates <file>', RATES_HELP)
    .action(lazy(async () => (await import('./commands/brief.ts')).runBrief));

  program
    .command('conditionality')
    .description('conditionality tracker: leverage steps (Visa Code art. 25a…) and approaches, per country')
    .option('--country <code>', 'one country, ISO 3166-1 alpha-2')
    .option('--json', 'print the timelines as JSON')
    .action(lazy(async () => (await import('./commands/coordination.ts')).runConditionality));

  program
    .command('commitments')
    .description('commitments: who, what, by when, status, overdue flags and the next dialogue')
    .option('--country <code>', 'commitments this country owns (ISO alpha-2)')
    .option('--overdue', 'only overdue commitments')
    .option('--set <id>', 'the commitment whose status to set (with --status)')
    .option('--status <status>', 'open, in_progress, done or dropped')
    .option('--as <email>', 'record the change as this account (default: the command line, `cli`)')
    .option('--note <text>', 'a note kept with the status change')
    .option('--today <yyyy-mm-dd>', 'the date to judge deadlines against (default today)')
    .option('--json', 'print JSON')
    .action(lazy(async () => (await import('./commands/commitments.ts')).runCommitments));

  program
    .command('indicators')
    .description('indicator series with a source for each value; --add records a value')
    .option('--country <code>', 'one country (ISO alpha-2)')
    .option('--instrument <id>', 'one instrument (adds its money committed)')
    .option('--add', 'record a value: --name --value [--date --country --unit --source --as]')
    .option('--name <indicator>', 'what is measured')
    .option('--value <n>', 'the value')
    .option('--date <yyyy[-mm[-dd]]>', 'when')
    .option('--unit <unit>', 'count, %, or a currency (default count)')
    .option('--source <note>', 'where the value comes from')
    .option('--as <email>', 'record the value as entered by this account (default: the command line)')
    .option('--approximate', 'the value is approximate')
    .option('--json', 'print JSON')
    .action(lazy(async () => (await import('./commands/commitments.ts')).runIndicators));

  const watch = program
    .command('watch')
    .description('saved queries reported when ingestion adds a matching instrument');
  watch
    .command('add')
    .description('save a watch: every given criterion must match')
    .argument('<name>', 'a name ("new instrument with Mauritania on return")')
    .option('--id <id>', 'an id (default: derived from the name)')
    .option('--country <code>', 'a party state, ISO alpha-2')
    .option('--type <code>', 'an instrument type code')
    .option('--topic <code>', 'a topic code')
    .option('--text <words>', 'words that must all occur in the title or evidence')
    .option('--json', 'print the saved watch as JSON')
    .action(lazy(async () => (await import('./commands/watch.ts')).runWatchAdd));
  watch
    .command('list')
    .description('list the saved watches with their hit counts')
    .option('--json', 'print JSON')
    .action(lazy(async () => (await import('./commands/watch.ts')).runWatchList));
  watch
    .command('remove')
    .description('remove a watch and its hits')
    .argument('<id>', 'the watch id')
    .action(lazy(async () => (await import('./commands/watch.ts')).runWatchRemove));
  watch
    .command('hits')
    .description('the matches ingestion recorded, newest first')
    .option('--watch <id>', 'one watch')
    .option('--unseen', 'only hits not yet marked seen')
    .option('--mark-seen', 'mark the listed hits seen')
    .option('--json', 'print JSON')
    .action(lazy(async () => (await import('./commands/watch.ts')).runWatchHits));

  const user = program
    .command('user')
    .description('accounts: add users, set roles and passwords, API tokens for scripts, invitations');
  user
    .command('add')
    .description('add a user (the first admin: --role admin --password-stdin)')
    .argument('<email>', 'the email address the user signs in with')
    .requiredOption('--name <name>', 'the name shown in history')
    .requiredOption('--role <role>', 'reader, contributor, reviewer or admin')
    .option('--org <organisation>', 'an organisation id or name (a new name creates it)')
    .option('--focal-point', "the organisation's focal point (names its contributors)")
    .option('--password-stdin', 'read the password from standard input (at least 10 characters)')
    .option('--json', 'print the user as JSON')
    .action(lazy(async () => (await import('./commands/user.ts')).runUserAdd));
  user
    .command('role')
    .description("change a user's role")
    .argument('<email>', "the user's email")
    .argument('<role>', 'reader, contributor, reviewer or admin')
    .action(lazy(async () => (await import('./commands/user.ts')).runUserRole));
  user
    .command('password')
    .description("set a user's password (ends the user's open sessions)")
    .argument('<email>', "the user's email")
    .option('--password-stdin', 'read the password from standard input')
    .action(lazy(async () => (await import('./commands/user.ts')).runUserPassword));
  user
    .command('token')
    .description('create an API token for scripts (printed once), or revoke one with --revoke')
    .argument('<email>', "the token's user")
    .option('--scope <scope>', "read, write or review (capped by the user's role)")
    .option('--name <name>', 'what the token is for (default "script")')
    .option('--revoke <id>', 'revoke this token (tok_…) instead')
    .action(lazy(async () => (await import('./commands/user.ts')).runUserToken));
  user
    .command('list')
    .description('list the users with their roles and organisations')
    .option('--tokens', 'list their API tokens too (never the secrets)')
    .option('--json', 'print JSON')
    .action(lazy(async () => (await import('./commands/user.ts')).runUserList));
  user
    .command('invite')
    .description('invite someone: prints a sign-up link (valid a week, used once)')
    .argument('<email>', 'the address invited')
    .requiredOption('--role <role>', 'reader, contributor, reviewer or admin')
    .option('--org <organisation>', 'an organisation id or name (a new name creates it)')
    .action(lazy(async () => (await import('./commands/user.ts')).runUserInvite));

  program
    .command('reanalyse')
    .description(
      'run the analyses (positions, commitments, indicators…) over stored documents not yet analysed',
    )
    .option('--all', 'every stored document, not only those pending')
    .option('--json', 'print the analysed document ids as JSON')
    .action(lazy(async () => (await import('./commands/reanalyse.ts')).runReanalyse));

  program
    .command('migrate')
    .description(
      'bring the database schema up to date (SQLite file or --database postgres://…) and list what was applied',
    )
    .option('--status', 'list the migrations applied and pending; apply nothing')
    .option('--json', 'print the result as JSON')
    .action(lazy(async () => (await import('./commands/migrate.ts')).runMigrate));

  program
    .command('backup')
    .description('copy the database to FILE (online backup: safe while the server runs)')
    .argument('<file>', 'the backup file to write (must not exist)')
    .action(lazy(async () => (await import('./commands/backup.ts')).runBackup));

  program
    .command('export')
    .description('write the whole atlas to DIR as a data package (datapackage.json, CSV and JSON Lines)')
    .argument('<dir>', 'a new or empty folder')
    .action(lazy(async () => (await import('./commands/backup.ts')).runExport));

  program
    .command('import')
    .description('load a data package written by `mda export` into an empty atlas')
    .argument('<dir>', 'the folder holding datapackage.json')
    .action(lazy(async () => (await import('./commands/backup.ts')).runImport));

  const iati = program
    .command('iati')
    .description('IATI activity data: import files, link activities to instruments, the money chain');
  iati
    .command('import')
    .description('import IATI activity files (standard 2.01–2.03); one line per file, bad files skipped')
    .argument('<files...>', 'IATI activity XML files')
    .option('--json', 'print the per-file results as JSON')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiImport));
  iati
    .command('link')
    .description('link an activity to an instrument by hand (confirmed at once)')
    .argument('<instrument>', 'an instrument id (ins_…)')
    .argument('<activity>', 'an IATI activity identifier')
    .option('--by <name>', 'who makes the link (default $USER)')
    .option('--json', 'print the link as JSON')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiLink));
  iati
    .command('suggest')
    .description(
      'propose links: identifiers cited in documents, and matches by name, country, dates and amount, with a score',
    )
    .option(
      '--country <code>',
      'only instruments with this party and activities in this country (ISO alpha-2)',
    )
    .option('--threshold <score>', 'lowest score proposed, 0–1 (default 0.5)')
    .option('--json', 'print the suggestions as JSON')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiSuggest));
  iati
    .command('review')
    .description('accept or reject a suggested link')
    .argument('<link>', 'a link id (lnk_…), as listed by `mda iati links`')
    .argument('<decision>', 'accept or reject')
    .option('--by <name>', 'who reviews (default $USER)')
    .option('--json', 'print the link as JSON')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiReview));
  iati
    .command('chain')
    .description(
      'the money chain: committed → disbursed → spent by year in the original currencies, announced vs committed',
    )
    .option('--country <code>', 'a country (ISO alpha-2)')
    .option('--instrument <id>', 'an instrument (ins_…)')
    .option('--rates <file>', RATES_HELP)
    .option('--json', 'print the chain as JSON')
    .option('--csv', 'print the chain as CSV')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiChain));
  iati
    .command('export')
    .description(
      "write the atlas's IATI activities as IATI 2.03 activity XML (read back identically by import)",
    )
    .option(
      '--country <code>',
      "only this country's chain: activities it receives or linked to its instruments",
    )
    .requiredOption('--out <file>', 'the XML file to write (must not exist)')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiExport));
  iati
    .command('links')
    .description('list the links between instruments and activities')
    .option('--instrument <id>', 'one instrument')
    .option('--activity <id>', 'one activity')
    .option('--state <state>', 'unreviewed, confirmed or rejected')
    .option('--json', 'print the links as JSON')
    .action(lazy(async () => (await import('./commands/iati.ts')).runIatiLinks));

  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}
