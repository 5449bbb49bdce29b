/**
 * Cue phrases read around an instrument's head noun (folded text: lower case, no accents): verbs
 * of setting up, counts, determiners, names of organizations. They decide whether a phrase names one
 * instrument, a kind of instrument or something else.
 */

/** A verb of setting up or holding right before the head: "a mis en place des", "has appointed a". */
export const ESTABLISHED =
  /\b(?:adopted|appointed|established|set up|created|launched|introduced|developed|signed|concluded|(?:has|have)(?=\s+(?:a|an|its|their|had)\b|\s+$)|maintains|runs|pursues|pursued|negotiated|announced|agreed on|unveiled|proposed|hold|holds|held|designated|nominated|named|chairs|chaired|co-chairs|leads|signs|concludes|launches|adopts|establishes|appoints|sets up|a propose|a designe|ont designe|designe|a nomme un|nomme|nomment|signent|concluent|lancent|adoptent|creent|mettent en place|met en place|presidera|copresidera|preside|copreside|a annonce|ont annonce|a adopte|ont adopte|a nomme|a etabli|a mis en place|ont mis en place|a cree|ont cree|a lance|ont lance|a elabore|ont ete elabores?|a signe|ont signe|a conclu|ont conclu|a paraphe|ont paraphe|ont convenu d'|a ratifie|ont ratifie|ratified|initialled|initialed|agreed|a mene|ont mene|menent|conducted|carried out|ont deploye|a deploye|deployed|ont etabli|ont nomme|dispose d|disposent d|engaged in|entered into|initiated|inaugurated|ont engage|a engage|engagent|ont entame|a entame|entament|ont tenu|a tenu|tiennent|ont inaugure|a inaugure|ont initie|a initie|ont relance|a relance)\b[^.;:]{0,40}$/;
/** The same verbs further back, for an item coordinated after an instrument (see `AFTER_AND`). */
export const ESTABLISHED_FAR = new RegExp(ESTABLISHED.source.replace('{0,40}', '{0,160}'));
/**
 * A head right after "and a" / "et un": "ont signé une déclaration d'intention sur la main-d'œuvre
 * et un protocole d'accord sur …" — the second item shares the first one's verb of signing.
 */
export const AFTER_AND = /\b(?:and|et)\s+(?:a|an|the|un|une|le|la|les|des|their|its|leur|son|sa)\s+$/;
/** A verb of funding or running right before a head: "a financé un programme de l'OIT", "IOM ran a programme". */
export const FUNDED =
  /\b(?:funded|funds|financed|finances|co-funded|co-financed|ran|a finance|ont finance|financent|finance|a cofinance|ont cofinance)\b[^.;:]{0,40}$/;
/** An instrument said to be missing: "absence de loi sur …", "the lack of a readmission agreement". */
export const ABSENT =
  /\b(?:absence (?:de |d'|of (?:an? )?)|lack of (?:an? )?|manque (?:de |d')|faute (?:de |d')|sans (?:un |une )?|without (?:an? )?)$/;
/** The same verbs after the head, in the passive: "'flying consuls' were introduced", "ont été mis en place". */
export const ESTABLISHED_AFTER =
  /^[^.;:]{0,25}?\b(?:were|was|have been|has been|ont ete|a ete|sont|est|is|are)\s+(?:\w+\s+)?(?:introduced|established|set up|created|appointed|launched|adopted|signed|concluded|mise?s? en place|crees?|etablie?s?|lancee?s?|adoptee?s?|nommee?s?|elaboree?s?|signee?s?|conclue?s?)\b/;
/** An item of a numbered list: "… a mis en place 1) des solutions …, 3) des plateformes interservices". */
export const ENUM_ITEM = /(?:^|[\s(])\d\)\s*(?:(?:des|les|le|la|un|une|the|a|an|de|d')\s*)?$/;
/** Verbs that introduce a numbered list of things set up. */
export const ESTABLISHED_ENUM =
  /\b(?:adopted|appointed|established|set up|created|launched|introduced|developed|implemented|has put in place|a adopte|a nomme|a etabli|a mis en place|ont mis en place|a mis en (?:oe|œ)uvre|ont mis en (?:oe|œ)uvre|a cree|a lance|dispose d|disposent d)\b/;
/** A count before a plural ("over 60 bilateral agreements", "plusieurs accords"): kinds, not instruments. */
export const COUNTED =
  /(?:\b\d+|\bseveral|\bmany|\bnumerous|\bvarious|\bplusieurs|\bnombreux|\bdivers|\bdifferents|\btwo|\bthree|\bfour|\bfive|\bdeux|\btrois|\bquatre|\bcinq)\s+(?:\w+\s+)?$/;
/** A small exact count before a plural ("two memoranda", "deux protocoles"): a few instruments, not a kind. */
export const SMALL_COUNT = /\b(?:two|three|deux|trois|[23])\s+(?:\w+\s+)?$/;
/**
 * A meeting verb and a capitalised place right after a dialogue's head (original case): "la
 * conférence ministérielle s'est réunie à Rabat", "the summit held in Valletta". A meeting
 * held somewhere is one dialogue, named by its city, even without parties.
 */
export const HELD_IN_PLACE =
  /^[^.;:]{0,30}?\b(?:held|met|convened|hosted|took place|gathered|r[ée]uni(?:e|s|es)?|tenue?s?|organis[ée]e?s?|a eu lieu|se sont tenus?)\s+(?:in|at|à)\s+(?:the\s+)?\p{Lu}/u;
/** Organizations whose name ends in a head noun ("International Monetary Fund"). */
export const ORGANIZATION_NAME =
  /\b(?:international monetary fund|universal declaration of human rights|declaration universelle des droits de l'homme|world food programme|united nations (?:development|environment|population|children's) (?:programme|fund)|world economic forum|un (?:population|children's) fund|global fund to fight|fonds monetaire international|programme alimentaire mondial|programme des nations unies pour (?:le developpement|l'environnement)|fonds des nations unies pour (?:la population|l'enfance)|forum economique mondial)\b/;
/** Words of an organization's name right after the head (optionally after a capitalised word). */
export const ORGANIZATION_AFTER =
  /^\s+(?:[a-z]+\s+)?(?:institute|institut|centre|center|network|foundation|fondation|university|universite|agency|agence|ministry|ministere|department|departement|council|conseil|commission|bank|banque|organi[sz]ation|office|bureau|observatory|observatoire|secretariat|unit|unite|school|ecole)\b/;
/**
 * A person's post named after the head ("Policy Officer", "programme manager"): the head qualifies
 * a job, not an instrument. Only right after the head, so "the programme's liaison officers" stays.
 */
export const POST_AFTER =
  /^\s+(?:officers?|advis[eo]rs?|analysts?|managers?|coordinators?|specialists?|consultants?|assistants?)\b/;
/** "chargée de programme", "chargé de politique": a post in French, the head after it qualifies it. */
export const POST_BEFORE = /\bcharge(?:e|s|es)? de\s+$/;
/**
 * An instrument still to be drafted ("agreed to prepare a joint declaration", "convenues d'élaborer
 * un protocole"): an indefinite phrase after a verb of drafting names a plan, not a record.
 */
export const DRAFTING_BEFORE =
  /\b(?:prepare|draft|work out|preparer|elaborer|rediger)\s+(?:a|an|un|une)\s+(?:[a-z-]+\s+)?$/;
/** "…, which could be signed next year", "qui pourrait être signé": a possible instrument. */
export const POSSIBLE_AFTER =
  /^[^.;]{0,140}?\b(?:(?:which|that) (?:could|would|might|may) be (?:signed|concluded|adopted)|qui pourrai(?:t|ent) etre (?:signee?s?|conclue?s?|adoptee?s?))\b/;
/**
 * Subjects outside migration that an agreement may bear right after its head ("an agreement
 * delimiting their maritime zones", "accord de délimitation maritime", "a defence agreement"): such
 * an agreement between two states is not a migration instrument. Social security and labour stay in.
 */
export const OFF_SUBJECT_AFTER =
  /^\s+(?:(?:on|of|for|sur|de|d'|du|des|relatif (?:a|aux)|relative (?:a|aux)|en matiere de)\s+)?(?:(?:the|la|le|les|l'|their|leur|leurs)\s+)?(?:[a-z-]+\s+){0,2}?(?:delimit\w*|maritime|boundar\w*|fisher\w*|peche|defen[cs]e|military|militaire|nuclear|nucleaire|energy|energie|natural gas|gaz|double (?:taxation|imposition)|air services|services aeriens|investment|investissements?)\b/;
export const OFF_SUBJECT_BEFORE =
  /\b(?:delimitation|maritime|boundary|fisheries|defen[cs]e|military|nuclear|energy|gas|investment|air services)\s+$/;
/** An indefinite determiner right before the head ("a readmission agreement"). */
export const INDEFINITE = /\b(?:a|an|any|un|une|aucun|aucune)\s+(?:[a-z-]+\s+)?$/;
/**
 * A negation shortly before the head ("has not signed a readmission agreement", "ne s'est pas
 * engagée dans un dialogue"): with an indefinite article nobody set that instrument up. "Not only"
 * and "non seulement" add, they do not deny.
 */
export const NEGATED = /\b(?:not(?! only)|never|n't|jamais|pas|neither|nor|ni)\b[^.;:]{0,50}$/;
/** "this type of agreement", "ce genre d'accord": a kind, not an instrument. */
export const KIND_OF = /\b(?:types?|kinds?|forms?|sorts?|genres?|formes?|categories?)\s+(?:of|d'|de)\s*$/;
/** "its 2023 programme", "sa stratégie": the owner is the clause's actor. */
export const ITS = /\b(?:its|their|sa|son|ses|leur|leurs)\s+$/;
/** A definite or demonstrative determiner right before the head. */
export const DEFINITE = /(?:\b(?:the|le|la|les)\s+|\bl')$/;
/** A demonstrative: the phrase always refers back ("this MoU", "cette initiative"). */
export const DEMONSTRATIVE =
  /\b(?:this|these|that|those|said|such|ce|cet|cette|ces|ledit|ladite|lesdits)\s+(?:\w+\s+)?$/;

/** Words ending in s that are singular. */
const NON_PLURAL = /(?:ss|us|is|fonds|pays|corps)$/;
/** Plural complements inside a head phrase ("ambassadeur chargé des migrations"). */
const NOT_HEAD_WORDS = new Set([
  'migrations',
  'questions',
  'risques',
  'talents',
  'communs',
  'frontieres',
  'affairs',
  'migratoires',
  // "échange de lettres", "exchange of notes": one instrument.
  'lettres',
  'letters',
  'notes',
]);

/** Whether one word is a plural (a module-level function: this runs for every head match). */
function plural(w: string): boolean {
  return !NON_PLURAL.test(w) && (/[sx]$/.test(w) || w === 'memoranda');
}

/** Whether a head match names several instruments ("agreements", "feuilles de route"). */
export function isPluralHead(folded: string): boolean {
  const words = folded.split(/[\s'’-]+/).filter((w) => w.length > 0);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  return (
    plural(first) ||
    (plural(last) && !NOT_HEAD_WORDS.has(last)) ||
    /^(?:mps|epas|mous|ftas|camms)$/i.test(last)
  );
}
