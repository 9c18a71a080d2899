import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import type { FeatureCard, ModelCard } from '../model/card';
import { BY_MODEL, RANDOM_CONTROL } from '../select/control-sample';
import { controlList, controlListManifestInput, manifestFileName, type ControlListInput } from './control-list';
import { csvText, EXCEL_NORWEGIAN, RFC_4180 } from './csv-writer';
import { buildManifest } from './manifest';
import { appendDecision } from '../decisions/append-decision';
import { manifestDecisions } from '../decisions/manifest-decisions';
import type { DecisionEntry } from '../decisions/decision-entry';

/**
 * A five-row file worked by hand: two features (an amount and a flag), an id column and two
 * passthrough columns holding a formula payload, a negative number and æøå.
 */
const feature = (name: string, nb: string, en: string, unit: FeatureCard['unit'], kind: FeatureCard['kind']) =>
  ({ name, label: { nb, nn: nb, en }, unit, kind }) as FeatureCard;
const card = { model: { id: 'deduction-risk', version: '1.0.0' } as ModelCard['model'], features: [feature('reisefradrag', 'Reisefradrag', 'Travel deduction', 'NOK', 'continuous'), feature('har_enk', 'Har ENK', 'Sole trader', 'flag', 'binary')] };

const N = 5;
const F = 2;
const probability = new Float32Array([0.01, 0.2, NaN, 0.9, 0.05]);
// Ranks by descending probability: row 3, 1, 4, 0; row 2 was rejected.
const rank = new Uint32Array([4, 2, 0, 1, 3]);
const features = new Float32Array([0, 1, 10000, 0, 20000, 0, 54000, 1, 30000, NaN]);
// φ reisefradrag, φ har_enk, base (log-odds). Row 0 is not explained yet.
const contrib = new Float32Array([NaN, NaN, NaN, -0.1, 0.3, -3, 0, 0, -3, 0.5, 0.25, -3, 0, 0, -3]);

function input(over: Partial<ControlListInput> = {}, idColumn = 0): ControlListInput {
  return {
    card,
    ingest: {
      rows: N,
      ids: ['S1', 'S2', 'S3', 'S4', 'S5'],
      idKind: idColumn >= 0 ? 'id' : 'none',
      line: new Uint32Array([2, 3, 4, 5, 6]),
      features,
      passthrough: { header: ['merknad', 'beløp'], columns: [['Bodø', 'Tromsø', '', '=HYPERLINK("http://x")', 'Å'], ['-1234,5', '-7', '0', '+47', '@x']] },
      plan: { header: ['skattyter_id', 'reisefradrag', 'har_enk', 'merknad', 'beløp'], idColumn, passthrough: [3, 4], columns: [0, 1, 2, 3, 4].map(() => ({ nationalId: false })) },
    } as unknown as ControlListInput['ingest'],
    probability,
    rank,
    selection: { rows: new Uint32Array([3, 1, 0]), kind: new Uint8Array([BY_MODEL, BY_MODEL, RANDOM_CONTROL]) },
    explanation: (row) => contrib.subarray(row * (F + 1), (row + 1) * (F + 1)),
    locale: 'nb',
    t: (key, params) => translate('nb', key, params),
    ...over,
  };
}

const write = (list: ReturnType<typeof controlList>, dialect = RFC_4180) => csvText(list.columns, list.positions, dialect);

describe('controlList', () => {
  it('writes id, rank, risk %, selection type, three reasons and the passthrough columns, in list order', () => {
    const list = controlList(input());
    const nbsp = '\u00a0';
    expect(write(list)).toBe(
      [
        'skattyter_id,rang,risiko_prosent,utvalg,grunn_1,grunn_2,grunn_3,valgt_av,beslutning,begrunnelse,merknad,beløp',
        `S4,1,90,modell,Reisefradrag 54${nbsp}000${nbsp}kr — høyere enn 80${nbsp}% i denne filen,Har ENK: ja,,deduction-risk 1.0.0,,,"'=HYPERLINK(""http://x"")",'+47`,
        'S2,2,20,modell,Har ENK: nei,,,deduction-risk 1.0.0,,,Tromsø,-7',
        'S1,4,1,tilfeldig kontroll,trukket tilfeldig – ingen grunner for utvelgelse,,,tilfeldig kontroll,,,Bodø,"-1234,5"',
        '',
      ].join('\r\n'),
    );
  });

  it('counts listed rows without an explanation and says so as a warning', () => {
    const list = controlList(input({ selection: { rows: new Uint32Array([3, 1, 0]), kind: new Uint8Array([BY_MODEL, BY_MODEL, BY_MODEL]) } }));
    expect(list.unexplained).toBe(1);
    expect(list.problems).toEqual([{ code: 'control_list.unexplained', severity: 'warning', params: { count: 1 } }]);
  });

  it('leaves every reason empty, as information, when the model cannot be explained', () => {
    const list = controlList(input({ explanation: null }));
    // The random control row needs no explanation: it was not chosen for a reason.
    expect(list.unexplained).toBe(2);
    expect(list.problems[0].severity).toBe('info');
    expect(write(list).split('\r\n')[2]).toBe('S2,2,20,modell,,,,deduction-risk 1.0.0,,,Tromsø,-7');
  });

  it('uses the line in the file as id when the file has no id column', () => {
    const list = controlList(input({}, -1));
    expect(list.headers.slice(0, 2)).toEqual(['linje', 'rang']);
    expect(write(list).split('\r\n')[1].startsWith('5,1,90,')).toBe(true);
  });

  it('spells the list for Norwegian Excel: BOM, semicolons, decimal comma, negative numbers left as numbers', () => {
    const list = controlList(input({ probability: new Float32Array([0.0125, 0.2, NaN, 0.9, 0.05]) }));
    const text = write(list, EXCEL_NORWEGIAN);
    expect(text.startsWith('\ufeffskattyter_id;rang;risiko_prosent;')).toBe(true);
    expect(text.split('\r\n')[3]).toBe('S1;4;1,25;tilfeldig kontroll;trukket tilfeldig – ingen grunner for utvelgelse;;;tilfeldig kontroll;;;Bodø;-1234,5');
  });

  it('gives a random control row no reasons for selection, explained or not, and says it was drawn at random', () => {
    const explained = controlList(input({ selection: { rows: new Uint32Array([3]), kind: new Uint8Array([RANDOM_CONTROL]) } }));
    expect(explained.unexplained).toBe(0);
    expect(write(explained).split('\r\n')[1]).toBe(`S4,1,90,tilfeldig kontroll,trukket tilfeldig – ingen grunner for utvelgelse,,,tilfeldig kontroll,,,"'=HYPERLINK(""http://x"")",'+47`);
    const en = controlList(input({ locale: 'en', t: (key, params) => translate('en', key, params) }));
    expect(write(en).split('\r\n')[3]).toBe('S1,4,1,random control,drawn at random – no reasons for selection,,,random control,,,Bodø,"-1234,5"');
  });

  it('leaves out a feature that does not move the risk noticeably (φ below ln 1.25)', () => {
    const list = controlList(input({ selection: { rows: new Uint32Array([3]), kind: new Uint8Array([BY_MODEL]) }, explanation: () => new Float32Array([0.5, 0.2, -3]) }));
    expect(write(list).split('\r\n')[1]).toContain('i denne filen,,,deduction-risk');
  });

  it('writes the reasons in English when asked', () => {
    const list = controlList(input({ locale: 'en', t: (key, params) => translate('en', key, params) }));
    expect(write(list).split('\r\n')[2]).toBe('S2,2,20,model,Sole trader: no,,,deduction-risk 1.0.0,,,Tromsø,-7');
  });

  it('ranks reasons alike whether the explanation arrives in float32 or float64', () => {
    // 0.30000000000000004 and 0.3 are the same float32: the tie goes to the lower index both ways.
    const c64 = new Float64Array([0.3, 0.30000000000000004, -3]);
    const c32 = new Float32Array([0.3, 0.3, -3]);
    const one = (c: ArrayLike<number>) => write(controlList(input({ selection: { rows: new Uint32Array([3]), kind: new Uint8Array([BY_MODEL]) }, explanation: () => c })));
    expect(one(c64)).toBe(one(c32));
    expect(one(c64).split('\r\n')[1]).toContain('kr — høyere enn 80');
  });

  it('masks national ids in the id and passthrough columns unless the user asks for them in full, and says which columns hold them', () => {
    const base = input();
    const ingest = {
      ...base.ingest,
      ids: ['S1', 'S2', 'S3', '01039011081', 'S5'],
      idKind: 'national-id',
      passthrough: { header: ['merknad', 'beløp'], columns: [['Bodø', 'ring 311299 56715', '', 'x', 'Å'], ['1', '2', '3', '4', '5']] },
      plan: { ...base.ingest.plan, columns: [{ nationalId: true }, { nationalId: false }, { nationalId: false }, { nationalId: true }, { nationalId: false }] },
    } as unknown as ControlListInput['ingest'];
    const masked = controlList({ ...base, ingest });
    const text = write(masked);
    expect(text).not.toMatch(/01039011081|311299 56715/);
    expect(text.split('\r\n')[1].startsWith('•••••••••81,1,')).toBe(true);
    expect(text.split('\r\n')[2]).toContain(',ring •••••••••15,');
    expect(masked.nationalIds).toEqual({ columns: ['skattyter_id', 'merknad'], exported: 'masked' });
    const full = controlList({ ...base, ingest, nationalIds: 'in_full' });
    expect(write(full)).toMatch(/^01039011081,1,/m);
    expect(write(full)).toContain(',ring 311299 56715,');
    expect(full.nationalIds.exported).toBe('in_full');
  });

  it('writes each row\'s current decision and its reason, keeps removed rows marked, and appends rows added by hand in rank order', () => {
    // Listed: rows 3, 1 (model) and 0 (control). Row 3 removed; row 1 removed, then kept again;
    // row 4 (rank 3) and row 2 (rejected: never added) asked; row 4 added, in rank order after the list.
    const pins = { modelSha256: 'a'.repeat(64), inputSha256: 'b'.repeat(64) };
    let log: DecisionEntry[] = [];
    const decide = (row: number, decision: 'keep' | 'remove' | 'add', reason: string, listed: boolean, current: 'keep' | 'remove' | 'add' | null = null) => {
      const next = appendDecision(log, { row, line: row + 2, decision, reason, by: 'KN', time: '2026-12-06T10:00:00+01:00' }, { listed, current }, pins);
      if ('problem' in next) throw new Error(next.problem.code);
      log = next.log;
    };
    decide(3, 'remove', 'Kjørebok viser riktig avstand', true);
    decide(1, 'remove', 'feil', true);
    decide(1, 'keep', '', true, 'remove');
    decide(4, 'add', 'Tips; «pendler», =SUM(A1)', false);
    const lines = write(controlList(input({ decisions: log }))).split('\r\n');
    expect(lines[1]).toMatch(/^S4,1,90,modell,.*,deduction-risk 1\.0\.0,tatt av listen,Kjørebok viser riktig avstand,/);
    expect(lines[2]).toBe('S2,2,20,modell,Har ENK: nei,,,deduction-risk 1.0.0,beholdt,,Tromsø,-7');
    expect(lines[3]).toBe('S1,4,1,tilfeldig kontroll,trukket tilfeldig – ingen grunner for utvelgelse,,,tilfeldig kontroll,,,Bodø,"-1234,5"');
    // Row 4 (S5, rank 3): a hand-added row's formula-like reason is neutralised like any cell.
    expect(lines[4]).toBe(`S5,3,5,lagt til for hånd,,,,lagt til for hånd,lagt til,"Tips; «pendler», =SUM(A1)",Å,'@x`);
    expect(lines).toHaveLength(6);
    // Removed again: the row stays on the list (the list is the record), marked removed.
    decide(4, 'remove', 'feil rad', false, 'add');
    const again = write(controlList(input({ decisions: log }))).split('\r\n');
    expect(again[4]).toBe(`S5,3,5,lagt til for hånd,,,,lagt til for hånd,tatt av listen,feil rad,Å,'@x`);
    // The list made again without row 3 (S4): its removal stays in the log, and the export says it is off the list.
    const remade = controlList(input({ decisions: log, selection: { rows: new Uint32Array([1, 0]), kind: new Uint8Array([BY_MODEL, RANDOM_CONTROL]) } }));
    expect(write(remade)).not.toContain('S4,');
    expect(remade.problems).toContainEqual({ code: 'decisions.off_list', severity: 'warning', params: { count: 1 } });
  });

  it('writes only the header for an empty selection', () => {
    const list = controlList(input({ selection: { rows: new Uint32Array(0), kind: new Uint8Array(0) } }));
    expect(write(list)).toBe('skattyter_id,rang,risiko_prosent,utvalg,grunn_1,grunn_2,grunn_3,valgt_av,beslutning,begrunnelse,merknad,beløp\r\n');
    expect(list.unexplained).toBe(0);
  });
});

describe('controlListManifestInput', () => {
  it('names the file column behind each feature, the id and the label, and the row counts per status', () => {
    const m = controlListManifestInput({
      app: { name: 'deduction-risk-explorer', version: '0.1.0' },
      model: { id: 'm', version: '1', sha256: 'a'.repeat(64) },
      input: { fileName: 'f.csv', sizeBytes: 10, sha256: 'b'.repeat(64) },
      ingest: {
        rows: 5,
        counts: { scored: 3, warned: 1, rejected: 1, emptyLines: 0 },
        plan: { header: ['id', 'reise', 'enk', 'y'], featureColumns: [1, -1], idColumn: 0, labelColumn: 3, encoding: 'utf-8', delimiter: ',', decimal: '.' },
      } as unknown as Parameters<typeof controlListManifestInput>[0]['ingest'],
      card,
      choices: { capacity: 3, controlShare: 0.1, seed: 7 },
      selection: { modelCount: 3, controlCount: 0 },
      export: { fileName: 'l.csv', dialect: RFC_4180, headers: ['id'], rows: 3, sha256: 'c'.repeat(64), nationalIds: { columns: [], exported: 'masked' } },
      createdAt: '2026-01-01T00:00:00Z',
      decisions: manifestDecisions([], 5, { modelSha256: 'a'.repeat(64), inputSha256: 'b'.repeat(64) }),
    });
    expect(m.input.mapping).toEqual({ reisefradrag: 'reise', har_enk: null, id: 'id', label: 'y' });
    expect(m.rows).toEqual({ total: 5, scored: 4, byStatus: { scored: 3, scored_with_warnings: 1, rejected: 1 } });
    expect(m.selection.listOrder).toBe('grouped');
  });
});

describe('manifestFileName', () => {
  it('puts the manifest beside the list', () => {
    expect(manifestFileName('kontrolliste.csv')).toBe('kontrolliste.manifest.json');
    expect(manifestFileName('liste')).toBe('liste.manifest.json');
  });
});

describe('the manifest of a list made while comparing models', () => {
  it('records the challenger’s hash and how far the two lists agreed, and refuses a malformed hash', () => {
    const args = {
      app: { name: 'x', version: '1' },
      model: { id: 'deduction-risk', version: '1.0.0', sha256: 'a'.repeat(64) },
      input: { fileName: 'f.csv', sizeBytes: 1, sha256: 'b'.repeat(64) },
      ingest: { rows: 3, counts: { scored: 3, warned: 0, rejected: 0, emptyLines: 0 }, plan: { header: ['id'], featureColumns: [], idColumn: 0, labelColumn: -1, encoding: 'utf-8', delimiter: ',', decimal: '.' } },
      card,
      choices: { capacity: 2, controlShare: 0, seed: 1 },
      selection: { modelCount: 2, controlCount: 0 },
      export: { fileName: 'l.csv', dialect: RFC_4180, headers: ['id'], rows: 2, sha256: 'c'.repeat(64), nationalIds: { columns: [], exported: 'masked' as const } },
      createdAt: '2026-12-05T10:00:00Z',
      decisions: manifestDecisions([], 3, { modelSha256: 'a'.repeat(64), inputSha256: 'b'.repeat(64) }),
    } as unknown as Parameters<typeof controlListManifestInput>[0];
    const comparison = { challenger: { id: 'deduction-risk-prefiling', version: '1.0.0', sha256: 'd'.repeat(64) }, spearman: 0.71, capacity: 2, overlap_at_capacity: 1 };
    expect(buildManifest(controlListManifestInput({ ...args, comparison })).comparison).toEqual(comparison);
    expect(buildManifest(controlListManifestInput(args)).comparison).toBeUndefined();
    expect(() => buildManifest(controlListManifestInput({ ...args, comparison: { ...comparison, challenger: { ...comparison.challenger, sha256: 'nope' } } }))).toThrow(/challenger/);
  });
});
