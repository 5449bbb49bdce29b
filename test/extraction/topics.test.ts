import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyTopics, topicsOfSpan } from '../../src/extraction/topics.ts';
import { foldText } from '../../src/extraction/text.ts';
import { segment } from '../../src/extraction/segmentation.ts';

function topicsOf(text: string): string[] {
  const folded = foldText(text);
  return classifyTopics(folded, segment(text).sentences).map((t) => t.code);
}

void describe('topics', () => {
  void it('finds the main topic of French sentences', () => {
    const found = topicsOf(
      'Le retour et la réadmission des migrants en situation irrégulière restent prioritaires. La gestion intégrée des frontières a été renforcée aux postes frontières.',
    );
    assert.ok(found.includes('return_readmission'));
    assert.ok(found.includes('border_management'));
    assert.ok(!found.includes('diaspora'));
  });

  void it('finds English topics: visa policy and the diaspora', () => {
    const found = topicsOf(
      'The Commission proposed restrictive visa measures for the partner country. Diaspora organisations and transnational communities engage with their countries of origin.',
    );
    assert.ok(found.includes('visa'));
    assert.ok(found.includes('diaspora'));
  });

  void it('does not read a topic from a single weak word', () => {
    assert.deepEqual(topicsOf('The meeting discussed cooperation and the borders of the agenda.'), []);
  });

  void it('does not read topics from office titles', () => {
    const text = "Il a été reçu par le Ministre de la Justice et des droits de l'homme.";
    assert.ok(!topicsOf(text).includes('human_rights'));
  });

  void it('tells the main topic of one span', () => {
    const text = 'Smuggling networks and trafficking in human beings were dismantled.';
    assert.deepEqual(topicsOfSpan(foldText(text), { start: 0, end: text.length }), ['irregular_migration']);
  });
});

void describe('topics said in other words', () => {
  const one = (text: string): string[] => topicsOf(text);

  void it('reads irregular migration from smugglers, clandestine crossings and unauthorised entries', () => {
    assert.deepEqual(one('Les réseaux de passeurs exploitent les traversées clandestines vers les îles.'), [
      'irregular_migration',
    ]);
    assert.deepEqual(one('Unauthorised entries at the southern coast doubled over the winter.'), [
      'irregular_migration',
    ]);
    assert.deepEqual(one('Police dismantled three people smuggling rings operating from the port.'), [
      'irregular_migration',
    ]);
  });

  void it('reads return from removals, consular laissez-passer and voluntary returns', () => {
    assert.deepEqual(one('Les consulats délivreront les laissez-passer consulaires sous quinze jours.'), [
      'return_readmission',
    ]);
    assert.deepEqual(one('Les reconduites à la frontière ont augmenté en 2023.'), ['return_readmission']);
    assert.deepEqual(one('Both governments will organise joint return flights each quarter.'), [
      'return_readmission',
    ]);
  });

  void it('reads border management from coast guards, border checks and surveillance', () => {
    assert.deepEqual(one('Les garde-côtes et la police aux frontières mènent des patrouilles conjointes.'), [
      'border_management',
    ]);
    assert.deepEqual(one('Systematic border checks resumed at the crossing points in May.'), [
      'border_management',
    ]);
    assert.deepEqual(one('Les contrôles aux frontières ont été renforcés au nord du pays.'), [
      'border_management',
    ]);
  });

  void it('reads human rights from fundamental rights, non-refoulement and ill-treatment', () => {
    assert.deepEqual(
      one('Le principe de non-refoulement et les droits fondamentaux doivent être garantis.'),
      ['human_rights'],
    );
    assert.deepEqual(one('The monitors documented arbitrary detention and ill-treatment in the centres.'), [
      'human_rights',
    ]);
  });

  void it('keeps precision: a manner phrase or a lone weak word is not the main point', () => {
    assert.deepEqual(one('Le retour des personnes se fera dans la dignité.'), []);
    assert.deepEqual(one('The boats left the harbour at dawn.'), []);
  });

  void it('reads a visa that gives a right to work, study or reside as legal migration, not visa policy', () => {
    assert.deepEqual(one('Nurses recruited abroad receive a three-year employment visa on arrival.'), [
      'legal_migration',
    ]);
    assert.deepEqual(one('Les visas de travail saisonnier sont attribués par tirage au sort.'), [
      'legal_migration',
    ]);
    assert.deepEqual(one('The partner country asked for faster issuance of short-stay visas.'), ['visa']);
    assert.deepEqual(one('Paris veut lier la délivrance des visas à la coopération consulaire.'), ['visa']);
  });

  void it('reads civil registry from registers and secure documents, not from an identity card used to travel', () => {
    assert.deepEqual(
      one('Residents of the border districts may now cross with their national identity card.'),
      [],
    );
    assert.deepEqual(one("Les voyageurs pourront présenter leur carte d'identité au poste de contrôle."), []);
    assert.deepEqual(one('The programme funds the digitisation of the civil registry in three provinces.'), [
      'civil_registry',
    ]);
    assert.deepEqual(one("Le projet finance des cartes nationales d'identité biométriques."), [
      'civil_registry',
    ]);
  });

  void it('reads return from removals, sending people back and measures of removal', () => {
    assert.deepEqual(one('The government wants faster removal of failed asylum seekers to the region.'), [
      'return_readmission',
    ]);
    assert.deepEqual(one('The plan is about sending people back within weeks.'), ['return_readmission']);
    assert.deepEqual(one("Le préfet a signé plus de mesures d'éloignement que l'an passé."), [
      'return_readmission',
    ]);
    assert.deepEqual(one('Le taux de retour reste inférieur à un tiers.'), ['return_readmission']);
  });

  void it('does not read return from someone who went home of their own accord', () => {
    assert.deepEqual(one('One of the volunteers returned home after the harvest.'), []);
  });

  void it('does not read border management from the border agency cited as a source of figures', () => {
    assert.deepEqual(one('According to Frontex, the number of applications rose in the spring.'), []);
    assert.deepEqual(one('Frontex a déployé des gardes-frontières et des patrouilles en mer Égée.'), [
      'border_management',
    ]);
  });

  void it('does not read development from a passing mention of remittances', () => {
    assert.deepEqual(one('Seasonal workers send remittances to their families each month.'), [
      'legal_migration',
    ]);
    assert.deepEqual(
      one('La baisse du coût des transferts de fonds figure dans le programme de développement.'),
      ['root_causes_development'],
    );
  });

  void it('reads visa policy from a visa regime, not from a visa that someone holds or pays for', () => {
    assert.deepEqual(
      one('The government will impose a visa on travellers from the three neighbouring states.'),
      ['visa'],
    );
    assert.deepEqual(
      one("Le gouvernement a instauré l'obligation de visa pour les ressortissants du pays voisin."),
      ['visa'],
    );
    assert.deepEqual(one('The hotel clerk asked whether her visa was still valid.'), []);
    assert.deepEqual(one("L'employeur rembourse les frais de visa et le billet d'avion."), []);
  });

  void it('reads legal migration from regularisation, permits, trainees and free movement', () => {
    assert.deepEqual(one('Some 40,000 people applied in the regularisation process opened in March.'), [
      'legal_migration',
    ]);
    assert.deepEqual(one('Les deux pays échangeront chaque année cent stagiaires.'), ['legal_migration']);
    assert.deepEqual(one('The community protocol guarantees the free movement of persons between members.'), [
      'legal_migration',
    ]);
    assert.deepEqual(one('Les titulaires recevront un titre de séjour de deux ans.'), ['legal_migration']);
    assert.deepEqual(one('Holders may live and work in the country for five years.'), ['legal_migration']);
  });

  void it('keeps a topic that stands out of a clause naming three topics', () => {
    const listed = topicsOf(
      'The partners call for legal pathways and more seasonal workers schemes, while mentioning border checks and returns.',
    );
    assert.ok(listed.includes('legal_migration'));
    assert.ok(!listed.includes('border_management'));
    assert.deepEqual(topicsOf('Cooperation covers returns, border checks and legal pathways.'), []);
  });

  void it('reads security from states of emergency, hybrid attacks and criminal groups', () => {
    assert.deepEqual(one("Le gouvernement a déclaré l'état d'urgence dans trois provinces."), ['security']);
    assert.deepEqual(one('The ministers denounced a hybrid attack by the neighbouring regime.'), [
      'security',
    ]);
    assert.deepEqual(one('Les groupes criminels contrôlent les sites d’orpaillage illégal.'), ['security']);
    assert.deepEqual(one('The army and the police were deployed together.'), ['security']);
  });

  void it('reads the diaspora from nationals working abroad and the money they send home', () => {
    assert.deepEqual(one('Citizens working abroad send money home to their families every month.'), [
      'diaspora',
    ]);
    assert.deepEqual(
      one('Les citoyens vivant à l’étranger envoient de l’argent à leur famille chaque mois.'),
      ['diaspora'],
    );
  });
});
