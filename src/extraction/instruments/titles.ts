/**
 * Readable titles for instruments named only by a common noun ("MoU", "accords", "regular
 * dialogues", "procédures standard"): the instrument's kind in the document's language, its parties
 * and its subject, e.g. "Memorandum of understanding Iraq–Sweden on return and readmission" or
 * "Procédures opérationnelles standard de retour Mali–UE". Proper names are kept as written. Titles
 * are deterministic (parties sorted by id) because storage dedupes instruments by type, folded title
 * and parties.
 */
import { actorName, isStateCode, STATES } from '../../domain/actors.ts';
import type { Language } from '../../domain/model.ts';
import type { InstrumentTypeCode, TopicCode } from '../../domain/taxonomy.ts';

type Bilingual = { readonly en: string; readonly fr: string };

/** The kind of instrument a head noun names, when the phrase says no more than the head. */
const HEAD_LABELS: Readonly<Record<string, Bilingual>> = {
  mou: { en: 'Memorandum of understanding', fr: "Protocole d'accord" },
  loi: { en: 'Letter of intent', fr: "Lettre d'intention" },
  declaration: { en: 'Joint declaration', fr: 'Déclaration conjointe' },
  compact: { en: 'Compact', fr: 'Pacte' },
  action_plan: { en: 'Action plan', fr: "Plan d'action" },
  envoy: { en: 'Special envoy for migration', fr: 'Envoyé spécial pour les migrations' },
  joint_patrol: { en: 'Joint patrols', fr: 'Patrouilles conjointes' },
  joint_team: { en: 'Joint investigation team', fr: "Équipe commune d'enquête" },
  liaison_officer: { en: 'Liaison officers', fr: 'Officiers de liaison' },
  risk_cell: { en: 'Risk analysis cell', fr: "Cellule d'analyse des risques" },
  joint_partnership: { en: 'Joint operational partnership', fr: 'Partenariat opérationnel conjoint' },
  op_centre: { en: 'Operational centre', fr: 'Centre opérationnel' },
  coordination: { en: 'Coordination mechanism', fr: 'Mécanisme de coordination' },
  partnership: { en: 'Partnership', fr: 'Partenariat' },
  sop: { en: 'Standard operating procedures on return', fr: 'Procédures opérationnelles standard de retour' },
  dialogue: { en: 'Dialogue', fr: 'Dialogue' },
  fund: { en: 'Fund', fr: 'Fonds' },
  legal_act: { en: 'Policy', fr: 'Politique' },
  programme: { en: 'Programme', fr: 'Programme' },
};

/** Agreements are labelled by their subject type. */
const AGREEMENT_LABELS: Partial<Record<InstrumentTypeCode, Bilingual>> = {
  agreement: { en: 'Agreement', fr: 'Accord' },
  readmission_agreement: { en: 'Readmission agreement', fr: 'Accord de réadmission' },
  visa_agreement: { en: 'Visa agreement', fr: 'Accord sur les visas' },
  labour_agreement: { en: 'Labour migration agreement', fr: 'Accord de migration de travail' },
  trade_agreement: { en: 'Trade agreement', fr: 'Accord commercial' },
};

/** Topics a label already says ("Readmission agreement" is about return). */
const IMPLIED_TOPIC: Partial<Record<InstrumentTypeCode, TopicCode>> = {
  readmission_agreement: 'return_readmission',
  visa_agreement: 'visa',
  labour_agreement: 'legal_migration',
  trade_agreement: 'trade',
};

/** A topic as the complement of a title: "on …" / "sur …". */
const SUBJECTS: Readonly<Record<TopicCode, Bilingual>> = {
  return_readmission: { en: 'return and readmission', fr: 'le retour et la réadmission' },
  legal_migration: { en: 'legal migration', fr: 'la migration légale' },
  visa: { en: 'visas', fr: 'les visas' },
  irregular_migration: { en: 'irregular migration', fr: 'la migration irrégulière' },
  border_management: { en: 'border management', fr: 'la gestion des frontières' },
  protection: { en: 'protection', fr: 'la protection' },
  root_causes_development: {
    en: 'root causes and development',
    fr: 'les causes profondes et le développement',
  },
  diaspora: { en: 'the diaspora', fr: 'la diaspora' },
  human_rights: { en: 'human rights', fr: "les droits de l'homme" },
  civil_registry: { en: 'civil registration', fr: "l'état civil" },
  security: { en: 'security', fr: 'la sécurité' },
  climate_mobility: { en: 'climate mobility', fr: 'la mobilité climatique' },
  trade: { en: 'trade', fr: 'le commerce' },
};

/** Short French names of organizations (their English names are their codes). */
const FRENCH_CODES: Readonly<Record<string, string>> = {
  EU: 'UE',
  IOM: 'OIM',
  UNHCR: 'HCR',
  ILO: 'OIT',
  AU: 'UA',
  ECOWAS: 'CEDEAO',
};

/** What a generic title is built from. */
export interface GenericTitleInput {
  readonly language: Language;
  /** The head rule's key ("mou", "agreement"…). */
  readonly head: string;
  readonly type: InstrumentTypeCode;
  /** The phrase as written ("comité technique conjoint", "MoU"). */
  readonly phrase: string;
  /** Whether the phrase is no more than the head noun ("MoU", "accords", "regular dialogues"). */
  readonly bareHead: boolean;
  /** Party ids (states and organizations), beneficiaries excluded. */
  readonly parties: readonly string[];
  readonly topics: readonly TopicCode[];
  /** Whether the phrase itself already names a topic ("accord de réadmission"). */
  readonly phraseTopics: readonly TopicCode[];
}

function partyLabel(id: string, language: Language): string {
  if (isStateCode(id)) return actorName(id, language);
  return language === 'fr' ? (FRENCH_CODES[id] ?? id) : id;
}

/** The readable title of an instrument named by a common noun. */
export function genericTitle(input: GenericTitleInput): string {
  const { language } = input;
  const label =
    input.head === 'agreement'
      ? (AGREEMENT_LABELS[input.type] ?? AGREEMENT_LABELS.agreement)
      : HEAD_LABELS[input.head];
  const written = input.phrase.replace(/\s+/g, ' ').trim();
  const kind =
    input.bareHead && label
      ? label[language]
      : `${written.charAt(0).toLocaleUpperCase(language)}${written.slice(1)}`;
  const parties = [...input.parties].sort().map((id) => partyLabel(id, language));
  const implied = IMPLIED_TOPIC[input.type];
  const topic = input.topics.find(
    (t) =>
      t !== implied &&
      !input.phraseTopics.includes(t) &&
      !(input.head === 'sop' && t === 'return_readmission'),
  );
  const parts = [kind];
  if (parties.length > 0 && parties.length <= 6) parts.push(parties.join('–'));
  if (topic && input.bareHead) parts.push(`${language === 'fr' ? 'sur' : 'on'} ${SUBJECTS[topic][language]}`);
  return parts.join(' ');
}

/** Every kind label, longest first (so "Accord de réadmission" is tried before "Accord"). */
const KIND_LABELS: readonly Bilingual[] = [
  ...Object.values(HEAD_LABELS),
  ...Object.values(AGREEMENT_LABELS).filter((label) => label !== undefined),
].sort((a, b) => Math.max(b.en.length, b.fr.length) - Math.max(a.en.length, a.fr.length));

/** A party's label in one language back to its id ("Maroc" → MA, "UE" → EU). */
function partyIdOf(label: string, language: Language): string | undefined {
  for (const state of STATES) if (actorName(state.id, language) === label) return state.id;
  for (const [id, french] of Object.entries(FRENCH_CODES)) {
    if ((language === 'fr' ? french : id) === label) return id;
  }
  return undefined;
}

/**
 * A title `genericTitle` built in one language, in the reader's ("Déclaration conjointe
 * Maroc–Slovénie" → "Joint declaration Morocco–Slovenia"; one already in that language as it is);
 * `null` when the title is not one the atlas built from a kind label, known parties and a subject
 * (a proper name stays as written).
 */
export function genericTitleIn(title: string, language: Language): string | null {
  return (
    rebuildTitle(title, language === 'fr' ? 'en' : 'fr', language) ?? rebuildTitle(title, language, language)
  );
}

/** A title as the reader sees it in `language`: a built one in that language, any other as written. */
export function titleIn(title: string, language: Language): string {
  return genericTitleIn(title, language) ?? title;
}

function rebuildTitle(title: string, from: Language, language: Language): string | null {
  const kind = KIND_LABELS.find((label) => title === label[from] || title.startsWith(`${label[from]} `));
  if (kind === undefined) return null;
  let rest = title.slice(kind[from].length).trim();
  let subject: Bilingual | undefined;
  const joiner = from === 'fr' ? ' sur ' : ' on ';
  const at = ` ${rest}`.lastIndexOf(joiner);
  if (at >= 0) {
    const written = ` ${rest}`.slice(at + joiner.length);
    subject = Object.values(SUBJECTS).find((s) => s[from] === written);
    if (subject === undefined) return null;
    rest = ` ${rest}`.slice(0, at).trim();
  }
  const parties = rest === '' ? [] : rest.split('–').map((label) => partyIdOf(label.trim(), from));
  if (parties.some((id) => id === undefined)) return null;
  const parts = [kind[language]];
  if (parties.length > 0) parts.push((parties as string[]).map((id) => partyLabel(id, language)).join('–'));
  if (subject !== undefined) parts.push(`${language === 'fr' ? 'sur' : 'on'} ${subject[language]}`);
  return parts.join(' ');
}
