/**
 * Topic classification. Each sentence is scored against English and French lexicons of the 13
 * taxonomy topics (on folded text: lower case, no accents); the topic with the most cue words is the
 * sentence's main point when it has at least two cues or a strong one. A document treats a topic
 * when enough sentences have it as their main point (one pass of one combined regex: linear time).
 */
import type { Span } from '../domain/model.ts';
import { TOPICS, type TopicCode } from '../domain/taxonomy.ts';
import type { TopicAssessment } from './types.ts';

/** Cue words per topic; `strong` cues decide a sentence alone, `weak` ones need company. */
const LEXICON: Record<TopicCode, { readonly strong: string; readonly weak: string }> = {
  return_readmission: {
    strong: 'readmissions?|r[e]admissions?|reintegration|reintegration des|returnees|voluntary returns?|forced returns?|retours? volontaires?|retours? forces?|return and readmission|retour et (?:la )?readmission|expulsions?|deportations?',
    weak: 'returns?|retours?|reinserti?on|removals?|eloignements?',
  },
  legal_migration: {
    strong: 'legal migration|labou?r migration|circular migration|migration (?:legale|reguliere|circulaire|de travail)|mobilite legale|legal pathways?|voies legales|talent partnerships?|seasonal workers?|travailleurs saisonniers|labou?r mobility|skilled (?:workers|migration)|work permits?|permis de travail|student mobility',
    weak: 'mobility|mobilite|workers?|travailleurs?|students?|etudiants?|labou?r|recruitment|recrutement|employers?|main-d.oeuvre|skills?|competences|pathways?',
  },
  visa: {
    strong: 'visas?|visa facilitation|visa waiver|visa liberali[sz]ation|exemption de visas?|facilitation des visas|code des visas|visa code',
    weak: 'consular|consulaires?',
  },
  irregular_migration: {
    strong: 'irregular migration|migration irreguliere|immigration irreguliere|smuggling|smugglers?|trafficking|trafic de migrants|traite des (?:etres humains|personnes)|passeurs|irregular (?:arrivals|entries|crossings|migrants)|migrants? en situation irreguliere|irregular flows|flux irreguliers|reseaux criminels|criminal networks',
    weak: 'irregular|irreguliere?s?|clandestine?s?|traffickers?|trafiquants?',
  },
  border_management: {
    strong: 'border management|gestion (?:integree )?des frontieres|border control|controle (?:aux |des )?frontieres|border (?:guards?|surveillance|crossings?|posts?)|gardes?[- ]fronti|frontex|franchissement (?:licite )?des frontieres|postes? frontieres?|surveillance (?:des frontieres|maritime)',
    weak: 'borders?|frontieres?|frontaliere?s?|controle du territoire',
  },
  protection: {
    strong: 'asylum|asile|refugees?|refugies?|international protection|protection internationale|search and rescue|recherche et sauvetage|protection des migrants|migrant protection|displaced persons|personnes deplacees|resettlement|reinstallation|stateless',
    weak: 'protection|vulnerables?|humanitarian|humanitaire',
  },
  root_causes_development: {
    strong: 'root causes|causes profondes|development cooperation|cooperation au developpement|aide au developpement|development aid|job creation|creation d.emplois?|investissements?|investments?|developpement economique|economic development|co-?developpement|codevelopment|sustainable development|developpement durable|remittances?|transferts de fonds',
    weak: 'development|developpement|jobs|emplois?|economic|economiques?|poverty|pauvrete|resilience|investors?|entrepreneu\\w*',
  },
  diaspora: {
    strong: 'diasporas?|transnational communit\\w+|communautes transnationales|nationals abroad|expatri\\w+|maliens de l.exterieur|residant a l.etranger|ressortissants a l.etranger',
    weak: 'transnationales?|transnational|remittances?|transferts de fonds',
  },
  human_rights: {
    strong: 'human rights|droits de l.homme|droits humains|droits des migrants|rights of migrants|migrants. rights|fundamental rights|droits fondamentaux|dignite',
    weak: 'rights|droits',
  },
  civil_registry: {
    strong: 'civil registr\\w+|etat civil|registres? d.etat civil|identity documents?|documents d.identite|cartes? d.identite|identity cards?|passeports? (?:biometriques?|securises?)|biometric passports?|biometrie|identification des (?:personnes|migrants)|birth registration',
    weak: 'passports?|passeports?|identity|identite|biometric|biometriques?',
  },
  security: {
    strong: 'terrorism|terrorisme|counter-terrorism|lutte contre le terrorisme|national security|securite nationale|forces de securite|security forces|organi[sz]ed crime|criminalite organisee|extremisme violent|violent extremism|criminalite transfrontaliere|cross-border crime',
    weak: 'security|securite|criminalite|crime|police|stabilite|stability',
  },
  climate_mobility: {
    strong: 'climate change|changement climatique|climate-induced|climate mobility|environmental migration|migration environnementale|natural disasters|catastrophes naturelles|disaster displacement|degradation de l.environnement|environmental degradation',
    weak: 'climate|climat|climatiques?|environmental|environnementales?|drought|secheresse',
  },
  trade: {
    strong: 'trade agreements?|free trade|economic partnership agreements?|accords? commerciaux|libre-echange|commerce (?:local|regional|international)|trade and investment|commerce et investissement|trade relations|relations commerciales|tariffs?|droits de douane|exportations?|exports?|epas?',
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
const CUES = new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g');

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

/** Per-sentence topic scores over folded text. */
export function scoreSentences(folded: string, sentences: readonly Span[]): Scores[] {
  const out: Scores[] = sentences.map(() => new Map());
  if (sentences.length === 0) return out;
  let s = 0;
  CUES.lastIndex = 0;
  for (let m = CUES.exec(folded); m; m = CUES.exec(folded)) {
    while (s < sentences.length && (sentences[s] as Span).end <= m.index) s++;
    if (s >= sentences.length) break;
    if ((sentences[s] as Span).start > m.index) continue;
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const group = groups[k - 1];
    if (!group) continue;
    const scores = out[s] as Scores;
    scores.set(group.topic, (scores.get(group.topic) ?? 0) + (group.strong ? 2 : 1));
  }
  return out;
}

/** Minimum share of sentences with a topic as main point, so long documents need more than one. */
const MIN_SHARE = 0.004;
const MIN_SENTENCES = 1;

/**
 * The topics a document treats, with the sentences whose main point each is. A topic is kept
 * when at least `max(MIN_SENTENCES, MIN_SHARE × sentences)` sentences are mainly about it.
 */
export function classifyTopics(folded: string, sentences: readonly Span[]): TopicAssessment[] {
  const scores = scoreSentences(folded, sentences);
  const bySentence = new Map<TopicCode, Span[]>();
  scores.forEach((sc, i) => {
    for (const topic of mainTopics(sc)) {
      const list = bySentence.get(topic) ?? [];
      list.push(sentences[i] as Span);
      bySentence.set(topic, list);
    }
  });
  const needed = Math.max(MIN_SENTENCES, Math.ceil(MIN_SHARE * sentences.length));
  const out: TopicAssessment[] = [];
  for (const topic of topicOrder) {
    const list = bySentence.get(topic) ?? [];
    if (list.length >= needed) out.push({ code: topic, sentences: list, score: list.length / Math.max(1, sentences.length) });
  }
  return out;
}

/** The main topics of one span of folded text (an instrument's or a statement's sentence). */
export function topicsOfSpan(folded: string, span: Span): TopicCode[] {
  return mainTopics(scoreSentences(folded.slice(span.start, span.end), [{ start: 0, end: span.end - span.start }])[0] ?? new Map());
}
