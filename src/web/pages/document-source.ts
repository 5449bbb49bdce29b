/**
 * The document as a source, on its page: title, publisher or author, date, language and source
 * link ("not stated" where neither the text nor a person gave one), the history of those fields
 * (read from the text, then corrected by people), and "Cite this" in BibTeX, RIS and CSL-JSON.
 */
import { cite, CITATION_FORMATS, type CitationFormat } from '../../domain/citation.ts';
import type { DocumentDetail, SourceFieldRecord } from '../../storage/atlas-store.ts';
import { dateText, documentTitle, sourceText } from '../components.ts';
import { href, html, type SafeHtml } from '../html.ts';
import type { MessageKey, Translator } from '../i18n.ts';

const FIELD_LABEL: Record<SourceFieldRecord['field'], MessageKey> = {
  title: 'title',
  publisher: 'publisher',
  published: 'publishedOn',
  url: 'sourceLink',
  language: 'language',
};

const FORMAT_NAME: Record<CitationFormat, string> = { bibtex: 'BibTeX', ris: 'RIS', csl: 'CSL-JSON' };

/** Who gave a value: the text (the extraction rules) or a named person. */
function givenBy(record: SourceFieldRecord, tr: Translator): SafeHtml {
  if (record.assertedBy.startsWith('extractor:')) return html`${tr.t('readFromText')}`;
  return html`${tr.t('setBy')} <span translate="no">${record.assertedBy.replace(/^user:/, '')}</span>`;
}

function recordValue(record: SourceFieldRecord, tr: Translator): SafeHtml | string {
  if (record.value === null) return tr.t('cleared');
  if (record.field === 'published') return dateText(record.value, tr);
  if (record.field === 'language') return tr.languageName(record.value);
  return sourceText(record.value);
}

/** A link that leaves the atlas: shown in full, opened without handing over the atlas's address. */
function externalLink(url: string): SafeHtml {
  return html`<a href="${url}" rel="noopener noreferrer external" translate="no">${url}</a>`;
}

export function documentSourcePanel(
  document: DocumentDetail,
  history: readonly SourceFieldRecord[],
  tr: Translator,
): SafeHtml {
  const stated = (value: string | null, show: (v: string) => SafeHtml | string): SafeHtml | string =>
    value === null ? html`<span class="muted">${tr.t('notStated')}</span>` : show(value);
  const citeBase = `/api/documents/${encodeURIComponent(document.id)}/citation`;
  return html`<section class="panel doc-source" aria-labelledby="source-title">
    <h2 id="source-title">${tr.t('asSource')}</h2>
    <dl class="fields">
      <dt>${tr.t('title')}</dt>
      <dd>${documentTitle(document, tr, document.language)}</dd>
      <dt>${tr.t('publisher')}</dt>
      <dd>${stated(document.publisher, (v) => sourceText(v))}</dd>
      <dt>${tr.t('publishedOn')}</dt>
      <dd>${stated(document.published, (v) => dateText(v, tr))}</dd>
      <dt>${tr.t('language')}</dt>
      <dd>${tr.languageName(document.language)}</dd>
      <dt>${tr.t('sourceLink')}</dt>
      <dd>${stated(document.sourceUrl, externalLink)}</dd>
    </dl>
    <details class="source-history">
      <summary>${tr.t('editHistory')} (${tr.n(history.length)})</summary>
      ${
        history.length === 0
          ? html`<p class="muted">${tr.t('empty')}</p>`
          : html`<ol class="plain">
              ${history.map(
                (record) =>
                  html`<li>
                    <strong>${tr.t(FIELD_LABEL[record.field])}</strong>${tr.colon}${recordValue(record, tr)}
                    <span class="muted"
                      >· ${givenBy(record, tr)} · ${dateText(record.at.slice(0, 10), tr)}</span
                    >
                  </li>`,
              )}
            </ol>`
      }
    </details>
    <section class="cite-box" aria-labelledby="cite-title">
      <h3 id="cite-title">${tr.t('citeThis')}</h3>
      <p class="muted">${tr.t('citeHelp')}</p>
      ${CITATION_FORMATS.map(
        (format) =>
          html`<details>
            <summary>${FORMAT_NAME[format]}</summary>
            <pre translate="no"><code>${cite(document, format).text}</code></pre>
            <p>
              <a href="${href(citeBase, { format })}" download>${tr.t('download')} ${FORMAT_NAME[format]}</a>
            </p>
          </details>`,
      )}
    </section>
  </section>`;
}
