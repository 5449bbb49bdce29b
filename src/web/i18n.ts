/**
 * Interface strings in French and English, and the labels of codes (taxonomy, actors, roles) in the
 * reader's language. The language comes from `?lang=`, then the `lang` cookie, then Accept-Language.
 */
import { actorName } from '../domain/actors.ts';
import type { Language } from '../domain/model.ts';
import { labelOf } from '../domain/taxonomy.ts';
import { ANALYSIS_MESSAGES } from './pages/analyses/labels.ts';
import { ACCOUNT_MESSAGES } from './pages/account-labels.ts';
import { FUNDING_MESSAGES } from './pages/funding-labels.ts';
import { UPLOAD_MESSAGES } from './pages/upload-labels.ts';
import { RESTRICTION_MESSAGES } from './restriction-badge.ts';
import { CURATION_MESSAGES } from './pages/curation-labels.ts';
import { counted, formatNumber } from './format.ts';

const MESSAGES = {
  ...ANALYSIS_MESSAGES,
  ...ACCOUNT_MESSAGES,
  ...FUNDING_MESSAGES,
  ...UPLOAD_MESSAGES,
  ...RESTRICTION_MESSAGES,
  ...CURATION_MESSAGES,
  appName: { en: 'Migration Diplomacy Atlas', fr: 'Atlas de la diplomatie migratoire' },
  untitledDocument: { en: 'Untitled document', fr: 'Document sans titre' },
  untitledFile: { en: 'file', fr: 'fichier' },
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
  euShort: { en: 'EU', fr: 'UE' },
  organizations: { en: 'Organizations', fr: 'Organisations' },
  organizationsHelp: {
    en: 'Organizations party to instruments; each links to its instruments.',
    fr: 'Organisations parties à des instruments ; chacune mène à ses instruments.',
  },
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
  shareOf: { en: 'share of', fr: 'part de' },
  countedOnce: {
    en: 'Each instrument counted once: the shares of a total are not added to it.',
    fr: 'Chaque instrument compté une fois : les parts d’un total ne s’y ajoutent pas.',
  },
  moneyTotal: { en: 'Money in all', fr: 'Montant total' },
  togetherWith: { en: 'with', fr: 'avec' },
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
  extraction: { en: 'How this fact was read', fr: 'Comment ce fait a été lu' },
  surroundingPassage: { en: 'Read the surrounding passage', fr: 'Lire le passage autour' },
  extractor: { en: 'Read by', fr: 'Lu par' },
  rulesExtractor: { en: 'the atlas’s extraction rules', fr: 'les règles d’extraction de l’atlas' },
  reviewState: { en: 'Review', fr: 'Relecture' },
  legend: { en: 'Key', fr: 'Légende' },
  legendRecord: {
    en: 'Highlighted: the facts read for the record you came from.',
    fr: 'Surligné : les faits lus pour la fiche d’où vous venez.',
  },
  legendAll: {
    en: 'Highlighted: every fact the atlas read from this document.',
    fr: 'Surligné : tous les faits que l’atlas a tirés de ce document.',
  },
  legendNone: {
    en: 'Nothing is highlighted; choose a fact in the list or show them all.',
    fr: 'Rien n’est surligné ; choisissez un fait dans la liste ou affichez-les tous.',
  },
  legendTarget: {
    en: 'Outlined: the passage an evidence link points to.',
    fr: 'Encadré : le passage vers lequel pointe un lien de source.',
  },
  showAllFacts: { en: 'Highlight every fact', fr: 'Surligner tous les faits' },
  showRecordFacts: {
    en: 'Highlight only this record’s facts',
    fr: 'Surligner seulement les faits de la fiche',
  },
  hideFacts: { en: 'Highlight nothing', fr: 'Ne rien surligner' },
  sortBy: { en: 'Sort by', fr: 'Trier par' },
  sortRelevance: { en: 'relevance', fr: 'pertinence' },
  sortDate: { en: 'date (newest first)', fr: 'date (plus récent d’abord)' },
  sortTitle: { en: 'title', fr: 'titre' },
  relevance: { en: 'Relevance', fr: 'Pertinence' },
  activeFilters: { en: 'Active filters', fr: 'Filtres actifs' },
  removeFilter: { en: 'Remove the filter', fr: 'Retirer le filtre' },
  undatedLeftOut: {
    en: 'Instruments without a date are not on the chart:',
    fr: 'Les instruments sans date ne figurent pas sur le graphique :',
  },
  mapCounts: { en: 'The map counts', fr: 'La carte compte' },
  allInstruments: { en: 'all instruments', fr: 'tous les instruments' },
  mapZoom: { en: 'Europe and Africa', fr: 'Europe et Afrique' },
  mapWorld: { en: 'The whole world', fr: 'Le monde entier' },
  mapView: { en: 'View', fr: 'Vue' },
  state: { en: 'State', fr: 'État' },
  organization: { en: 'Organization', fr: 'Organisation' },
  grouping: { en: 'Group of states', fr: 'Groupe d’États' },
  networkLegendSize: {
    en: 'Size: number of instruments. Line thickness: instruments shared.',
    fr: 'Taille : nombre d’instruments. Épaisseur du trait : instruments partagés.',
  },
  sortColumn: { en: 'sort this column', fr: 'trier cette colonne' },
  status404: {
    en: 'There is no page or record at this address.',
    fr: 'Il n’y a ni page ni fiche à cette adresse.',
  },
  status400: {
    en: 'The address or form contains a value the atlas cannot read:',
    fr: 'L’adresse ou le formulaire contient une valeur que l’atlas ne sait pas lire :',
  },
  status500: {
    en: 'The atlas could not answer. The request number helps find the cause:',
    fr: 'L’atlas n’a pas pu répondre. Le numéro de la requête aide à en trouver la cause :',
  },
  requestNumber: { en: 'Request', fr: 'Requête' },
  sentenceHelp: {
    en: 'The sentence it was read from; the marked words support the value.',
    fr: 'La phrase dont il est tiré ; les mots marqués justifient la valeur.',
  },
  format: { en: 'Format', fr: 'Format' },
  moneyCommitted: { en: 'Money committed', fr: 'Montants engagés' },
  shareOfTitle: { en: 'Share of', fr: 'Part de' },
  briefTitle: { en: 'Briefing pack', fr: 'Dossier de dialogue' },
  briefLink: { en: 'Briefing pack for a dialogue', fr: 'Dossier pour un dialogue' },
  preparedOn: { en: 'Prepared on', fr: 'Établi le' },
  printBriefLink: { en: 'Print the briefing pack', fr: 'Imprimer le dossier de dialogue' },
  printBrief: { en: 'Print or save as PDF', fr: 'Imprimer ou enregistrer en PDF' },
  downloadPdf: { en: 'Download the PDF', fr: 'Télécharger le PDF' },
  briefInstruments: {
    en: 'Instruments by type, with status and dates',
    fr: 'Instruments par type, avec statut et dates',
  },
  moneyFollowed: { en: 'Money followed', fr: 'Suivi des fonds' },
  openCommitments: { en: 'Open commitments', fr: 'Engagements en cours' },
  deadlineLabel: { en: 'Deadline', fr: 'Échéance' },
  lastRecorded: { en: 'Last recorded', fr: 'Dernier suivi enregistré' },
  statusFromText: {
    en: 'as the text states it; nothing recorded since',
    fr: 'selon le texte ; rien d’enregistré depuis',
  },
  leversUsed: { en: 'Levers used', fr: 'Leviers utilisés' },
  othersActive: { en: 'Who else is active', fr: 'Autres acteurs présents' },
  sourcesCited: { en: 'Sources cited', fr: 'Sources citées' },
  nothingRecorded: { en: 'Nothing recorded in the atlas.', fr: 'Rien d’enregistré dans l’atlas.' },
  briefMoneyNote: {
    en: 'Totals as the country page counts them; an amount funded by several donors is listed under each of them, so the rows are not added up.',
    fr: 'Totaux comptés comme sur la page du pays ; un montant financé par plusieurs bailleurs figure sous chacun d’eux, les lignes ne s’additionnent donc pas.',
  },
  asSource: { en: 'The document as a source', fr: 'Le document comme source' },
  publisher: { en: 'Publisher or author', fr: 'Éditeur ou auteur' },
  publishedOn: { en: 'Date of publication', fr: 'Date de publication' },
  sourceLink: { en: 'Where it is published', fr: 'Adresse de publication' },
  editHistory: { en: 'Where these fields come from', fr: 'Origine de ces champs' },
  readFromText: { en: 'read from the text', fr: 'lu dans le texte' },
  setBy: { en: 'set by', fr: 'saisi par' },
  cleared: { en: 'removed', fr: 'effacé' },
  citeThis: { en: 'Cite this document', fr: 'Citer ce document' },
  citeHelp: {
    en: 'The reference in three formats for reference managers; a field the atlas does not know is left out.',
    fr: 'La référence en trois formats pour les logiciels de bibliographie ; un champ que l’atlas ne connaît pas est omis.',
  },
  unitCount: { en: 'number', fr: 'nombre' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** Counted nouns, singular and plural, for `Translator.count`. */
const NOUNS = {
  result: { en: ['result', 'results'], fr: ['résultat', 'résultats'] },
  instrument: { en: ['instrument', 'instruments'], fr: ['instrument', 'instruments'] },
  passage: { en: ['passage', 'passages'], fr: ['passage', 'passages'] },
  mention: { en: ['mention', 'mentions'], fr: ['mention', 'mentions'] },
  character: { en: ['character', 'characters'], fr: ['caractère', 'caractères'] },
  country: { en: ['country', 'countries'], fr: ['pays', 'pays'] },
  fact: { en: ['fact', 'facts'], fr: ['fait', 'faits'] },
  commitment: { en: ['commitment', 'commitments'], fr: ['engagement', 'engagements'] },
  finding: { en: ['finding', 'findings'], fr: ['constat', 'constats'] },
} as const satisfies Record<string, Record<Language, readonly [string, string]>>;

export type NounKey = keyof typeof NOUNS;

/** Singular and plural of every counted noun, for the test that looks for "1 results". */
export function nounForms(): readonly {
  readonly lang: Language;
  readonly one: string;
  readonly other: string;
}[] {
  return Object.values(NOUNS).flatMap((forms) =>
    (['en', 'fr'] as const).map((lang) => ({ lang, one: forms[lang][0], other: forms[lang][1] })),
  );
}

/** Every interface string, for the test that looks for one language's words on the other's pages. */
export function dictionaries(): { readonly en: readonly string[]; readonly fr: readonly string[] } {
  // The language switch names the other language on purpose; language names are listed instead.
  const messages = Object.entries(MESSAGES)
    .filter(([key]) => key !== 'switchTo' && key !== 'switchLabel')
    .map(([, value]) => value);
  const entries = [
    ...messages,
    ...Object.values(LANGUAGE_NAMES),
    ...Object.values(TERMS),
    ...Object.values(NOUNS).map((n) => ({ en: n.en.join(' '), fr: n.fr.join(' ') })),
  ];
  return { en: entries.map((e) => e.en), fr: entries.map((e) => e.fr) };
}

/** Words for the model's own small vocabularies (status, legal form, roles, claim properties). */
const TERMS: Record<string, Record<Language, string>> = {
  // statuses
  announced: { en: 'announced', fr: 'annoncé' },
  negotiating: { en: 'under negotiation', fr: 'en négociation' },
  signed: { en: 'signed', fr: 'signé' },
  in_force: { en: 'in force', fr: 'en vigueur' },
  suspended: { en: 'suspended', fr: 'suspendu' },
  ended: { en: 'ended', fr: 'terminé' },
  not_stated: { en: 'not stated', fr: 'non précisé' },
  // amount roles
  total: { en: 'total', fr: 'total' },
  part: { en: 'share', fr: 'part' },
  tranche: { en: 'tranche', fr: 'tranche' },
  disbursement: { en: 'disbursed', fr: 'décaissé' },
  pledge: { en: 'pledged', fr: 'promis' },
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
  // document formats
  text: { en: 'plain text', fr: 'texte brut' },
  markdown: { en: 'Markdown', fr: 'Markdown' },
  html: { en: 'web page', fr: 'page web' },
  pdf: { en: 'PDF', fr: 'PDF' },
  docx: { en: 'Word', fr: 'Word' },
  // event kinds
  dialogue_round: { en: 'dialogue round', fr: 'session de dialogue' },
  summit: { en: 'summit', fr: 'sommet' },
  visit: { en: 'visit', fr: 'visite' },
  conference: { en: 'conference', fr: 'conférence' },
  // actor kinds
  state: { en: 'state', fr: 'État' },
  organization: { en: 'organization', fr: 'organisation' },
  grouping: { en: 'group of states', fr: 'groupe d’États' },
  // commitment tracking
  open: { en: 'open', fr: 'ouvert' },
  in_progress: { en: 'in progress', fr: 'en cours' },
  done: { en: 'done', fr: 'réalisé' },
  dropped: { en: 'dropped', fr: 'abandonné' },
  // consistency findings
  count_mismatch: { en: 'count differs from its list', fr: 'nombre différent de sa liste' },
  conflicting_counts: { en: 'conflicting counts', fr: 'nombres contradictoires' },
  overlapping_lists: { en: 'overlapping lists', fr: 'listes qui se recoupent' },
  both_sides: { en: 'on both sides', fr: 'des deux côtés' },
  // conditionality steps
  assessment: {
    en: 'assessment of readmission cooperation',
    fr: 'évaluation de la coopération en matière de réadmission',
  },
  proposal: { en: 'proposal of visa measures', fr: 'proposition de mesures de visa' },
  implementing_decision: { en: 'implementing decision', fr: 'décision d’exécution' },
  restrictive_decision: { en: 'restrictive visa measures', fr: 'mesures de visa restrictives' },
  favourable_decision: { en: 'favourable visa measures', fr: 'mesures de visa favorables' },
  revocation: { en: 'revocation', fr: 'abrogation' },
  // claim properties
  language: { en: 'language', fr: 'langue' },
  event: { en: 'event', fr: 'événement' },
  statement: { en: 'statement', fr: 'énoncé' },
  // claim properties
  type: { en: 'type', fr: 'type' },
  title: { en: 'title', fr: 'titre' },
  party: { en: 'party', fr: 'partie' },
  date: { en: 'date', fr: 'date' },
  amount: { en: 'amount', fr: 'montant' },
  amount_role: { en: 'what the sum is', fr: 'nature du montant' },
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
  // a document's source fields
  source_title: { en: 'title of the document', fr: 'titre du document' },
  publisher: { en: 'publisher or author', fr: 'éditeur ou auteur' },
  published: { en: 'date of publication', fr: 'date de publication' },
  source_url: { en: 'web address', fr: 'adresse web' },
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
  superseded: { en: 'superseded', fr: 'remplacé' },
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
  /** "1 résultat", "12 results": the number written the reader's way with the right form. */
  readonly count: (n: number, noun: NounKey) => string;
  /** A number written the reader's way. */
  readonly n: (value: number) => string;
  /** The colon before a value: " : " in French, ": " in English. */
  readonly colon: string;
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
    count: (n, noun) => {
      const [one, other] = NOUNS[noun][lang];
      return counted(n, { one, other }, lang);
    },
    n: (value) => formatNumber(value, lang),
    colon: lang === 'fr' ? '\u00a0: ' : ': ',
  };
}

export { pickLanguage } from '../presentation/language.ts';
