/**
 * Question matching for country positions: two predicates ask the same question when their content
 * words (stemmed, English or French) overlap enough. Negation is read apart, so "use migration
 * diplomacy" and "migration diplomacy is not part of their affairs" are the two sides of one
 * either/or question, and "not a prominent part" and "not currently part" are the same side.
 */
import { createRequire } from 'node:module';
import type { CountryPosition, Stance } from '../domain/analysis-model.ts';
import type { Language } from '../domain/model.ts';
import { labelOf } from '../domain/taxonomy.ts';
import { foldText } from '../extraction/text.ts';

interface Stemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(language: string): Stemmer };
const STEMMERS = { en: snowball.newStemmer('english'), fr: snowball.newStemmer('french') };

/**
 * Words that carry no question: function words, reporting verbs ("report", "noted"), negations
 * (read by `stanceOf`) and hedges ("currently", "specifically").
 */
const STOPWORDS = new Set(
  (
    'a an the of to in on at for by with from as and or but is are was were be been being has have had do does did ' +
    'their its his her our your they them it this that these those which who whom whose there than then also ' +
    'not no never nor neither n t only such e g i very more most some several any all each other ' +
    'report reports reported reporting note notes noted noting indicate indicates indicated indicating state states stated ' +
    'say says said identify identified mention mentioned consider considered describe described see seen ' +
    'currently specifically mainly particularly generally also still already now wider broader ' +
    'le la les l un une des du de d et ou mais est sont etait etaient ete etre a ont avait avaient fait ' +
    'leur leurs son sa ses ce cet cette ces qui que qu dont ou en dans par pour sur avec sans aux au ne pas non plus ' +
    'aucun aucune jamais aussi encore deja actuellement notamment indiquent indique indiquant declarent declarant ' +
    'signalent signalant rapportent font etat'
  ).split(' '),
);
const stemCache = new Map<string, Set<string>>();
const FRENCH_HINT = /\b(?:les|des|du|que|leur|dans|pour|est|sont|une)\b/;

/** The content stems of a predicate, accents and case ignored. */
export function questionStems(question: string): Set<string> {
  const cached = stemCache.get(question);
  if (cached) return cached;
  const folded = foldText(question);
  const stemmer = FRENCH_HINT.test(folded) ? STEMMERS.fr : STEMMERS.en;
  const out = new Set<string>();
  for (const word of folded.split(/[^a-z0-9]+/)) {
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    out.add(stemmer.stem(word));
  }
  // Comparisons test every position against every question: stem each predicate once.
  if (stemCache.size > 5000) stemCache.clear();
  stemCache.set(question, out);
  return out;
}

/**
 * How far two predicates ask the same thing, 0 to 1: the share of the smaller stem set found in the
 * other (the overlap coefficient), 0 when they share fewer than three stems.
 */
export function questionSimilarity(a: string, b: string): number {
  const sa = questionStems(a);
  const sb = questionStems(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  if (shared < 3) return 0;
  return shared / Math.min(sa.size, sb.size);
}

/** Similarity from which two predicates are taken for one question. */
export const SAME_QUESTION = 0.8;

/** Whether two predicates ask the same question (stances aside). */
export function sameQuestion(a: string, b: string, threshold = SAME_QUESTION): boolean {
  return questionSimilarity(a, b) >= threshold;
}

/** Whether two stances are the two sides of an either/or question. */
export function opposite(a: Stance, b: Stance): boolean {
  return (a === 'yes' && b === 'no') || (a === 'no' && b === 'yes');
}

/**
 * What selects positions for a comparison: a predicate (matched by similarity, with the stance
 * `yes` unless given), a regular expression over the question, or any test.
 */
export type QuestionMatcher =
  | string
  | RegExp
  | { readonly question: string; readonly stance?: Stance; readonly threshold?: number }
  | ((position: CountryPosition) => boolean);

/** A test over positions from a matcher. */
export function positionTest(matcher: QuestionMatcher): (position: CountryPosition) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (p) => matcher.test(p.question);
  const spec = typeof matcher === 'string' ? { question: matcher } : matcher;
  const stance = spec.stance ?? 'yes';
  return (p) => p.stance === stance && sameQuestion(p.question, spec.question, spec.threshold);
}

/** Words that open a clause with its own subject ("their focus is…", "the implementation of…"). */
const CLAUSE_OPENERS = new Set(
  'the their its this these those a an there it they we migration la le les leur leurs ce cette ces il ils elles on'.split(
    ' ',
  ),
);
/** Verbs that, early in a predicate, show the words before them are its subject. */
const COPULAS = /^(?:is|are|was|were|remains?|est|sont|était|étaient|reste|restent)$/;
/** A predicate that opens with "they"/"ils": the subject is the countries themselves. */
const THEY = /^(?:they|ils|elles)\s+/i;

/**
 * The language a stored predicate is written in (its source's), read from its function words: the
 * question built on it is asked in that language, and pages mark it with it (`lang`).
 */
export function predicateLanguage(predicate: string): Language {
  const folded = foldText(predicate);
  return FRENCH_HINT.test(folded) || /\b(?:la|le|au|aux|ont|leurs?)\b/.test(folded) ? 'fr' : 'en';
}

/**
 * A stored predicate as a whole question with its subject, in the predicate's own language:
 * "use migration diplomacy at national level" → "Which countries use migration diplomacy at national
 * level?"; a clause with its own subject ("migration diplomacy is not a prominent part of…") →
 * "Which countries say that migration diplomacy is not a prominent part of…?". French predicates
 * get "Quels pays … ?" / "Quels pays indiquent que … ?". The predicate stays the question's key.
 */
export function wholeQuestion(predicate: string): string {
  const french = predicateLanguage(predicate) === 'fr';
  const text = predicate
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;:,?!]+$/u, '');
  if (text === '') return text;
  const theyDropped = text.replace(THEY, '');
  const words = theyDropped.split(' ');
  const first = (words[0] ?? '').toLowerCase();
  const copulaAt = words.findIndex((word) => COPULAS.test(word.toLowerCase()));
  const clause =
    theyDropped === text && (copulaAt > 0 ? copulaAt <= 6 : CLAUSE_OPENERS.has(first) && words.length > 1);
  // Lower-case the first letter unless the first word is an acronym or a name in capitals ("EU", "MoUs").
  const opening = (words[0] ?? '').slice(0, 2);
  const body = /^[A-Z][a-z]/.test(opening)
    ? `${theyDropped.charAt(0).toLowerCase()}${theyDropped.slice(1)}`
    : theyDropped;
  if (french) {
    if (!clause) return `Quels pays ${body}\u00a0?`;
    return /^[aeiouyhàâéèêëîïôûü]/i.test(body)
      ? `Quels pays indiquent qu’${body}\u00a0?`
      : `Quels pays indiquent que ${body}\u00a0?`;
  }
  return clause ? `Which countries say that ${body}?` : `Which countries ${body}?`;
}

/** Words a whole predicate never opens with: it would be the tail of someone else's sentence. */
const DANGLING_START =
  /^(?:of|to|and|or|but|nor|which|that|who|whom|whose|with|for|from|by|as|than|because|while|whereas|et|ou|mais|qui|que|qu|dont|avec|pour|par|car|tandis|lequel|laquelle|lesquels|lesquelles)$/i;
/** Words a whole predicate never ends on: the sentence was cut. */
const DANGLING_END =
  /^(?:the|a|an|of|to|and|or|with|for|from|by|in|on|at|as|their|its|such|le|la|les|l|un|une|de|des|du|d|et|ou|à|au|aux|pour|par|avec|leur|leurs|sur|dans)$/i;
/** A clause about the document itself ("This inform was prepared…"), which no country answers. */
const ABOUT_THE_DOCUMENT =
  /^(?:this|the present|the)\s+(?:inform|report|study|document|paper|synthesis|publication)\b|^(?:ce|le présent|la présente|cette)\s+(?:rapport|étude|document|note|synthèse|publication)\b/i;

/**
 * Whether a stored predicate can be asked as a question: a whole proposition, not a fragment
 * ("of the Member States", "the implementation of the", an unclosed parenthesis) nor a sentence
 * about the document ("This inform was prepared on the basis of national contributions").
 */
export function askable(predicate: string): boolean {
  const text = predicate
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;:,?!]+$/u, '')
    .replace(THEY, '');
  const words = text.split(' ').filter((w) => w !== '');
  if (words.length < 2) return false;
  const bare = (word: string | undefined) => (word ?? '').replace(/^[("'“«‘]+|[)"'”»’,]+$/gu, '');
  if (DANGLING_START.test(bare(words[0])) || DANGLING_END.test(bare(words.at(-1)))) return false;
  if (ABOUT_THE_DOCUMENT.test(text)) return false;
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  if (count(/\(/g) !== count(/\)/g) || count(/«/g) !== count(/»/g) || count(/“/g) !== count(/”/g)) {
    return false;
  }
  return count(/"/g) % 2 === 0;
}

/** The instrument criteria of a comparison (any type, approach or topic listed). */
export interface InstrumentCriteria {
  readonly types?: readonly string[];
  readonly approaches?: readonly string[];
  readonly topics?: readonly string[];
}

/** "Which states …?" for one instrument type, in both languages. */
const TYPE_QUESTIONS: Record<string, Record<Language, string>> = {
  readmission_agreement: {
    en: 'Which states are party to a readmission agreement or arrangement?',
    fr: 'Quels États sont parties à un accord ou arrangement de réadmission\u00a0?',
  },
  visa_agreement: {
    en: 'Which states are party to a visa facilitation or visa waiver agreement?',
    fr: 'Quels États sont parties à un accord de facilitation ou d’exemption de visas\u00a0?',
  },
  labour_agreement: {
    en: 'Which states are party to a labour migration agreement?',
    fr: 'Quels États sont parties à un accord de migration de travail\u00a0?',
  },
  trade_agreement: {
    en: 'Which states are party to a trade or economic partnership agreement with a migration component?',
    fr: 'Quels États sont parties à un accord commercial ou de partenariat économique comportant un volet migratoire\u00a0?',
  },
  agreement: {
    en: 'Which states are party to another agreement, treaty or protocol on migration?',
    fr: 'Quels États sont parties à un autre accord, traité ou protocole sur les migrations\u00a0?',
  },
  partnership: {
    en: 'Which states take part in a named partnership framework?',
    fr: 'Quels États participent à un cadre de partenariat nommé\u00a0?',
  },
  memorandum_of_understanding: {
    en: 'Which states are party to a memorandum of understanding?',
    fr: 'Quels États sont parties à un protocole d’accord\u00a0?',
  },
  letter_of_intent: {
    en: 'Which states are party to a letter or declaration of intent?',
    fr: 'Quels États sont parties à une lettre ou déclaration d’intention\u00a0?',
  },
  joint_declaration: {
    en: 'Which states are party to a joint declaration or statement?',
    fr: 'Quels États sont parties à une déclaration conjointe ou commune\u00a0?',
  },
  compact: {
    en: 'Which states are party to a compact?',
    fr: 'Quels États sont parties à un pacte\u00a0?',
  },
  action_plan: {
    en: 'Which states are party to an action plan or roadmap?',
    fr: 'Quels États sont parties à un plan d’action ou une feuille de route\u00a0?',
  },
  dialogue: {
    en: 'Which states take part in a dialogue or a regional process?',
    fr: 'Quels États participent à un dialogue ou à un processus régional\u00a0?',
  },
  envoy: {
    en: 'Which states use special envoys?',
    fr: 'Quels États recourent à des envoyés spéciaux\u00a0?',
  },
  programme: {
    en: 'Which states take part in a programme, project or scheme?',
    fr: 'Quels États participent à un programme, un projet ou un dispositif\u00a0?',
  },
  fund: {
    en: 'Which states take part in a funding instrument?',
    fr: 'Quels États participent à un instrument de financement\u00a0?',
  },
  coordination_mechanism: {
    en: 'Which states have a coordination mechanism or body?',
    fr: 'Quels États disposent d’un mécanisme ou d’un organe de coordination\u00a0?',
  },
  operational_cooperation: {
    en: 'Which states take part in operational cooperation?',
    fr: 'Quels États participent à une coopération opérationnelle\u00a0?',
  },
  legal_act: {
    en: 'Which states have a legal act or policy framework on migration?',
    fr: 'Quels États disposent d’un acte juridique ou d’un cadre politique sur les migrations\u00a0?',
  },
};

/** "Which states use …?" for one approach, in both languages. */
const APPROACH_QUESTIONS: Record<string, Record<Language, string>> = {
  positive_conditionality: {
    en: 'Which states use positive conditionality?',
    fr: 'Quels États recourent à la conditionnalité positive\u00a0?',
  },
  negative_conditionality: {
    en: 'Which states use negative conditionality?',
    fr: 'Quels États recourent à la conditionnalité négative\u00a0?',
  },
  reverse_conditionality: {
    en: 'Which states face reverse conditionality?',
    fr: 'Quels États font face à une conditionnalité inversée\u00a0?',
  },
  tactical_linkage: {
    en: 'Which states link unrelated issues tactically?',
    fr: 'Quels États lient tactiquement des enjeux sans rapport\u00a0?',
  },
  substantive_linkage: {
    en: 'Which states link functionally related issues?',
    fr: 'Quels États lient des enjeux liés fonctionnellement\u00a0?',
  },
  whole_of_government: {
    en: 'Which states take a whole-of-government approach?',
    fr: 'Quels États adoptent une approche pangouvernementale\u00a0?',
  },
  team_europe: {
    en: 'Which states take part in a Team Europe approach?',
    fr: 'Quels États participent à une approche Équipe Europe\u00a0?',
  },
};

/**
 * The question an instrument comparison answers, as a whole proposition in `lang`: one type or
 * approach has its own question ("Which states use special envoys?" / "Quels États recourent à des
 * envoyés spéciaux ?"); a topic, or several criteria, ask which states are party to instruments that
 * meet them, named by their labels.
 */
export function criteriaQuestion(criteria: InstrumentCriteria, lang: Language): string {
  const types = criteria.types ?? [];
  const approaches = criteria.approaches ?? [];
  const topics = criteria.topics ?? [];
  const only = types.length + approaches.length + topics.length === 1;
  const own = only ? (TYPE_QUESTIONS[types[0] ?? ''] ?? APPROACH_QUESTIONS[approaches[0] ?? '']) : undefined;
  if (own !== undefined) return own[lang];
  const short = (label: string) => label.split(/\s\(/)[0] ?? label;
  const labels = [
    ...types.map((c) => short(labelOf('instrument_types', c, lang))),
    ...approaches.map((c) => short(labelOf('approaches', c, lang))),
    ...topics.map((c) => short(labelOf('topics', c, lang))),
  ];
  if (only && topics.length === 1) {
    const topic = labels[0] ?? '';
    return lang === 'fr'
      ? `Quels États sont parties à des instruments sur le thème «\u00a0${topic}\u00a0»\u00a0?`
      : `Which states are party to instruments on ${topic.charAt(0).toLowerCase()}${topic.slice(1)}?`;
  }
  return lang === 'fr'
    ? `Quels États sont parties à des instruments répondant à ces critères\u00a0: ${labels.join(', ')}\u00a0?`
    : `Which states are party to instruments meeting these criteria: ${labels.join(', ')}?`;
}
