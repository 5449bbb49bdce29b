/**
 * Streams an XML file element by element with saxes and hands over each complete element of one
 * name (`iati-activity`) as a small tree, so a file of any size is read in constant memory. Every
 * element knows its path (`/iati-activities/iati-activity[3]/transaction[2]`): the evidence of
 * what the atlas stores from it. Refuses what a data file has no business containing: a DTD (and
 * so any entity expansion), another encoding than UTF-8, runaway nesting or text.
 */
import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { invalidData, wrongEncoding } from '../../domain/errors.ts';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  readonly path: string;
}

export interface XmlLimits {
  /** Deepest nesting accepted (IATI activities nest about 8 levels). */
  readonly maxDepth: number;
  /** Longest text of one element, in characters. */
  readonly maxText: number;
  /** Most elements in one collected element (one activity). */
  readonly maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 64, maxText: 1_000_000, maxElements: 200_000 };

/** Elements that may repeat under their parent: their path segment always carries an index. */
const REPEATABLE = new Set([
  'iati-activity',
  'narrative',
  'participating-org',
  'description',
  'activity-date',
  'recipient-country',
  'recipient-region',
  'sector',
  'budget',
  'transaction',
  'result',
  'indicator',
  'period',
  'target',
  'actual',
  'baseline',
  'document-link',
  'other-identifier',
  'contact-info',
  'location',
  'policy-marker',
  'related-activity',
  'aid-type',
  'tag',
  'country-budget-items',
  'humanitarian-scope',
  'planned-disbursement',
  'dimension',
  'reference',
  'comment',
  'document-link',
  'condition',
]);

interface Frame {
  readonly element: XmlElement | null;
  readonly path: string;
  readonly counts: Map<string, number>;
}

export interface XmlRoot {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
}

export type XmlItem = { kind: 'root'; root: XmlRoot } | { kind: 'element'; element: XmlElement };

/**
 * Yields the root element's name and attributes first, then every element named `collect` that is a
 * child of the root, complete. Throws AtlasError `invalid_data` (not XML, a DTD, too deep…) or
 * `wrong_encoding`.
 */
export async function* streamXml(
  file: string,
  collect: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): AsyncGenerator<XmlItem> {
  const parser = new SaxesParser({ position: true });
  const ready: XmlItem[] = [];
  const stack: Frame[] = [{ element: null, path: '', counts: new Map() }];
  let failure: Error | undefined;
  let collecting: XmlElement | null = null;
  let collected = 0;
  let sawRoot = false;
  const fail = (message: string): void => {
    failure ??= invalidData(file, message);
  };

  parser.on('error', (error) => {
    failure ??= invalidData(file, `not well-formed XML (${error.message.replace(/\s+/g, ' ')})`);
  });
  parser.on('xmldecl', (decl) => {
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      failure ??= wrongEncoding(file, `the file declares encoding ${decl.encoding}; IATI files are UTF-8`);
    }
  });
  parser.on('doctype', () => {
    fail('the file has a DOCTYPE declaration; IATI files have none, and entities are not expanded');
  });
  parser.on('opentag', (tag) => {
    // Without the xmlns option, saxes gives attributes as plain strings.
    const attributes = tag.attributes as Record<string, string>;
    if (failure !== undefined) return;
    const parent = stack[stack.length - 1]!;
    if (stack.length > limits.maxDepth) {
      fail(`elements nested more than ${limits.maxDepth} deep at ${parent.path}`);
      return;
    }
    const n = (parent.counts.get(tag.name) ?? 0) + 1;
    parent.counts.set(tag.name, n);
    const segment = REPEATABLE.has(tag.name) || n > 1 ? `${tag.name}[${n}]` : tag.name;
    const path = `${parent.path}/${segment}`;
    if (stack.length === 1) {
      if (sawRoot) return;
      sawRoot = true;
      ready.push({ kind: 'root', root: { name: tag.name, attrs: { ...attributes } } });
      stack.push({ element: null, path, counts: new Map() });
      return;
    }
    let element: XmlElement | null = null;
    if (collecting !== null || (stack.length === 2 && tag.name === collect)) {
      element = { name: tag.name, attrs: { ...attributes }, children: [], text: '', path };
      collected += 1;
      if (collected > limits.maxElements) {
        fail(`one ${collect} has more than ${limits.maxElements} elements (at ${path})`);
        return;
      }
      if (collecting === null) collecting = element;
      else parent.element?.children.push(element);
    }
    stack.push({ element, path, counts: new Map() });
  });
  const onText = (text: string): void => {
    const element = stack[stack.length - 1]?.element;
    if (element === null || element === undefined || failure !== undefined) return;
    if (element.text.length + text.length > limits.maxText) {
      fail(`the text of ${element.path} is longer than ${limits.maxText} characters`);
      return;
    }
    element.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (failure !== undefined) return;
    const frame = stack.pop();
    if (frame?.element !== null && frame?.element === collecting && collecting !== null) {
      ready.push({ kind: 'element', element: collecting });
      collecting = null;
      collected = 0;
    }
  });

  // A fatal decoder: bytes that are not UTF-8 are an error, not replacement characters.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const take = function* (): Generator<XmlItem> {
    if (failure !== undefined) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  };
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  let started = false;
  try {
    for await (const chunk of input) {
      if (!started) {
        // A PDF, a spreadsheet or a JSON file: say so before the decoder or the parser complains.
        const head = (chunk as Buffer)
          .subarray(0, 64)
          .toString('latin1')
          .replace(/^\u00ef\u00bb\u00bf/, '');
        const first = head.trimStart()[0];
        if (first !== undefined) {
          if (first !== '<') throw invalidData(file, 'not XML (it does not begin with "<")');
          started = true;
        }
      }
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw wrongEncoding(file, 'the file is not valid UTF-8');
      }
      try {
        parser.write(text);
      } catch (error) {
        failure ??= invalidData(file, `not well-formed XML (${String(error)})`);
      }
      yield* take();
    }
    try {
      parser.close();
    } catch (error) {
      failure ??= invalidData(file, `not well-formed XML (${String(error)})`);
    }
    yield* take();
    if (!sawRoot) throw invalidData(file, 'not XML (no root element)');
  } finally {
    input.destroy();
  }
}
