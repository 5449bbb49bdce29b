/**
 * What route handlers of the API (src/http) and of the web pages (src/web) read from: the store
 * seam only, whatever engine is behind it. Neither layer holds a database handle.
 */
import type { AtlasStore } from '../storage/atlas-store.ts';

export interface ApiContext {
  readonly store: AtlasStore;
}
