/** The list of every state with its instrument count: a keyboard-friendly way into the country pages. */
import { STATES, actorKindOf } from '../../domain/actors.ts';
import { actorHref } from '../charts/network.ts';
import { html, type SafeHtml } from '../html.ts';
import type { Translator } from '../i18n.ts';

/**
 * States only under "countries" (an organization is never listed as a country); the organizations
 * with instruments (the EU, IOM…) in their own list.
 */
export function countriesPage(
  counts: ReadonlyMap<string, number>,
  organizations: ReadonlyMap<string, number>,
  tr: Translator,
): SafeHtml {
  const collator = new Intl.Collator(tr.lang);
  const states = STATES.map((state) => ({
    code: state.id,
    name: tr.actor(state.id),
    count: counts.get(state.id) ?? 0,
  })).sort((a, b) => collator.compare(a.name, b.name));
  const active = states.filter((state) => state.count > 0);
  const orgs = [...organizations.entries()]
    .filter(([id, count]) => count > 0 && actorKindOf(id) === 'organization')
    .map(([id, count]) => ({ id, name: tr.actor(id), count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
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
    <section class="panel" aria-labelledby="organizations">
      <h2 id="organizations">${tr.t('organizations')}</h2>
      <p class="muted">${tr.t('organizationsHelp')}</p>
      <ul class="country-index">
        ${orgs.map(
          (org) =>
            html`<li>
              <a href="${actorHref(org.id, 'organization')}" translate="no">${org.name}</a>
              <span class="muted">${org.count}</span>
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
