/** The list of every state with its instrument count: a keyboard-friendly way into the country pages. */
import { STATES } from '../../domain/actors.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

export function countriesPage(counts: ReadonlyMap<string, number>, tr: Translator): SafeHtml {
  const collator = new Intl.Collator(tr.lang);
  const states = STATES.map((state) => ({
    code: state.id,
    name: tr.actor(state.id),
    count: counts.get(state.id) ?? 0,
  })).sort((a, b) => collator.compare(a.name, b.name));
  const active = states.filter((state) => state.count > 0);
  return html`<h1>${tr.t('allCountries')}</h1>
    <section class="panel">
      <h2>${tr.t('instruments')}</h2>
      <ul class="country-index">
        ${active.map(
          (state) =>
            html`<li>
              <a href="/countries/${state.code}">${state.name}</a> <span class="muted">${state.count}</span>
            </li>`,
        )}
      </ul>
    </section>
    <section class="panel">
      <h2>${tr.t('countries')}</h2>
      <ul class="country-index">
        ${states
          .filter((state) => state.count === 0)
          .map((state) => html`<li><a href="/countries/${state.code}">${state.name}</a></li>`)}
      </ul>
    </section>`;
}
