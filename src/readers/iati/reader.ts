/**
 * Reads an IATI activity file (standard 2.01–2.03) as a stream of checked activity records. The
 * file is refused, with one clear error, when it is too large, is not XML or not UTF-8, is not an
 * IATI activity file or an unsupported version, or when any activity lacks an identifier or has a
 * number or date that does not read: a file is imported whole or not at all.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AtlasError, documentTooLarge, invalidData, unreadableFile } from '../../domain/errors.ts';
import type { IatiActivity } from '../../domain/iati/model.ts';
import { activityFromXml, checkActivity, IatiRecordError } from './activity.ts';
import { DEFAULT_XML_LIMITS, streamXml, type XmlLimits } from './xml-stream.ts';

/** Largest IATI file accepted by default: 2 GiB (the biggest publishers' files are a few hundred MB). */
export const DEFAULT_MAX_IATI_BYTES = 2 * 1024 * 1024 * 1024;

export interface IatiFileFacts {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface IatiReadOptions {
  readonly maxBytes?: number;
  readonly limits?: XmlLimits;
}

/** Size and hash of the file (the hash tells a file already imported); refuses a file over the limit. */
export async function iatiFileFacts(file: string, options: IatiReadOptions = {}): Promise<IatiFileFacts> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IATI_BYTES;
  let bytes: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw unreadableFile(file, 'not a file');
    bytes = info.size;
  } catch (error) {
    if (error instanceof AtlasError) throw error;
    throw unreadableFile(file, (error as NodeJS.ErrnoException).code ?? String(error), error);
  }
  if (bytes > maxBytes) throw documentTooLarge(file, bytes, maxBytes);
  if (bytes === 0) throw invalidData(file, 'empty file (not XML)');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { path: file, name: basename(file), bytes, sha256: hash.digest('hex') };
}

const SUPPORTED_VERSION = /^2\.0[1-3]$/;

/** The `version` of a root element that is an IATI 2.0x activity file; throws otherwise. */
function checkRoot(file: string, name: string, attrs: Readonly<Record<string, string>>): string {
  if (name === 'iati-organisations') {
    throw invalidData(file, 'an IATI organisation file, not an activity file (<iati-activities>)');
  }
  if (name !== 'iati-activities') {
    throw invalidData(
      file,
      `not an IATI activity file (the root element is <${name}>, expected <iati-activities>)`,
    );
  }
  const version = attrs.version?.trim();
  if (version === undefined || version === '') {
    throw invalidData(file, 'not an IATI 2.x activity file (<iati-activities> has no version attribute)');
  }
  if (!SUPPORTED_VERSION.test(version)) {
    throw invalidData(
      file,
      `IATI version ${version} is not supported (this atlas reads 2.01, 2.02 and 2.03)`,
    );
  }
  return version;
}

export interface IatiStream {
  readonly version: string;
  readonly activities: AsyncGenerator<IatiActivity>;
}

/** Opens the file: checks the root, then streams its activities, each mapped and checked. */
export async function readIatiFile(file: string, options: IatiReadOptions = {}): Promise<IatiStream> {
  const items = streamXml(file, 'iati-activity', options.limits ?? DEFAULT_XML_LIMITS);
  const first = await items.next();
  if (first.done === true || first.value.kind !== 'root') {
    await items.return(undefined);
    throw invalidData(file, 'not XML (no root element)');
  }
  let version: string;
  try {
    version = checkRoot(file, first.value.root.name, first.value.root.attrs);
  } catch (error) {
    await items.return(undefined);
    throw error;
  }
  const activities = async function* (): AsyncGenerator<IatiActivity> {
    for await (const item of items) {
      if (item.kind !== 'element') continue;
      try {
        yield checkActivity(activityFromXml(item.element));
      } catch (error) {
        if (error instanceof IatiRecordError) throw invalidData(file, error.message);
        throw error;
      }
    }
  };
  return { version, activities: activities() };
}
