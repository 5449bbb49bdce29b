/**
 * The briefing pack in HTML, in the reader's language: the sections of `Brief` (src/analysis/
 * brief.ts) as headed sections with tables, source numbers [n] after every fact and the sources
 * cited at the end with their citation data. The money followed through IATI reuses the country
 * page's chain tables (src/web/pages/funding-chain.ts). "Not stated" / "non précisé" wherever a
 * value is missing. The same body is served inside the site (print stylesheet in app.css) and
 * written as a stand-alone file for `mda brief --format html` and, printed by Chromium, for the PDF.
 */
import type { Brief, BriefCommitment, BriefSource, SourceNumber } from '../analysis/brief.ts';
import type { MoneyByCurrency } from '../domain/analysis-model.ts';
import { dateText, documentTitle, instrumentTitle, money, sourceText } from './components.ts';
import { html, raw, type SafeHtml } from './html.ts';
import type { MessageKey, Translator } from './i18n.ts';
import { indicatorName, valueText } from './pages/analyses/indicators.ts';
import { fundingChainContent } from './pages/funding-chain.ts';

/** The sections, in reading order: their anchors and headings (the PDF test looks for them). */
export const BRIEF_SECTIONS = [
  ['brief-instruments', 'briefInstruments'],
  ['brief-money', 'moneyBySource'],
  ['brief-money-chain', 'moneyFollowed'],
  ['brief-commitments', 'openCommitments'],
  ['brief-dialogue', 'nextDialogue'],
  ['brief-levers', 'leversUsed'],
  ['brief-indicators', 'indicators'],
  ['brief-others', 'othersActive'],
  ['brief-sources', 'sourcesCited'],
] as const satisfies readonly (readonly [string, MessageKey])[];

type SectionId = (typeof BRIEF_SECTIONS)[number][0];

const refs = (numbers: readonly SourceNumber[]): SafeHtml =>
  numbers.length === 0
    ? html``
    : html` <span class="refs"
        >${numbers.map((n, i) => html`${i > 0 ? ' ' : ''}<a href="#source-${n}">[${n}]</a>`)}</span
      >`;

function section(id: SectionId, tr: Translator, body: SafeHtml | string): SafeHtml {
  const key = BRIEF_SECTIONS.find(([s]) => s === id)?.[1] as MessageKey;
  return html`<section class="brief-section" aria-labelledby="${id}">
    <h2 id="${id}">${tr.t(key)}</h2>
    ${body}
  </section>`;
}

const notStated = (tr: Translator): SafeHtml => html`<span class="muted">${tr.t('notStated')}</span>`;
const nothing = (tr: Translator): SafeHtml => html`<p class="muted">${tr.t('nothingRecorded')}</p>`;

function moneyList(sums: MoneyByCurrency, tr: Translator): string {
  return Object.entries(sums)
    .map(([currency, value]) => money(value, currency, tr))
    .join(' + ');
}

function instruments(brief: Brief, tr: Translator): SafeHtml {
  if (brief.instrumentsByType.length === 0) return nothing(tr);
  return html`${brief.instrumentsByType.map(
    (group) =>
      html`<h3>${tr.typeLabel(group.type)} (${tr.n(group.instruments.length)})</h3>
        <div class="table-scroll" tabindex="0">
          <table>
            <thead>
              <tr>
                <th>${tr.t('title')}</th>
                <th>${tr.t('status')}</th>
                <th>${tr.t('dates')}</th>
              </tr>
            </thead>
            <tbody>
              ${group.instruments.map(
                (i) =>
                  html`<tr>
                    <td>${instrumentTitle(i.title, tr)}${refs(i.sources)}</td>
                    <td>${i.status === 'not_stated' ? notStated(tr) : tr.term(i.status)}</td>
                    <td>
                      ${
                        i.dates.length === 0
                          ? notStated(tr)
                          : i.dates.map(
                              (d, n) =>
                                html`${n > 0 ? ', ' : ''}${dateText(d.value, tr)} (${tr.term(d.role)})`,
                            )
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`,
  )}`;
}

function moneyTable(brief: Brief, tr: Translator): SafeHtml {
  if (brief.money.length === 0) return nothing(tr);
  return html`<p class="muted">${tr.t('briefMoneyNote')}</p>
    <table>
      <thead>
        <tr>
          <th>${tr.t('source')}</th>
          <th class="num">${tr.t('total')}</th>
          <th class="num">${tr.t('instruments')}</th>
        </tr>
      </thead>
      <tbody>
        ${brief.money.map(
          (row) =>
            html`<tr>
              <td>${row.source === null ? tr.t('unspecified') : tr.actor(row.source)}</td>
              <td class="num">${money(row.total, row.currency, tr)}</td>
              <td class="num">${tr.n(row.instruments)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * The money followed through IATI: the country page's chain tables. Without any activity, each
 * stage is spelt out as not stated, so a reader never takes an empty section for zero.
 */
function moneyChain(brief: Brief, tr: Translator): SafeHtml {
  const chain = brief.moneyChain;
  const stages = (['committed', 'disbursed', 'spent'] as const).map(
    (stage) => html`<li>${tr.t(stage)}${tr.colon}${notStated(tr)}</li>`,
  );
  return html`${fundingChainContent(chain, tr)}${
    chain.activities.length === 0
      ? html`<ul class="plain">
          ${stages}
        </ul>`
      : ''
  }`;
}

function deadline(c: BriefCommitment, tr: Translator): SafeHtml {
  if (c.deadline === null) return notStated(tr);
  const when = `${c.deadline.inclusive ? tr.t('by') : tr.t('before')} ${dateText(c.deadline.value, tr)}`;
  return html`${when}${c.overdue ? html` <strong class="overdue">${tr.t('overdue')}</strong>` : ''}`;
}

function lastRecorded(c: BriefCommitment, tr: Translator): SafeHtml {
  const last = c.lastRecorded;
  if (last === null) return html`${tr.term(c.status)} <span class="muted">(${tr.t('statusFromText')})</span>`;
  return html`${tr.term(last.status)} · ${dateText(last.changedAt.slice(0, 10), tr)} ·
    <span translate="no">${last.changedBy.replace(/^user:/, '')}</span
    >${last.note === null ? '' : html` — <span translate="no">${last.note}</span>`}`;
}

function owners(c: BriefCommitment, tr: Translator): SafeHtml | string {
  return c.owners.length === 0 ? notStated(tr) : c.owners.map((o) => tr.actor(o)).join(', ');
}

function commitments(brief: Brief, tr: Translator): SafeHtml {
  if (brief.openCommitments.length === 0) return nothing(tr);
  return html`<div class="table-scroll" tabindex="0">
    <table>
      <thead>
        <tr>
          <th>${tr.t('commitmentsTracker')}</th>
          <th>${tr.t('owners')}</th>
          <th>${tr.t('deadlineLabel')}</th>
          <th>${tr.t('lastRecorded')}</th>
        </tr>
      </thead>
      <tbody>
        ${brief.openCommitments.map(
          (c) =>
            html`<tr>
              <td><span translate="no">${c.text}</span>${refs([c.source])}</td>
              <td>${owners(c, tr)}</td>
              <td>${deadline(c, tr)}</td>
              <td>${lastRecorded(c, tr)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function nextDialogue(brief: Brief, tr: Translator): SafeHtml {
  const next = brief.nextDialogue;
  if (next === null) return html`<p>${notStated(tr)}</p>`;
  return html`<p>
    <strong>${deadline(next, tr)}</strong> — <span translate="no">${next.text}</span>${refs([next.source])}
  </p>`;
}

function levers(brief: Brief, tr: Translator): SafeHtml {
  const { steps, approaches } = brief.levers;
  if (steps.length === 0 && approaches.length === 0) return nothing(tr);
  return html`${
    steps.length === 0
      ? ''
      : html`<h3>${tr.t('steps')}</h3>
          <ul>
            ${steps.map(
              (s) =>
                html`<li>
                  <strong>${s.date === null ? tr.t('notStated') : dateText(s.date, tr)}</strong
                  >${tr.colon}${tr.term(s.kind)}${s.legalBasis === null ? '' : html` (<span translate="no">${s.legalBasis}</span>)`}${refs([s.source])}
                </li>`,
            )}
          </ul>`
  }
  ${
    approaches.length === 0
      ? ''
      : html`<h3>${tr.t('approaches')}</h3>
          <ul>
            ${approaches.map(
              (a) =>
                html`<li>
                  ${tr.actor(a.actorId)} ${tr.t(a.stance === 'opposes' ? 'opposes' : 'applies')}
                  ${tr.approachLabel(a.approach)}${refs([a.source])}
                </li>`,
            )}
          </ul>`
  }`;
}

function indicators(brief: Brief, tr: Translator): SafeHtml {
  if (brief.indicators.length === 0) return nothing(tr);
  return html`<ul>
    ${brief.indicators.map(
      (series) =>
        html`<li>
          <strong>${indicatorName(series.indicator, tr)}</strong>${tr.colon}${series.values.map(
            (v, n) =>
              html`${n > 0 ? ' ; ' : ''}${valueText(v.value, v.unit, v.approximate, tr)}
              (${v.date === null ? tr.t('notStated') : dateText(v.date, tr)})${
                typeof v.source === 'number'
                  ? refs([v.source])
                  : html` <span class="muted"
                      >${tr.t('enteredBy')} <span translate="no">${v.source.enteredBy}</span></span
                    >`
              }`,
          )}
        </li>`,
    )}
  </ul>`;
}

function others(brief: Brief, tr: Translator): SafeHtml {
  if (brief.othersActive.length === 0) return nothing(tr);
  return html`<div class="table-scroll" tabindex="0">
      <table>
        <thead>
          <tr>
            <th>${tr.t('actors')}</th>
            <th class="num">${tr.t('instruments')}</th>
            <th>${tr.t('money')}</th>
            <th>${tr.t('topics')}</th>
          </tr>
        </thead>
        <tbody>
          ${brief.othersActive.map(
            (a) =>
              html`<tr>
                <td>${tr.actor(a.actorId)}</td>
                <td class="num">${tr.n(a.instruments)}</td>
                <td>
                  ${
                    Object.keys(a.money).length === 0 && Object.keys(a.sharedMoney).length === 0
                      ? notStated(tr)
                      : html`${moneyList(a.money, tr)}${
                          Object.keys(a.sharedMoney).length === 0
                            ? ''
                            : html` <span class="muted"
                                >(${moneyList(a.sharedMoney, tr)} ${tr.t('sharedMoney')})</span
                              >`
                        }`
                  }
                </td>
                <td>
                  ${a.topics.length === 0 ? notStated(tr) : a.topics.map((t) => tr.topicLabel(t)).join(', ')}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      brief.overlaps.length === 0
        ? ''
        : html`<h3>${tr.t('overlaps')}</h3>
            <ul>
              ${brief.overlaps.map(
                (o) =>
                  html`<li>
                    ${tr.topicLabel(o.topic)}${tr.colon}${o.actors.map((a) => tr.actor(a)).join(', ')}
                  </li>`,
              )}
            </ul>`
    }
    ${
      brief.gaps.length === 0
        ? ''
        : html`<h3>${tr.t('gaps')}</h3>
            <ul>
              ${brief.gaps.map((g) => html`<li>${tr.topicLabel(g.topic)}</li>`)}
            </ul>`
    }`;
}

/** One reference: publisher, date, title, URL, language ("not stated" for what is unknown). */
function reference(source: BriefSource, tr: Translator): SafeHtml {
  return html`<li id="source-${source.number}">
    [${source.number}] ${source.publisher === null ? notStated(tr) : sourceText(source.publisher)}
    (${source.published === null ? tr.t('notStated') : dateText(source.published, tr)}).
    <cite>${documentTitle(source, tr, source.language)}</cite>. ${tr.languageName(source.language)}.
    ${
      source.sourceUrl === null
        ? html`${tr.t('sourceLink')}${tr.colon}${notStated(tr)}.`
        : html`<a href="${source.sourceUrl}" translate="no" rel="noopener noreferrer external"
            >${source.sourceUrl}</a
          >`
    }
    <span class="muted" translate="no">${source.id}</span>
  </li>`;
}

function sources(brief: Brief, tr: Translator): SafeHtml {
  if (brief.sources.length === 0) return nothing(tr);
  return html`<ol class="plain sources">
    ${brief.sources.map((s) => reference(s, tr))}
  </ol>`;
}

/** The brief's heading and sections (inside the site's layout or a stand-alone file). */
export function briefBody(brief: Brief, tr: Translator, controls: SafeHtml | string = ''): SafeHtml {
  const name = tr.actor(brief.partner);
  return html`<article class="brief">
    <header class="brief-head">
      <p class="muted">${tr.t('appName')}</p>
      <h1>${tr.t('briefTitle')}${tr.colon}${name}</h1>
      <p class="muted">${tr.t('preparedOn')} ${dateText(brief.today, tr)}</p>
      ${controls}
    </header>
    ${section('brief-instruments', tr, instruments(brief, tr))}
    ${section('brief-money', tr, moneyTable(brief, tr))}
    ${section('brief-money-chain', tr, moneyChain(brief, tr))}
    ${section('brief-commitments', tr, commitments(brief, tr))}
    ${section('brief-dialogue', tr, nextDialogue(brief, tr))}
    ${section('brief-levers', tr, levers(brief, tr))}
    ${section('brief-indicators', tr, indicators(brief, tr))}
    ${section('brief-others', tr, others(brief, tr))} ${section('brief-sources', tr, sources(brief, tr))}
  </article>`;
}

/** Styles of the stand-alone file (the site's pages use app.css; files carry their own). */
const FILE_STYLE = `
body { font: 11pt/1.45 system-ui, "DejaVu Sans", sans-serif; color: #111; margin: 0; }
.brief { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
h2 { font-size: 1.2rem; border-bottom: 1px solid #999; margin: 1.4rem 0 0.5rem; break-after: avoid; }
h3 { font-size: 1rem; margin: 0.8rem 0 0.3rem; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
.num { text-align: right; }
.muted { color: #555; }
.refs a, a { color: #0b4f8a; }
.overdue { color: #8a1c0b; }
ol.plain, ul.plain { list-style: none; padding: 0; }
.sources li { margin-bottom: 0.3rem; overflow-wrap: anywhere; }
@page { size: A4; margin: 15mm; }
`;

/** The brief as a complete HTML file in the reader's language (for `--format html` and the PDF). */
export function briefDocument(brief: Brief, tr: Translator): string {
  return html`<!doctype html>
    <html lang="${tr.lang}">
      <head>
        <meta charset="utf-8" />
        <title>${tr.t('briefTitle')} · ${tr.actor(brief.partner)}</title>
        <style>
          ${raw(FILE_STYLE)}
        </style>
      </head>
      <body>
        ${briefBody(brief, tr)}
      </body>
    </html>`.value;
}
