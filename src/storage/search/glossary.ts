/**
 * A small bilingual glossary of migration-diplomacy words for cross-language search: a French word
 * finds English text using its counterpart, and the reverse ("frontière" ↔ "border"). Plurals need
 * not be listed (they are stripped before lookup); accents do not matter.
 */

/** English forms, then French forms, of one notion. */
export type GlossaryEntry = readonly [english: readonly string[], french: readonly string[]];

export const GLOSSARY: readonly GlossaryEntry[] = [
  [['agreement'], ['accord']],
  [['border'], ['frontière']],
  [['asylum'], ['asile']],
  [['refugee'], ['réfugié', 'réfugiée']],
  [['return'], ['retour']],
  [['readmission'], ['réadmission']],
  [['reintegration'], ['réintégration']],
  [
    ['smuggling', 'smuggler'],
    ['trafic de migrants', 'passeur'],
  ],
  [['trafficking'], ['traite']],
  [
    ['labour', 'labor'],
    ['travail', 'main-d’œuvre'],
  ],
  [['employment', 'jobs'], ['emploi']],
  [['mobility'], ['mobilité']],
  [['development'], ['développement']],
  [['security'], ['sécurité']],
  [['human rights'], ["droits de l'homme", 'droits humains']],
  [['civil registry', 'civil registration'], ['état civil']],
  [['climate'], ['climat', 'climatique']],
  [['trade'], ['commerce']],
  [['partnership'], ['partenariat']],
  [['fund'], ['fonds']],
  [['funding', 'financing'], ['financement']],
  [['cooperation'], ['coopération']],
  [['commitment'], ['engagement']],
  [['recommendation'], ['recommandation']],
  [['challenge'], ['défi']],
  [['good practice'], ['bonne pratique']],
  [['visa'], ['visa']],
  [['irregular migration'], ['migration irrégulière']],
  [
    ['legal migration', 'legal pathways'],
    ['migration légale', 'voies légales'],
  ],
  [['remittances'], ['transferts de fonds']],
  [['diaspora'], ['diaspora']],
  [['conditionality'], ['conditionnalité']],
  [['summit'], ['sommet']],
  [['meeting'], ['réunion']],
  [['migrant'], ['migrant', 'migrante']],
  [['country of origin', 'countries of origin'], ["pays d'origine"]],
  [['transit'], ['transit']],
  [['student'], ['étudiant']],
  [['seasonal worker'], ['travailleur saisonnier']],
  [['capacity building'], ['renforcement des capacités']],
];

/** Common names of instrument types that the taxonomy's labels split apart ("Accord … de réadmission"). */
export const EXTRA_TYPE_PHRASES: Readonly<Record<string, readonly string[]>> = {
  readmission_agreement: ['accord de réadmission', 'readmission agreement', 'arrangement de réadmission'],
  visa_agreement: ['facilitation des visas', 'visa facilitation', 'exemption de visa', 'visa waiver'],
  labour_agreement: ['migration de travail', 'labour migration', 'travail saisonnier', 'seasonal work'],
  memorandum_of_understanding: ["protocole d'accord", "mémorandum d'entente", 'memorandum of understanding'],
  letter_of_intent: [
    "lettre d'intention",
    'letter of intent',
    "déclaration d'intention",
    'declaration of intent',
  ],
  joint_declaration: ['déclaration conjointe', 'déclaration commune', 'joint declaration', 'joint statement'],
  action_plan: ["plan d'action", 'action plan'],
  partnership: [
    'partenariat pour la mobilité',
    'mobility partnership',
    'talent partnership',
    'partenariat talents',
  ],
  fund: ['fonds fiduciaire', 'trust fund'],
  envoy: ['envoyé spécial', 'special envoy', 'représentant spécial', 'special representative'],
};
