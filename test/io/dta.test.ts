// Stata .dta reader and writer against real Stata files (../shared/fixtures) and write→read round trips.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { readDta, writeDta, type DtaWriteInput } from '../../src/io/dta.js';
import { sharedPath } from '../helpers.js';

/** Minimal RFC-4180 reader for the fixture twins (quoted strings, no embedded newlines). */
function readCsv(path: string): { header: string[]; rows: { text: string; quoted: boolean }[][] } {
  const lines = readFileSync(path, 'utf8').replace(/\r/g, '').trim().split('\n');
  const split = (l: string) => {
    const out: { text: string; quoted: boolean }[] = [];
    let k = 0;
    while (k <= l.length) {
      if (l[k] === '"') {
        let s = '';
        k++;
        while (k < l.length) {
          if (l[k] === '"' && l[k + 1] === '"') { s += '"'; k += 2; } else if (l[k] === '"') { k++; break; } else s += l[k++];
        }
        out.push({ text: s, quoted: true });
        k++;
      } else {
        const e = l.indexOf(',', k);
        const end = e < 0 ? l.length : e;
        out.push({ text: l.slice(k, end), quoted: false });
        k = end + 1;
      }
    }
    return out;
  };
  return { header: split(lines[0]).map((c) => c.text), rows: lines.slice(1).map(split) };
}

describe('gtfpch fixtures (format 118) equal their CSV twins', () => {
  // The twins were written by R's write.csv, which prints 15 significant digits. Stata stored K, Y, CO2,
  // TFPCH, TECH, TECCH, Row and id as float32; widened to double they carry up to ~24 significant digits,
  // so for those the CSV text is the value rounded to 15 digits (and likewise for doubles such as Dv). Rule: a cell matches when the double
  // equals the CSV number exactly, or when rounding the double to 15 significant digits gives the CSV number.
  for (const name of ['example', 'ex1result', 'ex3result']) {
    test(name, () => {
      const d = readDta(readFileSync(sharedPath('fixtures', 'gtfpch', `${name}.dta`)), `${name}.dta`);
      const csv = readCsv(sharedPath('fixtures', 'gtfpch', `${name}.csv`));
      expect(d.release).toBe(118);
      expect(d.header).toEqual(csv.header);
      expect(d.nobs).toBe(csv.rows.length);
      let exact = 0;
      let rounded = 0;
      for (let j = 0; j < d.header.length; j++) {
        const v = d.variables[j];
        for (let i = 0; i < d.nobs; i++) {
          const cell = csv.rows[i][j];
          const got = d.columns[j][i];
          if (v.type === 'str' || v.type === 'strL') {
            expect(cell.quoted).toBe(true);
            expect(got).toBe(cell.text);
            continue;
          }
          expect(typeof got).toBe('number');
          const want = Number(cell.text);
          if (got === want) exact++;
          else {
            expect(Number((got as number).toPrecision(15)), `${name} ${v.name} row ${i + 1}`).toBe(want);
            rounded++;
          }
        }
      }
      expect(exact + rounded).toBeGreaterThan(0);
    });
  }

  test('metadata of example.dta', () => {
    const d = readDta(readFileSync(sharedPath('fixtures', 'gtfpch', 'example.dta')), 'example.dta');
    expect(d.byteOrder).toBe('LSF');
    expect(d.timestamp).toBe(' 6 Aug 2020 12:12');
    expect(d.variables.map((v) => v.type)).toEqual(['str', 'int', 'float', 'double', 'double', 'float', 'float']);
    expect(d.variables[0].strWidth).toBe(12);
    expect(d.variableLabels.K).toBe('capital stock (in 100 million 1997 CNY)');
    expect(d.formats.CO2).toBe('%15.1f');
    expect(d.characteristics.find((c) => c.variable === 'L' && c.name === 'destring_cmd')?.contents).toBe('destring , replace');
    expect(d.formatRelease).toBe('dta 118');
  });
});

describe('prodest.dta (format 117)', () => {
  // NOTE: ../shared/fixtures/dta/prodest.csv is NOT this file's twin: it holds a different panel
  // (497 firms, 1996–2006, 2544 rows) while prodest.dta holds 386 firms, 1996–2009, 1758 rows; only one
  // (id, year) key is common. The reference here is therefore pandas 3 `read_stata` (an independent
  // reader), run once offline: SHA-256 of each column as little-endian float64 (the second entry, pandas' fsum, is for people).
  const ref: Record<string, [string, number]> = {
    id: ['66339405023e89dace722dabf53618b8dd63f72697da7f253a1715c867ce737a', 23345063.0],
    year: ['c350c3158712e3ac50e859c16d9654ba0b98c265759c1e171b6e7fd3e2debe50', 3519045.0],
    log_y: ['1845caee28dc3a34b23a782e18869378f82f4711c8063eddf17c5e7d8f4b3a7e', 23551.08023071289],
    log_k: ['3b4b3a905d71bae43020aef5089db5cb5a5cbfe59c3170a7db83aa064fab95d2', 21191.37023115158],
    log_lab1: ['4d698050c5384c3dfc33ed82f8b870b7534eb7e0c4f994ead02362ae1a471785', 2760.384173631668],
    log_lab2: ['3d207091d9351e948a024c70ae3ffcba20da2e1d9d4354b85de5b04b1def0358', 4228.822252035141],
    log_materials: ['b63ebcf3d6ddfb65b0c18b7b642add12e09ce4001511407213a485e09d01ee28', 8147.029045343399],
    log_investment: ['612611fc7ea130b7b28b089ed54d4eb25e883b27255d7009959ddd824839ddc6', 20270.26857807123],
  };
  const d = readDta(readFileSync(sharedPath('fixtures', 'dta', 'prodest.dta')), 'prodest.dta');

  test('header, types and metadata', () => {
    expect(d.release).toBe(117);
    expect(d.nobs).toBe(1758);
    expect(d.header).toEqual(Object.keys(ref));
    expect(d.variables.map((v) => v.type)).toEqual(['long', 'int', 'float', 'float', 'float', 'float', 'float', 'float']);
    expect(d.timestamp).toBe('21 Sep 2016 00:12');
    expect(d.sortlist).toEqual(['id', 'year']);
    expect(d.characteristics.find((c) => c.name === '_TStvar')?.contents).toBe('year');
    expect(d.columns[0].slice(0, 3)).toEqual([121, 175, 441]);
    expect(d.columns.map((c) => c[d.nobs - 1])).toEqual([40456, 1998, 11.383214950561523, 9.399223327636719, 1.0986123085021973, 1.6094379425048828, 3.97029185295105, 8.764857292175293]);
  });

  test('every value equals pandas read_stata bit for bit', () => {
    for (const [j, h] of d.header.entries()) {
      const a = Float64Array.from(d.columns[j] as number[]);
      const hash = createHash('sha256').update(new Uint8Array(a.buffer)).digest('hex');
      expect(hash, h).toBe(ref[h][0]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Round trips

const nameArb = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,10}$/).filter((n) => !/^(_all|_b|byte|_coef|_cons|double|float|if|in|int|long|_n|_N|_pi|_pred|_rc|_skip|str\d*|strL|using|with)$/.test(n));
const unicodeText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '北', '京', '新', '疆', 'é', '😀', '\u3000', '0', '.'), maxLength: 12 });

type Col = { kind: 'num' | 'int' | 'str' | 'long'; cells: (string | number | null)[]; codes: Record<number, string> };

function colArb(n: number): fc.Arbitrary<Col> {
  const missing = fc.constantFrom('.', '.a', '.b', '.m', '.z');
  const numCell = fc.oneof(
    { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }) },
    { weight: 2, arbitrary: fc.integer({ min: -2147483647, max: 2147483620 }) },
    { weight: 2, arbitrary: missing },
  );
  const intCell = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -127, max: 32740 }) }, { weight: 2, arbitrary: missing });
  const toCol = (kind: Col['kind'], raw: (number | string)[]): Col => {
    const codes: Record<number, string> = {};
    const cells = raw.map((v, i) => {
      if (typeof v === 'string') {
        if (v !== '.') codes[i] = v;
        return null;
      }
      return v;
    });
    return { kind, cells, codes };
  };
  return fc.oneof(
    fc.array(numCell, { minLength: n, maxLength: n }).map((raw) => toCol('num', raw)),
    fc.array(intCell, { minLength: n, maxLength: n }).map((raw) => toCol('int', raw)),
    fc.array(unicodeText, { minLength: n, maxLength: n }).map((cells) => ({ kind: 'str' as const, cells, codes: {} })),
    fc.array(fc.oneof(unicodeText, fc.string({ minLength: 2046, maxLength: 2100 })), { minLength: n, maxLength: n }).map((cells) => ({ kind: 'long' as const, cells, codes: {} })),
  );
}

const tableArb = fc
  .record({ n: fc.integer({ min: 0, max: 12 }), k: fc.integer({ min: 1, max: 6 }) })
  .chain(({ n, k }) =>
    fc.record({
      names: fc.uniqueArray(nameArb, { minLength: k, maxLength: k, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }),
      cols: fc.array(colArb(n), { minLength: k, maxLength: k }),
      labels: fc.array(fc.option(unicodeText, { nil: undefined }), { minLength: k, maxLength: k }),
      dataLabel: unicodeText,
    }),
  );

describe('write → read round trip', () => {
  test('lossless on random tables (numbers bit-exact incl. -0, extended missing codes, unicode, strL)', () => {
    fc.assert(
      fc.property(tableArb, ({ names, cols, labels, dataLabel }) => {
        const table: DtaWriteInput = {
          header: names,
          columns: cols.map((c) => c.cells),
          missingCodes: Object.fromEntries(names.map((nm, j) => [nm, cols[j].codes]).filter(([, c]) => Object.keys(c as object).length)),
          variableLabels: Object.fromEntries(names.map((nm, j) => [nm, labels[j]]).filter(([, l]) => l)),
          dataLabel,
        };
        const back = readDta(writeDta(table), 'roundtrip.dta');
        expect(back.release).toBe(118);
        expect(back.header).toEqual(names);
        expect(back.dataLabel).toBe(dataLabel);
        for (let j = 0; j < names.length; j++) {
          const want = cols[j].cells;
          const got = back.columns[j];
          expect(got.length).toBe(want.length);
          for (let i = 0; i < want.length; i++) expect(Object.is(got[i], want[i]), `${names[j]}[${i}]: ${got[i]} vs ${want[i]}`).toBe(true);
          expect(back.missingCodes[names[j]] ?? {}).toEqual(cols[j].codes);
          expect(back.variableLabels[names[j]]).toBe(labels[j] || undefined);
          if (cols[j].kind === 'long' && want.some((s) => (s as string).length > 2045)) expect(back.variables[j].type).toBe('strL');
        }
      }),
      { numRuns: 100, seed: 12345 },
    );
  });

  test('formats 117, 118, 119 in both byte orders read back identically', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom<117 | 118 | 119>(117, 118, 119), fc.constantFrom<'LSF' | 'MSF'>('LSF', 'MSF'), ({ names, cols }, release, byteOrder) => {
        const missingCodes = Object.fromEntries(names.map((nm, j) => [nm, cols[j].codes]));
        const back = readDta(writeDta({ header: names, columns: cols.map((c) => c.cells), missingCodes, valueLabels: {} }, { release, byteOrder }), 'x.dta');
        expect(back.release).toBe(release);
        expect(back.byteOrder).toBe(byteOrder);
        for (let j = 0; j < names.length; j++) {
          cols[j].cells.forEach((v, i) => expect(Object.is(back.columns[j][i], v)).toBe(true));
          expect(back.missingCodes[names[j]] ?? {}).toEqual(cols[j].codes);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  test('a read file written again reads back identically, keeping storage types', () => {
    for (const p of [['fixtures', 'gtfpch', 'example.dta'], ['fixtures', 'dta', 'prodest.dta']]) {
      const a = readDta(readFileSync(sharedPath(...p)), p[2]);
      const bytes = writeDta({ ...a, types: Object.fromEntries(a.variables.map((v) => [v.name, v.type])), valueLabelNames: {} });
      const b = readDta(bytes, 'again.dta');
      let diff = 0;
      a.columns.forEach((c, j) => c.forEach((v, i) => { if (!Object.is(v, b.columns[j][i])) diff++; }));
      expect(diff).toBe(0);
      expect(b.variables.map((v) => [v.name, v.type, v.label, v.format])).toEqual(a.variables.map((v) => [v.name, v.type, v.label, v.format]));
      expect(b.dataLabel).toBe(a.dataLabel);
      // deterministic bytes
      const again = writeDta({ ...a, types: Object.fromEntries(a.variables.map((v) => [v.name, v.type])) });
      expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    }
  });

  test('value labels, storage type choice and map offsets', () => {
    const bytes = writeDta({
      header: ['region', 'x', 'big', 'frac', 'name'],
      columns: [[1, 2, 3, null], [100, -127, 0, 5], [40000, 1, 2, 3], [0.5, 1, 2, 3], ['北京', '', 'Shaanxi', null]],
      valueLabels: { region: { 1: '东部', 2: '中部', 3: '西部' } },
      missingCodes: { region: { 3: '.a' } },
      timestamp: '28 Nov 2026 09:00',
    });
    const d = readDta(bytes, 't.dta');
    expect(d.variables.map((v) => v.type)).toEqual(['byte', 'byte', 'long', 'double', 'str']);
    expect(d.variables[4].strWidth).toBe(7);
    expect(d.valueLabels.region).toEqual({ 1: '东部', 2: '中部', 3: '西部' });
    expect(d.variables[0].valueLabel).toBe('region');
    expect(d.missingCodes).toEqual({ region: { 3: '.a' } });
    expect(d.columns[4]).toEqual(['北京', '', 'Shaanxi', '']);
    expect(d.timestamp).toBe('28 Nov 2026 09:00');
    // the map (14 little-endian u64 offsets after "<map>") points at each section's opening tag
    const text = new TextDecoder('latin1').decode(bytes);
    const mapAt = text.indexOf('<map>') + 5;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const off = (k: number) => Number(view.getBigUint64(mapAt + 8 * k, true));
    const tags = ['<stata_dta>', '<map>', '<variable_types>', '<varnames>', '<sortlist>', '<formats>', '<value_label_names>', '<variable_labels>', '<characteristics>', '<data>', '<strls>', '<value_labels>', '</stata_dta>'];
    tags.forEach((t, k) => expect(text.slice(off(k), off(k) + t.length), t).toBe(t));
    expect(off(13)).toBe(bytes.length);
  });

  test('format 117: strings that are not UTF-8 are decoded as GB18030 (or the given encoding) with a warning', () => {
    const bytes = writeDta({ header: ['province', 'x'], columns: [['QQQQ', 'ok'], [1, 2]] }, { release: 117 });
    const at = new TextDecoder('latin1').decode(bytes).indexOf('QQQQ');
    bytes.set([0xb1, 0xb1, 0xbe, 0xa9], at); // 北京 in GBK
    const d = readDta(bytes, 'gbk.dta');
    expect(d.columns[0]).toEqual(['北京', 'ok']);
    expect(d.encoding).toBe('gb18030');
    expect(d.warnings[0].code).toBe('dta-encoding');
    expect(readDta(bytes, 'gbk.dta', { encoding: 'windows-1252' }).columns[0][0]).toBe('±±¾©');
    // in 118 the same bytes are UTF-8 by definition (replacement characters, no guessing)
    expect(readDta(writeDta({ header: ['a'], columns: [['北京']] }), 'u.dta').encoding).toBe('utf-8');
  });

  test('what Stata cannot hold is a DataError naming the column', () => {
    const bad = (t: Partial<DtaWriteInput>, kind: string) => {
      try {
        writeDta({ header: ['a'], columns: [[1]], ...t } as DtaWriteInput);
        throw new Error('no error');
      } catch (e) {
        expect((e as { kind: string }).kind).toBe(kind);
      }
    };
    bad({ header: ['1abc'] }, 'dta-bad-name');
    bad({ header: ['in'] }, 'dta-bad-name');
    bad({ header: ['a'.repeat(33)] }, 'dta-bad-name');
    bad({ header: ['a', 'a'], columns: [[1], [2]] }, 'dta-duplicate-name');
    bad({ columns: [[1, 'x']] }, 'dta-mixed-column');
    bad({ columns: [[Infinity]] }, 'dta-not-representable');
    bad({ variableLabels: { a: 'x'.repeat(81) } }, 'dta-text-too-long');
    bad({ missingCodes: { a: { 0: '.A' } }, columns: [[null]] }, 'dta-bad-missing-code');
    bad({ valueLabels: { a: { 1.5: 'x' } } }, 'dta-bad-value-labels');
  });
});
