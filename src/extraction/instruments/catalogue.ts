/**
 * Well-known named instruments of migration diplomacy, with their aliases in English and French.
 * Domain knowledge: who holds them and what they are does not depend on the document, so their
 * type and parties are fixed here. Multilateral processes and global compacts have no parties (the
 * guidelines: more than six parties, or parties not named → []).
 */
import type { LegalForm } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import { EU_CATALOGUE } from './catalogue-eu.ts';

/** A named instrument the atlas knows. */
export interface CatalogueEntry {
  /** Stable key, also the dedupe key of its mentions. */
  readonly key: string;
  readonly title: string;
  readonly type: InstrumentTypeCode;
  readonly legalForm: LegalForm;
  readonly binding: boolean | null;
  /** Actor ids holding it; `null` when they must be read from the context. */
  readonly parties: readonly string[] | null;
  /** Regex source of its names (case-insensitive unless `caseSensitive`). */
  readonly pattern: string;
  readonly caseSensitive?: boolean;
}

const AP = "['’]";
const E = '[eéè]';
const VALLETTA = `(?:valletta|la valette|la valetta)`;

type Entry = CatalogueEntry;
const dialogue = (key: string, title: string, pattern: string, parties: readonly string[] = []): Entry => ({
  key,
  title,
  type: 'dialogue',
  legalForm: 'process',
  binding: false,
  parties,
  pattern,
});
/** Instruments of global and regional governance and of organizations. */
const GLOBAL_CATALOGUE: readonly CatalogueEntry[] = [
  // Regional and global dialogues
  dialogue(
    'rabat',
    'Rabat Process',
    `rabat process|processus de rabat|euro-african dialogue on migration and development|dialogue euro-africain sur la migration et le d${E}veloppement`,
  ),
  dialogue(
    'khartoum',
    'Khartoum Process',
    `khartoum process|processus de khartoum|eu-horn of africa migration route initiative`,
  ),
  dialogue('budapest', 'Budapest Process', `budapest process|processus de budapest`),
  dialogue('prague', 'Prague Process', `prague process|processus de prague`),
  dialogue('bali', 'Bali Process', `bali process|processus de bali`),
  dialogue('niamey', 'Niamey Process', `niamey process|processus de niamey`),
  dialogue(
    'mmtm',
    'Mediterranean Transit Migration Dialogue',
    `mediterranean transit migration dialogue|dialogue sur la migration de transit en m${E}diterran${E}e|\\bMTM\\b`,
  ),
  dialogue(
    'eap-panel',
    'Eastern Partnership Panel on Migration, Mobility and Integrated Border Management',
    `eastern partnership panel on migration[\\w ,]{0,60}`,
  ),
  dialogue(
    'gfmd',
    'Global Forum on Migration and Development',
    `global forum on migration and development|forum mondial sur la migration et le d${E}veloppement|\\bGFMD\\b|\\bFMMD\\b`,
  ),
  dialogue(
    'imrf',
    'International Migration Review Forum',
    `international migration review forum|forum d${AP}examen de la migration internationale`,
  ),
  dialogue(
    'valletta-summit',
    'Valletta Summit on Migration',
    `${VALLETTA} summit(?: on migration)?|sommet de ${VALLETTA}(?: sur la migration)?`,
  ),
  dialogue('jvap-dialogue', 'Joint Valletta Action Plan follow-up', `joint valletta action plan follow-up`),
  dialogue(
    'africa-eu-dialogue',
    'EU-Africa Dialogue on Migration and Mobility',
    `(?:eu-africa|africa-eu) dialogue on migration and mobility|dialogue (?:ue-afrique|afrique-ue) sur la migration et la mobilit${E}`,
  ),
  dialogue(
    'puebla',
    'Regional Conference on Migration (Puebla Process)',
    `puebla process|processus de puebla`,
  ),
  dialogue('colombo', 'Colombo Process', `colombo process|processus de colombo`),
  dialogue('abu-dhabi', 'Abu Dhabi Dialogue', `abu dhabi dialogue|dialogue d${AP}abou dhabi`),
  // Action plans
  {
    key: 'vjap',
    title: 'Valletta Joint Action Plan',
    type: 'action_plan',
    legalForm: 'plan',
    binding: false,
    parties: [],
    pattern: `(?:20\\d\\d )?(?:joint )?${VALLETTA} (?:joint )?action plan(?: \\(JVAP\\)| \\(VJAP\\))?|plan d${AP}action (?:conjoint )?de ${VALLETTA}|\\bJVAP\\b|\\bVJAP\\b|\\bPAVC\\b`,
  },
  {
    key: 'marrakech-plan',
    title: 'Marrakesh Action Plan',
    type: 'action_plan',
    legalForm: 'plan',
    binding: false,
    parties: [],
    pattern: `plan d${AP}action de marrakech(?: 20\\d\\d-20\\d\\d)?|marrakesh? action plan(?: 20\\d\\d-20\\d\\d)?`,
  },
  // Global frameworks
  {
    key: 'gcm',
    title: 'Global Compact for Safe, Orderly and Regular Migration',
    type: 'compact',
    legalForm: 'compact',
    binding: false,
    parties: [],
    pattern: `global compact (?:for|on) (?:safe,? orderly and regular )?migration|pacte mondial (?:pour|sur) (?:des|les) migrations? s[uû]res?,? ordonn${E}es? et r${E}guli${E}res?|pacte mondial sur les migrations|\\bGCM\\b|\\bPMM\\b`,
  },
  {
    key: 'gcr',
    title: 'Global Compact on Refugees',
    type: 'compact',
    legalForm: 'compact',
    binding: false,
    parties: [],
    pattern: `global compact on refugees|pacte mondial sur les r${E}fugi${E}s`,
  },
  {
    key: 'nyd',
    title: 'New York Declaration for Refugees and Migrants',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    parties: [],
    pattern: `new york declaration(?: for refugees and migrants)?|d${E}claration de new york(?: pour les r${E}fugi${E}s et les migrants)?`,
  },
  {
    key: 'refugee-convention',
    title: 'Convention relating to the Status of Refugees (1951) and its 1967 Protocol',
    type: 'agreement',
    legalForm: 'treaty',
    binding: true,
    parties: [],
    pattern: `(?:1951 )?(?:refugee convention|convention relating to the status of refugees)|convention (?:de gen${E}ve )?relative au statut des r${E}fugi${E}s|convention de gen${E}ve de 1951`,
  },
  {
    key: 'smuggling-protocol',
    title: 'Protocol against the Smuggling of Migrants by Land, Sea and Air',
    type: 'agreement',
    legalForm: 'treaty',
    binding: true,
    parties: [],
    pattern: `protocol against the smuggling of migrants(?: by land, sea and air)?|protocole contre le trafic illicite de migrants(?: par terre, air et mer)?`,
  },
  {
    key: 'trafficking-protocol',
    title: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons',
    type: 'agreement',
    legalForm: 'treaty',
    binding: true,
    parties: [],
    pattern: `protocol to prevent, suppress and punish trafficking in persons|protocole visant ${AP}?${E}?(?:a|à) pr${E}venir, r${E}primer et punir la traite des personnes|palermo protocols?|protocoles? de palerme`,
  },
  {
    key: 'rabat-declaration',
    title: 'Rabat Declaration and Action Plan (2006)',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    parties: [],
    pattern: `rabat declaration|d${E}claration de rabat`,
  },
  {
    key: 'la-declaration',
    title: 'Los Angeles Declaration on Migration and Protection',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    parties: [],
    pattern: `los angeles declaration(?: on migration(?: and protection)?)?|d${E}claration de los angeles(?: sur la migration et la protection)?`,
  },
  {
    key: 'agenda-2030',
    title: '2030 Agenda for Sustainable Development',
    type: 'legal_act',
    legalForm: 'other',
    binding: false,
    parties: [],
    pattern: `(?:the )?2030 agenda for sustainable development|programme de d${E}veloppement durable ${AP}?${E}?(?:a|à) l${AP}horizon 2030|agenda 2030 (?:pour|du) d${E}veloppement durable`,
  },
  // Programmes run by organizations
  {
    key: 'mida',
    title: 'Migration for Development in Africa (MIDA)',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['IOM'],
    pattern: `migration (?:for|pour le) d${E}?velopment in africa|migrations? pour le d${E}veloppement en afrique|\\bMIDA\\b`,
  },
  {
    key: 'tokten-tqn',
    title: 'Temporary Return of Qualified Nationals',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['IOM'],
    pattern: `temporary return of qualified nationals|retour temporaire (?:de|des) nationaux qualifi${E}s|\\bTRQN\\b`,
  },
  {
    key: 'wapis',
    title: 'West African Police Information System (WAPIS)',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['INTERPOL'],
    pattern: `west african police information system|syst${E}me d${AP}information policier (?:pour l${AP}afrique de l${AP}ouest|ouest-africain)|\\bWAPIS\\b|\\bSIPAO\\b`,
  },
  {
    key: 'avrr',
    title: 'EU-IOM Joint Initiative for Migrant Protection and Reintegration',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['EU', 'IOM'],
    pattern: `(?:EU-IOM )?joint initiative for migrant protection and reintegration|initiative conjointe UE-OIM(?: pour la protection et la r${E}int${E}gration des migrants)?`,
  },
  {
    key: 'palm',
    title: 'Pacific Australia Labour Mobility (PALM) scheme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['AU'],
    pattern: `pacific australia labou?r mobility(?: \\(PALM\\))?(?: scheme)?|\\bPALM scheme\\b`,
  },
  {
    key: 'swp',
    title: 'Seasonal Worker Programme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['AU'],
    pattern: `seasonal worker programme(?: \\(SWP\\))?`,
  },
  {
    key: 'pls',
    title: 'Pacific Labour Scheme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['AU'],
    pattern: `pacific labou?r scheme`,
  },
  {
    key: 'smo',
    title: 'Safe Mobility Offices',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: null,
    pattern: `safe mobility (?:offices?|initiative)|bureaux de mobilit${E} s[uû]re`,
  },
  {
    key: 'mocaddem',
    title: 'Mechanism for the operational coordination of the external dimension of migration (MOCADDEM)',
    type: 'coordination_mechanism',
    legalForm: 'other',
    binding: null,
    parties: null,
    pattern: `MOCADDEM|MOCADEM|operational coordination mechanism for the external dimension of migration|m${E}canisme (?:de|pour la) coordination op${E}rationnelle (?:pour|de) la dimension ext${E}rieure des migrations`,
  },
];

/** The catalogue. Longer aliases come first inside each pattern so the longest name is quoted. */
export const CATALOGUE: readonly CatalogueEntry[] = [...GLOBAL_CATALOGUE, ...EU_CATALOGUE];
