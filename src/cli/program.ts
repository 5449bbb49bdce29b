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
    .action(lazy(async () => (await import('./commands/ingest.ts')).runIngest));

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
    .option('--by <name>', 'who makes the change (default $USER)')
    .option('--json', 'print the document as JSON')
    .action(lazy(async () => (await import('./commands/document.ts')).runDocumentSet));
  document
    .command('cite')
    .description('the document as a reference: BibTeX, RIS or CSL-JSON')
    .argument('<id>', 'a stored document id (doc_…)')
    .option('--format <format>', 'bibtex, ris or csl', 'bibtex')
    .action(lazy(async () => (await import('./commands/document.ts')).runDocumentCite));

  program
    .command('start')
    .description('on first run, ingest the built-in corpus; print what the atlas holds; serve it on the web')
    .option('--port <n>', `port to listen on (default: $PORT, else ${DEFAULT_PORT})`)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--allowed-hosts <names>', ALLOWED_HOSTS_HELP)
    .option('--log-file <file>', LOG_FILE_HELP)
    .option('--log-level <level>', LOG_LEVEL_HELP)
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
    .option('--by <name>', 'who sets the status (default $USER)')
    .option('--note <text>', 'a note kept with the status change')
    .option('--today <yyyy-mm-dd>', 'the date to judge deadlines against (default today)')
    .option('--json', 'print JSON')
    .action(lazy(async () => (await import('./commands/commitments.ts')).runCommitments));

  program
    .command('indicators')
    .description('indicator series with a source for each value; --add records a value')
    .option('--country <code>', 'one country (ISO alpha-2)')
    .option('--instrument <id>', 'one instrument (adds its money committed)')
    .option('--add', 'record a value: --name --value [--date --country --unit --source --by]')
    .option('--name <indicator>', 'what is measured')
    .option('--value <n>', 'the value')
    .option('--date <yyyy[-mm[-dd]]>', 'when')
    .option('--unit <unit>', 'count, %, or a currency (default count)')
    .option('--source <note>', 'where the value comes from')
    .option('--by <name>', 'who enters it (default $USER)')
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

  program
    .command('reanalyse')
    .description(
      'run the analyses (positions, commitments, indicators…) over stored documents not yet analysed',
    )
    .option('--all', 'every stored document, not only those pending')
    .option('--json', 'print the analysed document ids as JSON')
    .action(lazy(async () => (await import('./commands/reanalyse.ts')).runReanalyse));

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
