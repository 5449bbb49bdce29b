import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strict as chronoEn } from 'chrono-node/en';
import { strict as chronoFr } from 'chrono-node/fr';
import type { Language } from '../../src/domain/model.ts';
import { findDates, isCalendarDay } from '../../src/extraction/dates.ts';

/** Values of the event dates (citations left out), in text order. */
function values(text: string, language: Language): string[] {
  return findDates(text, language)
    .filter((m) => !m.inCitation)
    .map((m) => m.value);
}

void describe('findDates: day dates', () => {
  void it('reads French day dates with capitalised or lower-case months and "1er"', () => {
    assert.deepEqual(values('Bamako, 11 Décembre 2016', 'fr'), ['2016-12-11']);
    assert.deepEqual(values('le dialogue de Haut Niveau de 14 avril 2016', 'fr'), ['2016-04-14']);
    assert.deepEqual(values('adoptée le 19 septembre 2016 à New York', 'fr'), ['2016-09-19']);
    assert.deepEqual(values('en vigueur le 1er janvier 2020.', 'fr'), ['2020-01-01']);
  });

  void it('reads English day dates, day first and month first', () => {
    assert.deepEqual(values('approved by the European Parliament on 10 April 2024.', 'en'), ['2024-04-10']);
    assert.deepEqual(values('It was signed on April 10, 2024 in Cairo.', 'en'), ['2024-04-10']);
    assert.deepEqual(values('held on the 10th of April 2024', 'en'), ['2024-04-10']);
  });

  void it('gives one date per day of a list or a range, quoting the whole phrase', () => {
    const summit = findDates('le Sommet de La Valette (11 et 12 novembre 2015) sur la migration', 'fr');
    assert.deepEqual(
      summit.map((m) => m.value),
      ['2015-11-11', '2015-11-12'],
    );
    assert.equal(summit[0]?.quote, '11 et 12 novembre 2015');
    assert.deepEqual(values('The summit took place from 23–25 January 2024.', 'en'), [
      '2024-01-23',
      '2024-01-25',
    ]);
    assert.deepEqual(values('du 3 au 5 mai 2019', 'fr'), ['2019-05-03', '2019-05-05']);
    assert.deepEqual(values('on January 23–25, 2024', 'en'), ['2024-01-23', '2024-01-25']);
    assert.deepEqual(values('from 23 January to 25 February 2024', 'en'), ['2024-01-23', '2024-02-25']);
  });

  void it('reads numeric dates day first in both languages, and ISO dates', () => {
    assert.deepEqual(values('signé le 12/03/2018 à Rabat', 'fr'), ['2018-03-12']);
    assert.deepEqual(values('signed on 12/03/2018 in Rabat', 'en'), ['2018-03-12']);
    assert.deepEqual(values('published 2024-04-10.', 'en'), ['2024-04-10']);
  });

  void it('rejects days that are not on the calendar', () => {
    assert.deepEqual(values('on 30 February 2024', 'en'), []);
    assert.deepEqual(values('le 31 avril 2019', 'fr'), []);
    assert.deepEqual(values('on 29 February 2024 and 29 February 2023', 'en'), ['2024-02-29']);
  });

  void it('spans quote exactly the text they point to', () => {
    const text = 'Comme résultat du Dialogue de 11 décembre 2016, les parties';
    for (const m of findDates(text, 'fr')) assert.equal(text.slice(m.start, m.end), m.quote);
  });
});

void describe('findDates: months and years', () => {
  void it('reads month-year at month precision', () => {
    const april = findDates('Lors de leur rencontre en avril 2016, les autorités', 'fr');
    assert.deepEqual(
      april.map((m) => [m.value, m.precision]),
      [['2016-04', 'month']],
    );
    assert.deepEqual(values('avant le mois de Septembre 2017.', 'fr'), ['2017-09']);
    assert.deepEqual(values('In March 2024, the EU and Mauritania signed', 'en'), ['2024-03']);
    assert.deepEqual(values('introduced in June 2016', 'en'), ['2016-06']);
    assert.deepEqual(values('à Madrid en juillet 2019 ;', 'fr'), ['2019-07']);
    assert.deepEqual(values('en juillet-août 2019', 'fr'), ['2019-07', '2019-08']);
    assert.deepEqual(values('Between July 2022 and March 2024, France chaired', 'en'), [
      '2022-07',
      '2024-03',
    ]);
  });

  void it('does not take the modal "may" for a month', () => {
    assert.deepEqual(
      findDates('the States may 2024 be', 'en').map((m) => m.precision),
      ['year'],
    );
  });

  void it('reads years alone, in brackets, after a genitive and with a "mid-" prefix', () => {
    assert.deepEqual(values('an MoU on return since 2008, which states', 'en'), ['2008']);
    assert.deepEqual(values('organisée par l’OIM en 2013, les participants', 'fr'), ['2013']);
    assert.deepEqual(values('the Los Angeles Declaration on Migration (2022) promotes', 'en'), ['2022']);
    assert.deepEqual(values("Finland's 2023 programme for government", 'en'), ['2023']);
    assert.deepEqual(values('instruments from 2019 to mid-2024.', 'en'), ['2019', '2024']);
    assert.deepEqual(values('Programme de développement durable à l’horizon 2030', 'fr'), ['2030']);
  });

  void it('gives both ends of a year range', () => {
    assert.deepEqual(values('Plan d’action de Marrakech 2018-2020 sur la migration', 'fr'), ['2018', '2020']);
    assert.deepEqual(values('its national Migration Strategy for 2021-2030.', 'en'), ['2021', '2030']);
    assert.deepEqual(values('Strategies for Africa 2022–2025', 'en'), ['2022', '2025']);
    assert.deepEqual(values('the 2018-20 plan', 'en'), ['2018', '2020']);
  });
});

void describe('findDates: numbers that are not dates', () => {
  void it('leaves out amounts, codes, pages and percentages', () => {
    assert.deepEqual(values('a package of € 2024 million', 'en'), []);
    assert.deepEqual(values('Regulation (EU) 2021/947 and Regulation - EU - 2024/1359', 'en'), []);
    assert.deepEqual(values('Communication COM (2020) 609 final', 'en'), []);
    assert.deepEqual(values('Perspectives, 20 (2), pp. 1990-2005', 'en'), []);
    assert.deepEqual(values('une hausse de 2019 % des arrivées', 'fr'), []);
    assert.deepEqual(values('Loi n° 2015-036 du Mali', 'fr'), []);
    assert.deepEqual(values('la résolution 2046 du Conseil', 'fr'), []);
  });

  void it('leaves out counts of people and things', () => {
    assert.deepEqual(values('the programme reached 2030 migrants', 'en'), []);
    assert.deepEqual(values('plus de 2000 entreprises florissantes de la diaspora', 'fr'), []);
    assert.deepEqual(values('more than 1999 workers were recruited', 'en'), []);
  });

  void it('leaves out implausible years and parts of longer numbers', () => {
    assert.deepEqual(values('in 1900 and in 2101', 'en'), []);
    assert.deepEqual(values('CELEX:52011DC0743 and ref 12019', 'en'), []);
  });

  void it('leaves out years inside links and file names', () => {
    assert.deepEqual(
      values('see https://www.theguardian.com/world/2023/sep/18/x and 2022_March_Joint.pdf', 'en'),
      [],
    );
  });
});

void describe('findDates: citations', () => {
  void it('flags "last accessed on" and "consulté le" dates', () => {
    const accessed = findDates("'Migration', 2022, last accessed on 27 July 2024.", 'en');
    assert.ok(accessed.length > 0);
    assert.ok(accessed.every((m) => m.inCitation));
    const consulted = findDates('Site du Processus de Rabat, consulté le 3 mars 2021.', 'fr');
    assert.deepEqual(
      consulted.map((m) => [m.value, m.inCitation]),
      [['2021-03-03', true]],
    );
  });

  void it('flags author-year references and years before links', () => {
    const ref = findDates(
      "Adamson, F. B. and Tsourapas, G., 'Migration Diplomacy', (2019), *ISP*, 20 (2)",
      'en',
    );
    assert.deepEqual(
      ref.map((m) => [m.value, m.inCitation]),
      [['2019', true]],
    );
    const link = findDates('European Commission, International affairs, 2023, https://ec.europa.eu', 'en');
    assert.deepEqual(
      link.map((m) => m.inCitation),
      [true],
    );
    const book = findDates('in Bjola, C. (Eds.), *Arguing About Global Governance*, Routledge, 2010.', 'en');
    assert.ok(book.every((m) => m.inCitation));
  });

  void it('flags every mention inside the given citation spans and no other', () => {
    const text = 'Signed in 2016.\n12 OECD report, 2019.';
    const citation = { start: text.indexOf('12 OECD'), end: text.length };
    assert.deepEqual(
      findDates(text, 'en', [citation]).map((m) => [m.value, m.inCitation]),
      [
        ['2016', false],
        ['2019', true],
      ],
    );
  });

  void it('keeps a country with its year in brackets as an event date', () => {
    assert.deepEqual(
      findDates('Japan has concluded EPAs with Indonesia (2008), the Philippines (2009).', 'en').map(
        (m) => m.inCitation,
      ),
      [false, false],
    );
  });
});

void describe('findDates: footnote markers glued to a date', () => {
  void it('reads a date followed by a superscript note number', () => {
    assert.deepEqual(values('présenté par la Commission le 23 septembre 2020¹.', 'fr'), ['2020-09-23']);
    assert.deepEqual(values('It was adopted on 5 May 2021².', 'en'), ['2021-05-05']);
    assert.deepEqual(values('lancé en mai 2021¹ à Rabat', 'fr'), ['2021-05']);
    assert.deepEqual(values('signed on April 10, 2024³⁴ in Cairo', 'en'), ['2024-04-10']);
    assert.deepEqual(values('launched in 2020¹, the scheme', 'en'), ['2020']);
    const [mention] = findDates('le 23 septembre 2020¹.', 'fr');
    assert.equal(mention?.quote, '23 septembre 2020');
  });

  void it('reads a day or month date whose note number lost its superscript', () => {
    assert.deepEqual(values('présenté le 23 septembre 20201. Les ministres', 'fr'), ['2020-09-23']);
    assert.deepEqual(values('agreed in June 202112, then', 'en'), ['2021-06']);
  });

  void it('still rejects numbers that only start like a year', () => {
    assert.deepEqual(values('en 20201.', 'fr'), []);
    assert.deepEqual(values('code 202012 x', 'en'), []);
    // "2021.5" is a decimal number, not a year.
    assert.deepEqual(values('in June 2021.5 cases', 'en'), []);
    assert.deepEqual(values('Regulation (EU) 2021/947', 'en'), []);
  });
});

void describe('findDates: numeric, year-less and named years', () => {
  void it('reads dotted and slashed numeric dates day first in both languages', () => {
    assert.deepEqual(values('Le protocole a été paraphé le 04.05.2021 à Niamey.', 'fr'), ['2021-05-04']);
    assert.deepEqual(values('The arrangement was initialled on 04/05/2021.', 'en'), ['2021-05-04']);
    // The second slot cannot be a month: the date is written month first.
    assert.deepEqual(values('Signed on 05/23/2021 in Washington.', 'en'), ['2021-05-23']);
  });

  void it('dates a day and month written after a year from that year', () => {
    assert.deepEqual(values('In 2021 talks resumed. On 14 June, both ministers signed the text.', 'en'), [
      '2021',
      '2021-06-14',
    ]);
    assert.deepEqual(
      values('En 2020, les négociations reprennent. Le 2 octobre, le texte est paraphé.', 'fr'),
      ['2020', '2020-10-02'],
    );
  });

  void it('reads "juillet de la même année" and "in July that year"', () => {
    assert.deepEqual(
      values('Le dialogue est lancé en 2017, puis relancé en novembre de la même année.', 'fr'),
      ['2017', '2017-11'],
    );
    assert.deepEqual(values('A roadmap followed in 2022; in September that year the partners met.', 'en'), [
      '2022',
      '2022-09',
    ]);
  });

  void it('leaves a day or month without any year before it unread', () => {
    assert.deepEqual(values('On 14 June, both ministers signed the text.', 'en'), []);
    assert.deepEqual(values('En juillet, le comité se réunit.', 'fr'), []);
  });

  void it('does not read the year of an instrument name as a date', () => {
    assert.deepEqual(values('The 2030 Agenda for Sustainable Development was adopted in 2015.', 'en'), [
      '2015',
    ]);
    assert.deepEqual(values("L'Agenda 2063 de l'Union africaine, adopté en 2013.", 'fr'), ['2013']);
    assert.deepEqual(values('Vision 2030 and Horizon 2020 were both launched in 2016.', 'en'), ['2016']);
  });
});

void describe('isCalendarDay', () => {
  const months = {
    en: 'January February March April May June July August September October November December'.split(' '),
    fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  };

  void it("agrees with chrono-node's strict parser on every day number the patterns capture", () => {
    // The check replaced chrono's verdict ("31 février 2001" is not a day): the date patterns capture
    // one or two digits, so days 0–99 of every month, in a leap and a common year, cover every input.
    const disagreements: string[] = [];
    for (const language of ['en', 'fr'] as const) {
      const parser = language === 'fr' ? chronoFr : chronoEn;
      for (const year of [2000, 2001]) {
        for (let month = 1; month <= 12; month++) {
          for (let day = 0; day <= 99; day++) {
            const parsed = parser.parse(`${day} ${months[language][month - 1]} ${year}`)[0]?.start;
            const chrono =
              parsed !== undefined &&
              parsed.get('year') === year &&
              parsed.get('month') === month &&
              parsed.get('day') === day;
            if (chrono !== isCalendarDay(year, month, day)) {
              disagreements.push(`${language} ${year}-${month}-${day}`);
            }
          }
        }
      }
    }
    assert.deepEqual(disagreements, []);
  });

  void it('follows the Gregorian leap rule', () => {
    assert.equal(isCalendarDay(2024, 2, 29), true);
    assert.equal(isCalendarDay(2023, 2, 29), false);
    assert.equal(isCalendarDay(1900, 2, 29), false);
    assert.equal(isCalendarDay(2000, 2, 29), true);
    assert.equal(isCalendarDay(2024, 4, 31), false);
    assert.deepEqual(values('signé le 31 février 2016 et le 29 février 2016', 'fr'), ['2016-02-29']);
  });
});

void describe('findDates: numeric months, date order and yearless dates (issue 8, cause 5)', () => {
  void it('reads a month and year in figures, but not a text number', () => {
    assert.deepEqual(values('09.2019 – Le comité mixte se réunit à Tunis.', 'fr'), ['2019-09']);
    assert.deepEqual(values('11/2022: the working group meets again.', 'en'), ['2022-11']);
    assert.deepEqual(values('Le décret n° 04/2016 fixe les quotas.', 'fr'), []);
  });

  void it('reads numeric dates month first when the document writes them so', () => {
    const text = '03/25/2020 – Borders close. 04/05/2020 – The first flight leaves.';
    assert.deepEqual(values(text, 'en'), ['2020-03-25', '2020-04-05']);
    assert.deepEqual(values('25/03/2020 : fermeture. 04/05/2020 : premier vol.', 'fr'), [
      '2020-03-25',
      '2020-05-04',
    ]);
  });

  void it('dates a day by the last date written with the same month, past a bare year', () => {
    const text = 'Mars 2022. Le ministre, nommé en 2019, annonce le premier convoi pour le 18 mars.';
    assert.deepEqual(values(text, 'fr'), ['2022-03', '2019', '2022-03-18']);
  });

  void it('reads a later month of the same year and the months of a span', () => {
    assert.deepEqual(values('4 mai 2018. Les ministres se réunissent. Un accord suit en octobre.', 'fr'), [
      '2018-05-04',
      '2018-10',
    ]);
    assert.deepEqual(values('In 2016 the ferries stopped from May to September, then resumed.', 'en'), [
      '2016',
      '2016-05',
      '2016-09',
    ]);
    assert.deepEqual(values('4 mai 2018. Un accord suit en mars.', 'fr'), ['2018-05-04']);
    assert.deepEqual(values('En 2019, le comité se réunit. En juillet, rien.', 'fr'), ['2019']);
  });

  void it('does not date a later day by the year of a thing named before it', () => {
    const text = '2022 — The assembly amends the 2008 act with a new act, passed on 12 May.';
    assert.deepEqual(values(text, 'en'), ['2022', '2008', '2022-05-12']);
  });
});
