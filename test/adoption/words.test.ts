// What a drafter writes in 采纳情况, and the 逾期视为无意见 clause read from letters as offices write it.
import { describe, expect, it } from 'vitest';
import { decisionOf } from '../../src/adoption/decision.js';
import { parseLetter } from '../../src/outline/parse.js';
import { SAMPLE, fixture } from '../support/cli.js';

describe('采纳情况 as typed or chosen', () => {
  it('reads the words offices use, with stray spaces and a final stop', () => {
    const read = (words: string[]) => words.map(decisionOf);
    expect(read(['采纳', '已采纳 ', ' 予以采纳', '采　纳', '全部采纳。'])).toEqual(Array(5).fill('adopted'));
    expect(read(['部分采纳', ' 已部分采纳', '部分 采纳'])).toEqual(Array(3).fill('partly'));
    expect(read(['不采纳', '不予采纳', '未采纳', '暂不采纳', '不予 采纳；'])).toEqual(Array(5).fill('rejected'));
  });

  it('takes nothing else for a decision: the comment stays on the list of work remaining', () => {
    expect(['', '   ', '待研究', '采纳？', '原则采纳不', '是'].map(decisionOf)).toEqual(Array(6).fill(null));
  });
});

describe('逾期视为无意见 in a letter', () => {
  it('is read as written when the letter says it', async () => {
    expect((await parseLetter(fixture('shapes/bracket-2023-chinese-date.txt'))).letter.silenceClause).toBe('逾期未反馈视为无意见');
    expect((await parseLetter(fixture('public/05-huzhou-jtj-2021-chuzuche-banfa-gkzqyj-tongzhi.txt'))).letter.silenceClause).toMatch(/^逾期未反馈[,，]视为无意见$/u);
  });

  it('is null when the letter does not say it (the sample letter)', async () => {
    expect((await parseLetter(SAMPLE)).letter.silenceClause).toBeNull();
  });
});
