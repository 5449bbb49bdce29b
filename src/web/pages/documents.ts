/** The list of ingested documents: title, publisher or author, date of publication, language. */
import type { DocumentSummary, Page } from '../../storage/atlas-store.ts';
import { dateText, documentTitle, pager, sourceText } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

export function documentsPage(page: Page<DocumentSummary>, tr: Translator): SafeHtml {
  return html`<h1>${tr.t('documents')}</h1>
    <section class="panel">
      <div class="table-scroll" tabindex="0">
        <table class="sortable">
          <thead>
            <tr>
              <th scope="col">${tr.t('title')}</th>
              <th scope="col">${tr.t('publisher')}</th>
              <th scope="col">${tr.t('publishedOn')}</th>
              <th scope="col">${tr.t('language')}</th>
              <th scope="col" class="num">${tr.t('instruments')}</th>
              <th scope="col" class="num">${tr.t('characters')}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map(
              (d) =>
                html`<tr>
                  <td><a href="/documents/${encodeURIComponent(d.id)}">${documentTitle(d, tr)}</a></td>
                  <td>
                    ${
                      d.publisher === null
                        ? html`<span class="muted">${tr.t('notStated')}</span>`
                        : sourceText(d.publisher)
                    }
                  </td>
                  <td data-sort="${d.published ?? ''}">
                    ${
                      d.published === null
                        ? html`<span class="muted">${tr.t('notStated')}</span>`
                        : dateText(d.published, tr)
                    }
                  </td>
                  <td>${tr.languageName(d.language)}</td>
                  <td class="num">${tr.n(d.instrumentCount)}</td>
                  <td class="num">${tr.n(d.charCount)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pager('/documents', {}, page.total, page.limit, page.offset, tr)}
      <p><a href="/api/documents?format=csv&amp;lang=${tr.lang}">${tr.t('download')} CSV</a></p>
    </section>`;
}
