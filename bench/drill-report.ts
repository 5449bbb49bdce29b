/**
 * The drill's one table and its verdict, apart from the drills themselves so they can be tested:
 * one row per drill (or per endpoint and connection level for the load drill), a total row, and
 * the list of failures (anything lost, any 5xx, any crash, a p99 over its target).
 */

export interface DrillRow {
  readonly drill: string;
  /** Files, inputs or processes fed to the atlas. */
  readonly inputs?: number;
  /** Faults injected (kills, hostile files) and how many the atlas came through as it should. */
  readonly faults?: { readonly survived: number; readonly tried: number };
  readonly requests?: number;
  /** 5xx answers, and for batches error lines that should not be there. */
  readonly errors?: number;
  /** Documents, rows or accepted writes missing afterwards. */
  readonly lost?: number;
  /** Processes that died unexpectedly (a signal, out of memory, exit code 70). */
  readonly crashes?: number;
  readonly p99Ms?: number;
  readonly p99TargetMs?: number;
  readonly note?: string;
}

export interface DrillVerdict {
  readonly ok: boolean;
  readonly failures: readonly string[];
}

const sum = (rows: readonly DrillRow[], pick: (row: DrillRow) => number | undefined): number =>
  rows.reduce((total, row) => total + (pick(row) ?? 0), 0);

/** Everything that makes the drill fail, one line each. */
export function verdict(rows: readonly DrillRow[]): DrillVerdict {
  const failures: string[] = [];
  for (const row of rows) {
    if ((row.lost ?? 0) > 0) failures.push(`${row.drill}: ${row.lost} lost`);
    if ((row.errors ?? 0) > 0) failures.push(`${row.drill}: ${row.errors} errors`);
    if ((row.crashes ?? 0) > 0) failures.push(`${row.drill}: ${row.crashes} crashed`);
    if (row.faults !== undefined && row.faults.survived < row.faults.tried) {
      failures.push(
        `${row.drill}: ${row.faults.tried - row.faults.survived} of ${row.faults.tried} faults not survived`,
      );
    }
    if (row.p99Ms !== undefined && row.p99TargetMs !== undefined && row.p99Ms >= row.p99TargetMs) {
      failures.push(`${row.drill}: p99 ${row.p99Ms} ms is over the ${row.p99TargetMs} ms target`);
    }
  }
  return { ok: failures.length === 0, failures };
}

const HEADERS = [
  'drill',
  'inputs tried',
  'faults survived',
  'requests served',
  'errors (5xx)',
  'data lost',
  'crashes',
  'p99',
  'notes',
];

const cell = (value: number | undefined): string => (value === undefined ? '—' : String(value));

function cells(row: DrillRow): string[] {
  const p99 =
    row.p99Ms === undefined
      ? '—'
      : `${row.p99Ms} ms${row.p99TargetMs !== undefined && row.p99Ms >= row.p99TargetMs ? ' (over target)' : ''}`;
  return [
    row.drill,
    cell(row.inputs),
    row.faults === undefined ? '—' : `${row.faults.survived}/${row.faults.tried}`,
    cell(row.requests),
    cell(row.errors),
    cell(row.lost),
    cell(row.crashes),
    p99,
    row.note ?? '',
  ];
}

/** The table, with a total row, as aligned text. */
export function renderTable(rows: readonly DrillRow[]): string {
  const faulted = rows.filter((row) => row.faults !== undefined);
  const total: DrillRow = {
    drill: 'total',
    inputs: sum(rows, (row) => row.inputs),
    ...(faulted.length > 0
      ? {
          faults: {
            survived: sum(faulted, (row) => row.faults?.survived),
            tried: sum(faulted, (row) => row.faults?.tried),
          },
        }
      : {}),
    requests: sum(rows, (row) => row.requests),
    errors: sum(rows, (row) => row.errors),
    lost: sum(rows, (row) => row.lost),
    crashes: sum(rows, (row) => row.crashes),
  };
  const body = [...rows, total].map(cells);
  const widths = HEADERS.map((header, i) =>
    Math.max(header.length, ...body.map((line) => line[i]?.length ?? 0)),
  );
  const line = (values: readonly string[]): string =>
    values
      .map((value, i) =>
        i === 0 || i === HEADERS.length - 1 ? value.padEnd(widths[i] ?? 0) : value.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(HEADERS), rule, ...body.slice(0, -1).map(line), rule, line(body.at(-1) ?? [])].join('\n');
}
