import { describe, expect, test } from 'vitest';
import { csvText, EXCEL_NORWEGIAN, RFC_4180 } from '../export/csv-writer';
import { Sha256, toHex } from '../export/sha256';
import { RANDOM_CONTROL, BY_MODEL } from '../select/control-sample';
import { linkOutcomes, type LinkResult } from './link-outcomes';
import { listKey } from './list-key';
import { outcomesFormColumns } from './outcomes-form';
import { sortLoopFiles } from './sort-files';
import { appendDecision, manifestDecisions, type DecisionEntry } from '../decisions';

const enc = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => toHex(new Sha256().update(b).digest());

// A list of five: ranks 1–3 are the model's (model_count 3), ranks 41 and 77 were drawn at random.
const LIST = '\uFEFFskattyter_id;Rangering;Risiko (%);Utvalg\r\nA1;1;40,5;Modell\r\nA2;2;30;Modell\r\nA3;3;20;Modell\r\nB1;41;2;Kontroll\r\nB2;77;1;Kontroll\r\n';
const listBytes = enc(LIST);
const PINS = { modelSha256: 'a'.repeat(64), inputSha256: 'b'.repeat(64) };
const manifestOf = (over: { version?: number; key?: boolean; sha?: string; log?: DecisionEntry[] } = {}) => {
  const selection: Record<string, unknown> = { capacity: 5, control_share: 0.4, seed: '7', model_count: 3, control_count: 2 };
  const key = listKey({ modelSha256: 'a'.repeat(64), inputSha256: 'b'.repeat(64), capacity: 5, controlShare: 0.4, seed: '7' });
  if (over.key !== false) selection.list_key = key;
  return {
    key,
    text: JSON.stringify({
      manifest_schema: 'deduction-risk-export-manifest',
      manifest_version: over.version ?? 3,
      model: { sha256: 'a'.repeat(64) },
      input: { sha256: 'b'.repeat(64) },
      rows: { total: 102, scored: 100 },
      selection,
      export: { file_name: 'liste.csv', delimiter: ';', decimal: ',', bom: true, rows: 5, columns: ['skattyter_id', 'Rangering', 'Risiko (%)', 'Utvalg'], sha256: over.sha ?? hex(listBytes) },
      ...((over.version ?? 3) >= 3 ? { decisions: manifestDecisions(over.log ?? [], 102, PINS) } : {}),
    }),
  };
};

function link(outcomes: string, manifest = manifestOf(), list = listBytes): LinkResult {
  return linkOutcomes({ list: { name: 'liste.csv', bytes: list }, manifest: { name: 'liste.manifest.json', text: manifest.text }, outcomes: { name: 'utfall.csv', bytes: enc(outcomes) } });
}

function linked(r: LinkResult) {
  if (!('linked' in r)) throw new Error(`refused: ${r.refused.code}`);
  return r.linked;
}

describe('linkOutcomes', () => {
  test('counts checked rows and errors per arm by the list’s ranks; amounts with decimal comma and spaces', () => {
    const l = linked(link('skattyter_id;utfall;korrigert_beløp\nA1;1;12 500,50\nA2;0;\nB1;1;3000\nB2;;\n'));
    // Model arm: A1 error, A2 none, A3 missing → 3 listed, 2 checked, 1 error; random: B1 error, B2 empty → 2, 1, 1.
    expect(l.model).toMatchObject({ selected: 3, checked: 2, errors: 1 });
    expect(l.random).toMatchObject({ selected: 2, checked: 1, errors: 1 });
    expect(l.model.amount).toMatchObject({ sum: 12500.5, rows: 2, errors: 1 });
    expect(l.random.amount?.sum).toBe(3000);
    expect(l.rows).toBe(100);
    expect(l.rowsNotScored).toBe(2);
    expect(l.problems.map((p) => p.code)).toContain('loop.unchecked');
    expect(l.problems.find((p) => p.code === 'loop.unchecked')?.params).toEqual({ model: 1, random: 1 });
  });

  test('a list whose bytes differ from the manifest’s hash is refused', () => {
    const edited = enc(LIST.replace('A2;2;30', 'A2;2;31'));
    const r = link('skattyter_id;utfall\nA1;1\n', manifestOf(), edited);
    expect(r).toEqual({ refused: expect.objectContaining({ code: 'loop.list_edited', params: { list: 'liste.csv', manifest: 'liste.manifest.json' } }) });
  });

  test('outcomes carrying another list’s key are refused, naming the line', () => {
    const m = manifestOf();
    const r = link(`skattyter_id,liste,utfall\r\nA1,${m.key},1\r\nA2,0123456789abcdef,0\r\n`, m);
    expect('refused' in r && r.refused).toMatchObject({ code: 'loop.outcomes_other_key', line: 3, params: { found: '0123456789abcdef', expected: m.key } });
  });

  test('without a key, outcomes matching fewer than half their rows to the list belong to another list', () => {
    // 1 of 3 ids on the list: 1 < 3/2.
    const r = link('skattyter_id;utfall\nA1;1\nZ9;0\nZ8;1\n');
    expect('refused' in r && r.refused).toMatchObject({ code: 'loop.outcomes_other_list', params: { matched: 1, rows: 3 } });
  });

  test('half or more matched: the others are reported with their lines', () => {
    const l = linked(link('skattyter_id;utfall\nA1;1\nZ9;0\nA2;0\n'));
    expect(l.unmatched).toBe(1);
    expect(l.problems.find((p) => p.code === 'loop.unmatched_ids')?.params).toEqual({ count: 1, examples: 'Z9 (3)' });
  });

  test('an outcome other than 0, 1 or empty is a problem at its line and column, and the row counts as not checked', () => {
    const l = linked(link('skattyter_id;utfall\nA1;ja\nA2;1\n'));
    expect(l.model).toMatchObject({ checked: 1, errors: 1 });
    expect(l.problems.find((p) => p.code === 'loop.outcome_invalid')).toMatchObject({ line: 2, column: 2, field: 'utfall', params: { value: 'ja' } });
  });

  test('an id given twice counts once and is reported', () => {
    const l = linked(link('skattyter_id;utfall\nA1;1\nA1;0\n'));
    expect(l.model).toMatchObject({ checked: 1, errors: 1 });
    expect(l.problems.find((p) => p.code === 'loop.duplicate_id')).toMatchObject({ line: 3, params: { id: 'A1', first: 2 } });
  });

  test('an older manifest without a key: the key is computed from its fields and said', () => {
    const m = manifestOf({ version: 2, key: false });
    const l = linked(link(`skattyter_id;liste;utfall\nA1;${m.key};1\n`, m));
    expect(l.listKey).toBe(m.key);
    expect(l.problems.map((p) => p.code)).toContain('loop.no_list_key');
  });

  test('a broken manifest, an outcomes file without ids or utfall, and a spreadsheet are refused with a reason', () => {
    expect('refused' in link('x', { key: '', text: '{' }) && link('x', { key: '', text: '{' })).toMatchObject({ refused: { code: 'loop.manifest_invalid' } });
    expect(link('id;utfall\n1;1\n')).toMatchObject({ refused: { code: 'loop.outcomes_no_id', params: { id: 'skattyter_id' } } });
    expect(link('skattyter_id;svar\nA1;1\n')).toMatchObject({ refused: { code: 'loop.outcomes_no_outcome' } });
    const zip = String.fromCharCode(0x50, 0x4b, 3, 4) + 'xl/workbook.xml';
    expect(link(zip)).toMatchObject({ refused: { code: 'loop.outcomes_unreadable' } });
  });

  test('the outcomes form, filled in, links back to its list', () => {
    const m = manifestOf();
    const ids = ['A1', 'A2', 'A3', 'B1', 'B2'];
    const kind = [BY_MODEL, BY_MODEL, BY_MODEL, RANDOM_CONTROL, RANDOM_CONTROL];
    const form = csvText(outcomesFormColumns({ header: 'skattyter_id', text: ids }, kind, m.key), [0, 1, 2, 3, 4], EXCEL_NORWEGIAN);
    expect(form.split('\r\n')[0]).toBe('\uFEFFskattyter_id;liste;utvalg;utfall;korrigert_beløp');
    expect(form.split('\r\n')[4]).toBe(`B1;${m.key};kontroll;;`);
    const filled = form.replace(`A1;${m.key};modell;;`, `A1;${m.key};modell;1;4000`).replace(`B2;${m.key};kontroll;;`, `B2;${m.key};kontroll;0;`);
    const l = linked(link(filled, m));
    expect(l.model).toMatchObject({ checked: 1, errors: 1 });
    expect(l.random).toMatchObject({ checked: 1, errors: 0 });
    expect(csvText(outcomesFormColumns({ header: 'id', text: ['=1+1'] }, [BY_MODEL], m.key), [0], RFC_4180)).toContain("'=1+1");
  });
});

describe('linkOutcomes with reviewers’ decisions', () => {
  const decide = (log: DecisionEntry[], row: number, decision: 'keep' | 'remove' | 'add', listed: boolean) => {
    const r = appendDecision(log, { row, line: row + 2, decision, reason: `grunn ${log.length + 1}`, by: 'KN', time: '2026-12-06T10:00:00+01:00' }, { listed, current: null }, PINS);
    if ('problem' in r) throw new Error(r.problem.code);
    return r.log;
  };
  // A list of five drawn rows and one added by hand after them (position 5, rank 12).
  const HAND = LIST + 'C1;12;9;Lagt til for hånd\r\n';
  const handBytes = enc(HAND);
  const withHand = (log: DecisionEntry[]) => {
    const m = manifestOf({ sha: hex(handBytes), log });
    return link('skattyter_id;utfall\nA1;1\nA2;0\nA3;1\nB1;0\nB2;1\nC1;1\n', m, handBytes);
  };

  test('a row added by hand is counted on its own, in neither arm', () => {
    const l = linked(withHand(decide([], 11, 'add', false)));
    // Model arm A1–A3: 3 checked, 2 errors; random arm B1, B2: 2 checked, 1 error; by hand C1: 1 of 1.
    expect(l.model).toMatchObject({ selected: 3, checked: 3, errors: 2 });
    expect(l.random).toMatchObject({ selected: 2, checked: 2, errors: 1 });
    expect(l.added).toMatchObject({ selected: 1, checked: 1, errors: 1 });
    expect(l.problems).toContainEqual(expect.objectContaining({ code: 'loop.added_by_hand', params: { count: 1, checked: 1, errors: 1 } }));
  });

  test('rows taken off the list are counted and warned about', () => {
    const log = decide(decide([], 0, 'remove', true), 3, 'remove', true);
    const l = linked(link('skattyter_id;utfall\nA2;0\nA3;1\nB2;1\n', manifestOf({ log })));
    expect(l.problems).toContainEqual(expect.objectContaining({ code: 'loop.removed_by_reviewer', params: { count: 2 } }));
  });

  test('a manifest whose decision log was edited after the export is refused, naming the entry', () => {
    const log = decide(decide([], 0, 'keep', true), 3, 'remove', true);
    const edited = log.map((e, i) => (i === 1 ? { ...e, reason: 'en annen grunn' } : e));
    const m = manifestOf({ log });
    const tampered = { ...m, text: m.text.replace(JSON.stringify(log[1].reason), JSON.stringify(edited[1].reason)) };
    expect(tampered.text).not.toBe(m.text);
    expect(link('skattyter_id;utfall\nA1;1\n', tampered)).toEqual({ refused: expect.objectContaining({ code: 'loop.decision_log', params: { name: 'liste.manifest.json', entry: 2 } }) });
    expect('linked' in link('skattyter_id;utfall\nA1;1\n', m)).toBe(true);
  });
});

describe('sortLoopFiles', () => {
  test('tells the manifest, the list and the outcomes apart by content, whatever their names', () => {
    const files = [
      { name: 'a.csv', bytes: enc('skattyter_id;utfall\nA1;1\n') },
      { name: 'b.json', bytes: enc(manifestOf().text) },
      { name: 'c.txt', bytes: listBytes },
      { name: 'd.json', bytes: enc('{"x": 1}') },
    ];
    const s = sortLoopFiles(files);
    expect([s.outcomes?.name, s.manifest?.name, s.list?.name]).toEqual(['a.csv', 'b.json', 'c.txt']);
    expect(s.other.map((f) => f.name)).toEqual(['d.json']);
  });
});
