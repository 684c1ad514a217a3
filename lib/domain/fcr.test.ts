import { describe, expect, it } from 'vitest';
import { computeFcr, computeOneTouch, isRecontact } from './fcr';

const solved = new Date('2026-03-02T10:00:00Z');
const hours = (h: number) => new Date(solved.getTime() + h * 3_600_000);

describe('FCR', () => {
  it.each([
    ['never solved', { firstSolvedAt: null, repliesBeforeFirstSolve: 1, reopenCount: 0, recontacted: false }, null],
    ['solved without reply', { firstSolvedAt: solved, repliesBeforeFirstSolve: 0, reopenCount: 0, recontacted: false }, null],
    ['one reply, no reopen, no re-contact', { firstSolvedAt: solved, repliesBeforeFirstSolve: 1, reopenCount: 0, recontacted: false }, true],
    ['two replies', { firstSolvedAt: solved, repliesBeforeFirstSolve: 2, reopenCount: 0, recontacted: false }, false],
    ['reopened', { firstSolvedAt: solved, repliesBeforeFirstSolve: 1, reopenCount: 1, recontacted: false }, false],
    ['re-contacted', { firstSolvedAt: solved, repliesBeforeFirstSolve: 1, reopenCount: 0, recontacted: true }, false],
    ['no reply but reopened is still null', { firstSolvedAt: solved, repliesBeforeFirstSolve: 0, reopenCount: 1, recontacted: true }, null],
  ])('%s → %s', (_label, input, expected) => {
    expect(computeFcr(input)).toBe(expected);
  });
});

describe('re-contact window (first_solved_at, first_solved_at + N days]', () => {
  it.each([
    ['at the solve instant', 0, false],
    ['one second after', 1 / 3600, true],
    ['exactly N days after', 7 * 24, true],
    ['one second past N days', 7 * 24 + 1 / 3600, false],
    ['before the solve', -1, false],
  ])('%s', (_label, h, expected) => {
    expect(isRecontact(solved, hours(h), 7)).toBe(expected);
  });

  it('a window of 0 days has no re-contacts', () => {
    expect(isRecontact(solved, hours(1), 0)).toBe(false);
  });
});

describe('one-touch', () => {
  it.each([
    ['solved with one reply', { status: 'solved', firstSolvedAt: solved, agentReplyCount: 1 }, true],
    ['closed with no reply', { status: 'closed', firstSolvedAt: solved, agentReplyCount: 0 }, true],
    ['solved with two replies', { status: 'solved', firstSolvedAt: solved, agentReplyCount: 2 }, false],
    ['solved once, open again', { status: 'open', firstSolvedAt: solved, agentReplyCount: 1 }, false],
    ['never solved', { status: 'open', firstSolvedAt: null, agentReplyCount: 1 }, null],
  ])('%s', (_label, input, expected) => {
    expect(computeOneTouch(input)).toBe(expected);
  });
});
