/**
 * The document page: the text, split into the same passages as the search index, with every
 * extracted fact highlighted. Each fact and passage carries `data-s`/`data-e` offsets and an
 * `id="span-START-END"` anchor, so evidence links land on the quoted span.
 */
import { restrictionBadge } from '../restriction-badge.ts';
import {
  splitPassages,
  type DocumentDetail,
  type DocumentFact,
  type SourceFieldRecord,
} from '../../storage/atlas-store.ts';
import { documentSourcePanel } from './document-source.ts';
import {
  actorLink,
  documentTitle,
  factValue,
  factValueHtml,
  instrumentTitle,
  spanHref,
} from '../components.ts';
import { escapeHtml } from '../../domain/escape-html.ts';
import { href, html, raw, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

const display = (text: string): string => escapeHtml(text.replace(/\s*\n\s*/g, ' '));

/** The text of one passage with facts as <mark> segments (overlaps split at every boundary). */
function passageHtml(
  text: string,
  start: number,
  end: number,
  facts: readonly DocumentFact[],
  anchors: Set<string>,
  shown: (fact: DocumentFact) => boolean,
  tr: Translator,
): string {
  const inside = facts.filter((fact) => fact.span.start < end && fact.span.end > start);
  const cuts = new Set<number>([start, end]);
  for (const fact of inside) {
    cuts.add(Math.max(start, fact.span.start));
    cuts.add(Math.min(end, fact.span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let index = 0; index < points.length - 1; index++) {
    const a = points[index] ?? start;
    const b = points[index + 1] ?? end;
    for (const fact of inside) {
      const id = `span-${fact.span.start}-${fact.span.end}`;
      if (Math.max(start, fact.span.start) === a && !anchors.has(id)) {
        anchors.add(id);
        out += `<span class="anchor" id="${id}"></span>`;
      }
    }
    const covering = inside.filter((fact) => fact.span.start <= a && fact.span.end >= b);
    const segment = display(text.slice(a, b));
    if (covering.length === 0) out += segment;
    else if (!covering.some((fact) => shown(fact))) {
      // Not highlighted, but still addressable, so an evidence link can outline it.
      out += `<span class="fact-span" data-s="${a}" data-e="${b}">${segment}</span>`;
    } else {
      const title = escapeHtml(
        covering
          .map((fact) => `${tr.term(fact.property)}${tr.colon}${factValue(fact.property, fact.value, tr)}`)
          .join('\n'),
      );
      out += `<mark class="fact" data-s="${a}" data-e="${b}" title="${title}">${segment}</mark>`;
    }
  }
  return out;
}

/** Which facts the text highlights: one record's (the reader came from it), all, or none. */
export type Highlight =
  { readonly kind: 'record'; readonly id: string } | { readonly kind: 'all' } | { readonly kind: 'none' };

function legend(documentId: string, highlight: Highlight, tr: Translator): SafeHtml {
  const base = `/documents/${encodeURIComponent(documentId)}`;
  const line =
    highlight.kind === 'record'
      ? tr.t('legendRecord')
      : highlight.kind === 'all'
        ? tr.t('legendAll')
        : tr.t('legendNone');
  const switches = [
    highlight.kind === 'all'
      ? null
      : html`<a href="${href(base, { facts: 'all' })}">${tr.t('showAllFacts')}</a>`,
    highlight.kind === 'none' ? null : html`<a href="${base}">${tr.t('hideFacts')}</a>`,
  ].filter((item) => item !== null);
  return html`<section class="legend-box" aria-labelledby="legend-title">
    <h2 id="legend-title">${tr.t('legend')}</h2>
    <p><mark class="fact legend-sample">${tr.lang === 'fr' ? 'texte' : 'text'}</mark> ${line}</p>
    <p>
      <span class="target legend-sample">${tr.lang === 'fr' ? 'texte' : 'text'}</span> ${tr.t('legendTarget')}
    </p>
    <p>${switches.map((item, index) => html`${index > 0 ? ' · ' : ''}${item}`)}</p>
  </section>`;
}

export function documentPage(
  document: DocumentDetail,
  allFacts: readonly DocumentFact[],
  highlight: Highlight,
  tr: Translator,
  sourceHistory: readonly SourceFieldRecord[] = [],
): SafeHtml {
  const shown = (fact: DocumentFact): boolean =>
    highlight.kind === 'all' || (highlight.kind === 'record' && fact.subjectId === highlight.id);
  const facts = allFacts;
  const anchors = new Set<string>();
  const paragraphs = splitPassages(document.text).map((span) => {
    const id = `span-${span.start}-${span.end}`;
    const anchor = anchors.has(id) ? '' : ` id="${id}"`;
    anchors.add(id);
    return `<p${anchor} data-s="${span.start}" data-e="${span.end}">${passageHtml(document.text, span.start, span.end, facts, anchors, shown, tr)}</p>`;
  });
  const selected = highlight.kind === 'record' ? facts.filter(shown) : facts;
  const listed = selected.slice(0, 400);
  return html`<p class="muted">
      ${tr.languageName(document.language)} · ${tr.term(document.format)} ·
      ${tr.count(document.charCount, 'character')} ${restrictionBadge(document.restrictedTo, tr)}
    </p>
    <h1>${documentTitle(document, tr)}</h1>
    ${documentSourcePanel(document, sourceHistory, tr)} ${legend(document.id, highlight, tr)}
    <div class="doc-layout">
      <article class="doc-text" aria-labelledby="text-title" translate="no" lang="${document.language}">
        <h2 id="text-title" class="visually-hidden">${tr.t('text')}</h2>
        ${raw(paragraphs.join('\n'))}
      </article>
      <aside class="doc-side panel" aria-labelledby="facts-title">
        <h2 id="facts-title">${tr.t('instruments')}</h2>
        ${
          document.instruments.length === 0
            ? html`<p class="muted">${tr.t('empty')}</p>`
            : html`<ul class="plain">
                ${document.instruments.map(
                  (i) =>
                    html`<li>
                      <a href="/instruments/${encodeURIComponent(i.id)}">${instrumentTitle(i.title, tr)}</a>
                      ${highlight.kind === 'record' && highlight.id === i.id ? '' : html`· <a class="muted" href="${href(`/documents/${encodeURIComponent(document.id)}`, { record: i.id })}">${tr.t('showRecordFacts')}</a>`}
                    </li>`,
                )}
              </ul>`
        }
        <h2>${tr.t('mentioned')}</h2>
        <p>
          ${document.mentions
            .filter((mention) => mention.kind !== 'topic')
            .map(
              (mention) =>
                html`<span class="tag"
                  >${mention.kind === 'country' ? actorLink(mention.code, tr, 'state') : actorLink(mention.code, tr, 'organization')}
                  ${tr.n(mention.count)}</span
                >`,
            )}
        </p>
        <h2>${tr.t('facts')} (${tr.n(selected.length)})</h2>
        <ul class="plain">
          ${listed.map(
            (fact) =>
              html`<li>
                <a
                  href="${spanHref(document.id, fact.span.start, fact.span.end, highlight.kind === 'record' ? highlight.id : undefined)}"
                  >${tr.term(fact.property)}</a
                >: ${factValueHtml(fact.property, fact.value, tr)}
              </li>`,
          )}
        </ul>
      </aside>
    </div>`;
}
