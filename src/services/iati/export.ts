/**
 * `mda iati export`: the atlas's funding records — the IATI activities it holds, for one country
 * or all — written as IATI 2.03 activity XML that `mda iati import` reads back to the same records.
 * For a country, the activities are those of its money chain (received, or linked to its instruments).
 */
import type { IatiActivity } from '../../domain/iati/model.ts';
import { writeIatiFile } from '../../readers/iati/activity-writer.ts';
import type { AtlasStore } from '../../storage/atlas-store.ts';
import { countryActivityIds } from './chain.ts';

const PAGE = 200;

async function* countryActivities(store: AtlasStore, country: string): AsyncGenerator<IatiActivity> {
  const ids = await countryActivityIds(store, country);
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const stored of await store.iati.activities(ids.slice(i, i + PAGE))) yield stored.activity;
  }
}

async function* everyActivity(store: AtlasStore): AsyncGenerator<IatiActivity> {
  for await (const stored of store.iati.allActivities(PAGE)) yield stored.activity;
}

/** Writes the activities (in identifier order) to `file`, which must not exist; returns the count. */
export function exportIati(
  store: AtlasStore,
  file: string,
  options: { readonly country?: string } = {},
): Promise<number> {
  return writeIatiFile(
    file,
    options.country === undefined ? everyActivity(store) : countryActivities(store, options.country),
  );
}
