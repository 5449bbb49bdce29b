/**
 * What the general rules alone (no catalogue) find in a text, reduced to what the instrument tests
 * compare: type, parties (beneficiaries aside, each once, sorted) and confidence.
 */
import { extractDocument } from '../../src/extraction/pipeline.ts';

export interface Found {
  readonly type: string;
  readonly parties: string[];
  readonly confidence: number;
}

/** The instruments the general rules alone find in a text (no catalogue). */
export function found(text: string): Found[] {
  return extractDocument(text, { catalogue: false }).instruments.map((i) => ({
    type: i.type,
    parties: [...new Set(i.parties.filter((p) => p.role !== 'beneficiary').map((p) => p.actorId))].sort(),
    confidence: i.confidence ?? 0,
  }));
}

export const typesAndParties = (text: string): { type: string; parties: string[] }[] =>
  found(text).map(({ type, parties }) => ({ type, parties }));
