/**
 * What route handlers of the API (src/http) and of the web pages (src/web) read from: the store
 * seam only, whatever engine is behind it. Neither layer holds a database handle.
 */
import type { Brief } from '../analysis/brief.ts';
import type { ExchangeRates } from '../domain/iati/chain.ts';
import type { Language } from '../domain/model.ts';
import type { AtlasStore } from '../storage/atlas-store.ts';

/** How a briefing pack becomes a file: the pages layer renders it, Chromium prints it. */
export interface BriefPresenter {
  /** The brief as a complete HTML file in `lang`. */
  readonly document: (brief: Brief, lang: Language) => string;
  /** That file printed to PDF. */
  readonly pdf: (html: string) => Promise<Buffer>;
}

export interface ApiContext {
  readonly store: AtlasStore;
  /** Present when the server serves the pages too (the composition root passes it in). */
  readonly brief?: BriefPresenter;
  /** A user-supplied exchange-rate table (`--rates`): the money chain adds a labelled common currency. */
  readonly rates?: ExchangeRates;
}
