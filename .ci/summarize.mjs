// Adds up vitest's JSON reports: a line per report, then one closing line,
// "vitest: N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skippedHere = report.numPendingTests + report.numTodoTests;
  console.log(`  ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skippedHere} skipped`);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += skippedHere;
}
console.log(`vitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
