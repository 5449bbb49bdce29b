/**
 * Named instruments of the European Union: policy frameworks, legal acts and funding instruments
 * (domain knowledge, held by the EU whatever the document says).
 */
import type { CatalogueEntry } from './catalogue.ts';

const AP = "['’]";
const E = '[eéè]';

/** An EU legal act or policy framework. */
const euAct = (key: string, title: string, pattern: string, caseSensitive = false): CatalogueEntry => ({
  key,
  title,
  type: 'legal_act',
  legalForm: 'legal_act',
  binding: null,
  parties: ['EU'],
  pattern,
  caseSensitive,
});

/** The EU part of the catalogue. */
export const EU_CATALOGUE: readonly CatalogueEntry[] = [
  // Funds
  {
    key: 'eutf',
    title: 'EU Emergency Trust Fund for Africa',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `(?:EU |european union )?(?:emergency )?trust fund for africa|(?:EU |european union )?emergency trust fund(?: for (?:stability and addressing root causes of irregular migration and displaced persons in )?africa)?|fonds fiduciaire d${AP}urgence(?: (?:de l${AP}UE|de l${AP}union europ${E}enne))?(?: (?:en faveur de la stabilit${E} et de la lutte contre les causes profondes de la migration irr${E}guli${E}re(?: et du ph${E}nom${E}ne des personnes d${E}plac${E}es en afrique)?|pour l${AP}afrique))?|\\bEUTF(?: for Africa)?\\b|\\bFFU\\b`,
  },
  {
    key: 'ndici',
    title: 'NDICI-Global Europe',
    type: 'fund',
    legalForm: 'legal_act',
    binding: true,
    parties: ['EU'],
    pattern: `NDICI[- –]{1,3}Global Europe|NDICI|neighbourhood, development and international cooperation instrument|instrument de voisinage, de coop${E}ration au d${E}veloppement et de coop${E}ration internationale`,
  },
  {
    key: 'mpf',
    title: 'Migration Partnership Facility',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `migration partnership facility|facilit${E} de partenariat pour la migration`,
  },
  {
    key: 'amif',
    title: 'Asylum, Migration and Integration Fund',
    type: 'fund',
    legalForm: 'legal_act',
    binding: true,
    parties: ['EU'],
    pattern: `asylum,? migration and integration fund|fonds « ?asile, migration et int${E}gration ?»|fonds asile,? migration et int${E}gration|asylum and migration fund|fonds (?:pour l${AP})?asile et (?:la )?migration|\\bAMIF\\b|\\bFAMI\\b`,
  },
  {
    key: 'facility-turkey',
    title: 'Facility for Refugees in Türkiye',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    parties: ['EU', 'TR'],
    pattern: `facility for refugees in (?:turkey|t[uü]rkiye)|facilit${E} en faveur des r${E}fugi${E}s en turquie`,
  },
  // EU policy frameworks
  euAct(
    'gamm',
    'Global Approach to Migration and Mobility',
    `global approach to migration and mobility(?: \\(GAMM\\))?|approche globale de la question des migrations et de la mobilit${E}|\\bGAMM\\b|\\bAGMM\\b`,
  ),
  euAct(
    'mpf-framework',
    'Migration Partnership Framework',
    `migration partnership framework|cadre de partenariat pour les migrations|nouveau cadre de partenariat`,
  ),
  euAct(
    'agenda-migration',
    'European Agenda on Migration',
    `european agenda on migration|agenda europ${E}en (?:en mati${E}re de|sur la|pour la) migration`,
  ),
  euAct(
    'pact',
    'Pact on Migration and Asylum',
    `(?:new |EU )?pact on migration and asylum|pacte (?:europ${E}en )?sur la migration et l${AP}asile`,
  ),
  euAct(
    'crisis-regulation',
    'Crisis Regulation',
    `crisis regulation|r${E}glement (?:relatif aux situations de )?crise`,
  ),
  euAct(
    'visa-code',
    'Visa Code',
    `(?:article 25a of the )?(?:revised )?visa code|code (?:communautaire )?des visas`,
  ),
  euAct(
    'ibm-strategy',
    'European Integrated Border Management Strategy',
    `strat${E}gie (?:europ${E}enne )?de gestion int${E}gr${E}e des fronti${E}res de l${AP}UE(?: \\(EUIBM\\))?|european integrated border management strategy|\\bEUIBM\\b`,
  ),
  euAct(
    'return-directive',
    'Return Directive',
    `return directive|directive (?:europ${E}enne )?(?:sur le |relative au )?retour`,
  ),
  euAct('dublin', 'Dublin Regulation', `dublin (?:iii )?regulation|r${E}glement (?:de )?dublin(?: iii)?`),
  euAct('schengen-code', 'Schengen Borders Code', `schengen borders code|code fronti${E}res schengen`),
  euAct(
    'blue-card',
    'EU Blue Card Directive',
    `(?:EU )?blue card directive|directive (?:sur la |relative ${AP}?${E}?(?:a|à) la )?carte bleue(?: europ${E}enne)?`,
  ),
  euAct(
    'ceas',
    'Common European Asylum System',
    `common european asylum system|r${E}gime d${AP}asile europ${E}en commun|\\bCEAS\\b|\\bRAEC\\b`,
  ),
  euAct(
    'tpd',
    'Temporary Protection Directive',
    `temporary protection directive|directive (?:sur la |relative ${AP}?${E}?(?:a|à) la )?protection temporaire`,
  ),
  euAct(
    'gamm-eu-return',
    'EU Strategy on Voluntary Return and Reintegration',
    `(?:EU )?strategy on voluntary return and reintegration|strat${E}gie (?:de l${AP}UE )?en mati${E}re de retour volontaire et de r${E}int${E}gration`,
  ),
  {
    key: 'jwf',
    title: 'Joint Way Forward on migration issues between Afghanistan and the EU',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    parties: ['AF', 'EU'],
    pattern: `joint way forward(?: on migration issues between afghanistan and the eu)?`,
  },
  {
    key: 'cotonou',
    title: 'Cotonou Agreement / Samoa Agreement (EU–OACPS)',
    type: 'agreement',
    legalForm: 'agreement',
    binding: true,
    parties: [],
    pattern: `(?:cotonou|samoa) (?:partnership )?agreement|accord (?:de partenariat )?de (?:cotonou|samoa)`,
  },
  {
    key: 'edf',
    title: 'European Development Fund',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `european development fund|fonds europ${E}en de d${E}veloppement|\\bFED\\b|\\bEDF\\b`,
  },
  {
    key: 'eip',
    title: 'EU External Investment Plan',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `(?:EU )?external investment plan|plan d${AP}investissement ext${E}rieur(?: de l${AP}UE)?`,
  },
  {
    key: 'bmm',
    title: 'Better Migration Management',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `better migration management(?: programme)?|\\bBMM\\b`,
  },
  {
    key: 'eu-turkey',
    title: 'EU-Türkiye Statement',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    parties: ['EU', 'TR'],
    pattern: `EU[-–](?:turkey|t[uü]rkiye) (?:statement|deal|declaration)|d${E}claration UE[-–]turquie|(?:turkey|t[uü]rkiye)[-–]EU (?:statement|deal)`,
  },
  {
    key: 'emwp',
    title: 'Working Party on External Aspects of Asylum and Migration (EMWP)',
    type: 'coordination_mechanism',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `(?:council${AP}s )?working party on (?:the )?external aspects of asylum(?: and migration)?|groupe (?:de travail )?["«]? ?aspects ext${E}rieurs de l${AP}asile et de la migration|\\bEMWP\\b|high[- ]level working group on asylum and migration`,
  },
  {
    key: 'team-europe',
    title: 'Team Europe Initiatives',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    parties: ['EU'],
    pattern: `initiatives? of team europe|team europe initiatives?|initiatives? (?:de l${AP})?${E}quipe europe|\\bTEIs?\\b`,
  },
  {
    key: 'global-alliance-smuggling',
    title: 'Global Alliance to Counter Migrant Smuggling',
    type: 'partnership',
    legalForm: 'other',
    binding: false,
    parties: ['EU'],
    pattern: `global alliance to counter migrant smuggling|alliance mondiale (?:pour lutter )?contre le trafic de migrants`,
  },
];
