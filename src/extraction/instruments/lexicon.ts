/**
 * Head nouns of migration diplomacy instruments, in English and French, by instrument type. A head
 * rule finds the noun phrase that names a form ("memorandum of understanding", "feuille de route");
 * the candidate builder then reads its name, parties and date around it. The legal form named in the
 * text decides the type first (spec: a memorandum stays a memorandum whatever its subject); only an
 * agreement takes its subject's type, see `agreementType`.
 */
import type { LegalForm } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import { FIELD_HEAD_RULES, FIELD_HEAD_RULES_FIRST } from './field-heads.ts';

/** One head-noun rule. */
export interface HeadRule {
  /** Stable key of the head lexeme: two mentions with different heads are different instruments. */
  readonly head: string;
  readonly type: InstrumentTypeCode;
  readonly legalForm: LegalForm;
  readonly binding: boolean | null;
  /** Regex source, matched case-insensitively on word boundaries. */
  readonly pattern: string;
  /**
   * How much context the rule needs before a match counts: `form` heads (memorandum, letter of
   * intent) are instruments by themselves once tied to a party, a date or a name; `named` heads
   * (programme, strategy, fund) are common words and count only with a proper name or an owner.
   */
  readonly strength: 'form' | 'named';
  /** The pattern is case-sensitive (acronyms such as MoU, EPA). */
  readonly caseSensitive?: boolean;
}

const AP = "['’]";
const E = '[eéè]';

/** Head rules, most specific first: on overlapping matches the earlier rule wins. */
export const FORM_RULES: readonly HeadRule[] = [
  // --- memoranda -------------------------------------------------------------------------------
  {
    head: 'mou',
    type: 'memorandum_of_understanding',
    legalForm: 'memorandum',
    binding: false,
    // Bare "memorandum"/"mémorandum", singular or plural, is a memorandum too: after a first full
    // mention it is the anaphor, with a pair adjective ("the Greek-Egyptian memorandum") a new one.
    pattern: `memorand(?:um|a|ums) of understanding|protocoles? d${AP}(?:accord|entente)|m${E}morand(?:um|a|ums)s? d${AP}(?:entente|accord)|memorand(?:um|a|ums)|m${E}morand(?:um|a|ums)s?`,
    strength: 'form',
  },
  {
    head: 'mou',
    type: 'memorandum_of_understanding',
    legalForm: 'memorandum',
    binding: false,
    pattern: 'MoUs?|MOUs?',
    strength: 'form',
    caseSensitive: true,
  },
  // --- letters and declarations of intent -----------------------------------------------------
  {
    head: 'loi',
    type: 'letter_of_intent',
    legalForm: 'letter',
    binding: false,
    pattern: `(?:letters?|declarations?) of intent|(?:lettres?|d${E}clarations?) d${AP}intention`,
    strength: 'form',
  },
  // --- joint declarations, statements, communiqués --------------------------------------------
  {
    head: 'declaration',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    pattern: `joint (?:political )?(?:declarations?|statements?|communiqu${E}s?)|communiqu${E}s? (?:commun|conjoint)s?|d${E}clarations? (?:conjointes?|communes?)|political declarations?|d${E}clarations? politiques?(?: conjointes?| communes?)?|(?<=[a-z]-[a-z]+ )statements?`,
    strength: 'form',
  },
  {
    // A named political declaration ("Déclaration de Rabat", "Kampala Declaration"): joint by nature.
    head: 'declaration',
    type: 'joint_declaration',
    legalForm: 'declaration',
    binding: false,
    pattern: `declarations?|d${E}clarations?`,
    strength: 'named',
  },
  // --- compacts --------------------------------------------------------------------------------
  {
    head: 'compact',
    type: 'compact',
    legalForm: 'compact',
    binding: false,
    pattern: `(?:migration )?compacts?|pactes? (?:mondial|global)(?:aux)?`,
    strength: 'form',
  },
  // --- action plans and roadmaps ---------------------------------------------------------------
  {
    head: 'action_plan',
    type: 'action_plan',
    legalForm: 'plan',
    binding: false,
    pattern: `(?:joint |national )?action plans?|plans? d${AP}action(?: (?:conjoint|national)s?)?|plans? of action|road(?:-|\\s*)maps?|feuilles? de route(?: conjointes?)?|work(?:-|\\s*)plans?|plans? de travail|(?:strategic|response|contingency) plans?|plans? (?:(?:r${E}gional|national|conjoint) )?(?:strat${E}giques?|de r${E}ponse|d${AP}intervention|de contingence)`,
    strength: 'form',
  },
  {
    // Any other plan with a name or an owner ("the Comprehensive Development Plan", "le plan
    // Shikandra") is a plan of action: the spec's `action_plan`, whatever its subject.
    head: 'action_plan',
    type: 'action_plan',
    legalForm: 'plan',
    binding: false,
    pattern: `plans?`,
    strength: 'named',
  },
  // --- envoys ----------------------------------------------------------------------------------
  {
    head: 'envoy',
    type: 'envoy',
    legalForm: 'other',
    binding: null,
    pattern:
      `special (?:envoys?|representatives?|commissioners?) (?:for|on) (?:migration|migratory|return|readmission|refugees?)(?: (?:agreements?|affairs|issues|partnerships?|cooperation|and (?:mobility|asylum|return|refugees)))?|special (?:envoys?|representatives?)(?: for| on)?|(?:migration|migratory affairs|return|readmission) (?:envoys?|ambassadors?)|envoys? (?:for|on) (?:migration|return)|ambassadors? (?:for|on|at large for|in charge of|responsible for) (?:migration|migratory|return)|ambassadors?[- ]at[- ]large(?: for (?:migration|migratory affairs|return))?|(?:flying|roving|itinerant|mobile) consuls|(?:migration|return) referents?|` +
      `special commissioners?(?: for| on)?|plenipotentiar(?:y|ies)(?: for| on)?|(?:migration |return )?plenipotentiary envoys?|` +
      `(?:envoy${E}s? sp${E}ciaux?|envoy${E}e?s? sp${E}ciale?s?|repr${E}sentante?s? sp${E}ciale?s?|commissaires? sp${E}ciale?s?|pl${E}nipotentiaires?(?: sp${E}ciale?s?)?)(?: charg${E}e?s? (?:des|de la) (?:accords? migratoires|migrations?|questions migratoires))?|d${E}l${E}gu${E}e?s?(?: sp${E}ciale?s?| interminist${E}riel(?:le)?s?)?(?: (?:aux|${AP}?${E}?a la|charg${E}e?s? (?:des|de la)) (?:migrations?|questions migratoires))|` +
      `ambassad(?:eur|rice)s? (?:charg${E}e?s? (?:des|de la) (?:migrations?|questions migratoires)|(?:pour|aux) (?:la coop${E}ration (?:internationale )?en mati${E}re de |les )?migrations?|itin${E}rante?s?)|r${E}f${E}rents? (?:migrations?|retour)|consuls? itin${E}rants?`,
    strength: 'form',
  },
  // --- operational cooperation -----------------------------------------------------------------
  {
    head: 'joint_patrol',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `joint (?:maritime |surveillance |border |police |return |river |naval |air |land )?(?:patrols?|operations?)|joint (?:operational )?brigades?|joint (?:return |removal |charter )flights?|vols? (?:de retour |d${AP}${E}loignement )?(?:conjoints?|group${E}s|communs?)|joint (?:police |border |intelligence |investigation )?(?:units?|cells?)|unit${E}s? (?:(?:de police |op${E}rationnelles? )?(?:mixtes?|conjointes?|communes?))|(?:seconded|deployed) (?:police |border (?:force |guard )?|immigration )officers|patrouilles? (?:de surveillance |maritimes? |fluviales? |terrestres? |frontali${E}res? |navales? |a${E}riennes? )?(?:conjointes?|communes?|mixtes?)|(?:cellules?|brigades?) (?:op${E}rationnelles? )?(?:conjointes?|communes?|mixtes?)|op${E}rations? (?:conjointes?|communes?)|(?:joint|common) command (?:and control )?cent(?:re|er)s?|centres? (?:conjoints?|communs?) de commandement|centres? de commandement (?:et de contr[oô]le )?(?:communs?|conjoints?)`,
    strength: 'form',
  },
  {
    head: 'joint_team',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `joint investigation teams?|${E}quipes? (?:(?:conjointes?|communes?|mixtes?) d${AP}(?:investigation|enqu[eê]te)|d${AP}(?:enqu[eê]te|investigation) (?:conjointes?|communes?|mixtes?))`,
    strength: 'form',
  },
  {
    head: 'liaison_officer',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `(?:immigration |migration |european )?liaison officers?|officiers? de liaison`,
    strength: 'form',
  },
  {
    // Joint operational centres and regional operational hubs ("Regional Operational Centre…").
    head: 'op_centre',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `(?:regional |joint )?operational (?:cent(?:re|er)s?|hubs?)|(?:joint|regional) (?:coordination |operations? )cent(?:re|er)s?|fusion cent(?:re|er)s?|centres? (?:op${E}rationnels?|conjoints?)(?: r${E}gional| r${E}gionaux| conjoints?)?|centres? r${E}gionaux? op${E}rationnels?|centre r${E}gional op${E}rationnel`,
    strength: 'named',
  },
  {
    // EU civilian missions (CSDP) that train and equip border and police forces in a partner state.
    head: 'mission',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `(?:civilian |csdp |border assistance |capacity[- ]building )missions?|missions? (?:civiles?|psdc|d${AP}assistance (?:aux fronti${E}res|fronti${E}re)|de renforcement des capacit${E}s)`,
    strength: 'form',
  },
  {
    head: 'mission',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: 'EUCAP(?: [A-Z][a-z]+){0,2}|EUBAM(?: [A-Z][a-z]+)?',
    strength: 'form',
    caseSensitive: true,
  },
  {
    head: 'risk_cell',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `risk analysis cells?|cellules? d${AP}analyse (?:de |des )?risques?`,
    strength: 'form',
  },
  {
    head: 'joint_partnership',
    type: 'operational_cooperation',
    legalForm: 'arrangement',
    binding: null,
    pattern: `joint operational partnerships?|partenariats? op${E}rationnels? conjoints?|data[- ]sharing (?:partnerships?|arrangements?)`,
    strength: 'form',
  },
  // --- coordination mechanisms -----------------------------------------------------------------
  {
    head: 'coordination',
    type: 'coordination_mechanism',
    legalForm: 'other',
    binding: null,
    pattern:
      `(?:(?:inter-?)?ministerial |inter-?agency |joint |national |migration )?task(?:-|\\s*)forces?|working part(?:y|ies)|(?:inter-?ministerial|inter-?agency|inter-?departmental|cross-government) (?:roundtables?|committees?|working groups?|platforms?|councils?|bod(?:y|ies))|coordination (?:mechanisms?|committees?|bod(?:y|ies)|platforms?|cells?|units?)|` +
      `(?:joint|steering|monitoring|follow-up|technical|mixed|bilateral) (?:(?:technical|monitoring|follow-up|steering|coordination|migration|consular|working) )?(?:committees?|commissions?|working groups?)|(?:joint |bilateral )?(?:higher|supreme|permanent) (?:joint )?committees?|comit${E}s? (?:sup${E}rieurs?|permanents?|ad hoc)|hauts? comit${E}s? (?:mixtes?|conjoints?|bilat${E}raux|bilat${E}ral)|(?:joint|bilateral|technical) working groups?|working groups? on (?:migration|mobility|returns?|readmission|labou?r)|` +
      `m${E}canismes? (?:national |nationaux )?de (?:coordination|concertation)|comit${E}s? (?:(?:techniques?|mixtes?|conjoints?|bilat${E}raux|bilat${E}ral|paritaires?|consultatifs?|nationa(?:l|ux)|interminist${E}riels?|inter-?agences?|sectoriels?) )*(?:de coordination|de suivi|de pilotage|de concertation|interminist${E}riels?|conjoints?|mixtes?|techniques?|paritaires?|inter-?agences?)(?: (?:de suivi|de pilotage|conjoints?|mixtes?|techniques?|inter-?agences?))?|` +
      `commissions? (?:mixtes?|conjointes?|paritaires?|interminist${E}rielles?)|groupes? (?:de (?:suivi|travail|pilotage) )?(?:mixtes?|conjoints?|paritaires?|permanents?)|(?:hauts? )?conseils? paritaires?|comit${E}s? (?:directeurs?|de direction|de pilotage)|(?:steering|management|oversight) (?:committees?|boards?)|plate-?formes? (?:interservices|interminist${E}rielles?|inter-?agences?|(?:nationales? )?de coordination)|groupes? de travail|cellules? (?:de coordination|interminist${E}rielles?)|task-?forces?|` +
      // Bodies named by how many sides sit in them, secretariats and steering groups of a process.
      `(?:bi-?national|tripartite|trilateral|quadripartite) (?:commissions?|committees?|councils?|working groups?)|commissions? (?:binationales?|bilat${E}rales?|tripartites?|trilat${E}rales?)|comit${E}s? (?:tripartites?|binationaux|binational|bilat${E}ral|bilat${E}raux)|` +
      `(?:joint|technical|permanent) secretariats?|secr${E}tariats? (?:conjoints?|techniques?|permanents?)|groupes? de (?:pilotage|suivi)|(?:ad hoc|regional|steering|monitoring|follow-up) (?:consultation |working )?groups?|consultation groups?|` +
      `autorit${E}s? (?:nationales? )?de coordination|(?:structures?|cadres?|instances?|espaces?) (?:\\w+ )?de concertation|commissions? nationales?(?= (?:des|de|du|pour|sur|charg${E}e))|national (?:border |migration |coordination )?commissions?`,
    strength: 'form',
  },
  {
    // A platform with a proper name ("the Migration Preparedness Platform") is a coordination body.
    head: 'coordination',
    type: 'coordination_mechanism',
    legalForm: 'other',
    binding: null,
    pattern: `platforms?|plate-?formes?`,
    strength: 'named',
  },
  // --- partnerships named as frameworks --------------------------------------------------------
  {
    head: 'partnership',
    type: 'partnership',
    legalForm: 'other',
    binding: false,
    pattern:
      `(?:mobility partnerships?|talent partnerships?|(?:bilateral |comprehensive )?migration partnerships?|partenariats? (?:pour la mobilit${E}|pour les talents|migratoires?))(?! (?:agreements?|accords?|framework|facility))|` +
      `common agendas? (?:for|on) migration and mobility|agendas? communs? (?:pour|sur) (?:la )?migration`,
    strength: 'form',
  },
  {
    head: 'partnership',
    type: 'partnership',
    legalForm: 'other',
    binding: false,
    pattern: 'MPs|CAMMs?',
    strength: 'form',
    caseSensitive: true,
  },
  {
    // Any other partnership counts only with a proper name or a pair ("UK-Rwanda … Partnership").
    head: 'partnership',
    type: 'partnership',
    legalForm: 'other',
    binding: false,
    pattern: `partnerships?(?! (?:agreements?|framework|facility|instrument|priorities|brokers?))|partenariats?(?! (?:op${E}rationnels?|d${AP}|de (?:mobilit|partenariat)))`,
    strength: 'named',
  },
  // --- agreements: the subject decides the type ------------------------------------------------
  {
    head: 'agreement',
    type: 'agreement',
    legalForm: 'agreement',
    binding: true,
    pattern:
      `(?:bilateral |framework |readmission |visa (?:facilitation |waiver |exemption )?)?agreements?|treat(?:y|ies)|accords?(?:-cadres?)?|protocols?(?= (?:on|between|with|of|to|concerning|relating|regarding|for|in the (?:field|area)s? of)\\b)|protocoles?(?= (?:sur|entre|avec|de|du|des|d${AP}|relatifs?|portant|pour|en mati${E}re|concernant|visant)\\b)(?! d${AP}accord)|exchanges? of (?:letters|notes)|${E}changes? de (?:lettres|notes)|(?<=[a-z]-[a-z]+ )protocols?|protocoles?(?= [a-z]+-[a-z]+)|(?:administrative|working|technical|implementing) arrangements?|arrangements? (?:administratifs?|techniques?|de travail|d${AP}application)|letters? of understanding|deals?(?! of\\b)|(?:regional |bilateral |resettlement |transfer |processing )arrangements?|arrangements?(?= (?:on|between|with|concerning|relating to|providing for)\\b)|(?<=\\b(?:sign\\w*|conclu\\w*|agreed|negotiated|struck|reached) (?:a|an|the|new|their|its) )arrangements?|arrangements? (?:bilat${E}ra(?:l|ux)|r${E}gionaux?|de r${E}installation)|arrangements?(?= (?:entre|avec|sur (?:le|la|les|l${AP})|relatifs?|relatives?|portant)\\b)|ententes?(?= (?:sur|entre|avec|de|du|relatives?|bilat${E}rales?|en mati${E}re|concernant|sign${E}es?|conclues?)\\b)|lettres? d${AP}entente|additional protocols?|protocoles? (?:additionnels?|d${AP}application)|implementing protocols?|avenants?(?= (?:a|au|de|du|n[°o]|sign|conclu|entre|avec)\\b)|conventions?(?= (?:de|du) \\d{4}\\b)|conventions? (?:bilat${E}rales?|d${AP}${E}tablissement)|(?:social security|labou?r|manpower|employment|readmission|establishment) conventions?|conventions? (?:de|sur la) s${E}curit${E} sociale|(?<=[a-z] )conventions?(?= (?:between|with|entre|avec)\\b)|conventions?(?= (?:relatives?|de (?:main|circulation|s${E}jour|r${E}admission|coop${E}ration)))|trait${E}s?(?= (?:bilat|entre|avec|sur|relatif|portant|d${AP}amiti|de coop|sign))|(?<=\\b(?:le|du|au|un|ce|leur) )trait${E}s?(?= (?:du|de|d${AP}))|protocoles? bilat${E}ra(?:l|ux)|bilateral protocols?|avenants?(?=, (?:du|de|sign|conclu))` +
      // A bare protocol is an instrument once signed ("ont signé un protocole"), and "the protocol"
      // followed by its verb refers back to one already named.
      `|(?<=(?:sign\\w*|conclu\\w*|ratifi\\w*|negotiated|negoci\\w*|paraphe\\w*) (?:a|an|the|un|le|leur|their|new|nouveau|deux|two|trois|three) )protocol(?:e|s|es)?|(?<=(?:accords?|agreements?|trait${E}s?|treat(?:y|ies)|conventions?) (?:et|and) (?:a|an|the|un|le|leur|their) )protocol(?:e|s|es)?|(?<=\\b(?:le|the|ce|this|ledit|said) )protocole?(?=[,.;:)]| (?:was|is|has|had|will|provides|sets|a|est|sera|etait|prevoit|fixe|qui|which|that|entered|entre)\\b)`,
    strength: 'form',
  },
  {
    head: 'agreement',
    type: 'trade_agreement',
    legalForm: 'agreement',
    binding: true,
    pattern: 'EPAs?|FTAs?',
    strength: 'form',
    caseSensitive: true,
  },
  // --- non-binding return and readmission arrangements (EU practice since 2016: "Joint Way
  // Forward", "Standard Operating Procedures", "Good Practices", admission procedures) ----------
  {
    head: 'agreement',
    type: 'readmission_agreement',
    legalForm: 'arrangement',
    binding: false,
    pattern: `(?:non-binding |informal |legally non-binding )?(?:returns?|readmission) arrangements?|arrangements? (?:non contraignants? |informels? )?(?:de|sur le|sur la|en mati${E}re de) (?:retour|r${E}admission)|joint way forward|good practices (?:on|for) (?:the )?(?:efficient |effective )?(?:operation of )?(?:return|readmission|identification)|bonnes pratiques (?:en mati${E}re de|pour le|pour la|sur le|sur la) (?:retour|r${E}admission|identification)|admission procedures|proc${E}dures? d${AP}admission`,
    strength: 'form',
  },
  // --- standard operating procedures on return: a readmission arrangement ---------------------
  {
    head: 'sop',
    type: 'readmission_agreement',
    legalForm: 'arrangement',
    binding: false,
    pattern: `standard operating procedures|proc${E}dures? (?:op${E}rationnelles? )?(?:standard|normalis${E}es)s?`,
    strength: 'form',
  },
  // --- dialogues, processes, summits -----------------------------------------------------------
  {
    head: 'dialogue',
    type: 'dialogue',
    legalForm: 'process',
    binding: false,
    pattern:
      `\\d\\+\\d dialogues?|dialogues? \\d\\+\\d|(?:high[- ]level|political|bilateral|multilateral|regular|migration) dialogues?|dialogues? (?:de haut niveau|politiques?|bilat${E}ra(?:l|ux)|r${E}guliers?)|dialogues? on migration|dialogues? sur (?:la |les )?(?:migrations?|questions migratoires|mobilit${E})|conf${E}rences? minist${E}rielles?|ministerial conferences?|(?:ministerial|high-level) meetings?|r${E}unions? (?:minist${E}rielles?|de haut niveau)|` +
      // Meetings held on a rhythm or at the top: "annual dialogue", "Intergovernmental Consultations", "Leaders' Meeting".
      `(?:annual|yearly|officials${AP}?) (?:migration )?dialogues?|dialogues? (?:annuels?|r${E}guliers?)|intergovernmental consultations|consultations intergouvernementales|leaders${AP}? (?:meetings?|summits?)|(?:annual|bilateral) summits?|sommets? (?:annuels?|bilat${E}raux)`,
    strength: 'form',
  },
  {
    head: 'dialogue',
    type: 'dialogue',
    legalForm: 'process',
    binding: false,
    pattern: `dialogues?|processus|process|sommets?|summits?|forums?|panels? on migration|formats?`,
    strength: 'named',
  },
  // --- funds -----------------------------------------------------------------------------------
  {
    // Budget support and loans tied to cooperation: instruments by their form.
    head: 'fund',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    pattern: `macro-?financial assistance(?: loans?| programmes?| operations?)?|assistance macro-?financi${E}re|budget support (?:programmes?|operations?)|appuis? budg${E}taires?`,
    strength: 'form',
  },
  {
    head: 'fund',
    type: 'fund',
    legalForm: 'other',
    binding: null,
    pattern: `trust funds?|funds?(?! (?:a|an|the|its|their|several|some|many|two|three|projects|programmes|programs|initiatives)\\b)|facilit(?:y|ies)|fonds(?: fiduciaires?)?|facilit${E}s?|financing instruments?|instruments? de financement`,
    strength: 'named',
  },
  // --- legal acts and policy frameworks --------------------------------------------------------
  {
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    pattern:
      `national (?:migration |integrated border management |diaspora )?(?:strateg(?:y|ies)|polic(?:y|ies))|white papers?|livres? blancs?|strat${E}gies? nationales?|politiques? (?:nationales?|migratoires? nationales?)|` +
      `lois? (?:sur|relatives? (?:[aà]|aux?)) (?:l${AP}|la |les |le )?(?:immigration|migrations?|asile|${E}trangers|traite|trafic|r${E}fugi${E}s|gardes?-(?:fronti${E}res|c[oô]tes)|fronti${E}res|nationalit${E}|s${E}jour|entr${E}e|travail|emploi|protection internationale|mesures)|laws? on (?:the )?(?:immigration|migration|asylum|aliens|foreigners|refugees|border|nationality|residence|entry|employment|international protection)|(?:immigration|migration|asylum|aliens) (?:acts?|laws?)|programmes? for government|programmes? (?:de|du) gouvernement|` +
      `(?:lois?|laws?|acts?|decrees?|d${E}crets?|ordonnances?|organic laws?|lois? organiques?) (?:n[°o]|no\\.|num${E}ro|number) ?\\d[\\d./-]*|` +
      // French laws by their date and bills by their subject: "la loi du 26 janvier 2024", "le projet
      // de loi sur l'asile", "le code de l'entrée et du séjour des étrangers".
      `(?:lois?|projets? de loi|ordonnances?|d${E}crets?) du \\d{1,2}(?:er)? (?:janvier|f${E}vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d${E}cembre) \\d{4}|projets? de loi(?= (?:sur|relatifs?|relatives?|pour|portant|visant)\\b)|codes? (?:de l${AP}entr${E}e|des ${E}trangers|de l${AP}immigration|de la nationalit${E}|(?:de l${AP}|du droit d${AP})asile)|(?:immigration|migration|asylum|aliens|nationality|borders?) (?:bills?|codes?)|` +
      // Acts of the EU by their number: "Directive 2008/115/EC", "Règlement (UE) 2019/1896".
      `(?:(?:council |commission |implementing |delegated )*(?:directives?|regulations?|decisions?)|(?:directives?|r${E}glements?|d${E}cisions?)(?: d${AP}ex${E}cution| d${E}l${E}gu${E}e?s?)?(?: du conseil| de la commission)?) (?:\\((?:eu|ue|ec|ce|eec|cee)\\) )?(?:no\\.? |n[°o] ?)?\\d{2,4}/\\d{1,4}(?:/(?:ec|ce|eu|ue|eec|cee|jha|jai))?|` +
      // National acts by their number, with or without "No.": "Law 4636/2019", "Lei n.º 23/2007",
      // "Presidential Regulation No. 125 of 2016", "décret présidentiel n° 45".
      `(?:(?:royal |presidential |ministerial |legislative |government |republic )?(?:decrees?|decisions?|regulations?|orders?|ordinances?|proclamations?|resolutions?|acts?)|(?:royal )?decree-laws?|leis?|decretos?(?:-leis?)?|d${E}crets?-lois?(?: roya(?:l|ux))?|arr${E}t${E}s?|proclamations?|dahirs?|(?:d${E}crets?|arr${E}t${E}s?|d${E}cisions?|ordonnances?) (?:pr${E}sidentiel(?:le)?s?|minist${E}riel(?:le)?s?|roya(?:l|ux)|l${E}gislatifs?))(?: (?:n[°o.º]*\\.?|no\\.?|nr\\.?|num${E}ro|number) ?\\d+(?:[./-]\\d+)*(?: (?:of|de) \\d{4})?| \\d{1,5}[/-]\\d{2,4})|(?:lois?|laws?) (?:n[°o.º]*\\.? ?)?\\d{1,5}[/-]\\d{2,4}|(?:lois?|laws?) (?:de |du |of )?\\d{4}(?= (?:sur|relatives?|portant|on|concerning|against|contre)\\b)|lois? (?:sur la |relatives? (?:[aà] la |aux? )|de )lutte contre|(?:anti|counter)-(?:trafficking|smuggling) (?:laws?|acts?)|laws? (?:on|against) (?:(?:combating|countering|the fight against) )?(?:human |migrant )?(?:trafficking|smuggling)|lois? (?:contre|sur) (?:la traite|le trafic)|(?:\\d{4} )?(?:law|act) (?:on|of) (?:foreigners|aliens|asylum|migration|immigration|entry|residence|international protection)`,
    strength: 'form',
  },
  {
    // A bill by its capitalised name ("the Nationality and Borders Bill"), never "Bill" the first name.
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    pattern: '(?<=[A-Z][a-z]+ )Bills?(?! [A-Z])',
    strength: 'form',
    caseSensitive: true,
  },
  {
    // A national act, ordinance or decree by its capitalised title ("the Seasonal Workers Act 2016",
    // "the Labour Migration (Amendment) Act", "a Royal Ordinance"): the title's last word is the form.
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    // The word comes first so that the search skips to its letter; the lookbehinds read the title before it.
    pattern:
      "(?:Act|Ordinance|Decree)s?(?<=(?:[A-Z][a-z'’-]+|\\)) (?:Act|Ordinance|Decree)s?)(?<!\\b(?:The|This|That|These|Its|Their|Our|An?) \\w+)(?! [A-Z])",
    strength: 'form',
    caseSensitive: true,
  },
  {
    head: 'legal_act',
    type: 'legal_act',
    legalForm: 'legal_act',
    binding: null,
    pattern: `strateg(?:y|ies)|strat${E}gies?|polic(?:y|ies)(?! (?:briefs?|papers?|notes?|makers?|options?|recommendations?|coherence|dialogues?|areas?|fields?|levels?|responses?|analys[ie]s|institute|centre|center))|politiques?(?! publiques)|regulations?|r${E}glements?|directives?|codes?|agendas? (?:on|for) migration|pacts?|pactes?|frameworks?|cadres? de partenariat|guidelines|lignes directrices`,
    strength: 'named',
  },
  // --- programmes and projects -----------------------------------------------------------------
  {
    // Forms of the field that are programmes by themselves: assisted voluntary return and
    // regularisation campaigns ("programme d'aide au retour volontaire", "regularisation process").
    head: 'programme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    pattern: `(?:programmes?|dispositifs?|projets?) (?:d${AP}aide au retour|de retour volontaire|d${AP}aide au retour volontaire)|(?:assisted )?voluntary return (?:and reintegration )?(?:programmes?|programs?|schemes?)|campagnes? (?:exceptionnelles? )?de r${E}gularisation|op${E}rations? (?:exceptionnelles? )?de r${E}gularisation|(?:regulari[sz]ation|amnesty) (?:campaigns?|programmes?|programs?|process(?:es)?|drives?)`,
    strength: 'form',
  },
  {
    head: 'programme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    pattern: `(?:pilot |flagship |joint |regional )?(?:programmes?|programs?|projects?|schemes?)|initiatives?|(?:projets?|programmes?)(?: pilotes?| conjoints?| r${E}gionaux?| phares?)?|dispositifs?|training institutes?|mechanisms?|m${E}canismes?`,
    strength: 'named',
  },
  {
    // A pilot by its capitalised name ("the Displaced Nurses Mobility Pilot"), or a scheme of
    // admission, recruitment or wage protection called a system ("the Work Permit System"): a programme.
    head: 'programme',
    type: 'programme',
    legalForm: 'other',
    binding: null,
    pattern:
      'Pilots?\\b(?<=[A-Z][a-z]+\\)? Pilots?)|(?:Permit|Worker|Workers|Employment|Recruitment|Protection|Channel|Quota) (?:\\([A-Z]+\\) )?[Ss]ystems?\\b',
    strength: 'named',
    caseSensitive: true,
  },
];

/**
 * Every head rule: the field's words by what an instrument does come after the forms above, their
 * longer forms of an older head before them (see field-heads.ts).
 */
export const HEAD_RULES: readonly HeadRule[] = [
  ...FIELD_HEAD_RULES_FIRST,
  ...FORM_RULES,
  ...FIELD_HEAD_RULES,
];

/** The subject words that turn an agreement into a typed agreement (EN/FR). */
const AGREEMENT_SUBJECTS: readonly { readonly type: InstrumentTypeCode; readonly pattern: RegExp }[] = [
  {
    type: 'readmission_agreement',
    // "an agreement on returns", "accord sur les retours", "reprise en charge": return is its subject.
    pattern:
      /r[eé]admission|return and readmission|retour et (?:de )?r[eé]admission|reprise en charge|(?:on|sur|concerning|relatif (?:a|à|aux)|relative (?:a|à|aux)|de)\s+(?:the\s+|les?\s+|la\s+|l['’])?(?:forced\s+|voluntary\s+)?(?:returns?|retours?|repatriation|rapatriements?)\b|\breturns? agreements?|accords? de retour|identification (?:and|et) (?:the |au |du |de )?(?:returns?|retours?)|\b(?:au|du|aux) (?:retours?|rapatriements?)\b/i,
  },
  { type: 'visa_agreement', pattern: /\bvisas?\b/i },
  {
    type: 'labour_agreement',
    pattern:
      /labou?r|circular migration|seasonal|recruitment|recrutement|working holiday|\bTLM\b|workers?\b|main[- ]d['’][œo]euvre|migration circulaire|saisonni|travailleurs?|vacances[- ]travail|emploi|employment|trainees?|stagiaires?|youth mobility|young professionals?|mobilit[ée] des jeunes|jeunes professionnels/i,
  },
  {
    type: 'trade_agreement',
    pattern:
      /trade|economic partnership|free[- ]trade|commerc|libre[- ][ée]change|partenariat [ée]conomique|association agreements?|stabili[sz]ation and association|accords? d['’]association|stabilisation et d['’]association/i,
  },
];

/** The type of an agreement read from the words of its own phrase (its name or "on …" tail). */
export function agreementType(phrase: string): InstrumentTypeCode {
  for (const subject of AGREEMENT_SUBJECTS) if (subject.pattern.test(phrase)) return subject.type;
  return 'agreement';
}
