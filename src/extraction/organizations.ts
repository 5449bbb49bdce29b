/**
 * Finds the taxonomy organizations a text names, in English and French: full names, acronyms
 * (exact capitals: "EU", "OIM") and institutions ("the Commission", "Parlement européen" are the
 * EU; "WAPIS" is Interpol's). Names inside URLs ("data.unhcr.org") do not count.
 */
import { organizationActorId } from '../domain/actors.ts';
import type { OrganizationCode } from '../domain/taxonomy.ts';
import type { OrganizationMention } from './types.ts';
import { PhraseMatcher, foldText, insideSpans, isUpperCaseLine, urlSpans } from './text.ts';

/** Names (case of the first letter checked) of each organization and of its institutions. */
const NAMES: Readonly<Record<OrganizationCode, readonly string[]>> = {
  EU: [
    'European Union',
    'Union européenne',
    'European Commission',
    'Commission européenne',
    'European Commissioner',
    'Commissaire européen',
    'Commissaire européenne',
    'Council of the European Union',
    'Conseil de l’Union européenne',
    'European Council',
    'Conseil européen',
    'European Parliament',
    'Parlement européen',
    'European External Action Service',
    'Service européen pour l’action extérieure',
  ],
  IOM: [
    'International Organization for Migration',
    'International Organisation for Migration',
    'Organisation internationale pour les migrations',
    'UN Migration',
  ],
  UNHCR: [
    'United Nations High Commissioner for Refugees',
    'UN High Commissioner for Refugees',
    'UN Refugee Agency',
    'Haut-Commissariat des Nations unies pour les réfugiés',
    'Haut Commissariat des Nations unies aux réfugiés',
    'Haut-Commissariat aux réfugiés',
    'Agence des Nations unies pour les réfugiés',
  ],
  UN: ['United Nations', 'Nations unies', 'Organisation des Nations unies'],
  UNDP: [
    'United Nations Development Programme',
    'United Nations Development Program',
    'UN Development Programme',
    'Programme des Nations unies pour le développement',
  ],
  ILO: [
    'International Labour Organization',
    'International Labour Organisation',
    'International Labor Organization',
    'International Labour Office',
    'Organisation internationale du travail',
    'Bureau international du travail',
  ],
  OECD: [
    'Organisation for Economic Co-operation and Development',
    'Organization for Economic Co-operation and Development',
    'Organisation for Economic Cooperation and Development',
    'Organization for Economic Cooperation and Development',
    'Organisation de coopération et de développement économiques',
  ],
  FRONTEX: [
    'Frontex',
    'European Border and Coast Guard Agency',
    'Agence européenne de garde-frontières et de garde-côtes',
  ],
  ICMPD: [
    'International Centre for Migration Policy Development',
    'International Center for Migration Policy Development',
    'Centre international pour le développement des politiques migratoires',
  ],
  EMN: ['European Migration Network', 'Réseau européen des migrations', 'Réseau européen sur les migrations'],
  AU: ['African Union', 'Union africaine', 'African Union Commission', 'Commission de l’Union africaine'],
  ECOWAS: [
    'Economic Community of West African States',
    'Communauté économique des États de l’Afrique de l’Ouest',
    'Communauté économique des Etats d’Afrique de l’Ouest',
  ],
  CEMAC: [
    'Economic and Monetary Community of Central Africa',
    'Central African Economic and Monetary Community',
    'Communauté économique et monétaire de l’Afrique centrale',
  ],
  WORLD_BANK: [
    'World Bank',
    'World Bank Group',
    'Banque mondiale',
    'International Bank for Reconstruction and Development',
    'Banque internationale pour la reconstruction et le développement',
  ],
  ADB: ['Asian Development Bank', 'Asian Development Bank Institute', 'Banque asiatique de développement'],
  INTERPOL: [
    'Interpol',
    'International Criminal Police Organization',
    'Organisation internationale de police criminelle',
    'West African Police Information System',
    'Système d’information policière de l’Afrique de l’Ouest',
  ],
};

/** Acronyms, matched with exact capitals. */
const ACRONYMS: Readonly<Record<OrganizationCode, readonly string[]>> = {
  EU: ['EU', 'UE', 'EEAS', 'SEAE', 'DG HOME', 'DG INTPA', 'DG NEAR', 'DG ECHO'],
  IOM: ['IOM', 'OIM'],
  UNHCR: ['UNHCR', 'HCR'],
  UN: ['UN', 'ONU'],
  UNDP: ['UNDP', 'PNUD'],
  ILO: ['ILO', 'OIT', 'BIT'],
  OECD: ['OECD', 'OCDE'],
  FRONTEX: ['FRONTEX'],
  ICMPD: ['ICMPD', 'CIDPM'],
  EMN: ['EMN', 'REM'],
  AU: ['AU', 'UA'],
  ECOWAS: ['ECOWAS', 'CEDEAO'],
  CEMAC: ['CEMAC'],
  WORLD_BANK: ['IBRD', 'BIRD'],
  ADB: ['ADB', 'ADBI', 'BAsD'],
  INTERPOL: ['INTERPOL', 'WAPIS', 'SIPAO'],
};

/** "the Commission" alone is the European Commission; "the Commission on…", "la Commission nationale" are not. */
const COMMISSION_RE =
  /\b(?:the|la|La|The)\s+Commission\b(?!\s+(?:of|on|for|de|du|des|d'|d’|pour|sur|nationale?|national|régionale?))/g;

let gazetteer: PhraseMatcher<OrganizationCode> | null = null;

function buildGazetteer(): PhraseMatcher<OrganizationCode> {
  const g = new PhraseMatcher<OrganizationCode>((a, b) => a === b);
  for (const [code, names] of Object.entries(NAMES) as [OrganizationCode, readonly string[]][]) {
    for (const n of names) g.add(n, code, 0, 'capitalised');
  }
  for (const [code, acronyms] of Object.entries(ACRONYMS) as [OrganizationCode, readonly string[]][]) {
    for (const a of acronyms) g.add(a, code, 1, 'exact');
  }
  return g;
}

/** A two-letter capital word next to another one in a list ("AT, AU, BE"): a country code. */
function inCodeList(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 10), start);
  const after = text.slice(end, end + 10);
  return (
    /\b[A-Z]{2}\s*(?:[,/&]|,?\s*and|,?\s*et)\s*$/.test(before) ||
    /^\s*(?:[,/&]|,?\s*and|,?\s*et)\s*[A-Z]{2}\b/.test(after)
  );
}

/**
 * Every mention of a taxonomy organization in `text`, in text order, outside URLs. `folded` is
 * `foldText(text)`, passed by the pipeline, which folds the text once for every stage.
 */
export function findOrganizations(text: string, folded: string = foldText(text)): OrganizationMention[] {
  gazetteer ??= buildGazetteer();
  const urls = urlSpans(text);
  const out: OrganizationMention[] = [];
  for (const m of gazetteer.find(text, folded)) {
    if (insideSpans(urls, m.start)) continue;
    const quote = text.slice(m.start, m.end);
    const acronym = quote.length <= 3 && quote === quote.toUpperCase();
    // "UN", "AU" in a heading of capitals are words ("UN CADRE", "RETOUR AU PAYS").
    if (acronym && isUpperCaseLine(text, m.start)) continue;
    // "AU" or "UA" among other two-letter codes is Australia or Ukraine.
    if ((quote === 'AU' || quote === 'UA') && inCodeList(text, m.start, m.end)) continue;
    out.push({ start: m.start, end: m.end, quote, code: m.value, actorId: organizationActorId(m.value) });
  }
  const found = [...out];
  for (const m of text.matchAll(COMMISSION_RE)) {
    const start = m.index + m[0].indexOf('Commission');
    if (insideSpans(urls, start)) continue;
    if (insideSpans(found, start)) continue;
    out.push({
      start,
      end: start + 'Commission'.length,
      quote: 'Commission',
      code: 'EU',
      actorId: organizationActorId('EU'),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
