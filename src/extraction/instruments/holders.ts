/**
 * Who holds an instrument when its name says so, whatever its clause reads (EN/FR patterns of the
 * field, not of any document):
 * - a dialogue, summit, action plan, declaration or compact named after a city ("Processus de
 *   Rabat", "the Valletta Summit", "Plan d'action de La Valette") or called global, world,
 *   international or regional is multilateral: no parties (the guidelines: more than six, or not
 *   named), even when the states of its sentence took part in it;
 * - so is a strategy, framework or set of guidelines called regional, continental or global, or
 *   named after a place ("Regional Guidelines for …", "the Strategy of Adelaide"), and a treaty,
 *   convention or protocol named after a place ("the Treaty of Chaguaramas") that its sentence
 *   does not show being signed: the members of the region or the process hold it, not the states
 *   its sentence names;
 * - an EU legal form (regulation, directive, code, pact, agenda, framework) or a name that says
 *   "European"/"EU"/"Council"/"Team Europe", read without parties in a document about the EU, is
 *   the EU's.
 */
import type { Span } from '../../domain/model.ts';
import type { InstrumentTypeCode } from '../../domain/taxonomy.ts';
import { type InstrumentContext, lowerBound, within } from './context.ts';

const MULTILATERAL_TYPES: ReadonlySet<InstrumentTypeCode> = new Set([
  'dialogue',
  'action_plan',
  'joint_declaration',
  'compact',
]);

/** Forms named after the place they were launched (folded text). */
const HEADS = String.raw`(?:processus|process|sommet|summit|dialogue|forum|conference|declaration|plan d'action(?: conjoint)?|(?:joint )?action plan|feuille de route|road ?map)`;
/** Capitalised words of a place name, read in the original text. */
const PLACE = /^([A-ZÀ-Ý][\p{L}-]+(?:\s+[A-ZÀ-Ý][\p{L}-]+){0,2})/u;
const PLACE_BEFORE = /(?:^|[\s(])((?:[A-ZÀ-Ý][\p{L}-]+\s+){0,2}[A-ZÀ-Ý][\p{L}-]+)$/u;
/** Capitalised words that are titles, not places. */
const NOT_PLACES =
  /^(?:the|le|la|les|high|level|haut|niveau|joint|conjoint|ministerial|ministerielle|political|politique|regional|global|national|migration|migrations|mobility|mobilite|action|plan|eu|ue|european|europeenne|africa|afrique|euro|senior|officials|hauts|fonctionnaires|annual|annuel|first|second|premier|deuxieme|new|nouveau)$/;
/** Words that make a forum, process or compact multilateral by its name. */
const WORLDWIDE =
  /\b(?:global|mondial|mondiale|world|international|internationale|regional|regionale|intergovernmental|intergouvernemental)\b/;

/** Strategies, frameworks and guidelines (folded): policy forms a region or a process adopts too. */
const FRAMEWORK_HEADS = String.raw`(?:strateg(?:y|ie)|framework|cadre|guidelines|lignes directrices|principles|principes)`;
const FRAMEWORK = new RegExp(String.raw`\b${FRAMEWORK_HEADS}`);
/** Treaties, conventions, protocols and accords: forms a place may name ("Treaty of Chaguaramas"). */
const TREATY_HEADS = String.raw`(?:treaty|traite|convention|protocol|protocole|accord|agreement)`;
/** Words that make a strategy or framework a region's by its name (folded). */
const REGIONAL =
  /\b(?:global|mondial|mondiale|world|regional|regionale|continental|continentale|continent|intergovernmental|intergouvernemental)\b/;
const REGIONAL_AFTER = /^\s+(?:regionale?s?|regionaux|continentale?s?|continentaux|mondiale?s?|mondiaux)\b/;
/** Capitalised words after "Treaty of" that name its subject, not a place. */
const SUBJECT_WORDS =
  /^(?:friendship|amitie|cooperation|partnership|partenariat|understanding|establishment|etablissement|social|security|securite|free|movement|mobility|mobilite|migration|asylum|asile|accession|union|good|neighbourliness|bon|voisinage|peace|paix|fraternity|fraternite|readmission|return|retour|labour|travail|employment|emploi)$/;

/** Whether a named phrase names a multilateral forum or its outcome (see above). */
export function multilateralByName(
  ctx: InstrumentContext,
  phrase: Span,
  type: InstrumentTypeCode,
  concluded = false,
): boolean {
  const folded = ctx.folded.slice(phrase.start, phrase.end);
  if (type === 'legal_act') {
    // The French adjective follows the head ("Stratégie régionale", "Lignes directrices régionales").
    const adjective = REGIONAL_AFTER.test(ctx.folded.slice(phrase.end, phrase.end + 16));
    return (
      FRAMEWORK.test(folded) &&
      (REGIONAL.test(folded) || adjective || namedAfterPlace(ctx, phrase, FRAMEWORK_HEADS))
    );
  }
  // "Chile and Peru signed the Tacna Agreement": the states that conclude it are its parties.
  if (TREATY_TYPES.has(type)) return !concluded && namedAfterPlace(ctx, phrase, TREATY_HEADS);
  if (!MULTILATERAL_TYPES.has(type)) return false;
  if (type !== 'joint_declaration' && WORLDWIDE.test(folded)) return true;
  return namedAfterPlace(ctx, phrase, HEADS);
}

const TREATY_TYPES: ReadonlySet<InstrumentTypeCode> = new Set([
  'agreement',
  'trade_agreement',
  'visa_agreement',
  'labour_agreement',
  'readmission_agreement',
]);

/** Patterns of "HEAD of Place" and "Place HEAD", built once per head list. */
const placePatterns = new Map<string, { after: RegExp; before: RegExp }>();
function patternsFor(heads: string): { after: RegExp; before: RegExp } {
  let patterns = placePatterns.get(heads);
  if (!patterns) {
    patterns = {
      after: new RegExp(String.raw`\b${heads}\s+(?:de|of|du|d')\s*(?:la |le |l')?`, 'g'),
      before: new RegExp(String.raw`\s+(?:joint\s+)?${heads}\b`),
    };
    placePatterns.set(heads, patterns);
  }
  return patterns;
}

/** Whether the phrase names its form after a place: "Processus de Rabat", "the Adelaide Strategy". */
function namedAfterPlace(ctx: InstrumentContext, phrase: Span, heads: string): boolean {
  const folded = ctx.folded.slice(phrase.start, phrase.end);
  const { after, before } = patternsFor(heads);
  const places: Span[] = [];
  after.lastIndex = 0;
  for (let m = after.exec(folded); m; m = after.exec(folded)) {
    const at = phrase.start + m.index + m[0].length;
    const word = PLACE.exec(ctx.text.slice(at, phrase.end + 40));
    // "the Treaty of Friendship": a subject, not a place.
    const first = ctx.folded.slice(at, at + (word?.[1]?.length ?? 0)).split(/\s+/)[0] ?? '';
    if (heads !== HEADS && SUBJECT_WORDS.test(first)) continue;
    if (word?.[1]) places.push({ start: at, end: at + word[1].length });
  }
  // "the Seasonal Workers Agreement": before a treaty or a strategy, capitalised words are its subject.
  const head = heads === HEADS ? before.exec(folded) : null;
  if (head) {
    const word = PLACE_BEFORE.exec(ctx.text.slice(phrase.start, phrase.start + head.index));
    if (word?.[1]) {
      const end = phrase.start + head.index;
      places.push({ start: end - word[1].length, end });
      // "the Brazil Declaration", "the Mexico Process": a state's name (not its adjective) set
      // before a conference's form names the host of a meeting of many, not the holder.
      if (VENUE_HEAD.test(folded.slice(head.index)) && stateNameBefore(ctx, end)) return true;
    }
  }
  return places.some((place) => isPlace(ctx, place));
}

/** Forms named after the meeting that adopted them ("the Brazil Declaration"), folded, after the state's name. */
const VENUE_HEAD = /^\s+(?:declaration|process|summit|conference|forum)\b/;

/** Whether a state written by its name (not an adjective) ends right at `end`. */
function stateNameBefore(ctx: InstrumentContext, end: number): boolean {
  const actor = ctx.actors[lowerBound(ctx.actors, end) - 1];
  return actor !== undefined && actor.end === end && actor.kind === 'state' && !actor.adjective;
}

/** A capitalised name that is neither a state or organization nor a title word. */
function isPlace(ctx: InstrumentContext, place: Span): boolean {
  const words = ctx.folded.slice(place.start, place.end).split(/\s+/);
  if (words.every((w) => NOT_PLACES.test(w))) return false;
  return within(ctx.actors, place.start, place.end).length === 0;
}

/** Whether the document names the EU, computed once per document (this runs for every mention). */
const euNamed = new WeakMap<readonly unknown[], boolean>();
function namesEu(ctx: InstrumentContext): boolean {
  let named = euNamed.get(ctx.actors);
  if (named === undefined) {
    named = ctx.actors.some((a) => a.id === 'EU');
    euNamed.set(ctx.actors, named);
  }
  return named;
}

/** EU legal forms and names. */
const EU_FORM =
  /\b(?:regulations?|directives?|reglements?|codes?|pacte? (?:on|sur)|agenda|framework|cadre de partenariat)\b/;
const EU_NAME =
  /\b(?:european|europeen(?:ne)?|eu|ue|union|council'?s?|conseil|commission|team europe|equipe europe)\b/;

/** Frameworks of the EU's external migration policy: the EU is always one side. */
const EU_PARTNERSHIP =
  /\b(?:mobility partnerships?|talent partnerships?|common agendas? (?:for|on) migration|partenariats? pour (?:la mobilite|les talents)|agendas? communs? (?:pour|sur) (?:la )?migration|camms?)\b/;

/**
 * Whether an instrument is the EU's by its form or name (see above): `true` when it has no party
 * yet, or only the subject of its clause (an EU regulation is not Denmark's because Denmark is
 * the subject of the sentence).
 */
export function heldByEu(
  ctx: InstrumentContext,
  phrase: Span,
  type: InstrumentTypeCode,
  named: boolean,
): boolean {
  if (!namesEu(ctx)) return false;
  const words = ctx.folded.slice(Math.max(0, phrase.start - 12), phrase.end);
  // "Germany's Western Balkans regulation" is Germany's.
  if (within(ctx.actors, phrase.start, phrase.end).some((a) => a.kind === 'state')) return false;
  if (!named || (type !== 'legal_act' && type !== 'coordination_mechanism' && type !== 'programme')) {
    return false;
  }
  return (type === 'legal_act' && EU_FORM.test(words)) || EU_NAME.test(words);
}

/** Whether a partnership is one of the EU's frameworks (mobility or talent partnership, CAMM). */
export function euPartnership(ctx: InstrumentContext, phrase: Span, type: InstrumentTypeCode): boolean {
  return (
    type === 'partnership' && namesEu(ctx) && EU_PARTNERSHIP.test(ctx.folded.slice(phrase.start, phrase.end))
  );
}
