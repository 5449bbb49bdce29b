/** Totals of an ingestion batch, for summaries (kept apart so the CLI can print without loading extraction). */
import type { IngestBatchResult } from './ingest.ts';

export interface BatchTotals {
  readonly added: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly instrumentsAdded: number;
  readonly instrumentsMerged: number;
  readonly claims: number;
}

export function summariseBatch(batch: IngestBatchResult): BatchTotals {
  const summary = { added: 0, unchanged: 0, failed: 0, instrumentsAdded: 0, instrumentsMerged: 0, claims: 0 };
  for (const item of batch.results) {
    summary[item.status] += 1;
    summary.instrumentsAdded += item.counts?.instrumentsAdded ?? 0;
    summary.instrumentsMerged += item.counts?.instrumentsMerged ?? 0;
    summary.claims += item.counts?.claims ?? 0;
  }
  return summary;
}
