import { expect, it } from 'vitest';
import { playwrightCounts, sum, vitestCounts } from './test-counts';

it('counts vitest tests, and a file that failed to load as a failure', () => {
  const report = {
    numPassedTests: 10,
    numFailedTests: 1,
    testResults: [
      { status: 'passed', assertionResults: [{}, {}] },
      { status: 'failed', assertionResults: [{}] },
      { status: 'failed', assertionResults: [] },
    ],
  };
  expect(vitestCounts(report)).toEqual({ passed: 10, failed: 2 });
});

it('counts flaky Playwright tests as passed', () => {
  expect(playwrightCounts({ stats: { expected: 20, unexpected: 1, flaky: 2 } })).toEqual({ passed: 22, failed: 1 });
});

it('adds counts up', () => {
  expect(sum([{ passed: 1, failed: 2 }, { passed: 3, failed: 0 }])).toEqual({ passed: 4, failed: 2 });
  expect(sum([])).toEqual({ passed: 0, failed: 0 });
});
