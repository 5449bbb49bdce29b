/**
 * The money chain as a section of the country page: by year and currency, totals, a common currency
 * only when the user gave a rate table (named next to the figures), announced amounts against the
 * activity data, reported results and the activities with their source file. Numbers and dates are
 * written the reader's way; a stage no transaction reports reads "not stated", never 0. The
 * briefing pack shows the same tables (`fundingChainContent`) under its own heading.
 */
import type { ChainYear, CurrencyTotal, FundingChain } from '../../domain/iati/chain.ts';
import { ACTIVITY_STATUSES, codeLabel, type ChainStage } from '../../domain/iati/codes.ts';
import { narrativeIn } from '../../domain/iati/model.ts';
import { dateText, money, sourceText, spanHref } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import type { MessageKey, Translator } from '../i18n.ts';

const STAGES: readonly ChainStage[] = ['committed', 'disbursed', 'spent'];

/** A currency by its name in the reader's language ("euro", "dollar des États-Unis"), never a bare code. */
function currencyName(code: string, tr: Translator): string {
  try {
    return new Intl.DisplayNames([tr.lang], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function stageCell(row: ChainYear | CurrencyTotal, stage: ChainStage, tr: Translator): SafeHtml {
  return row.stated.includes(stage)
    ? html`<td class="num">${money(row[stage], row.currency, tr)}</td>`
    : html`<td class="num muted">${tr.t('notStated')}</td>`;
}

const stageHeads = (tr: Translator): SafeHtml[] =>
  STAGES.map((stage) => html`<th class="num">${tr.t(stage)}</th>`);

function byYearTable(chain: FundingChain, tr: Translator): SafeHtml {
  return html`<div class="table-scroll" tabindex="0">
    <table>
      <thead>
        <tr>
          <th>${tr.t('year')}</th>
          <th>${tr.t('currency')}</th>
          ${stageHeads(tr)}
        </tr>
      </thead>
      <tbody>
        ${chain.byYear.map(
          (row) =>
            html`<tr>
              <td>${String(row.year)}</td>
              <td>${currencyName(row.currency, tr)}</td>
              ${STAGES.map((stage) => stageCell(row, stage, tr))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function totalsTable(chain: FundingChain, tr: Translator): SafeHtml {
  return html`<h3>${tr.t('totalsByCurrency')}</h3>
    <div class="table-scroll" tabindex="0">
      <table>
        <thead>
          <tr>
            <th>${tr.t('currency')}</th>
            ${stageHeads(tr)}
            <th class="num">${tr.t('budget')}</th>
          </tr>
        </thead>
        <tbody>
          ${chain.totals.map(
            (row) =>
              html`<tr>
                <td>${currencyName(row.currency, tr)}</td>
                ${STAGES.map((stage) => stageCell(row, stage, tr))}
                ${
                  row.budgetStated
                    ? html`<td class="num">${money(row.budget, row.currency, tr)}</td>`
                    : html`<td class="num muted">${tr.t('notStated')}</td>`
                }
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function commonCurrency(chain: FundingChain, tr: Translator): SafeHtml | '' {
  const common = chain.common;
  if (common === null) return '';
  return html`<h3>${tr.t('convertedInto')} ${currencyName(common.currency, tr)}</h3>
    <p class="muted" data-rates="${common.source}">
      ${tr.t('convertedInto')} ${currencyName(common.currency, tr)} ${tr.t('convertedWith')}
      <code translate="no">${common.source}</code>.
    </p>
    <div class="table-scroll" tabindex="0">
      <table>
        <thead>
          <tr>
            <th>${tr.t('year')}</th>
            ${stageHeads(tr)}
          </tr>
        </thead>
        <tbody>
          ${common.byYear.map(
            (row) =>
              html`<tr>
                <td>${String(row.year)}</td>
                ${STAGES.map((stage) =>
                  row.stated.includes(stage)
                    ? html`<td class="num">${money(row[stage], common.currency, tr)}</td>`
                    : html`<td class="num muted">${tr.t('notStated')}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      common.missing.length === 0
        ? ''
        : html`<p class="muted">
            ${tr.t('noRateFor')}${tr.colon}<span translate="no">${common.missing.join(', ')}</span>
          </p>`
    }`;
}

const MATCHED: Record<'activity' | 'activities' | 'none', MessageKey> = {
  activity: 'matchedActivity',
  activities: 'matchedActivities',
  none: 'matchedNone',
};

function announcedTable(chain: FundingChain, tr: Translator): SafeHtml | '' {
  if (chain.announced.length === 0) return '';
  return html`<h3>${tr.t('announcedVsData')}</h3>
    <div class="table-scroll" tabindex="0">
      <table>
        <thead>
          <tr>
            <th>${tr.t('announced')}</th>
            <th>${tr.t('matchedTo')}</th>
            <th class="num">${tr.t('committed')}</th>
            <th class="num">${tr.t('gap')}</th>
          </tr>
        </thead>
        <tbody>
          ${chain.announced.map((check) => {
            const a = check.announced;
            return html`<tr>
              <td>
                ${money(a.value, a.currency, tr, a.approximate)}
                <a href="${spanHref(a.documentId, a.span.start, a.span.end)}"
                  >${sourceText(`« ${a.quote} »`)}</a
                >
              </td>
              <td>
                ${tr.t(MATCHED[check.matchedTo])}${check.activities.length > 0 ? html` <span class="muted" translate="no">(${check.activities.join(', ')})</span>` : ''}
              </td>
              <td class="num">${money(check.committed, a.currency, tr)}</td>
              <td class="num">${money(check.gap, a.currency, tr)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

const valueOrNotStated = (value: number | null, tr: Translator): string =>
  value === null ? tr.t('notStated') : tr.n(value);

function resultsTable(chain: FundingChain, tr: Translator): SafeHtml | '' {
  const rows = chain.results.flatMap(({ activity, result }) =>
    result.indicators.flatMap((indicator) =>
      indicator.periods.map((period) => ({ activity, result, indicator, period })),
    ),
  );
  if (rows.length === 0) return '';
  return html`<h3>${tr.t('reportedResults')}</h3>
    <div class="table-scroll" tabindex="0">
      <table>
        <thead>
          <tr>
            <th>${tr.t('indicator')}</th>
            <th>${tr.t('period')}</th>
            <th class="num">${tr.t('baseline')}</th>
            <th class="num">${tr.t('target')}</th>
            <th class="num">${tr.t('actual')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ({ activity, indicator, period }) =>
              html`<tr>
                <td>
                  ${sourceText(narrativeIn(indicator.title, tr.lang) ?? tr.t('notStated'))}
                  <span class="muted" translate="no">(${activity})</span>
                </td>
                <td>${dateText(period.start, tr)} – ${dateText(period.end, tr)}</td>
                <td class="num">${valueOrNotStated(indicator.baseline?.value ?? null, tr)}</td>
                <td class="num">${valueOrNotStated(period.target, tr)}</td>
                <td class="num">${valueOrNotStated(period.actual, tr)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function activitiesList(chain: FundingChain, tr: Translator): SafeHtml {
  return html`<h3>${tr.t('iatiActivities')}</h3>
    <ul class="plain">
      ${chain.activities.map(
        (a) =>
          html`<li>
            ${sourceText(narrativeIn(a.titles, tr.lang) ?? a.identifier)}
            <span class="muted" translate="no">${a.identifier}</span> —
            ${tr.t('activityStatus')}${tr.colon}${a.status === null ? tr.t('notStated') : codeLabel(ACTIVITY_STATUSES, a.status, tr.lang)};
            ${tr.t('linkedBy')}${tr.colon}${tr.t(`via_${a.via}` as MessageKey)};
            ${tr.t('evidenceFile')}${tr.colon}<span translate="no">${a.file} ${a.path}</span>
          </li>`,
      )}
    </ul>`;
}

/**
 * The chain's tables without a heading (the country page's section and the briefing pack's "Money
 * followed" both show them). No activity: one line saying the stages are not stated.
 */
export function fundingChainContent(chain: FundingChain, tr: Translator): SafeHtml {
  const empty = chain.activities.length === 0;
  return html`<p class="muted">${tr.t('fundingHelp')}</p>
    ${
      empty
        ? html`<p class="muted">${tr.t('fundingNone')}</p>`
        : html`${byYearTable(chain, tr)} ${totalsTable(chain, tr)} ${commonCurrency(chain, tr)}`
    }
    ${announcedTable(chain, tr)} ${resultsTable(chain, tr)} ${empty ? '' : activitiesList(chain, tr)}`;
}

/** The section; `csvHref` is the chain's CSV download. */
export function fundingChainSection(chain: FundingChain, tr: Translator, csvHref: string): SafeHtml {
  return html`<section class="panel" aria-labelledby="funding-chain" id="funding">
    <h2 id="funding-chain">${tr.t('fundingChain')}</h2>
    ${fundingChainContent(chain, tr)}
    <p><a href="${csvHref}">${tr.t('download')} CSV</a></p>
  </section>`;
}
