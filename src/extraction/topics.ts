/**
 * Topic classification. Each sentence is scored against English and French lexicons of the 13
 * taxonomy topics (on folded text: lower case, no accents); the topic with the most cue words is the
 * sentence's main point when it has at least two cues or a strong one. A document treats a topic
 * when enough sentences have it as their main point (one pass of one combined regex: linear time).
 */
import type { Span } from '../domain/model.ts';
import { TOPICS, type TopicCode } from '../domain/taxonomy.ts';
import type { TopicAssessment } from './types.ts';

/**
 * Cue words per topic; `strong` cues decide a sentence alone, `weak` ones need company. A visa that
 * names a right to work, study or reside ("employment visa", "visas de travail", "the visa route")
 * is a channel of legal migration, not visa policy: that cue is listed under legal migration, whose
 * alternatives the combined regex tries before those of visas. An identity card or document named
 * alone is what people travel or are identified with; only the systems that issue and secure them
 * (a civil register, biometric or secure identity documents) make the civil-registry topic.
 * Frontex, the border agency, is often only the source of figures or the organiser of return
 * flights: its name is a weak border cue, which the agency's work (guards, patrols) completes.
 * Remittances are what migrants send home, a weak development cue: a sentence about them is about
 * development only when it also speaks of development. A person's
 * status ("in an irregular situation", "en situation irrégulière") is only a weak cue: it says who
 * is concerned, not what is done ("the return of persons in an irregular situation" is about return).
 * A visa alone is something a person holds, applies for or pays for; visa policy is a regime (a
 * visa imposed, required or lifted, an obligation, waiver or facilitation of visas), so only those
 * phrases are strong. Regularisation, residence permits, trainee exchanges and free movement of
 * persons open a legal stay: they are legal migration, not irregular migration. A state of
 * emergency, a "hybrid attack", criminal groups and illegal mining are security; soldiers and police
 * only weigh with company. Money sent home and nationals living abroad are weak diaspora cues.
 */
const LEXICON: Record<TopicCode, { readonly strong: string; readonly weak: string }> = {
  return_readmission: {
    strong:
      'removal of (?:failed|rejected|irregular|foreign|third-country) (?:asylum seekers|nationals|migrants)|(?:forced|enforced) removals?|removal (?:flights?|centres?|procedures?)|send(?:ing)? (?:people|migrants|them|asylum seekers|foreign nationals) back|failed asylum seekers|deboutes (?:du droit )?d.asile|mesures? d.eloignement|decisions? d.eloignement|eloignements? forces?|eloignement (?:des|d.) ?(?:etrangers|ressortissants|migrants)|retours? effectifs?|taux de retour|return rates?|effective returns?|returns? of (?:migrants|nationals|irregular migrants|rejected asylum seekers)|retours? (?:des|de) (?:migrants|ressortissants|etrangers)|deported to|expulses? vers|identification (?:of|des?) (?:(?:its|their|leurs|ses) )?(?:own )?(?:nationals|ressortissants)|travel documents? for (?:the )?(?:returns?|removals?)|return of (?:its |their )?(?:own )?nationals|retour (?:de |des )(?:leurs |ses )?ressortissants|(?:no|without(?: a)?) right to (?:remain|stay)|sans droit au sejour|readmit\\w*|readmettre|reconduire|removed to their|renvoi de (?:leurs|ses) ressortissants|reconduites?(?: a la frontiere)?|laissez-passer(?: consulaires?)?|consular travel documents|emergency travel documents|documents de voyage (?:d.urgence|provisoires)|return operations?|operations de retour|return flights?|vols? de retour|removal orders?|obligations? de quitter le territoire|assisted voluntary return|aide au retour|retours? assistes?|rapatriements?|repatriations?|renvois? (?:forces?|vers)|take back (?:its|their) (?:own )?nationals|reprendre (?:ses|leurs) (?:propres )?ressortissants|renvoyes? dans leur pays|readmissions?|r[e]admissions?|reintegration|reintegration des|returnees|voluntary returns?|forced returns?|retours? volontaires?|retours? forces?|return and readmission|retour et (?:la )?readmission|expulsions?|deportations?',
    weak: 'returned home|reprendre|take back|repatri\\w*|rapatri\\w*|deported|expelled|expulses?|renvoyes?|sent back|reintegrer|returns?|retours?|reinserti?on|removals?|eloignements?',
  },
  legal_migration: {
    strong:
      '(?:work|working|employment|labou?r|seasonal(?: [a-z]+)?|workers?|students?|study|resident|residence|skilled|talent) visas?|visas? (?:regionale?s? )?(?:de|pour) (?:travail|travailleurs?|etudiants?|etudes|talents?|residents?)|legal migration|labou?r migration|circular migration|migration (?:legale|reguliere|circulaire|de travail)|mobilite legale|legal pathways?|voies legales|talent partnerships?|seasonal workers?|travailleurs saisonniers|labou?r mobility|skilled (?:workers|migration)|work permits?|permis de travail|student mobility|visa routes?|legal channels|canaux legaux|voies d.(?:immigration|migration) legale|free movement of (?:persons|people|workers|labou?r)|freedom of movement|libre circulation des (?:personnes|travailleurs)|regulari[sz]ations?|regulari[sz]ing|regulari[sz]ed|regulari[sz]er|residence permits?|permis (?:de sejour|de residence|temporaires?)|titres? de sejour|cartes? de (?:sejour|resident)|permanent residen(?:ce|ts?)|residence permanente|family reunification|regroupement familial|immigrant visas?|trainees?|stagiaires|young professionals|jeunes professionnels|working holiday|vacances-travail|live,? (?:and )?work|vivre et travailler|work and study|travailler et etudier',
    weak: 'mobility|mobilite|workers?|travailleurs?|students?|etudiants?|labou?r|recruitment|recrutement|employers?|main-d.oeuvre|skills?|competences|pathways?',
  },
  visa: {
    strong:
      '(?:impos\\w*|exig\\w*|requir\\w*|introduc\\w*|instaur\\w*|reintrodu\\w*|retabl\\w*|lift\\w*|leve\\w*|suppr\\w*|abol\\w*) (?:(?:a|an|un|une|le|la|les|des|the|new|nouveaux?|nouvelles?) )?(?:\\w+ )?visas?|visas? (?:(?:est|sont|is|are|was|were) )?(?:(?:desormais|now|deja|already) )?(?:exiges?|required|obligatoires?|mandatory)|visa (?:requirements?|obligations?|regimes?|polic(?:y|ies)|free|exemptions?|on arrival|measures?|restrictions?|sanctions?|bans?|leverage|dialogue)|(?:obligation|exigence|regime|politique|mesures?|restrictions?|sanctions?) (?:restrictives? )?(?:en matiere )?(?:de |des )?visas?|sans visa|visa-free|visa facilitation|delivrance de(?:s)? visas?|issuance of visas|visa issuance|(?:long|short)[- ](?:stay|term) visas?|visas? de (?:long|court) sejour|visas? de circulation|multiple[- ]entry visas?|visa waiver|visa liberali[sz]ation|exemption de visas?|facilitation des visas|code des visas|visa code',
    weak: 'visas?|consular|consulaires?',
  },
  irregular_migration: {
    strong:
      'undocumented (?:workers|persons|people|foreigners|residents)|irregular (?:residents|stay|workers)|trafficking in (?:persons|human beings)|trafficked|victims of trafficking|victimes de (?:la )?traite|fake job offers|fausses offres d.emploi|small[- ]boats?|boat arrivals|overstay\\w*|sans titre de sejour|travailleurs sans papiers|irregular departures|departs irreguliers|franchissements? irreguliers?|irregular border crossings|clandestine (?:crossings|migration|entries|departures|migrants)|unauthori[sz]ed (?:entries|entry|crossings|arrivals|migration)|smuggling networks|reseaux de passeurs|people smuggl\\w*|human smuggl\\w*|migrant smugglers|migration clandestine|(?:e|im)migration clandestine|entrees (?:irregulieres|illegales|clandestines)|illegal (?:entries|entry|crossings|migration|immigration|migrants|stay)|sejour (?:irregulier|illegal)|undocumented migrants|sans-papiers|migrants sans papiers|filieres (?:d.immigration )?clandestines|flux (?:migratoires )?irreguliers|traversees clandestines|irregular migration|migration irreguliere|immigration irreguliere|smuggling|smugglers?|trafficking|trafic de migrants|traite des (?:etres humains|personnes)|passeurs|irregular (?:arrivals|entries|crossings|migrants)|migrants? en situation irreguliere|irregular flows|flux irreguliers|reseaux criminels|criminal networks|(?:central|eastern|western) mediterranean route|route (?:migratoire )?(?:de la )?mediterranee (?:centrale|orientale|occidentale)|(?:atlantic|balkan|sahelian) route|route (?:atlantique|des balkans)|arrivees irregulieres|sea crossings|traversees (?:irregulieres|de la mediterranee)|migrant smuggling',
    weak: 'unauthori[sz]ed|lured|forced to|gangs?|scams?|smuggled|illegal|illegales?|undocumented|irregular|irreguliere?s?|clandestine?s?|traffickers?|trafiquants?|crossings|traversees|arrivals|arrivees|boats?|embarcations?|pirogues?',
  },
  border_management: {
    strong:
      'controles? (?:aux |des )?frontieres|controles? frontaliers?|border checks?|border security|securite des frontieres|border police|police (?:des|aux) frontieres|border crossing points?|points? de passage frontaliers?|maritime surveillance|coast ?guards?|garde-?cotes|joint (?:border )?patrols|patrouilles? (?:conjointes|maritimes|frontalieres|mixtes)|border patrols?|surveillance (?:des cotes|cotiere|du littoral)|coastal surveillance|external borders?|frontieres exterieures|integrated border|border management|gestion (?:integree )?des frontieres|border control|controle (?:aux |des )?frontieres|border (?:guards?|surveillance|crossings?|posts?)|gardes?[- ]fronti|franchissement (?:licite )?des frontieres|postes? frontieres?|surveillance (?:des frontieres|maritime)',
    weak: 'frontex|patrols?|patrouilles?|checkpoints?|borders?|frontieres?|frontaliere?s?|controle du territoire',
  },
  protection: {
    strong:
      'asylum|asile|refugees?|refugies?|international protection|protection internationale|search and rescue|recherche et sauvetage|protection des migrants|migrant protection|displaced persons|personnes deplacees|resettlement|reinstallation|stateless|apatrides?|vulnerable migrants|migrants vulnerables|unaccompanied minors|mineurs non accompagnes',
    weak: 'protection|protect|protecting|proteger|vulnerables?|humanitarian|humanitaire|personnes vulnerables|vulnerable (?:persons|people)',
  },
  root_causes_development: {
    strong:
      'root causes|causes profondes|development cooperation|cooperation au developpement|aide au developpement|development aid|job creation|creation d.emplois?|investissements?|investments?|developpement economique|economic development|co-?developpement|codevelopment|sustainable development|developpement durable',
    weak: 'remittances?|transferts de fonds|envois de fonds|development|developpement|jobs|emplois?|economic|economiques?|poverty|pauvrete|resilience|investors?|entrepreneu\\w*',
  },
  diaspora: {
    strong:
      'diasporas?|transnational communit\\w+|communautes transnationales|nationals abroad|expatri\\w+|residant a l.etranger|ressortissants a l.etranger',
    weak: 'transnationales?|transnational|money sent home|(?:send|sends|sent|sending) (?:money|funds|earnings|savings) home|(?:send|sends|sent|sending) home (?:money|funds|earnings|savings)|argent envoye|envo\\w+ (?:de l.argent|des fonds) (?:a leur famille|au pays)|(?:citizens|nationals|migrants|communities|people) (?:(?:working|living|residing|employed) )?abroad|(?:citoyens|migrants|communautes|compatriotes|ressortissants) (?:(?:travaillant|vivant|residant|installes|employes) )?a l.etranger|(?:work|live|travaillent|vivent) (?:abroad|a l.etranger)',
  },
  human_rights: {
    strong:
      'abuses? (?:of|against) (?:migrant |domestic )?workers|exploitation of (?:migrant |domestic )?workers|confiscated passports|passeports confisques|immigration detention|detention (?:of|des) (?:children|enfants|migrants)|enfermement des (?:enfants|mineurs)|retention des (?:enfants|mineurs)|rights of (?:domestic workers|refugees|asylum seekers)|droits des (?:refugies|demandeurs d.asile|travailleuses|travailleurs domestiques)|protection of (?:migrant |domestic )?workers|protection des travailleu\\w+ (?:migrant|domestique)\\w*|wage theft|unpaid wages|salaires impayes|rights-based|approche fondee sur les droits|droits (?:des|de l.) (?:personnes|enfants?|femmes)|rights of (?:the child|children|women|persons)|torture|traitements? (?:inhumains?|degradants?)|inhuman (?:or degrading )?treatment|arbitrary detention|detention arbitraire|mauvais traitements|ill-treatment|procedural safeguards|garanties procedurales|protection des personnes migrantes|human rights|droits de l.homme|droits humains|droits des (?:migrants|travailleurs(?: migrants)?)|rights of (?:migrants|migrant workers|workers)|(?:migrant )?workers?. rights|migrants. rights|labou?r rights|fundamental rights|droits fondamentaux|fair recruitment|recrutement equitable|decent work(?:ing conditions)?|travail decent|conditions de travail decentes|debt bondage|servitude pour dettes|forced labou?r|travail force|(?:passport|document) confiscation|confiscation (?:des|de) (?:passeports|documents)|labou?r exploitation|exploitation (?:des travailleurs|par le travail)|non-?refoulement|non-?refoulement',
    weak: 'ill-treated|maltrait\\w*|detention|retention|violations?|rights|droits|dignity|dignite|abuses?|abus|exploitation',
  },
  civil_registry: {
    strong:
      'civil registr\\w+|etat civil|registres? d.etat civil|(?:biometric|secure|digital|electronic) (?:national )?identity (?:cards?|documents?)|(?:national )?identity (?:registers?|databases?|systems?)|(?:cartes?|documents?) (?:nationale?s? )?d.identite (?:biometriques?|securise\\w*|electroniques?|numeriques?)|passeports? (?:biometriques?|securises?)|biometric passports?|identification des (?:personnes|migrants)|birth registration',
    weak: 'identity documents?|documents d.identite|cartes? (?:nationales? )?d.identite|(?:national )?identity cards?|passports?|passeports?|identity|identite|biometric|biometriques?|biometrie',
  },
  security: {
    strong:
      'terrorism|terrorisme|counter-terrorism|lutte contre le terrorisme|national security|securite nationale|forces de securite|security forces|organi[sz]ed crime|criminalite organisee|extremisme violent|violent extremism|criminalite transfrontaliere|cross-border crime|etat d.urgence|state of (?:emergency|exception)|etat d.exception|hybrid (?:attacks?|threats?|warfare)|(?:attaques?|menaces?|guerre) hybrides?|instrumentali[sz]\\w*|defen[cs]e (?:partnerships?|cooperation|pacts?|treaty)|insecurite|criminal (?:groups?|gangs?|organi[sz]ations?|assets)|groupes? criminels?|gangs? criminels?|avoirs criminels|(?:illegal|illicit) (?:gold )?mining|orpaillage (?:illegal|clandestin)|drug trafficking|trafic de (?:drogue|stupefiants)|arms trafficking|trafic d.armes',
    weak: 'security|securite|criminalite|crime|police|stabilite|stability|forces de (?:defense|l.ordre)|armed forces|forces armees|law enforcement|military|militaires?|armee|army|troops|soldats|soldiers|defen[cs]e|renseignements?|intelligence|gendarmes?|gendarmerie',
  },
  climate_mobility: {
    strong:
      'climate change|changement climatique|climate-induced|climate mobility|environmental migration|migration environnementale|natural disasters|catastrophes naturelles|disaster displacement|degradation de l.environnement|environmental degradation',
    weak: 'climate|climat|climatiques?|environmental|environnementales?|drought|secheresse',
  },
  trade: {
    strong:
      'trade agreements?|free trade|economic partnership agreements?|accords? commerciaux|libre-echange|commerce (?:local|regional|international)|trade and investment|commerce et investissement|trade relations|relations commerciales|tariffs?|droits de douane|exportations?|exports?|epas?',
    weak: 'trade|commerce|commerciale?s?|economy|economie|marches?|markets?|business|entreprises?',
  },
};

const topicOrder = [...TOPICS];
const groups: { topic: TopicCode; strong: boolean }[] = [];
const alternatives: string[] = [];
for (const topic of topicOrder) {
  for (const strength of ['strong', 'weak'] as const) {
    groups.push({ topic, strong: strength === 'strong' });
    alternatives.push(`(${LEXICON[topic][strength]})`);
  }
}
// Every cue starts with a letter (a test checks it): the look-ahead leaves the ends of words, where
// `\b` also holds, without trying each alternative there.
export const CUES = new RegExp(`\\b(?=[a-z])(?:${alternatives.join('|')})\\b`, 'g');

/** Scores of one sentence: strong cues weigh 2, weak cues 1. */
type Scores = Map<TopicCode, number>;

/**
 * The main topic of a sentence: the best-scoring topic with a score of at least 2 (a strong cue or
 * two weak ones). Ties go to every topic at the top, since a sentence such as "le retour et la
 * réadmission des migrants en situation irrégulière" has two main points.
 */
export function mainTopics(scores: Scores): TopicCode[] {
  let best = 0;
  for (const v of scores.values()) best = Math.max(best, v);
  if (best < 2) return [];
  return [...scores.entries()].filter(([, v]) => v >= Math.max(2, best - 1)).map(([t]) => t);
}

/** Titles of office holders name a portfolio, not a topic ("Ministre de la Justice et des droits de l'homme"). */
const OFFICE_WORD =
  /\b(?:ministre|ministere|minister|ministry|secretaire|secretary|directeur|directrice|director|directorate|commissaire|commissioner|department|departement)\b/g;
const OFFICE_BEFORE =
  /\b(?:ministre|ministere|minister|ministry|secretaire|secretary|directeur|directrice|director|directorate|commissaire|commissioner|department|departement)\b[^.;:\n]{0,60}$/;

/**
 * Per-sentence topic scores over folded text. Cues inside `masked` spans (names of instruments:
 * "Global Compact on Refugees") and in office titles do not count.
 */
export function scoreSentences(
  folded: string,
  sentences: readonly Span[],
  masked: readonly Span[] = [],
): Scores[] {
  const out: Scores[] = sentences.map(() => new Map<TopicCode, number>());
  if (sentences.length === 0) return out;
  let s = 0;
  let mask = 0;
  // Office titles are rare: find them once, and test a cue's left context only near one.
  const offices: number[] = [];
  OFFICE_WORD.lastIndex = 0;
  for (let o = OFFICE_WORD.exec(folded); o; o = OFFICE_WORD.exec(folded)) offices.push(o.index + o[0].length);
  let office = 0;
  CUES.lastIndex = 0;
  for (let m = CUES.exec(folded); m; m = CUES.exec(folded)) {
    while (s < sentences.length && (sentences[s] as Span).end <= m.index) s++;
    if (s >= sentences.length) break;
    if ((sentences[s] as Span).start > m.index) continue;
    while (mask < masked.length && (masked[mask] as Span).end <= m.index) mask++;
    const blocker = masked[mask];
    if (blocker && blocker.start <= m.index) continue;
    while (office + 1 < offices.length && (offices[office + 1] as number) <= m.index) office++;
    const officeEnd = offices[office];
    if (
      officeEnd !== undefined &&
      officeEnd <= m.index &&
      m.index - officeEnd <= 60 &&
      OFFICE_BEFORE.test(folded.slice(Math.max(0, m.index - 80), m.index))
    ) {
      continue;
    }
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const group = groups[k - 1];
    if (!group) continue;
    const scores = out[s] as Scores;
    scores.set(group.topic, (scores.get(group.topic) ?? 0) + (group.strong ? 2 : 1));
  }
  return out;
}

/** Topics named in one clause from which it counts as a list of areas. */
const LIST_TOPICS = 3;

/** Weight that lets a topic stand out of a list clause: two strong cues, or one and two weak ones. */
const LIST_LEAD = 4;

/** Whether `topic` stands out of a list clause: it weighs `LIST_LEAD` and no other topic weighs as much. */
function leads(scores: Scores, topic: TopicCode): boolean {
  const own = scores.get(topic) ?? 0;
  if (own < LIST_LEAD) return false;
  for (const [other, v] of scores) if (other !== topic && v >= own) return false;
  return true;
}

/** Semicolons and bullets cut a sentence into clauses. */
const CLAUSE_BREAK = /[;•]/g;

/** The clauses of a sentence, cut at the sorted break positions (semicolons, bullets). */
function clausesOf(sentence: Span, breaks: readonly number[]): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((breaks[mid] as number) < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < breaks.length && (breaks[k] as number) < sentence.end; k++) {
    const at = breaks[k] as number;
    if (at > start) out.push({ start, end: at });
    start = at + 1;
  }
  if (sentence.end > start) out.push({ start, end: sentence.end });
  return out;
}

/** Positions of every clause break of the text, found in one scan. */
function clauseBreaks(folded: string): number[] {
  const out: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(folded); m; m = CLAUSE_BREAK.exec(folded)) out.push(m.index);
  return out;
}

/** Index of the last span starting at or before `pos`. */
function lowerBoundSpan(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid] as Span).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const REFERENCE = /https?:|www\.|doi\.org|last accessed|consulte le|accessed on/;

/** Minimum share of sentences with a topic as main point, so long documents need more than one. */
const MIN_SHARE = 0.004;
const MIN_SENTENCES = 1;

/**
 * The topics a document treats, with the sentences whose main point each is. A topic is kept
 * when at least `max(MIN_SENTENCES, MIN_SHARE × sentences)` sentences are mainly about it.
 */
export function classifyTopics(
  folded: string,
  sentences: readonly Span[],
  masked: readonly Span[] = [],
): TopicAssessment[] {
  // References (a URL, "last accessed") cite works; their titles are not the document's subject.
  const body = sentences.filter((s) => !REFERENCE.test(folded.slice(s.start, s.end)));
  // Each clause of an enumeration ("…; la gestion des frontières; la protection…") makes its own point.
  const breaks = clauseBreaks(folded);
  const clauses = body.flatMap((s) => clausesOf(s, breaks));
  const scores = scoreSentences(folded, clauses, masked);
  const bySentence = new Map<TopicCode, Span[]>();
  scores.forEach((sc, i) => {
    // A clause naming three topics or more lists areas of cooperation rather than treating one,
    // unless one of them has a weight of its own (two strong cues or more) and leads the others.
    const listing = sc.size >= LIST_TOPICS;
    const sentence = body[lowerBoundSpan(body, (clauses[i] as Span).start)] as Span;
    for (const topic of mainTopics(sc)) {
      if (listing && !leads(sc, topic)) continue;
      const list = bySentence.get(topic) ?? [];
      if (list[list.length - 1] !== sentence) list.push(sentence);
      bySentence.set(topic, list);
    }
  });
  const needed = Math.max(MIN_SENTENCES, Math.ceil(MIN_SHARE * body.length));
  const out: TopicAssessment[] = [];
  for (const topic of topicOrder) {
    const list = bySentence.get(topic) ?? [];
    if (list.length >= needed) {
      out.push({ code: topic, sentences: list, score: list.length / Math.max(1, body.length) });
    }
  }
  return out;
}

/** The main topics of one span of folded text (an instrument's or a statement's sentence). */
export function topicsOfSpan(folded: string, span: Span): TopicCode[] {
  const [scores] = scoreSentences(folded.slice(span.start, span.end), [
    { start: 0, end: span.end - span.start },
  ]);
  return scores ? mainTopics(scores) : [];
}
