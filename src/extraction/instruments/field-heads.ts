/**
 * Head nouns of the field that name an instrument by what it does rather than by a legal form:
 * return and charter flights, coordinated patrols and posted officers, border and readmission
 * committees, worker schemes, laws on a field subject, rounds of consultations, envoys on
 * smuggling, protocols and return arrangements by their subject, funds by their size or purpose.
 * Each list is built from the vocabulary of migration diplomacy in English and French, not from
 * any one document. The matcher runs them as an expression of their own (matchers.ts); at a place
 * where an older rule matches too, the longer match wins, and on a tie the older rule, except for
 * `FIELD_HEAD_RULES_FIRST`, the few longer or surer forms of an older head that must win it.
 */
import type { HeadRule } from './lexicon.ts';

const AP = "['’]";
const E = '[eéè]';
/** A word of a title or a subject phrase (folded text): no space, comma or stop inside. */
const WORD = "[a-z0-9àâçéèêëîïôûùüÿœ'’-]+";
/** Subjects of the field a law is about (folded English). */
const LAW_SUBJECT_EN =
  'foreigners|aliens|asylum|immigration|migra\\w*|refugees|borders?|residence|citizenship|nationality|integration|citizens|nationals|displaced persons|temporary protection';
/** Subjects of the field a law is about (folded French). */
const LAW_SUBJECT_FR = `${E}trangers|asile|immigration|migra\\w*|r${E}fugi${E}s|fronti${E}res?|s${E}jour|nationalit${E}|int${E}gration|ressortissants|protection temporaire|d${E}plac${E}s`;

export const FIELD_HEAD_RULES: readonly HeadRule[] = [
  {
    // Removal by air as a cooperation between two states: charter, return, removal flights.
    head: 'flights',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern:
      `(?:charter(?:ed)?|deportation|removal|repatriation) (?:return |removal |repatriation |deportation )?flights|charter (?:return |removal )?operations|` +
      `vols (?:de (?:rapatriement|retour|renvoi|r${E}admission)|d${AP}(?:${E}loignement|expulsion)|charters?|affr${E}t${E}s|sp${E}ciaux)(?: (?:affr${E}t${E}s|charters?|sp${E}ciaux|group${E}s))?`,
    strength: 'form',
  },
  {
    // Patrols and missions two states run together, however they are qualified.
    head: 'joint_patrol',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern:
      `(?:coordinated|combined|mixed|synchroni[sz]ed) (?:maritime |border |naval |land |sea |coastal |police )?patrols?|` +
      `patrouilles? (?:(?:maritimes?|frontali${E}res?|navales?|terrestres?|c[oô]ti${E}res?) )?(?:coordonn${E}es?|synchronis${E}es?|bilat${E}rales?)|` +
      `joint (?:identification|verification|screening) missions?|missions? (?:conjointes? d${AP}identification|d${AP}identification conjointes?)|` +
      `humanitarian corridors?|couloirs? humanitaires?`,
    strength: 'form',
  },
  {
    // Bodies named by the field they sit on, either word order: "Joint Border Committee",
    // "comité de frontière", "comité régional de suivi".
    head: 'coordination',
    type: 'coordination_mechanism',
    legalForm: 'other',
    binding: null,
    pattern:
      `(?:joint |bilateral |regional |permanent )?(?:border|cross-border|readmission|return|labou?r migration|mobility|consular) (?:management |security |cooperation )?(?:committees?|commissions?)|` +
      `comit${E}s? (?:(?:mixtes?|conjoints?|bilat${E}ra(?:l|ux)|r${E}gionaux?|r${E}gional|permanents?) )?(?:de (?:la )?fronti${E}re|frontaliers?|transfrontaliers?|de s${E}curit${E} transfrontali${E}re?|de r${E}admission|de (?:la )?mobilit${E})(?: et d${AP}int${E}gration)?(?: (?:mixtes?|conjoints?|bilat${E}ra(?:l|ux)))?|` +
      `comit${E}s? r${E}gionaux? de (?:suivi|coordination|pilotage)|comit${E} r${E}gional de (?:suivi|coordination|pilotage)`,
    strength: 'form',
  },
  {
    // A law with an adjective, or on a subject a few words in: "la loi fédérale sur les étrangers",
    // "une loi sur la protection de la frontière", "a special act on assistance to Ukrainian citizens".
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    pattern:
      `lois? (?:(?:f${E}d${E}rales?|organiques?|nouvelles?|modificatives?|sp${E}ciales?|nationales?) )?(?:sur|relatives? (?:[aà]|aux?)|portant) (?:${WORD} ){0,5}?(?:${LAW_SUBJECT_FR})\\b|` +
      `(?:(?:special|new|federal|national|organic|amended) (?:laws?|acts?|statutes?)|laws?) (?:on|concerning|regarding|governing) (?:${WORD} ){0,5}?(?:${LAW_SUBJECT_EN})\\b`,
    strength: 'form',
  },
  {
    // A statute by its capitalised title ("the Temporary Protection Statute"), not the Rome Statute.
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    pattern: '(?<=[A-Z][a-z]+ )(?<!Rome )Statutes?',
    strength: 'form',
    caseSensitive: true,
  },
  {
    // Japan's and Korea's memoranda of cooperation ("MoC").
    head: 'mou',
    type: 'memorandum_of_understanding',
    legalForm: 'memorandum',
    binding: false,
    pattern: 'MoCs?|MOCs?',
    strength: 'form',
    caseSensitive: true,
  },
  {
    // Rounds of consultations on migration: a dialogue by its format.
    head: 'dialogue',
    type: 'dialogue',
    legalForm: 'process',
    binding: false,
    pattern:
      `(?:rounds? of |bilateral |annual |regular )(?:migration )?consultations (?:on|about) (?:labou?r )?(?:migration|mobility|readmission|returns?)|(?:migration|mobility) (?:talks|consultations)|` +
      `consultations (?:bilat${E}rales|annuelles|r${E}guli${E}res) (?:sur|en mati${E}re de) (?:la |les )?(?:migrations?|mobilit${E}|r${E}admission|retours?)`,
    strength: 'form',
  },
  {
    // Envoys named by their remit beyond migration itself: smuggling, trafficking, international
    // cooperation on migration ("l'ambassadrice chargée de la coopération internationale en
    // matière de migration", "Ambassador for People Smuggling").
    head: 'envoy',
    type: 'envoy',
    legalForm: 'other',
    binding: null,
    pattern:
      `ambassad(?:eur|rice)s? (?:charg${E}e?s? de|pour) la coop${E}ration (?:internationale )?(?:en mati${E}re de|sur les?|dans le domaine de la) (?:migrations?|questions migratoires)|` +
      `ambassadors? (?:for|on) (?:people |human |migrant )?(?:smuggling|trafficking)(?: (?:and|&) (?:human |people |migrant )?(?:trafficking|smuggling))?|` +
      `ambassad(?:eur|rice)s? (?:charg${E}e?s? de la lutte contre|pour la lutte contre) (?:la traite|le trafic)`,
    strength: 'form',
  },
  {
    // Protocols named by their subject or made in common: "a readmission protocol", "un protocole
    // commun de prise en charge". The agreement's subject then types it (`agreementType`).
    head: 'agreement',
    type: 'agreement',
    legalForm: 'agreement',
    binding: true,
    pattern: `(?:readmission|return|repatriation|labou?r|mobility) protocols?|joint protocols?|protocoles? (?:de (?:r${E}admission|retour|rapatriement|mobilit${E})|communs?|conjoints?)`,
    strength: 'form',
  },
  {
    // An arrangement for organising returns is a return arrangement, whatever its words.
    head: 'agreement',
    type: 'readmission_agreement',
    legalForm: 'arrangement',
    binding: false,
    pattern: `arrangements? (?:pour|visant ${E}?a) (?:organiser |faciliter |encadrer )?(?:les |le |la )?(?:retours?|r${E}admission|rapatriements?)|arrangements? (?:for|to (?:organi[sz]e|facilitate)) (?:the )?(?:returns?|readmission|repatriation)`,
    strength: 'form',
  },
  {
    // Leaders' declarations and statements: joint by nature.
    head: 'declaration',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    pattern: `(?:joint )?leaders${AP}? (?:declarations?|statements?)|d${E}clarations? des (?:chefs d${AP}${E}tat|dirigeants)`,
    strength: 'form',
  },
  {
    // Supplementary acts of a regional community (ECOWAS, CEMAC): its own legal acts.
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    pattern: `actes? additionnels?|supplementary acts?`,
    strength: 'form',
  },
  {
    // Programmes named by their field: border management, reintegration, livelihoods; the IOM's
    // voluntary humanitarian return.
    head: 'programme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    pattern: `(?:(?:integrated )?border management|migration management|reintegration|livelihoods?) (?:support |assistance )?(?:programmes?|programs?|projects?)|voluntary humanitarian return (?:programmes?|programs?|schemes?)`,
    strength: 'form',
  },
  {
    // Officers one state posts with another's services: "officers are embedded at…", "des
    // officiers … sont détachés auprès de…", "le déploiement d'agents de Frontex".
    head: 'deployment',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern:
      `(?:police |border |immigration |liaison )?officers (?:${WORD} ){0,5}?(?:are|were|have been|will be) (?:now )?(?:embedded|deployed|seconded|stationed|posted)|` +
      `(?:officiers|agents|policiers) (?:${WORD} ){0,5}?(?:sont|ont ${E}t${E}|seront) (?:d${E}sormais )?(?:d${E}tach${E}s|d${E}ploy${E}s|affect${E}s|post${E}s)|` +
      `deployments? of (?:${WORD} )?(?:officers|border guards|agents|experts)|(?:d${E}ploiements?|d${E}tachements?) d${AP}(?:un |une )?(?:agents?|officiers?|experts?|gardes-fronti${E}res|policiers?)`,
    strength: 'form',
  },
];

/**
 * Longer forms of heads that an older, shorter rule would otherwise take at the same place ("plan"
 * for "plan opérationnel conjoint", a legal "pacte" for "le pacte UE-Liban"): they go before
 * `HEAD_RULES`' own rules.
 */
export const FIELD_HEAD_RULES_FIRST: readonly HeadRule[] = [
  {
    // Schemes that admit workers, named by whom they admit: "a seasonal worker scheme", "the
    // youth mobility scheme", "programme de travailleurs saisonniers". In English the match is the
    // last word, as for a programme with a proper name (the look-behind reads the words before it),
    // so that a capitalised title keeps its shape.
    head: 'programme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    pattern:
      `(?:programmes?|programs?|schemes?|routes?)(?<=(?:(?:seasonal|temporary|guest|foreign|migrant|circular|skilled|agricultural|farm) (?:(?:agricultural|foreign|farm|seasonal|migrant) )?workers?${AP}?s?|youth mobility|working holiday|graduate|talent) (?:visa )?(?:programmes?|programs?|schemes?|routes?))|` +
      `programmes? (?:de |des )?travailleurs (?:agricoles )?(?:saisonniers|temporaires|${E}trangers|invit${E}s)(?: agricoles)?`,
    strength: 'form',
  },
  {
    // A fund said by its size or its purpose is one fund, named or not: "un fonds de 50 millions
    // d'euros", "un fonds destiné à financer…", "a fund of €20 million", "a fund to repatriate…".
    head: 'fund',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    pattern:
      `fonds(?= (?:de |d${AP}un montant de |dot${E}s? de )(?:\\d|\\$|€|£|(?:un|une|deux|trois|cinq|dix|cent) (?:millions?|milliards?)))|fonds(?= (?:destin${E}s? ${E}?a|pour|visant ${E}?a) (?:financer|soutenir|appuyer|aider|rapatrier|accompagner))|` +
      `funds?(?= of (?:\\d|\\$|€|£|(?:eur|usd|gbp|chf|aud|cad|us\\$) ?\\d))|funds?(?= (?:to|that will|which will) (?:finance|fund|support|help|repatriate|assist|cover))`,
    strength: 'form',
  },
  {
    // Plans by their shape: operational plans, "a 10-point plan", "un plan en dix points".
    head: 'action_plan',
    type: 'action_plan',
    legalForm: 'plan',
    binding: false,
    pattern: `(?:joint )?operational plans?|plans? op${E}rationnels?(?: conjoints?| communs?)?|\\d+-point plans?|(?:five|six|seven|eight|nine|ten|twelve)-point plans?|plans? en (?:\\d+|cinq|six|sept|huit|neuf|dix|douze) points`,
    strength: 'form',
  },
  {
    // The EU's compacts with one partner ("le pacte UE-Liban"), in French.
    head: 'compact',
    type: 'compact',
    legalForm: 'compact',
    binding: false,
    pattern: `pactes?(?= (?:ue|eu)-[a-z]+)`,
    strength: 'form',
  },
];
