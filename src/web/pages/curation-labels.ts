/** Interface strings of merge, split and invitations, French and English (merged into the i18n messages). */
export const CURATION_MESSAGES = {
  curationTitle: { en: 'Merge or split (reviewers)', fr: 'Fusionner ou scinder (réviseurs)' },
  mergeTitle: { en: 'This instrument duplicates another', fr: 'Cet instrument en double un autre' },
  mergeHelp: {
    en: 'Merge it into the instrument it duplicates: its facts, evidence and documents move there, and this address then leads there.',
    fr: 'Fusionnez-le dans l’instrument qu’il double : ses faits, preuves et documents y passent, et cette adresse y mène ensuite.',
  },
  mergeInto: { en: 'Instrument kept (ins_…)', fr: 'Instrument conservé (ins_…)' },
  mergeButton: { en: 'Merge into the instrument kept', fr: 'Fusionner dans l’instrument conservé' },
  splitTitle: { en: 'This instrument was two', fr: 'Cet instrument en était deux' },
  splitHelp: {
    en: 'Tick the facts of the other instrument (among them its type and its title): they move, with their evidence, to a new instrument.',
    fr: 'Cochez les faits de l’autre instrument (dont son type et son titre) : ils passent, avec leurs preuves, à un nouvel instrument.',
  },
  splitButton: { en: 'Split into a new instrument', fr: 'Scinder en un nouvel instrument' },
  curationReason: {
    en: 'Why (required, kept in the history)',
    fr: 'Pourquoi (obligatoire, gardé dans l’historique)',
  },
  mergedHere: { en: 'Merged into this instrument', fr: 'Fusionnés dans cet instrument' },
  inviteTitle: { en: 'Invite someone', fr: 'Inviter quelqu’un' },
  inviteHelp: {
    en: 'The atlas makes a one-time link, valid for a week; send it to the person invited. They choose their name and password and are signed in.',
    fr: 'L’atlas crée un lien à usage unique, valable une semaine ; envoyez-le à la personne invitée. Elle choisit son nom et son mot de passe et se trouve connectée.',
  },
  inviteFocalHelp: {
    en: 'As the focal point of your organisation, you may invite its contributors.',
    fr: 'En tant que point focal de votre organisation, vous pouvez inviter ses contributeurs.',
  },
  inviteRole: { en: 'Role', fr: 'Rôle' },
  inviteOrganisation: { en: 'Organisation', fr: 'Organisation' },
  noOrganisation: { en: 'none', fr: 'aucune' },
  inviteButton: { en: 'Make the invitation link', fr: 'Créer le lien d’invitation' },
  inviteLink: { en: 'Invitation link (shown once)', fr: 'Lien d’invitation (affiché une seule fois)' },
  inviteFor: { en: 'For', fr: 'Pour' },
  inviteExpires: { en: 'Valid until', fr: 'Valable jusqu’au' },
  inviteNav: { en: 'Invite', fr: 'Inviter' },
} as const;
