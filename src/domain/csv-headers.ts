/**
 * Column names of the CSV downloads in French and English. English keeps the atlas's field names
 * (scripts rely on them); French gives the same columns in French words, for the reader who asked
 * in French (`?lang=fr`, the language cookie or Accept-Language).
 */
import type { Language } from './model.ts';

const FRENCH: Readonly<Record<string, string>> = {
  id: 'identifiant',
  kind: 'nature',
  name_en: 'nom_anglais',
  name_fr: 'nom_français',
  instrument_count: 'nombre_instruments',
  type: 'type',
  title: 'titre',
  title_source: 'origine_titre',
  file_name: 'nom_fichier',
  legal_form: 'forme_juridique',
  binding: 'contraignant',
  status: 'statut',
  first_date: 'première_date',
  parties: 'parties',
  topics: 'thèmes',
  approaches: 'approches',
  amounts: 'montants',
  money_total: 'montant_total',
  document_count: 'nombre_documents',
  language: 'langue',
  format: 'format',
  source_path: 'chemin_source',
  char_count: 'nombre_caractères',
  ingested_at: 'enregistré_le',
  content_hash: 'empreinte_contenu',
  publisher: 'éditeur',
  published: 'publié_le',
  source_url: 'adresse_source',
  document_id: 'identifiant_document',
  span_start: 'début_passage',
  span_end: 'fin_passage',
  snippet: 'extrait',
  relevance: 'pertinence',
  question: 'question',
  stance: 'position',
  countries: 'pays',
  stated: 'annoncés',
  country: 'pays',
  start: 'début',
  end: 'fin',
  quote: 'citation',
  owners: 'responsables',
  deadline: 'échéance',
  deadline_inclusive: 'échéance_incluse',
  overdue: 'en_retard',
  next_dialogue: 'prochain_dialogue',
  text: 'texte',
  indicator: 'indicateur',
  value: 'valeur',
  unit: 'unité',
  date: 'date',
  instrument_id: 'identifiant_instrument',
  approximate: 'approximatif',
  source: 'source',
  quote_or_note: 'citation_ou_note',
  record: 'enregistrement',
  detail: 'détail',
  watch_id: 'identifiant_veille',
  watch: 'veille',
  instrument: 'instrument',
  reasons: 'raisons',
  seen: 'vu',
  created_at: 'créé_le',
  section: 'section',
  partner: 'partenaire',
  actor: 'acteur',
  money: 'montants',
  shared_money: 'montants_partagés',
};

/** Every English column name with its French name (for the tests that check the two agree). */
export const CSV_HEADERS: ReadonlyMap<string, string> = new Map(Object.entries(FRENCH));

/** A column name in `lang`; a column missing from the table keeps its English name. */
export function csvHeader(header: string, lang: Language): string {
  return lang === 'fr' ? (FRENCH[header] ?? header) : header;
}
