import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, parseCsv } from './csv';

function ok(text: string) {
  const r = parseCsv(text, 'test.csv');
  if (!r.ok) throw new Error(`expected a parse, got: ${r.error}`);
  return r.data;
}
function error(text: string): string {
  const r = parseCsv(text, 'bad.csv');
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('CSV parser: good files', () => {
  it('reads a header with a label column anywhere, standardising each feature', () => {
    const d = ok('x1,x2,label\n1,10,b\n3,10,a\n5,10,b\n7,10,a\n');
    expect(d.n).toBe(4);
    expect(d.inputDim).toBe(2);
    expect(d.classNames).toEqual(['a', 'b']);
    expect(Array.from(d.y)).toEqual([1, 0, 1, 0]);
    // Column 1: mean 4, population sd √5. Column 2 is constant: 0.
    const sd = Math.sqrt(5);
    expect(Array.from(d.x).map((v) => Number(v.toFixed(5)))).toEqual(
      [-3 / sd, 0, -1 / sd, 0, 1 / sd, 0, 3 / sd, 0].map((v) => Number(v.toFixed(5))),
    );
  });
  it('reads a file without a header (label first), CRLF, blank lines, quotes and a BOM', () => {
    const d = ok('\uFEFF2,0.5,1\r\n\r\n10,"1.5",2\r\n2,2.5,3\r\n10,3.5,4\r\n');
    expect(d.n).toBe(4);
    expect(d.inputDim).toBe(2);
    expect(d.classNames).toEqual(['2', '10']); // numeric labels sort as numbers
    expect(Array.from(d.y)).toEqual([0, 1, 0, 1]);
  });
  it('reads tab- and semicolon-separated text', () => {
    expect(ok('label\tf\na\t1\nb\t2\na\t3\nb\t4').n).toBe(4);
    expect(ok('class;f;g\na;1;2\nb;2;3\na;3;1\nb;4;0').inputDim).toBe(2);
  });
});

describe('CSV parser: malformed files name the line and the problem', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['only blank lines', '\n\n  \n', /empty/],
    ['one column', 'a\nb\nc', /line 1: found 1 column/],
    ['a header and nothing else', 'label,x,y\n', /line 1 is a header and no data rows/],
    ['a short row', 'label,x,y\na,1,2\nb,3\n', /line 3: 2 values; expected 3, as on line 1/],
    ['a long row after a blank line', 'label,x\na,1\n\nb,2,9\n', /line 4: 3 values; expected 2/],
    ['a word among numbers', 'label,x,y\na,1,2\nb,3,four\n', /line 3, column 3 \(y\): "four" is not a finite number/],
    ['an empty feature', 'a,1,2\nb,,3\n', /line 2, column 2 \(column 2\): the value is missing/],
    ['an empty label', 'label,x\na,1\n,2\n', /line 3: the label \(label\) is empty/],
    ['Infinity', 'label,x\na,1\nb,Infinity\n', /line 3, column 2 \(x\): "Infinity" is not a finite number/],
    ['one class', 'label,x\na,1\na,2\na,3\n', /need at least 2 classes/],
    ['too many classes', `label,x\n${Array.from({ length: 13 }, (_, i) => `c${i},1\nc${i},2`).join('\n')}`, /13 classes; at most 12/],
    ['a class of one row', 'label,x\na,1\na,2\nb,3\n', /class "b" has 1 row/],
    ['an unclosed quote', 'label,x\na,1\nb,"2\n', /line 3: .*quote/i],
    ['too many features', `label,${Array.from({ length: 785 }, (_, i) => `f${i}`).join(',')}\n`, /785 feature columns; at most 784/],
  ];
  for (const [name, text, pattern] of cases) {
    it(name, () => {
      const e = error(text);
      expect(e).toMatch(/^bad\.csv: /);
      expect(e).toMatch(pattern);
    });
  }
  it('too many rows', () => {
    const rows = Array.from({ length: CSV_LIMITS.rows + 1 }, (_, i) => `${i % 2},${i}`).join('\n');
    expect(error(`label,x\n${rows}`)).toMatch(/20,001 data rows; at most 20,000/);
  });
});

describe('CSV parser: finding the label column', () => {
  it('takes the only text column when no header names one (iris-style, label last)', () => {
    const d = ok('sepal,petal,species\n1,2,setosa\n2,3,virginica\n1,1,setosa\n3,2,virginica\n');
    expect(d.inputDim).toBe(2);
    expect(d.classNames).toEqual(['setosa', 'virginica']);
    const noHeader = ok('1,2,setosa\n2,3,virginica\n1,1,setosa\n3,2,virginica\n');
    expect(noHeader.classNames).toEqual(['setosa', 'virginica']);
    expect(noHeader.inputDim).toBe(2);
  });
});
