// The DuckDB baseline for bench/wres_bench.sh: the nine WRES indicators from the synthetic CSV
// files in SQL, the same computation as `eqkit wres compute` (unknown ethnicity left out of the
// ratios, bank staff left out, each person counted once). Prints the figures as JSON.
import { DuckDBInstance } from '@duckdb/node-api';

const folder = process.argv[2];
const file = (name) => `read_csv('${folder}/${name}', header = true, all_varchar = true)`;
// White = A, B, C; unknown = Z, 99 or blank; BME = every other stated code.
const group = (col) => `CASE WHEN coalesce(${col}, '') = '' OR ${col} = '99' OR left(${col}, 1) = 'Z'
  THEN 'unknown' WHEN left(${col}, 1) IN ('A', 'B', 'C') THEN 'white' ELSE 'bme' END`;

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const rows = async (sql) => (await db.runAndReadAll(sql)).getRowObjects();
const byGroup = async (sql) => Object.fromEntries((await rows(sql)).map((r) => [r.g, Number(r.n)]));

await db.run(`CREATE TABLE staff AS SELECT person_id, ${group('ethnic_category')} AS g,
  CASE WHEN coalesce(medical_subgroup, '') <> '' THEN 'medical' WHEN clinical = 'Y' THEN 'clinical'
       ELSE 'non_clinical' END AS section,
  coalesce(nullif(medical_subgroup, ''), afc_band) AS row
  FROM ${file('staff.csv')} WHERE coalesce(is_bank, '') <> 'Y'`);
const bands = await rows(`SELECT section, row, g, count(*) AS n FROM staff GROUP BY ALL`);
const head = await byGroup(`SELECT g, count(*) AS n FROM staff GROUP BY g`);
const rec = await rows(`SELECT ${group('ethnic_category')} AS g, count(*) FILTER (shortlisted = 'Y') AS s,
  count(*) FILTER (appointed = 'Y') AS a FROM ${file('recruitment.csv')} GROUP BY ALL`);
const short = Object.fromEntries(rec.map((r) => [r.g, Number(r.s)]));
const appointed = Object.fromEntries(rec.map((r) => [r.g, Number(r.a)]));
const disc = await byGroup(`SELECT s.g, count(DISTINCT d.person_id) AS n
  FROM ${file('disciplinary.csv')} d JOIN staff s USING (person_id) GROUP BY s.g`);
const train = await byGroup(`SELECT s.g, count(DISTINCT t.person_id) AS n
  FROM ${file('training.csv')} t JOIN staff s USING (person_id) WHERE t.mandatory = 'N' GROUP BY s.g`);
const voting = await byGroup(`SELECT ${group('ethnic_category')} AS g, count(*) AS n
  FROM ${file('board.csv')} WHERE voting = 'Y' GROUP BY ALL`);
const survey = await rows(`SELECT indicator, percentage FROM ${file('survey.csv')} WHERE "group" = 'BME'`);

const v = (o, k) => o[k] ?? 0;
const ratio = (a, n, b, m) => (n && m && b ? (a / n) / (b / m) : null);
const total = Object.values(head).reduce((x, y) => x + y, 0);
const boardTotal = Object.values(voting).reduce((x, y) => x + y, 0);
const figures = {
  1: (100 * v(head, 'bme')) / total,
  2: ratio(v(appointed, 'white'), v(short, 'white'), v(appointed, 'bme'), v(short, 'bme')),
  3: ratio(v(disc, 'bme'), v(head, 'bme'), v(disc, 'white'), v(head, 'white')),
  4: ratio(v(train, 'white'), v(head, 'white'), v(train, 'bme'), v(head, 'bme')),
  9: (100 * v(voting, 'bme')) / boardTotal - (100 * v(head, 'bme')) / total,
  band_rows: bands.length,
};
for (const s of survey) figures[s.indicator] = Number(s.percentage);
console.log(JSON.stringify(figures));
