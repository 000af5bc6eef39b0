// Test counts from the JSON reports vitest and Playwright write to reports/ (see their configs).

export interface Counts {
  passed: number;
  failed: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: unknown[] }[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number };
}

/** a test file that fails before any test runs (a syntax error, a bad import) counts as one failure */
export function vitestCounts(report: VitestReport): Counts {
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles.length };
}

/** a test that failed and then passed on retry (flaky) counts as passed */
export function playwrightCounts(report: PlaywrightReport): Counts {
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}

export const sum = (counts: Counts[]): Counts =>
  counts.reduce((total, c) => ({ passed: total.passed + c.passed, failed: total.failed + c.failed }), { passed: 0, failed: 0 });
