import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, raised } from './session.js';
import {
  Grouping, fillNumber, formatStringWithSpec, insertThousandsGrouping, integerText, parseFormatSpec, splitNumber,
} from '../../engine/objects/formatspec.js';

beforeAll(() => {
  bindFreshProcess();
});

const intSpec = (s: string) => parseFormatSpec(s, 'int', 'd', '>');
const strSpec = (s: string) => parseFormatSpec(s, 'str', 's', '<');

describe('format spec parsing (3.11 errors)', () => {
  it('reads every field', () => {
    expect(intSpec('*^+z#012_.3f')).toEqual({
      fill: '*', align: '^', alternate: true, sign: '+', noNegZero: true, width: 12,
      grouping: Grouping.UNDERSCORE, precision: 3, type: 'f',
    });
    expect(intSpec('08').align).toBe('=');
    expect(strSpec('05').align).toBe('<');
  });

  it.each([
    ['xx', "ValueError: Invalid format specifier 'xx' for object of type 'int'"],
    [',_', "ValueError: Cannot specify both ',' and '_'."],
    ['_,', "ValueError: Cannot specify both ',' and '_'."],
    [',,', "ValueError: Cannot specify ',' with ','."],
    [',c', "ValueError: Cannot specify ',' with 'c'."],
    [',x', "ValueError: Cannot specify ',' with 'x'."],
    ['99999999999999999999', 'ValueError: Too many decimal digits in format string'],
    ['.', 'ValueError: Format specifier missing precision'],
    ['.x', 'ValueError: Format specifier missing precision'],
  ])('%j', (spec, err) => {
    expect(raised(() => intSpec(spec))).toBe(err);
  });

  it('groups bin/oct/hex by four with underscores', () => {
    expect(intSpec('_x').grouping).toBe(Grouping.UNDERSCORE_FOUR);
  });
});

describe('string formatting', () => {
  it('pads, aligns and truncates', () => {
    expect(formatStringWithSpec('ab', strSpec('\x00^7'))).toBe('\x00\x00ab\x00\x00\x00');
    expect(formatStringWithSpec('a', strSpec('05'))).toBe('a0000');
    expect(formatStringWithSpec('hello', strSpec('>8.3'))).toBe('     hel');
  });

  it.each([
    ['+5', 'ValueError: Sign not allowed in string format specifier'],
    ['z#', 'ValueError: Negative zero coercion (z) not allowed in string format specifier'],
    ['#', 'ValueError: Alternate form (#) not allowed in string format specifier'],
    ['=5', "ValueError: '=' alignment not allowed in string format specifier"],
  ])('%j', (spec, err) => {
    expect(raised(() => formatStringWithSpec('a', strSpec(spec)))).toBe(err);
  });
});

describe('number layout', () => {
  it('zero-pads into the grouping as _PyUnicode_InsertThousandsGrouping does', () => {
    expect(insertThousandsGrouping('1234', 10, Grouping.COMMA)).toBe('00,001,234');
    expect(fillNumber(integerText('1234', ''), intSpec('010,'))).toBe('00,001,234');
    expect(fillNumber(integerText('1234', '-'), intSpec('010,'))).toBe('-0,001,234');
    expect(fillNumber(integerText('ff', '', '0x'), intSpec('#010_x'))).toBe('0x000_00ff');
    expect(fillNumber(integerText('255', ''), intSpec('^#12,'))).toBe('    255     ');
    expect(fillNumber(integerText('bc614e', ''), intSpec('_X'), true)).toBe('BC_614E');
    expect(fillNumber(splitNumber('1234567.125', ''), intSpec(',.3f'))).toBe('1,234,567.125');
    expect(fillNumber(integerText('5', ''), intSpec(' 05'))).toBe(' 0005');
  });
});
