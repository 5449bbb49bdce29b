/** What one format reader hands back before the shared normalisation: raw text and, if found, a title. */
export interface ExtractedText {
  /** The document's text, not yet normalised (see `normaliseText`). */
  readonly text: string;
  /** A title found in the document itself (metadata, <title>, first heading), else `undefined`. */
  readonly title?: string | undefined;
}
