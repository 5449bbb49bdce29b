/**
 * The "restricted to <organisation>" badge of a restricted document, instrument or claim. Only
 * those who may see the record ever get its page, so the badge tells them it is not public.
 */
import { html, type SafeHtml } from './html.ts';
import type { Translator } from './i18n.ts';

/** Interface strings of the badge, French and English (merged into the i18n messages). */
export const RESTRICTION_MESSAGES = {
  restrictedTo: { en: 'Restricted to', fr: 'Réservé à' },
  restrictedHelp: {
    en: 'Only members of this organisation (and administrators) see this record.',
    fr: 'Seuls les membres de cette organisation (et les administrateurs) voient cette fiche.',
  },
} as const;

/** The badge, or nothing for a public record. */
export function restrictionBadge(restrictedTo: string | null, tr: Translator): SafeHtml | string {
  if (restrictedTo === null) return '';
  return html`<span class="tag restricted" title="${tr.t('restrictedHelp')}"
    >${tr.t('restrictedTo')} ${restrictedTo}</span
  >`;
}
