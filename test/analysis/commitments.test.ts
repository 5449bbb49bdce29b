import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  commitmentsFromStatements,
  extractCommitments,
  extractRoadmapPriorities,
  trackCommitments,
  withStatuses,
} from '../../src/analysis/commitments.ts';
import { findDeadline, lastDayAllowed } from '../../src/analysis/deadlines.ts';
import { findDates } from '../../src/extraction/dates.ts';
import { segment } from '../../src/extraction/segmentation.ts';
import { findStatements } from '../../src/extraction/statements.ts';
import { foldText } from '../../src/extraction/text.ts';

const MALI = readFileSync(
  new URL('../../corpus/mali-eu-high-level-dialogue-2016.fr.txt', import.meta.url),
  'utf8',
);

void describe('roadmap of the EU–Mali communiqué', () => {
  void it('lists the five priority areas of the joint roadmap with their topics', () => {
    const areas = extractRoadmapPriorities(MALI, 'mali');
    assert.deepEqual(
      areas.map((a) => a.label.slice(0, 40)),
      [
        'la création d’emploi pour les jeunes dan',
        'le renforcement des systèmes cohérents e',
        'la gestion des frontières et un meilleur',
        'la protection des migrants en transit au',
        'l’accompagnement des retours d’Europe de',
      ],
    );
    assert.deepEqual(
      areas.map((a) => a.topics[0]),
      ['root_causes_development', 'civil_registry', 'border_management', 'protection', 'return_readmission'],
    );
    for (const a of areas) {
      assert.equal(MALI.slice(a.source.start, a.source.end).replace(/\s+/g, ' ').trim(), a.source.quote);
    }
  });
});

void describe('commitments of the EU–Mali communiqué', () => {
  const commitments = extractCommitments(MALI, 'mali', { principals: ['ML', 'EU'] });

  void it('finds the local concertation structure and the next high-level dialogue before September 2017', () => {
    assert.ok(
      commitments.some(
        (c) => /structure appropriée de concertation locale/.test(c.text) && c.owners.join() === 'ML,EU',
      ),
    );
    const next = commitments.find((c) => c.nextDialogue);
    assert.deepEqual(next?.deadline, {
      value: '2017-09',
      precision: 'month',
      inclusive: false,
      quote: 'avant le mois de Septembre 2017',
    });
    assert.deepEqual(next?.owners, ['ML', 'EU']);
  });

  void it('tracks the next dialogue: open in June 2017, overdue from September 2017, not once done', () => {
    const june = trackCommitments(commitments, '2017-06-01');
    assert.equal(june.nextDialogue?.overdue, false);
    assert.equal(june.nextDialogue?.daysLeft, 91);
    assert.equal(june.overdue, 0);
    const september = trackCommitments(commitments, '2017-09-01');
    assert.equal(september.nextDialogue?.overdue, true);
    assert.equal(september.overdue, 1);
    const id = september.nextDialogue?.id ?? '';
    const done = trackCommitments(withStatuses(commitments, { [id]: 'done' }), '2017-10-01');
    assert.equal(done.overdue, 0);
    assert.equal(done.nextDialogue?.status, 'done');
  });

  void it('reads the same from the statement stage of the pipeline', () => {
    const statements = findStatements({
      text: MALI,
      folded: foldText(MALI),
      sentences: segment(MALI).sentences,
      actors: [],
      dates: findDates(MALI, 'fr'),
      principals: ['ML', 'EU'],
    });
    const fromPipeline = commitmentsFromStatements(MALI, 'mali', statements);
    const next = fromPipeline.find((c) => c.nextDialogue);
    assert.equal(next?.deadline?.value, '2017-09');
    assert.equal(next?.deadline?.inclusive, false);
    assert.ok(fromPipeline.every((c) => c.status === 'open'));
  });
});

void describe('deadlines', () => {
  void it('reads "before" as exclusive and "by"/"d’ici fin" as inclusive', () => {
    assert.equal(
      lastDayAllowed(findDeadline('avant le mois de Septembre 2017') ?? assert.fail()),
      '2017-08-31',
    );
    assert.equal(lastDayAllowed(findDeadline('to be adopted by June 2025') ?? assert.fail()), '2025-06-30');
    assert.equal(lastDayAllowed(findDeadline('d’ici fin 2030') ?? assert.fail()), '2030-12-31');
    assert.equal(lastDayAllowed(findDeadline('before 15 March 2024') ?? assert.fail()), '2024-03-14');
    assert.equal(findDeadline('met in 2016'), null);
  });
});
