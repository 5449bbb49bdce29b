/**
 * Builds a large corpus for benchmarks from varied copies of the built-in documents: each copy
 * swaps the states it names for others (in the document's language), shifts years, scales sums and
 * rotates paragraphs, so the extraction sees new combinations rather than one text repeated.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { builtInCorpusFiles } from '../src/services/corpus.ts';

const SWAPS: Record<'en' | 'fr', readonly string[]> = {
  en: [
    'Morocco',
    'Senegal',
    'Tunisia',
    'Egypt',
    'Mauritania',
    'Nigeria',
    'Ghana',
    'Georgia',
    'Iraq',
    'Bangladesh',
  ],
  fr: ['Maroc', 'Sénégal', 'Tunisie', 'Égypte', 'Mauritanie', 'Nigeria', 'Ghana', 'Géorgie', 'Irak', 'Niger'],
};

export interface SourceText {
  readonly name: string;
  readonly language: 'en' | 'fr';
  readonly text: string;
}

export async function loadBuiltInTexts(): Promise<SourceText[]> {
  const files = await builtInCorpusFiles();
  return Promise.all(
    files.map(async (file) => ({
      name: basename(file, '.txt'),
      language: file.includes('.fr.') ? ('fr' as const) : ('en' as const),
      text: await readFile(file, 'utf8'),
    })),
  );
}

/** The k-th variant of a document. Deterministic, so runs are comparable. */
export function variant(source: SourceText, k: number): string {
  const names = SWAPS[source.language];
  let text = source.text;
  // Rotate the swap list by k: every named state of the list becomes the next one k places on.
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'gu');
  text = text.replace(pattern, (name) => names[(names.indexOf(name) + k) % names.length] ?? name);
  // Shift years (only plausible ones) by k mod 7 and scale decimal sums.
  text = text.replace(/\b(19[5-9]\d|20[0-3]\d)\b/g, (year) => String(Number(year) + (k % 7)));
  text = text.replace(
    /\b(\d{1,3})([.,])(\d)\b/g,
    (_m, a: string, sep: string, b: string) => `${(Number(a) + k) % 1000}${sep}${b}`,
  );
  // Rotate paragraphs so sections meet in new orders.
  const paragraphs = text.split(/\n{2,}/);
  const shift = paragraphs.length > 0 ? k % paragraphs.length : 0;
  return [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n\n');
}

/** Variants of every built-in document until at least `minBytes` of UTF-8 text. */
export function* variedCopies(
  sources: readonly SourceText[],
  minBytes: number,
): Generator<{ name: string; text: string }> {
  let bytes = 0;
  for (let k = 0; bytes < minBytes; k++) {
    for (const source of sources) {
      const text = variant(source, k);
      bytes += Buffer.byteLength(text);
      yield { name: `${source.name}.v${k}.txt`, text };
    }
  }
}

/**
 * The i-th synthetic document of the ingestion benchmarks: a window of paragraphs of a varied
 * corpus copy, from a position that moves with i, 2–6 KB of text under a reference line of its own.
 */
export function syntheticDocument(
  sources: readonly SourceText[],
  i: number,
): { name: string; language: string; text: string } {
  const source = sources[i % sources.length];
  if (source === undefined) throw new Error('no built-in corpus');
  const k = Math.floor(i / sources.length);
  const paragraphs = variant(source, k).split(/\n{2,}/);
  const target = 2000 + (i % 5) * 1000;
  const window: string[] = [];
  let size = 0;
  for (let p = (k * 7 + i) % paragraphs.length; size < target && window.length < paragraphs.length; p += 1) {
    const paragraph = paragraphs[p % paragraphs.length] ?? '';
    window.push(paragraph);
    size += paragraph.length;
  }
  const reference =
    source.language === 'fr' ? `Note de synthèse n° ${i + 1}.` : `Briefing note no. ${i + 1}.`;
  return {
    name: `doc-${String(i).padStart(5, '0')}.${source.language}.txt`,
    language: source.language,
    text: `${reference}\n\n${window.join('\n\n')}\n`,
  };
}
