/**
 * Interface strings in French and English, and the labels of codes (taxonomy, actors, roles) in the
 * reader's language. The language comes from `?lang=`, then the `lang` cookie, then Accept-Language.
 */
import { actorName } from '../domain/actors.ts';
import type { Language } from '../domain/model.ts';
import { labelOf } from '../domain/taxonomy.ts';
import { ANALYSIS_MESSAGES } from './pages/analyses/labels.ts';

const MESSAGES = {
  ...ANALYSIS_MESSAGES,
  appName: { en: 'Migration Diplomacy Atlas', fr: 'Atlas de la diplomatie migratoire' },
  skip: { en: 'Skip to content', fr: 'Aller au contenu' },
  dashboard: { en: 'Overview', fr: 'Vue d’ensemble' },
  search: { en: 'Search', fr: 'Recherche' },
  documents: { en: 'Documents', fr: 'Documents' },
  network: { en: 'Network', fr: 'Réseau' },
  timeline: { en: 'Timeline', fr: 'Chronologie' },
  switchTo: { en: 'Français', fr: 'English' },
  switchLabel: { en: 'Lire en français', fr: 'Read in English' },
  instruments: { en: 'Instruments', fr: 'Instruments' },
  claims: { en: 'Sourced facts', fr: 'Faits sourcés' },
  statements: { en: 'Statements', fr: 'Énoncés' },
  countries: { en: 'Countries', fr: 'Pays' },
  actors: { en: 'Actors', fr: 'Acteurs' },
  worldMap: { en: 'Instruments by country', fr: 'Instruments par pays' },
  mapHelp: {
    en: 'Darker countries are party to more instruments. Each country links to its page.',
    fr: 'Plus un pays est foncé, plus il est partie à des instruments. Chaque pays mène à sa page.',
  },
  latest: { en: 'Latest instruments', fr: 'Derniers instruments' },
  searchPlaceholder: {
    en: 'e.g. readmission, Mali, mobility partnership',
    fr: 'ex. réadmission, Mali, partenariat',
  },
  searchButton: { en: 'Search', fr: 'Rechercher' },
  query: { en: 'Words', fr: 'Mots' },
  type: { en: 'Type', fr: 'Type' },
  topic: { en: 'Topic', fr: 'Thème' },
  topics: { en: 'Topics covered', fr: 'Thèmes couverts' },
  approaches: { en: 'Approaches', fr: 'Approches' },
  country: { en: 'Country', fr: 'Pays' },
  party: { en: 'Party', fr: 'Partie' },
  language: { en: 'Language', fr: 'Langue' },
  year: { en: 'Year', fr: 'Année' },
  from: { en: 'From year', fr: 'De l’année' },
  to: { en: 'To year', fr: 'À l’année' },
  any: { en: 'Any', fr: 'Tous' },
  filters: { en: 'Filters', fr: 'Filtres' },
  clear: { en: 'Clear filters', fr: 'Effacer les filtres' },
  results: { en: 'results', fr: 'résultats' },
  passages: { en: 'Passages in documents', fr: 'Passages dans les documents' },
  noResults: { en: 'Nothing found.', fr: 'Aucun résultat.' },
  previous: { en: 'Previous', fr: 'Précédent' },
  next: { en: 'Next', fr: 'Suivant' },
  page: { en: 'Page', fr: 'Page' },
  title: { en: 'Title', fr: 'Titre' },
  legalForm: { en: 'Legal form', fr: 'Forme juridique' },
  binding: { en: 'Binding', fr: 'Contraignant' },
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
  notStated: { en: 'not stated', fr: 'non précisé' },
  status: { en: 'Status', fr: 'Statut' },
  parties: { en: 'Parties', fr: 'Parties' },
  dates: { en: 'Dates', fr: 'Dates' },
  amounts: { en: 'Money', fr: 'Montants' },
  evidence: { en: 'Evidence', fr: 'Sources' },
  evidenceHelp: {
    en: 'Each fact with the sentence it was read from; follow a quote to see it in its document.',
    fr: 'Chaque fait avec la phrase dont il est tiré ; suivez une citation pour la voir dans son document.',
  },
  assertedBy: { en: 'asserted by', fr: 'affirmé par' },
  review: { en: 'review', fr: 'révision' },
  foundIn: { en: 'Found in', fr: 'Trouvé dans' },
  byType: { en: 'Instruments by type', fr: 'Instruments par type' },
  byPartner: { en: 'Instruments by partner', fr: 'Instruments par partenaire' },
  partners: { en: 'Partners', fr: 'Partenaires' },
  moneyBySource: { en: 'Money by source', fr: 'Montants par source' },
  source: { en: 'Source', fr: 'Source' },
  unspecified: { en: 'not specified', fr: 'non précisée' },
  total: { en: 'Total', fr: 'Total' },
  mentioningDocuments: { en: 'Documents that mention it', fr: 'Documents qui le mentionnent' },
  mentions: { en: 'mentions', fr: 'mentions' },
  commitments: { en: 'Commitments and other statements', fr: 'Engagements et autres énoncés' },
  facts: { en: 'Extracted facts', fr: 'Faits extraits' },
  factsHelp: {
    en: 'Highlighted passages of the text are facts the atlas read from it.',
    fr: 'Les passages surlignés du texte sont des faits que l’atlas en a tirés.',
  },
  text: { en: 'Text', fr: 'Texte' },
  characters: { en: 'characters', fr: 'caractères' },
  networkHelp: {
    en: 'Actors linked by the instruments they share; thicker lines mean more shared instruments.',
    fr: 'Acteurs reliés par les instruments qu’ils partagent ; plus le trait est épais, plus ils en partagent.',
  },
  timelineHelp: {
    en: 'Instruments by year of their earliest date.',
    fr: 'Instruments par année de leur première date.',
  },
  notFound: { en: 'Not found', fr: 'Introuvable' },
  error: { en: 'Something went wrong', fr: 'Une erreur est survenue' },
  backHome: { en: 'Back to the overview', fr: 'Retour à la vue d’ensemble' },
  empty: { en: 'Nothing recorded yet.', fr: 'Rien d’enregistré pour l’instant.' },
  api: { en: 'API', fr: 'API' },
  download: { en: 'Download', fr: 'Télécharger' },
  instrumentsOf: { en: 'Instruments involving', fr: 'Instruments impliquant' },
  property: { en: 'Fact', fr: 'Fait' },
  value: { en: 'Value', fr: 'Valeur' },
  quote: { en: 'Quote', fr: 'Citation' },
  showInDocument: { en: 'show in document', fr: 'voir dans le document' },
  allCountries: { en: 'All countries', fr: 'Tous les pays' },
  mentioned: { en: 'Countries and organizations mentioned', fr: 'Pays et organisations mentionnés' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** Words for the model's own small vocabularies (status, legal form, roles, claim properties). */
const TERMS: Record<string, Record<Language, string>> = {
  // statuses
  proposed: { en: 'proposed', fr: 'proposé' },
  negotiating: { en: 'under negotiation', fr: 'en négociation' },
  signed: { en: 'signed', fr: 'signé' },
  in_force: { en: 'in force', fr: 'en vigueur' },
  active: { en: 'active', fr: 'actif' },
  ended: { en: 'ended', fr: 'terminé' },
  unknown: { en: 'unknown', fr: 'inconnu' },
  // legal forms
  treaty: { en: 'treaty', fr: 'traité' },
  agreement: { en: 'agreement', fr: 'accord' },
  memorandum: { en: 'memorandum', fr: 'mémorandum' },
  letter: { en: 'letter', fr: 'lettre' },
  declaration: { en: 'declaration', fr: 'déclaration' },
  compact: { en: 'compact', fr: 'pacte' },
  plan: { en: 'plan', fr: 'plan' },
  process: { en: 'process', fr: 'processus' },
  legal_act: { en: 'legal act', fr: 'acte juridique' },
  arrangement: { en: 'arrangement', fr: 'arrangement' },
  other: { en: 'other', fr: 'autre' },
  // party roles
  signatory: { en: 'signatory', fr: 'signataire' },
  donor: { en: 'donor', fr: 'bailleur' },
  implementer: { en: 'implementer', fr: 'mise en œuvre' },
  chair: { en: 'chair', fr: 'présidence' },
  participant: { en: 'participant', fr: 'participant' },
  partner: { en: 'partner', fr: 'partenaire' },
  beneficiary: { en: 'beneficiary', fr: 'bénéficiaire' },
  // date roles
  signature: { en: 'signature', fr: 'signature' },
  launch: { en: 'launch', fr: 'lancement' },
  meeting: { en: 'meeting', fr: 'réunion' },
  end: { en: 'end', fr: 'fin' },
  adoption: { en: 'adoption', fr: 'adoption' },
  mentioned: { en: 'mentioned', fr: 'mentionnée' },
  // claim properties
  type: { en: 'type', fr: 'type' },
  title: { en: 'title', fr: 'titre' },
  party: { en: 'party', fr: 'partie' },
  date: { en: 'date', fr: 'date' },
  amount: { en: 'amount', fr: 'montant' },
  topic: { en: 'topic', fr: 'thème' },
  approach: { en: 'approach', fr: 'approche' },
  status: { en: 'status', fr: 'statut' },
  binding: { en: 'binding', fr: 'contraignant' },
  legal_form: { en: 'legal form', fr: 'forme juridique' },
  owner: { en: 'owner', fr: 'auteur' },
  deadline: { en: 'deadline', fr: 'échéance' },
  place: { en: 'place', fr: 'lieu' },
  mentions_country: { en: 'mentions country', fr: 'mentionne le pays' },
  mentions_organization: { en: 'mentions organization', fr: 'mentionne l’organisation' },
  link: { en: 'link', fr: 'lien' },
  // statement kinds and review states
  commitment: { en: 'commitment', fr: 'engagement' },
  good_practice: { en: 'good practice', fr: 'bonne pratique' },
  challenge: { en: 'challenge', fr: 'défi' },
  recommendation: { en: 'recommendation', fr: 'recommandation' },
  lesson: { en: 'lesson', fr: 'enseignement' },
  unreviewed: { en: 'unreviewed', fr: 'non révisé' },
  confirmed: { en: 'confirmed', fr: 'confirmé' },
  rejected: { en: 'rejected', fr: 'rejeté' },
  corrected: { en: 'corrected', fr: 'corrigé' },
};

/** A translator bound to one language. */
export interface Translator {
  readonly lang: Language;
  readonly t: (key: MessageKey) => string;
  readonly typeLabel: (code: string) => string;
  readonly topicLabel: (code: string) => string;
  readonly approachLabel: (code: string) => string;
  /** Name of an actor: the stored name, else the registry's, else the id. */
  readonly actor: (id: string) => string;
  readonly languageName: (code: string) => string;
  /** A status, legal form, role, claim property, statement kind or review state in words. */
  readonly term: (code: string) => string;
}

const LANGUAGE_NAMES: Record<string, Record<Language, string>> = {
  fr: { en: 'French', fr: 'français' },
  en: { en: 'English', fr: 'anglais' },
};

/** Short instrument-type labels for charts (the taxonomy's labels are long definitions). */
function shortLabel(label: string): string {
  return label.split(/\s[(/]|, /)[0] ?? label;
}

export function translator(
  lang: Language,
  storedNames: ReadonlyMap<string, { readonly en: string; readonly fr: string }> = new Map(),
): Translator {
  return {
    lang,
    t: (key) => MESSAGES[key][lang],
    typeLabel: (code) => shortLabel(labelOf('instrument_types', code, lang)),
    topicLabel: (code) => labelOf('topics', code, lang),
    approachLabel: (code) => labelOf('approaches', code, lang),
    actor: (id) => storedNames.get(id)?.[lang] ?? actorName(id, lang),
    languageName: (code) => LANGUAGE_NAMES[code]?.[lang] ?? code,
    term: (code) => TERMS[code]?.[lang] ?? code.replace(/_/g, ' '),
  };
}

/** The reader's language: `?lang=`, then the `lang` cookie, then Accept-Language, else English. */
export function pickLanguage(
  queryLang: unknown,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (queryLang === 'fr' || queryLang === 'en') return queryLang;
  const cookie = /(?:^|;\s*)lang=(fr|en)\b/.exec(cookieHeader ?? '');
  if (cookie?.[1] === 'fr' || cookie?.[1] === 'en') return cookie[1];
  return /^\s*fr\b/i.test(acceptLanguage ?? '') ? 'fr' : 'en';
}
