/**
 * The IATI codelists the atlas shows, with their names in English and French (IATI codelists,
 * version 2). A code missing here is shown as "code N" rather than guessed.
 */
type Labels = Readonly<Record<string, { readonly en: string; readonly fr: string }>>;

export const TRANSACTION_TYPES: Labels = {
  '1': { en: 'Incoming funds', fr: 'Fonds reçus' },
  '2': { en: 'Outgoing commitment', fr: 'Engagement' },
  '3': { en: 'Disbursement', fr: 'Décaissement' },
  '4': { en: 'Expenditure', fr: 'Dépense' },
  '5': { en: 'Interest payment', fr: 'Paiement d’intérêts' },
  '6': { en: 'Loan repayment', fr: 'Remboursement de prêt' },
  '7': { en: 'Reimbursement', fr: 'Remboursement' },
  '8': { en: 'Purchase of equity', fr: 'Achat de participations' },
  '9': { en: 'Sale of equity', fr: 'Vente de participations' },
  '10': { en: 'Credit guarantee', fr: 'Garantie de crédit' },
  '11': { en: 'Incoming commitment', fr: 'Engagement reçu' },
  '12': { en: 'Outgoing pledge', fr: 'Promesse de contribution' },
  '13': { en: 'Incoming pledge', fr: 'Promesse reçue' },
};

export const ACTIVITY_STATUSES: Labels = {
  '1': { en: 'Pipeline', fr: 'En préparation' },
  '2': { en: 'Implementation', fr: 'En cours' },
  '3': { en: 'Finalisation', fr: 'En clôture' },
  '4': { en: 'Closed', fr: 'Clôturée' },
  '5': { en: 'Cancelled', fr: 'Annulée' },
  '6': { en: 'Suspended', fr: 'Suspendue' },
};

export const ORGANISATION_ROLES: Labels = {
  '1': { en: 'Funding', fr: 'Bailleur' },
  '2': { en: 'Accountable', fr: 'Responsable' },
  '3': { en: 'Extending', fr: 'Gestionnaire' },
  '4': { en: 'Implementing', fr: 'Mise en œuvre' },
};

export const RESULT_TYPES: Labels = {
  '1': { en: 'Output', fr: 'Produit' },
  '2': { en: 'Outcome', fr: 'Effet' },
  '3': { en: 'Impact', fr: 'Impact' },
  '9': { en: 'Other', fr: 'Autre' },
};

/** DAC 5-digit purpose code of "Facilitation of orderly, safe, regular and responsible migration and mobility". */
export const MIGRATION_PURPOSE_CODE = '15190';

/** The transaction types the chain follows: committed → disbursed → spent. */
export const CHAIN_STAGES = { committed: 2, disbursed: 3, spent: 4 } as const;
export type ChainStage = keyof typeof CHAIN_STAGES;

/** The label of a code in a language; "code N" for a code the list does not have. */
export function codeLabel(list: Labels, code: string, lang: 'en' | 'fr'): string {
  return list[code]?.[lang] ?? (lang === 'fr' ? `code ${code}` : `code ${code}`);
}
