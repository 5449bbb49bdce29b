/**
 * Guards a .docx (a ZIP archive) before mammoth inflates it. mammoth (through jszip) inflates whole
 * parts in memory, so a 156 KB file that unzips to 50 MB of XML ran the heap out. Here the ZIP
 * central directory is read with yauzl (no inflating) and the declared sizes checked against the
 * limits; then the XML parts mammoth will read are inflated as streams and counted, with yauzl
 * refusing any entry that inflates to more than its header declares, so a lying header cannot slip
 * past the limits either. Memory stays bounded by the stream buffers whatever the archive holds.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { AtlasError, documentOverLimit, unreadableFile } from '../domain/errors.ts';
import { DOCX_LIMITS, type DocxLimits } from './limits.ts';

const MiB = 1024 * 1024;
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;

const ADVICE = 'this is not an ordinary Word file (a ZIP bomb?); save it again from Word or as PDF';

/** Parts mammoth reads and inflates: XML and relationship parts (media are skipped by the reader). */
const READ_BY_MAMMOTH = /\.(?:xml|rels)$/i;

function openArchive(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error !== null && error !== undefined) reject(error);
      else resolve(zip);
    });
  });
}

/** Every entry of the central directory, refusing as soon as a count or size limit is passed. */
function listEntries(file: string, zip: ZipFile, limits: DocxLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    const fail = (error: Error): void => reject(error);
    zip.on('error', fail);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      total += entry.uncompressedSize;
      const refusal = entryRefusal(file, entry, entries.length, total, limits);
      if (refusal !== undefined) fail(refusal);
      else zip.readEntry();
    });
    zip.readEntry();
  });
}

function entryRefusal(file: string, entry: Entry, count: number, total: number, limits: DocxLimits) {
  if (count > limits.maxEntries) {
    return documentOverLimit(
      file,
      'docx_entries',
      `DOCX archive of more than ${limits.maxEntries.toLocaleString('en-GB')} entries is over the limit`,
      ADVICE,
    );
  }
  if (total > limits.maxUncompressedBytes) {
    return documentOverLimit(
      file,
      'docx_uncompressed_bytes',
      `DOCX unzips to more than ${mib(limits.maxUncompressedBytes)}, the limit`,
      ADVICE,
    );
  }
  if (entry.fileName === 'word/document.xml' && entry.uncompressedSize > limits.maxDocumentXmlBytes) {
    return documentOverLimit(
      file,
      'docx_document_xml_bytes',
      `DOCX body (word/document.xml) of ${mib(entry.uncompressedSize)} is over the limit of ${mib(limits.maxDocumentXmlBytes)}`,
      'split the document or save it as PDF',
    );
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
    return documentOverLimit(
      file,
      'docx_compression_ratio',
      `DOCX part ${entry.fileName} inflates ${Math.round(ratio).toLocaleString('en-GB')} times, over the limit of ${limits.maxCompressionRatio} times`,
      ADVICE,
    );
  }
  return undefined;
}

/** Inflates one entry as a stream, discarding the bytes; yauzl fails if it outgrows its header. */
function drainEntry(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null && error !== undefined) {
        reject(error);
        return;
      }
      stream.on('error', reject);
      stream.on('end', () => resolve());
      stream.resume();
    });
  });
}

/**
 * Checks a .docx archive against `limits` without holding any inflated part in memory. Throws
 * `document_over_limit` naming the limit, or `unreadable_file` for an archive yauzl cannot read
 * (including a part that inflates past the size its header declares).
 */
export async function checkDocxArchive(
  file: string,
  bytes: Uint8Array,
  limits: DocxLimits = DOCX_LIMITS,
): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile | undefined;
  try {
    zip = await openArchive(buffer);
    const entries = await listEntries(file, zip, limits);
    for (const entry of entries) {
      if (!entry.fileName.endsWith('/') && READ_BY_MAMMOTH.test(entry.fileName)) await drainEntry(zip, entry);
    }
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw unreadableFile(file, `corrupt DOCX: ${reason}`, error);
  } finally {
    zip?.close();
  }
}
